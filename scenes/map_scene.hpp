// The Guizhou map scene: the map (MapView: outline, prefectures, counties, a choropleth of the year
// each county left the national poverty-county list, labels) with the show's header and footer, a
// legend with counts per exit year and a timeline of the exit announcements, all from the real
// facts file, and the map-data notice. Re-laid out for the output's pixels when its size changes.
//
// Does not: animate, take touch input, or read live feeds (later layers will).
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "scenes/layout.hpp"
#include "scenes/map_view.hpp"
#include "scenes/scene.hpp"

namespace exhibit {

class MapScene final : public Scene {
public:
    // Loads the GeoJSON and facts; throws ContentError naming the file and what was wrong.
    MapScene(const SceneSpec& spec, const MapSceneSpec& map, const SceneServices& services);

    void update(const FrameTime& time, const Snapshot& feed) override;
    void draw(Canvas& canvas) override;

    const MapView& view() const { return view_; }
    MapView& view() { return view_; }

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
};

}  // namespace exhibit
