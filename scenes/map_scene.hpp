// The Guizhou map scene: province outline, 9 prefectures and 88 counties from the show's GeoJSON,
// a choropleth of the year each county left the national poverty-county list (real figures from
// the show's facts CSV, with their source), prefecture and county labels placed without overlaps,
// a legend with counts per year, and the map-data notice. Layers come from the show file and are
// drawn in its order. Geometry is rebuilt for the output's pixels when the output size changes.
//
// Does not: animate, take touch input, or read live feeds (later layers will).
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "core/geojson.hpp"
#include "core/projection.hpp"
#include "data_feed/county_facts.hpp"
#include "scenes/layout.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

class MapScene final : public Scene {
public:
    // Loads the GeoJSON and facts; throws ContentError naming the file and what was wrong.
    MapScene(const SceneSpec& spec, const MapSceneSpec& map, const SceneServices& services);

    void update(const FrameTime& time) override;
    void draw(Canvas& canvas) override;

    // For tests: labels placed at the last layout (text and box, halo included), and the colour a
    // county is filled with.
    struct LabelBox {
        std::string text;
        Rect box;
    };
    std::vector<LabelBox> placedLabels() const;
    Color countyColor(const std::string& adcode) const;

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
    struct LegendText {
        TextLayout title, summary;
    };
    void rebuild(glm::ivec2 size);
    std::string legendSummary() const;
    LegendText legendText(const Layout& layout, float innerWidth) const;
    void placeLabels(const Layout& layout, const Rect& mapRect, const Rect& legendRect);
    void drawLegend(Canvas& canvas, const Layout& layout, const Rect& box) const;
    Rect legendRect(const Layout& layout) const;
    std::map<int, std::string> announcementDates() const;  // exit year -> announcement date
    void drawAnnouncements(Canvas& canvas, const Layout& layout, const Rect& area) const;

    const SceneSpec& spec_;
    const MapSceneSpec& map_;
    const SceneServices& services_;
    GeoCollection province_, prefectures_, counties_;
    CountyFacts facts_;
    std::string sourceLine_;

    glm::ivec2 builtFor_{0, 0};
    MapProjection projection_;
    std::vector<LayerMeshes> layerMeshes_;  // parallel to map_.layers
    std::vector<PlacedLabel> labels_;
};

}  // namespace exhibit
