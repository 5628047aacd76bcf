// The chart widgets of the data wall share this: the frame they draw into (WidgetFrame), the Widget
// base (title, provenance and source-status badges, the card they sit on) and time-based easing.
//
// A widget is a small object with its own animation state. The scene feeds it plain numbers and
// their provenance (never the feed itself), advances it with update(dt) once per frame and draws
// it with draw(frame, box) once per output:
//
//   KpiCounter orders;                                   // kpi_counter.hpp; LineChart, BarChart, Donut, EventTicker
//   orders.setTitle("今日电商订单");
//   orders.setValue(v.value);  orders.setProvenance(v.provenance);
//   orders.setStatus(source.state, now - source.lastUpdate);
//   orders.update(time.dt);                              // deterministic for a fixed dt
//   orders.draw({canvas, layout, theme, regular, bold}, box);
//
// Every size goes through layout.px() (design px at 1080p), so a 4K output gets 4K-sized text and
// lines; boxes of other shapes (an ultra-wide wall) are laid out again, never scaled.
// Widgets only call Canvas methods: no GL, no clipping (the Canvas has none, so widgets keep
// their drawing inside the box themselves), no input handling.
#pragma once

#include <string>

#include "core/show.hpp"
#include "data_feed/snapshot.hpp"
#include "renderer/canvas.hpp"
#include "renderer/font.hpp"
#include "scenes/layout.hpp"
#include "scenes/widgets/badges.hpp"

namespace exhibit {

struct WidgetFrame {
    Canvas& canvas;
    const Layout& layout;
    const Theme& theme;
    const Font& regular;
    const Font& bold;
};

// Exponential approach of `current` to `target` at `rate` (1/s): frame-rate independent up to
// floating point, and it lands exactly on the target once within `snap`.
double approach(double current, double target, double rate, double dt, double snap = 1e-4);
float easeOutCubic(float t);    // t clamped to [0, 1]
float easeInOutCubic(float t);  // t clamped to [0, 1]

// One code point as UTF-8 (for drawing single characters: digit tiles, stacked vertical labels).
std::string encodeUtf8(char32_t c);
// Draws a rounded box with a left-to-right gradient (the Canvas has the vertical one built in).
void roundedRectHorizontalGradient(Canvas& canvas, const Rect& r, float radius, Color left, Color right);

// Series colours of the show's charts, in order (cyan, blue, teal, violet, amber, coral, ...).
Color seriesColor(std::size_t index);
// Direction colours for trends. Chinese convention: up is red, down is green.
inline constexpr Color kTrendUp = Color::rgba8(0xFF, 0x6B, 0x5B);
inline constexpr Color kTrendDown = Color::rgba8(0x2E, 0xD8, 0x9A);

class Widget {
public:
    virtual ~Widget() = default;

    void setTitle(std::string title) { title_ = std::move(title); }
    const std::string& title() const { return title_; }
    // Provenance of the widget's values as a whole; items that carry their own provenance
    // (bars, segments, events) add to it: one simulated item shows the badge.
    void setProvenance(Provenance provenance) { provenance_ = provenance; }
    // The state of the widget's source and the age of its last good data (seconds).
    void setStatus(SourceState state, double ageSeconds);
    BadgeState badgeState() const;

    virtual void update(double dtSeconds) = 0;
    virtual void draw(const WidgetFrame& frame, const Rect& box) const = 0;
    // True when no animation is running (the next update changes nothing that is drawn).
    virtual bool settled() const = 0;

protected:
    // Draws the card (panel, accent stroke and tab, title, badges) and returns the content area.
    Rect drawCard(const WidgetFrame& frame, const Rect& box) const;
    // Opacity for the data itself: dimmed when the source is in error (the last good values stay).
    float dataOpacity() const { return state_ == SourceState::Error ? 0.55f : 1.0f; }
    virtual bool itemsSimulated() const { return false; }

private:
    std::string title_;
    Provenance provenance_ = Provenance::Real;
    SourceState state_ = SourceState::Ok;
    double ageSeconds_ = 0;
};

}  // namespace exhibit
