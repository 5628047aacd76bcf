// The dashboard scene (精准扶贫云 overview): the live map in the centre (choropleth of a feed
// metric, ripples, flylines), the widgets of the show file around it, each bound to the feed
// (widget_bindings.hpp), the header and the footer with the data-source line and the map notice.
// Regions come from the show's layout for the output's aspect ratio: a 32:9 or 48:9 wall gets its
// own arrangement (and may show widgets a 16:9 output has no room for), never a stretched one.
//
// Touch: the map drills down (map_interaction.hpp); tapping a bar or a ticker row highlights its
// county on the map, in every chart, and opens its card; tapping an item that is no region (a
// product of the traceability list) shows it in its own widget until tapped again. Keys: space plays/pauses the history
// playback, left/right step it by a year.
// Does not: switch scenes (the app does, on an unused swipe).
#pragma once

#include <memory>
#include <vector>

#include "scenes/layout.hpp"
#include "scenes/map_interaction.hpp"
#include "scenes/map_view.hpp"
#include "scenes/region_names.hpp"
#include "scenes/scene.hpp"
#include "scenes/widget_bindings.hpp"

namespace exhibit {

class DashboardScene final : public Scene {
public:
    // Loads the map files and the facts the widgets need; throws ContentError naming what was wrong.
    DashboardScene(const SceneSpec& spec, const SceneServices& services);

    void update(const FrameTime& time, const Snapshot& feed) override;
    void draw(Canvas& canvas) override;
    void keyDown(int key) override;
    std::string hitTarget(glm::vec2 px) const override;
    bool gesture(const Gesture& g) override;
    bool attractStep(int step) override { return touch_.attractStep(step); }
    std::vector<ShownFigure> figures() const override;
    void reset() override {
        touch_.reset();
        for (auto& c : chosen_) c.clear();
    }

    const MapView& map() const { return map_; }
    MapInteraction& touch() { return touch_; }
    const std::vector<std::unique_ptr<WidgetBinding>>& widgets() const { return widgets_; }

private:
    void drawMapLegend(Canvas& canvas, const Layout& layout, const Rect& box) const;
    std::string feedLine(const Snapshot& feed) const;

    const SceneSpec& spec_;
    const SceneServices& services_;
    MapView map_;
    MapInteraction touch_;
    RegionNames names_;
    FeedAges ages_;
    std::vector<std::unique_ptr<WidgetBinding>> widgets_;
    std::vector<std::string> chosen_;  // per widget: an item a tap chose that is no region (a traced product)
    std::string feedLine_;
    std::pair<SourceState, double> mapStatus_{SourceState::Connecting, 0.0};
    glm::ivec2 drawnSize_{0, 0};  // the output last drawn, for hit tests
    Canvas scratch_;              // widgets' hit tests take a frame; nothing is drawn into it
};

}  // namespace exhibit
