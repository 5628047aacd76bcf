#include "scenes/map_geometry.hpp"

#include <algorithm>

#include <glm/geometric.hpp>

#include "renderer/stroke.hpp"
#include "renderer/tessellator.hpp"

namespace exhibit {
namespace {

std::vector<glm::vec2> projectRing(const GeoRing& ring, const MapProjection& projection, float minStepPx) {
    std::vector<glm::vec2> out;
    out.reserve(ring.points.size());
    for (const auto& p : ring.points) {
        const glm::vec2 s = projection.toScreen(p);
        if (out.empty() || glm::distance(out.back(), s) >= minStepPx) out.push_back(s);
    }
    return out;
}

}  // namespace

std::vector<ScreenPolygon> projectFeature(const GeoFeature& feature, const MapProjection& projection, float minStepPx) {
    std::vector<ScreenPolygon> polygons;
    for (const auto& polygon : feature.polygons) {
        ScreenPolygon rings;
        auto exterior = projectRing(polygon.exterior, projection, minStepPx);
        if (exterior.size() < 3) continue;  // smaller than a pixel at this size
        rings.push_back(std::move(exterior));
        for (const auto& hole : polygon.holes) {
            auto h = projectRing(hole, projection, minStepPx);
            if (h.size() >= 3) rings.push_back(std::move(h));
        }
        polygons.push_back(std::move(rings));
    }
    return polygons;
}

Mesh2DRef buildFillMesh(const GeoCollection& features, const MapProjection& projection,
                        const std::function<Color(const GeoFeature&)>& colorOf) {
    auto mesh = std::make_shared<Mesh2D>();
    std::vector<glm::vec2> triangles;
    for (const auto& feature : features.features) {
        const std::uint32_t color = colorOf(feature).packed();
        for (const auto& polygon : projectFeature(feature, projection)) {
            triangles.clear();
            tessellatePolygon(polygon, triangles);
            for (const auto& p : triangles) mesh->vertices.push_back({p, color, {0.0f, kSolidEdge}});
        }
    }
    return mesh;
}

Mesh2DRef buildBorderMesh(const GeoCollection& features, const MapProjection& projection, float widthPx, Color color,
                          bool soft) {
    auto mesh = std::make_shared<Mesh2D>();
    const std::uint32_t packed = color.packed();
    // A glow is wide and soft: detail finer than a quarter of its width only makes it look furry.
    const float minStep = soft ? std::max(0.35f, widthPx * 0.25f) : 0.35f;
    for (const auto& feature : features.features)
        for (const auto& polygon : projectFeature(feature, projection, minStep))
            for (const auto& ring : polygon) appendStroke(ring, widthPx, packed, true, mesh->vertices, soft);
    return mesh;
}

}  // namespace exhibit
