// The timeline scene (脱贫攻坚时间线 2012→2020): one playhead tells Guizhou's poverty history on
// the map and in a chart at once. The chart (HistoryPlayback) shows the rural poor population year
// by year with the current year's source ids; the map recolours as the playhead passes each year:
// counties still on the poverty-county list in the timeline's "poor" colour, those that left ease
// into their batch's colour (the exit_year choropleth classes of the scene's map), non-poverty
// counties in the choropleth's other colour. A panel shows the year large, the poverty counties
// still on the list (a counter and one cell per county), the year's exit batch with its
// announcement and sources, and the legend. All figures are the real facts (PovertyTimeline);
// missing years read "无可靠数据" as the chart does.
//
// It plays by itself and loops (attract-friendly). Keys: space plays/pauses, left/right step a year.
// Touch: a tap plays/pauses, a drag along the chart scrubs (and pauses). Attract mode starts it at
// the first year and lets it run to the last.
// Does not: read the live feed, or drill into the map (the map scene does).
#pragma once

#include <string>

#include "scenes/layout.hpp"
#include "scenes/map_view.hpp"
#include "scenes/poverty_timeline.hpp"
#include "scenes/scene.hpp"
#include "scenes/widgets/history_playback.hpp"

namespace exhibit {

class TimelineScene final : public Scene {
public:
    // Loads the map and the facts; throws ContentError naming the file and what was wrong.
    TimelineScene(const SceneSpec& spec, const SceneServices& services);

    void update(const FrameTime& time, const Snapshot& feed) override;
    void draw(Canvas& canvas) override;
    void keyDown(int key) override;
    std::string hitTarget(glm::vec2 px) const override;
    bool gesture(const Gesture& g) override;
    bool attractStep(int step) override;
    void reset() override;
    std::vector<ShownFigure> figures() const override;

    const PovertyTimeline& timeline() const { return model_; }
    HistoryPlayback& playback() { return chart_; }
    const MapView& map() const { return map_; }
    // The colour the map gives a county with the playhead at `playhead` (a continuous year).
    Color countyColorAt(const std::string& adcode, double playhead) const;

private:
    void drawPanel(Canvas& canvas, const Layout& layout, const Rect& box) const;
    std::string annotation(int year) const;

    const SceneSpec& spec_;
    const TimelineSpec& timeline_;
    const SceneServices& services_;
    MapView map_;
    PovertyTimeline model_;
    HistoryPlayback chart_;
    const ChoroplethLayer* classes_ = nullptr;  // the map's exit_year choropleth: batch colours
    glm::ivec2 drawnSize_{0, 0};
    double scrubFrom_ = 0;  // the playhead when a drag along the chart began
};

}  // namespace exhibit
