// The map itself, reusable by any scene that shows Guizhou: loads the show's GeoJSON (province,
// prefectures, counties) and county facts, builds the layers of a MapSceneSpec as static meshes
// for a rectangle of the output (choropleth, borders, glowing outline), and places prefecture and
// county labels without overlaps. Rebuilds only when the rectangle changes. Live layers follow the
// feed: a choropleth of a feed metric (per-county meshes recoloured by a tint each frame, easing to
// new colours), ripples (map_ripples.hpp) and flylines (map_flylines.hpp).
//
//   MapView view(spec.map, services);                    // throws ContentError on bad files
//   view.update(time, feed);                             // live layers; no-op for a static map
//   view.layout(layout, mapRect, {legendRect});          // each frame; cheap when nothing changed
//   view.draw(canvas);
//
// Does not: draw legends, titles or panels (scenes do).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geojson.hpp"
#include "core/projection.hpp"
#include "data_feed/county_facts.hpp"
#include "scenes/layout.hpp"
#include "scenes/map_flylines.hpp"
#include "scenes/map_ripples.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

class MapView {
public:
    MapView(const MapSceneSpec& spec, const SceneServices& services);

    // Fits the map into `area` (output px) and keeps labels out of `obstacles`.
    void layout(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);
    void update(const FrameTime& time, const Snapshot& feed);
    void draw(Canvas& canvas) const;

    // The value range of the feed-metric choropleth now (for its legend).
    struct LiveRange {
        double min = 0, max = 0;
        int counties = 0;  // with a value
        bool simulated = false;
        std::size_t source = 0;  // Snapshot::sources index of the newest value
    };
    std::optional<LiveRange> liveRange() const { return liveRange_; }
    Color rampColor(double value) const;  // by the feed-metric choropleth and liveRange()
    bool liveSimulated() const;           // any live layer shows simulated values
    const MapFlylines* flylines() const;

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
    struct LayerState {
        Mesh2DRef glow, main;
        std::unique_ptr<MapRipples> ripples;
        std::unique_ptr<MapFlylines> flylines;
    };
    struct LiveCounty {
        std::string adcode;
        Mesh2DRef fill;  // white, tinted
        Color shown, target;
        bool seen = false;  // has had a value: new values ease, the first one is shown at once
    };
    void updateChoropleth(const ChoroplethLayer& layer, const Snapshot& feed, double dt);
    void rebuild(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);
    void placeLabels(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);

    const MapSceneSpec& spec_;
    const SceneServices& services_;
    GeoCollection province_, prefectures_, counties_;
    CountyFacts facts_;

    Rect builtFor_{0, 0, 0, 0};
    MapProjection projection_;
    std::vector<LayerState> layers_;  // parallel to spec_.layers
    MapAnchors countyAnchors_, prefectureAnchors_;
    std::vector<LiveCounty> liveCounties_;
    std::optional<LiveRange> liveRange_;
    double time_ = 0;
    std::vector<PlacedLabel> labels_;
};

}  // namespace exhibit
