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
//
// Touch: the scene asks which item lies under a touch point and highlights an item (a county the
// map highlights); widgets answer from the same geometry draw() uses, so a bar that is still
// sliding is hit where it is drawn:
//
//   std::string adcode = bars.itemAt(frame, box, touch);  // "" for none; frame.canvas is not drawn into
//   bars.setHighlight(adcode);                            // drawn emphasised; "" clears it
//
// Widgets only call Canvas methods: no GL, and no Canvas::clip (widgets keep their drawing inside
// the box themselves, so a scene's clip stays the scene's). They do not receive input events themselves: no
// gestures, no scrolling, no state changed by a touch other than through setHighlight.
#pragma once

#include <string>
#include <string_view>

#include <glm/vec2.hpp>

#include "core/show.hpp"
#include "data_feed/snapshot.hpp"
#include "renderer/canvas.hpp"
#include "renderer/font.hpp"
#include "scenes/layout.hpp"
#include "scenes/translator.hpp"
#include "scenes/widgets/badges.hpp"

namespace exhibit {

struct WidgetFrame {
    Canvas& canvas;
    const Layout& layout;
    const Theme& theme;
    const Font& regular;
    const Font& bold;
    const Translator& text;
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
    // The language figures are formatted in ahead of drawing (a counter's digits); the scene sets
    // it every frame from its Translator. Text is translated at draw time through frame.text.
    void setLanguage(Language language) {
        if (language == language_) return;
        language_ = language;
        languageChanged();
    }
    Language language() const { return language_; }

    virtual void update(double dtSeconds) = 0;
    virtual void draw(const WidgetFrame& frame, const Rect& box) const = 0;
    // True when no animation is running (the next update changes nothing that is drawn).
    virtual bool settled() const = 0;

    // The key of the item (a county or prefecture adcode) drawn under `point` (output px) when the
    // widget is drawn into `box` with `frame` in its current state; "" for none: a point outside the
    // box, on the card's title, badges or padding, on an axis, or on an item without a key. Touch
    // targets are the item's whole band (a ranking's row, a column's slot with its label), not only
    // the painted bar. Only measures: nothing is drawn into frame.canvas. Widgets without keyed
    // items (KPI, line, donut, history) always answer "".
    virtual std::string itemAt(const WidgetFrame& /*frame*/, const Rect& /*box*/, glm::vec2 /*point*/) const {
        return {};
    }
    // The item drawn emphasised (a brighter, outlined bar; a glowing ticker row), by the same key
    // itemAt answers; "" (the default) for none. A key the widget does not show changes nothing.
    // Not animated: the emphasis appears and goes with the call.
    void setHighlight(std::string key) { highlight_ = std::move(key); }
    const std::string& highlight() const { return highlight_; }

protected:
    // Draws the card (panel, accent stroke and tab, title, badges) and returns the content area.
    Rect drawCard(const WidgetFrame& frame, const Rect& box) const;
    // The content area drawCard returns, without drawing (for hit tests).
    Rect cardContent(const WidgetFrame& frame, const Rect& box) const;
    // Whether `key` is the highlighted item (never for an empty key).
    bool highlighted(std::string_view key) const { return !key.empty() && key == highlight_; }
    // Opacity for the data itself: dimmed when the source is in error (the last good values stay).
    float dataOpacity() const { return state_ == SourceState::Error ? 0.55f : 1.0f; }
    virtual bool itemsSimulated() const { return false; }
    virtual void languageChanged() {}

private:
    std::string title_;
    std::string highlight_;
    Provenance provenance_ = Provenance::Real;
    SourceState state_ = SourceState::Ok;
    double ageSeconds_ = 0;
    Language language_ = Language::Zh;
};

}  // namespace exhibit
