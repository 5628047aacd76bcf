// HistoryPlayback: a yearly series told as a story (Guizhou's rural poor, 2012→2020) with play,
// pause and scrub. A playhead moves through the years; the big figure is the current year's, the
// columns up to the playhead are lit and the later ones dim, and each year can carry a line of
// annotation ("18 个贫困县摘帽").
//
// Use:
//   HistoryPlayback story;
//   story.setTitle("贵州农村贫困人口 2012→2020");  story.setUnit("万人");
//   story.setPoints({{2012, 923.0}, {2013, std::nullopt}, {2015, 500.0, Qualifier::Approximate}, ...});
//   story.setAnnotations({{2016, "赤水市率先摘帽"}, {2017, "14 个贫困县摘帽"}, ...});
//   story.setFootnote("来源：中国新闻社、China Daily、CGTN");
//   story.update(dt);  story.draw(frame, box);
//   story.togglePlay();  story.scrubTo(2015.4);  story.step(+1);     // from the scene's input handling
//
// Timeline: every whole year from the first point's to the last point's; a year without a point, or
// with an empty value, is missing. The playhead is a continuous year (2015.4 lies between the 2015
// and 2016 columns); the current year is the last whole year it has reached (2015), and year y is
// lit to the degree the playhead has travelled from y - 1 to y. Playing moves the playhead by
// dt / secondsPerYear (default 1.6 s a year); at the last year it holds for holdSeconds (default
// 4 s), then starts again at the first year. pause() freezes it where it is; scrubTo() and step()
// move it (clamped to the timeline) without changing play or pause, and restart the end hold.
// A new current year's figure rises in from faint (0.35 s; never blank). Deterministic: the state
// after N updates of a fixed dt is exact. settled() is false while playing (holding at the end is
// part of playing).
// Drawing: a wide box puts the figure block left of the chart, a narrower one above it. The chart
// has a column per year (value labels where they fit, the current one always), a playhead line,
// and under it the scrub bar (a tick per year, a ring for a missing one, the knob at the playhead)
// with the year labels below and the play button at its left, which like every media player shows
// what a press does (❚❚ while playing, ▶ while paused). The footnote is one line at the bottom.
// Figures: "923", "约500" (approximate), "<8" (only an upper bound is known), with the unit after;
// a missing year reads "无可靠数据" and its column is a hatched gap: it is never drawn from a
// neighbour's value. Approximate columns get a dashed line above them; bounded ones have a dashed
// top and fade out upwards.
// A point with Provenance::Simulated shows the "模拟数据" badge; real data shows none.
// Does not read the facts files (data_feed/poverty_history.hpp does), handle touch (the scene maps
// its input to play/pause/scrub), draw several series or negative values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data_feed/poverty_history.hpp"
#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct HistoryPoint {
    int year = 0;
    std::optional<double> value;  // empty: no reliable figure for this year
    Qualifier qualifier = Qualifier::Exact;
    Provenance provenance = Provenance::Real;
};

struct HistoryAnnotation {
    int year = 0;
    std::string text;
    std::string textEn{};  // shown when the wall speaks English; "" = `text`
};

class HistoryPlayback final : public Widget {
public:
    // Points in any order; a year given twice keeps the first. The playhead starts at the first
    // year and stays where it is (clamped) when the points are replaced.
    void setPoints(std::vector<HistoryPoint> points);
    void setAnnotations(std::vector<HistoryAnnotation> annotations);  // one per year, the first wins
    void setUnit(std::string unit) { unit_ = std::move(unit); }
    void setDecimals(int decimals) { decimals_ = decimals; }  // -1 (default): as many as needed, up to 2
    // One line, e.g. "来源：…", and its English ("" = the same in both).
    void setFootnote(std::string footnote, std::string english = {}) {
        footnote_ = std::move(footnote);
        footnoteEn_ = std::move(english);
    }
    void setColor(Color color) { color_ = color; }
    void setSecondsPerYear(double seconds);  // > 0
    void setHoldSeconds(double seconds);     // >= 0: the pause at the last year before looping
    double secondsPerYear() const { return secondsPerYear_; }
    double holdSeconds() const { return holdSeconds_; }

    void play() { playing_ = true; }
    void pause() { playing_ = false; }
    void togglePlay() { playing_ = !playing_; }
    bool playing() const { return playing_; }
    void scrubTo(double year);  // clamped to [firstYear, lastYear]; non-finite years are ignored
    void step(int years);       // scrubTo(currentYear() + years)

    double playhead() const { return playhead_; }
    int currentYear() const;  // the last whole year the playhead reached; 0 without points
    int firstYear() const { return firstYear_; }
    int lastYear() const { return firstYear_ + static_cast<int>(slots_.size()) - 1; }  // first - 1 without points

    // The point of a timeline year; nullptr outside the timeline and for years without a point.
    const HistoryPoint* pointFor(int year) const;
    // The value of a year; nullopt when it is missing (or outside the timeline).
    std::optional<double> valueAt(int year) const;
    // The big figure without the unit: "923", "372.2", "约500", "<8"; "无可靠数据" when missing.
    std::string figureText(int year) const;
    // The annotation of a year, "" when there is none.
    std::string annotationFor(int year, Language language = Language::Zh) const;

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;

private:
    bool itemsSimulated() const override;
    void noteYearChange(int before);
    std::string numberText(double value) const;
    void drawFigure(const WidgetFrame& frame, const Rect& area, bool row) const;
    void drawChart(const WidgetFrame& frame, const Rect& area) const;

    std::vector<std::optional<HistoryPoint>> slots_;  // one per year from firstYear_
    std::vector<HistoryAnnotation> annotations_;
    int firstYear_ = 0;
    double playhead_ = 0;
    bool playing_ = true;
    double secondsPerYear_ = 1.6;
    double holdSeconds_ = 4.0;
    double held_ = 0;              // seconds spent at the last year
    double sinceYearChange_ = 1e9;  // seconds since the current year last changed
    int decimals_ = -1;
    std::string unit_;
    std::string footnote_, footnoteEn_;
    Color color_ = Color::rgba8(0x38, 0xD6, 0xFF);
};

}  // namespace exhibit
