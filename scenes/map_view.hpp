// The map itself, reusable by any scene that shows Guizhou: loads the show's GeoJSON (province,
// prefectures, counties) and county facts (map_content.hpp: parsed once, shared by the maps of a
// show), builds the layers of a MapSceneSpec as static meshes
// for a rectangle of the output (choropleth, borders, glowing outline), and places prefecture and
// county labels without overlaps. Rebuilds only when the rectangle changes. Live layers follow the
// feed: a choropleth of a feed metric (per-county meshes recoloured by a tint each frame, easing to
// new colours), ripples (map_ripples.hpp), flylines (map_flylines.hpp) and networks (map_network.hpp).
//
//   MapView view(spec.map, services);                    // throws ContentError on bad files
//   view.update(time, feed);                             // live layers; no-op for a static map
//   view.layout(layout, mapRect, {legendRect});          // each frame; cheap when nothing changed
//   view.draw(canvas);
//
// Drill-down: hitCounty()/hitPrefecture() pick what is under a screen point, focusPrefecture()
// flies the camera (map_camera.hpp) to a prefecture and dims the rest, focusHome() flies back;
// camera() pans and pinches. While the camera moves, the static meshes are drawn transformed and
// labels and live layers wait; when it rests, everything is rebuilt crisply for the new view.
//
// Does not: draw legends, titles or panels (scenes do), or interpret gestures (scenes map them to
// focus, pan and zoom).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geojson.hpp"
#include "core/projection.hpp"
#include "data_feed/county_facts.hpp"
#include "scenes/layout.hpp"
#include "scenes/map_camera.hpp"
#include "scenes/map_content.hpp"
#include "scenes/map_flylines.hpp"
#include "scenes/map_network.hpp"
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
    // The map's figures: one per data layer (exit years with the facts' sources; live layers).
    std::vector<ShownFigure> figures() const;
    const MapFlylines* flylines() const;
    const MapNetwork* network() const;

    // Drill-down. Hits are adcodes, "" for nothing; focusPrefecture("") is focusHome().
    std::string hitCounty(glm::vec2 screen) const;
    std::string hitPrefecture(glm::vec2 screen) const;
    void focusPrefecture(const std::string& adcode);
    void focusHome();
    const std::string& focusedPrefecture() const { return focused_; }
    // Emphasises one county (its fill pulses, a ring marks it) until another one or "" is set.
    void highlightCounty(const std::string& adcode);
    const std::string& highlightedCounty() const { return highlighted_; }
    // Shows a county in `color` instead of its choropleth colour, until clearCountyColors(): for a
    // scene that animates the map itself (the timeline recolouring it year by year).
    void setCountyColor(const std::string& adcode, Color color) { colorOverrides_[adcode] = color; }
    void clearCountyColors() { colorOverrides_.clear(); }
    // Where a county's label point is on screen now; nullopt for an unknown county.
    std::optional<glm::vec2> countyAnchor(const std::string& adcode) const;
    const GeoFeature* county(const std::string& adcode) const;
    const GeoFeature* prefecture(const std::string& adcode) const;
    const Rect& area() const { return builtFor_; }  // as laid out (output px)
    MapCamera& camera() { return camera_; }
    const MapCamera& camera() const { return camera_; }
    // The current projection (the camera's view of the laid-out area), for placing things on the map.
    MapProjection currentProjection() const;
    // How the static meshes are drawn now (identity at rest).
    const MeshTransform& meshTransform() const { return transform_; }
    const GeoCollection& prefectures() const { return prefectures_; }

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
        std::unique_ptr<MapNetwork> network;
    };
    struct CountyFill {
        std::string adcode, prefecture;
        Mesh2DRef fill;  // white, tinted by the choropleth each frame
        Color shown, target;
        bool seen = false;  // has had a value: new values ease, the first one is shown at once
    };
    void updateChoropleth(const ChoroplethLayer& layer, const Snapshot& feed, double dt);
    void rebuild(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);
    float highlightPulse() const;
    void drawClipped(Canvas& canvas) const;  // how far the highlighted county's fill is lifted towards white
    void placeLabels(const Layout& layout, const Rect& area, std::span<const Rect> obstacles);

    const MapSceneSpec& spec_;
    const SceneServices& services_;
    const MapContent content_;  // parsed once, shared with the other maps of the show
    const GeoCollection& province_ = *content_.province;
    const GeoCollection& prefectures_ = *content_.prefectures;
    const GeoCollection& counties_ = *content_.counties;
    const CountyFacts& facts_ = *content_.facts;

    Rect builtFor_{0, 0, 0, 0};
    Rect fitFor_{0, 0, 0, 0};  // builtFor_ less what a network layer keeps free for its partners
    MapProjection projection_;
    std::vector<LayerState> layers_;  // parallel to spec_.layers
    MapAnchors countyAnchors_, prefectureAnchors_;
    std::vector<CountyFill> countyFills_;
    MapCamera camera_;
    std::uint64_t builtRest_ = 0;  // camera rest version the meshes were built for
    Language builtLanguage_ = Language::Zh;  // the language the labels were placed in
    MeshTransform transform_;      // built projection -> current view
    float margin_ = 0;
    std::string focused_, highlighted_;
    double highlightSince_ = 0;
    float focusDim_ = 0;  // 0..1, eased: how much the counties outside the focus are dimmed
    std::optional<LiveRange> liveRange_;
    double time_ = 0;
    std::vector<PlacedLabel> labels_;
    std::map<std::string, Color, std::less<>> colorOverrides_;
};

}  // namespace exhibit
