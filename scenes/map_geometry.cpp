#include "scenes/map_geometry.hpp"

#include <algorithm>

#include <glm/geometric.hpp>

#include "renderer/stroke.hpp"
#include "renderer/tessellator.hpp"

namespace exhibit {
namespace {

float distanceToSegment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::distance(p, a + ab * t);
}

// Douglas-Peucker: keeps the points that deviate more than `tolerance` px from the simplified line.
std::vector<glm::vec2> simplify(const std::vector<glm::vec2>& points, float tolerance) {
    if (points.size() < 3) return points;
    std::vector<bool> keep(points.size(), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, points.size() - 1}};
    while (!stack.empty()) {
        auto [first, last] = stack.back();
        stack.pop_back();
        float worst = 0;
        std::size_t index = first;
        for (std::size_t i = first + 1; i < last; ++i) {
            const float d = distanceToSegment(points[i], points[first], points[last]);
            if (d > worst) {
                worst = d;
                index = i;
            }
        }
        if (worst > tolerance) {
            keep[index] = true;
            stack.push_back({first, index});
            stack.push_back({index, last});
        }
    }
    std::vector<glm::vec2> out;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (keep[i]) out.push_back(points[i]);
    return out;
}

std::vector<glm::vec2> projectRing(const GeoRing& ring, const MapProjection& projection, float tolerancePx) {
    std::vector<glm::vec2> projected;
    projected.reserve(ring.points.size());
    for (const auto& p : ring.points) projected.push_back(projection.toScreen(p));
    return simplify(projected, tolerancePx);
}

}  // namespace

std::vector<ScreenPolygon> projectFeature(const GeoFeature& feature, const MapProjection& projection, float tolerancePx) {
    std::vector<ScreenPolygon> polygons;
    for (const auto& polygon : feature.polygons) {
        ScreenPolygon rings;
        auto exterior = projectRing(polygon.exterior, projection, tolerancePx);
        if (exterior.size() < 3) continue;  // smaller than a pixel at this size
        rings.push_back(std::move(exterior));
        for (const auto& hole : polygon.holes) {
            auto h = projectRing(hole, projection, tolerancePx);
            if (h.size() >= 3) rings.push_back(std::move(h));
        }
        polygons.push_back(std::move(rings));
    }
    return polygons;
}

namespace {

void appendFill(const GeoFeature& feature, const MapProjection& projection, Color color, Mesh2D& mesh) {
    const std::uint32_t packed = color.packed();
    std::vector<glm::vec2> triangles;
    for (const auto& polygon : projectFeature(feature, projection)) {
        triangles.clear();
        tessellatePolygon(polygon, triangles);
        for (const auto& p : triangles) mesh.vertices.push_back({p, packed, {0.0f, kSolidEdge}});
    }
}

}  // namespace

glm::dvec2 labelAnchor(const GeoFeature& feature) {
    return feature.labelPoint.value_or(feature.centroid.value_or(feature.bounds.min));
}

namespace {

bool ringContains(const GeoRing& ring, glm::dvec2 p) {
    bool inside = false;
    const auto& pts = ring.points;
    for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
        if ((pts[i].y > p.y) != (pts[j].y > p.y) &&
            p.x < (pts[j].x - pts[i].x) * (p.y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x)
            inside = !inside;
    }
    return inside;
}

}  // namespace

bool featureContains(const GeoFeature& feature, glm::dvec2 lonLat) {
    if (feature.bounds.empty() || lonLat.x < feature.bounds.min.x || lonLat.x > feature.bounds.max.x ||
        lonLat.y < feature.bounds.min.y || lonLat.y > feature.bounds.max.y)
        return false;
    for (const auto& polygon : feature.polygons) {
        if (polygon.exterior.points.size() < 3 || !ringContains(polygon.exterior, lonLat)) continue;
        const bool inHole = std::any_of(polygon.holes.begin(), polygon.holes.end(),
                                        [&](const GeoRing& hole) { return hole.points.size() >= 3 && ringContains(hole, lonLat); });
        if (!inHole) return true;
    }
    return false;
}

Mesh2DRef buildFeatureFillMesh(const GeoFeature& feature, const MapProjection& projection, Color color) {
    auto mesh = std::make_shared<Mesh2D>();
    appendFill(feature, projection, color, *mesh);
    return mesh;
}

Mesh2DRef buildBorderMesh(const GeoCollection& features, const MapProjection& projection, float widthPx, Color color,
                          bool soft) {
    auto mesh = std::make_shared<Mesh2D>();
    const std::uint32_t packed = color.packed();
    // A glow is wide and soft: detail finer than a tenth of its width only makes it look furry.
    const float tolerance = soft ? std::max(kSimplifyTolerancePx, widthPx * 0.1f) : kSimplifyTolerancePx;
    for (const auto& feature : features.features)
        for (const auto& polygon : projectFeature(feature, projection, tolerance))
            for (const auto& ring : polygon) appendStroke(ring, widthPx, packed, true, mesh->vertices, soft);
    return mesh;
}

}  // namespace exhibit
