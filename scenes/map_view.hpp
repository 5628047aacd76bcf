// The map itself, reusable by any scene that shows Guizhou: loads the show's GeoJSON (province,
// prefectures, counties) and county facts, builds the layers of a MapSceneSpec as static meshes
// for a rectangle of the output (choropleth, borders, glowing outline), and places prefecture and
// county labels without overlaps. Rebuilds only when the rectangle changes.
//
//   MapView view(spec.map, services);                    // throws ContentError on bad files
//   view.layout(layout, mapRect, {legendRect});          // each frame; cheap when nothing changed
//   view.draw(canvas);
//
// Does not: draw legends, titles or panels (scenes do), or animate.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/geojson.hpp"
#include "core/projection.hpp"
#include "data_feed/county_facts.hpp"
#include "scenes/layout.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

class MapView {
public:
    MapView(const MapSceneSpec& spec, const SceneServices& services);

    // Fits the map into `area` (output px) and keeps labels out of `obstacles`.
    void layout(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);
    void draw(Canvas& canvas) const;

    struct LabelBox {
        std::string text;
        Rect box;  // halo included
    };
    std::vector<LabelBox> placedLabels() const;
    Color countyColor(const std::string& adcode) const;  // by the choropleth layer
    const ChoroplethLayer* choropleth() const;
    const CountyFacts& facts() const { return facts_; }
    const GeoCollection& counties() const { return counties_; }
    const MapProjection& projection() const { return projection_; }

private:
    struct PlacedLabel {
        const Font* font;
        std::string text;
        TextLayout layout;
        glm::vec2 topLeft;
        TextPaint paint;
        Rect box;
    };
    struct LayerMeshes {
        Mesh2DRef glow, main;
    };
    void rebuild(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);
    void placeLabels(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);

    const MapSceneSpec& spec_;
    const SceneServices& services_;
    GeoCollection province_, prefectures_, counties_;
    CountyFacts facts_;

    Rect builtFor_{0, 0, 0, 0};
    MapProjection projection_;
    std::vector<LayerMeshes> layerMeshes_;  // parallel to spec_.layers
    std::vector<PlacedLabel> labels_;
};

}  // namespace exhibit
