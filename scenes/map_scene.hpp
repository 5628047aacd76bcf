// The Guizhou map scene: the map (MapView: outline, prefectures, counties, a choropleth of the year
// each county left the national poverty-county list, labels) with the show's header and footer, a
// legend with counts per exit year and a timeline of the exit announcements, all from the real
// facts file, and the map-data notice. Re-laid out for the output's pixels when its size changes.
//
// Touch (map_interaction.hpp): tap a prefecture to drill in, a county for its card, back to go up,
// pan and pinch; attract mode tours the last counties to leave the poverty list.
// Does not: read live feeds beyond the county cards.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "scenes/layout.hpp"
#include "scenes/map_interaction.hpp"
#include "scenes/map_view.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

class MapScene final : public Scene {
public:
    // Loads the GeoJSON and facts; throws ContentError naming the file and what was wrong.
    MapScene(const SceneSpec& spec, const MapSceneSpec& map, const SceneServices& services);

    void update(const FrameTime& time, const Snapshot& feed) override;
    void draw(Canvas& canvas) override;
    std::string hitTarget(glm::vec2 px) const override { return touch_.hitTarget(px); }
    bool gesture(const Gesture& g) override { return touch_.gesture(g); }
    bool attractStep(int step) override { return touch_.attractStep(step); }
    std::vector<ShownFigure> figures() const override { return view_.figures(); }
    void reset() override { touch_.reset(); }

    const MapView& view() const { return view_; }
    MapView& view() { return view_; }
    MapInteraction& touch() { return touch_; }

private:
    struct LegendText {
        TextLayout title, summary;
    };
    std::string legendSummary() const;
    LegendText legendText(const Layout& layout, float innerWidth) const;
    void drawLegend(Canvas& canvas, const Layout& layout, const Rect& box) const;
    Rect legendRect(const Layout& layout) const;
    std::map<int, std::string> announcementDates() const;  // exit year -> announcement date
    void drawAnnouncements(Canvas& canvas, const Layout& layout, const Rect& area) const;

    const SceneSpec& spec_;
    const MapSceneSpec& map_;
    const SceneServices& services_;
    MapView view_;
    MapInteraction touch_;
};

}  // namespace exhibit
