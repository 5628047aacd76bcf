#include "scenes/map_view.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "scenes/label_placer.hpp"
#include "scenes/map_geometry.hpp"

namespace exhibit {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};

bool sameRect(const Rect& a, const Rect& b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }

}  // namespace

MapView::MapView(const MapSceneSpec& spec, const SceneServices& services) : spec_(spec), services_(services) {
    const ShowFile& show = services.show;
    province_ = loadGeoJson(show.resolve(spec.geo.province));
    prefectures_ = loadGeoJson(show.resolve(spec.geo.prefectures));
    counties_ = loadGeoJson(show.resolve(spec.geo.counties));
    facts_ = loadCountyFacts(show.resolve(spec.facts.counties));

    int unmatched = 0;
    for (const auto& county : counties_.features)
        if (!facts_.find(county.adcode)) {
            ++unmatched;
            spdlog::warn("[map.facts] {}: county {} {} has no row in {}", spec.geo.counties, county.adcode, county.name,
                         spec.facts.counties);
        }
    if (unmatched > 0) spdlog::warn("[map.facts] {} counties without facts are drawn in the 'other' colour", unmatched);
}

const ChoroplethLayer* MapView::choropleth() const {
    for (const auto& layer : spec_.layers)
        if (const auto* c = std::get_if<ChoroplethLayer>(&layer)) return c;
    return nullptr;
}

Color MapView::countyColor(const std::string& adcode) const {
    const ChoroplethLayer* layer = choropleth();
    if (!layer) return services_.show.theme.panel;
    const CountyFact* fact = facts_.find(adcode);
    if (fact && fact->exitYear)
        for (const auto& c : layer->classes)
            if (c.value == *fact->exitYear) return c.color;
    return layer->otherColor;
}

void MapView::layout(const Layout& layout, const Rect& area, std::span<const Rect> obstacles) {
    if (!sameRect(area, builtFor_)) rebuild(layout, area, obstacles);
}

void MapView::rebuild(const Layout& layout, const Rect& area, std::span<const Rect> obstacles) {
    builtFor_ = area;
    const float margin = layout.px(24);
    projection_ = MapProjection::fit(province_.bounds, {area.x, area.y, area.w, area.h}, margin);

    layerMeshes_.clear();
    for (const auto& layer : spec_.layers) {
        LayerMeshes meshes;
        std::visit(Overloaded{
                       [&](const ChoroplethLayer&) {
                           meshes.main = buildFillMesh(counties_, projection_, [&](const GeoFeature& county) {
                               return countyColor(county.adcode);
                           });
                       },
                       [&](const BordersLayer& b) {
                           const auto& features = b.level == MapLevel::County ? counties_ : prefectures_;
                           meshes.main = buildBorderMesh(features, projection_, layout.px(b.width), b.color);
                       },
                       [&](const OutlineLayer& o) {
                           if (o.glow)
                               meshes.glow = buildBorderMesh(province_, projection_, layout.px(o.glowWidth), *o.glow, true);
                           meshes.main = buildBorderMesh(province_, projection_, layout.px(o.width), o.color);
                       },
                       [&](const LabelsLayer&) {},
                       [&](const RipplesLayer&) {},
                       [&](const FlylinesLayer&) {},
                   },
                   layer);
        layerMeshes_.push_back(std::move(meshes));
    }
    placeLabels(layout, area, obstacles);
}

void MapView::placeLabels(const Layout& layout, const Rect& area, std::span<const Rect> obstacles) {
    labels_.clear();
    LabelPlacer placer(area);
    for (const auto& obstacle : obstacles)
        if (obstacle.w > 0) placer.addObstacle(obstacle);
    for (const auto& layer : spec_.layers) {
        const auto* labels = std::get_if<LabelsLayer>(&layer);
        if (!labels) continue;
        const auto& features = labels->level == MapLevel::County ? counties_ : prefectures_;
        const Font& font = labels->bold ? services_.bold : services_.regular;
        TextStyle style;
        style.sizePx = layout.px(labels->size);
        style.lineSpacing = 1.15f;
        TextPaint paint;
        paint.color = labels->color;
        if (labels->outline) {
            paint.outline = *labels->outline;
            paint.outlineWidth = std::max(1.5f, style.sizePx * 0.14f);
        }
        std::vector<LabelCandidate> candidates;
        std::vector<TextLayout> layouts;
        for (const auto& feature : features.features) {
            TextLayout text = layoutText(font, feature.name, style);
            const glm::dvec2 anchor = feature.labelPoint.value_or(feature.centroid.value_or(feature.bounds.min));
            const auto& b = feature.bounds;
            const float areaPriority = static_cast<float>((b.max.x - b.min.x) * (b.max.y - b.min.y));
            const float halo = paint.outlineWidth;
            candidates.push_back({projection_.toScreen(anchor),
                                  {text.contentWidth + 2 * halo, text.height + 2 * halo}, areaPriority});
            layouts.push_back(std::move(text));
        }
        const auto boxes = placer.placeAll(candidates);
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (!boxes[i]) continue;
            const float halo = paint.outlineWidth;
            labels_.push_back({&font, features.features[i].name, std::move(layouts[i]),
                               {boxes[i]->x + halo, boxes[i]->y + halo}, paint, *boxes[i]});
        }
    }
}

std::vector<MapView::LabelBox> MapView::placedLabels() const {
    std::vector<LabelBox> boxes;
    for (const auto& l : labels_) boxes.push_back({l.text, l.box});
    return boxes;
}

void MapView::draw(Canvas& canvas) const {
    for (const auto& meshes : layerMeshes_) {
        if (meshes.glow) canvas.mesh(meshes.glow);
        if (meshes.main) canvas.mesh(meshes.main);
    }
    for (const auto& label : labels_) canvas.text(*label.font, label.layout, label.topLeft, label.paint);
}

}  // namespace exhibit
