// EventTicker: the latest events as rows (time, tag, text) that scroll smoothly upward as new ones
// arrive at the bottom, fading in at the bottom edge and out at the top.
//
// Use:
//   EventTicker ticker;
//   ticker.setTitle("实时动态");
//   ticker.push({event.timestamp, "黔东南州 → 上海 发出订单 12 件", "电商", Provenance::Simulated});
//   ticker.update(dt);  ticker.draw(frame, box);
//
// Bounded: at most capacity() events are kept (default 50, oldest dropped). Each push adds one row
// of scroll that eases back to rest (a burst of pushes is capped at three rows of lag, so the list
// never falls far behind). The newest row glows briefly. Times are UTC+8 (formatClock).
// Touch: itemAt answers the key of the row drawn under a point (the whole row, at its scrolled
// position; "" for a row without a key and for the empty list area); setHighlight(key) lights
// every shown row of that key.
// Does not scroll by touch, wrap long text (it ends with "…"), or rotate through old rows on its
// own when nothing arrives.
#pragma once

#include <cstddef>
#include <deque>
#include <string>

#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct TickerEvent {
    double timestamp = 0;  // Unix seconds
    std::string text;
    std::string tag;  // short category shown as a pill ("电商", "医疗"); may be empty
    Provenance provenance = Provenance::Real;
    Color tagColor{0, 0, 0, 0};  // zero alpha: the theme accent
    std::string key{};           // the adcode of the event's origin (itemAt, setHighlight); "" for none
    std::string textEn{};        // the row in English; "" = `text` in both languages
};

class EventTicker final : public Widget {
public:
    void setCapacity(std::size_t events);
    std::size_t capacity() const { return capacity_; }
    void push(TickerEvent event);
    std::size_t size() const { return events_.size(); }
    const std::deque<TickerEvent>& events() const { return events_; }
    double scrollOffset() const { return scroll_; }  // rows still to scroll (0 = at rest)

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override { return scroll_ == 0 && newestAge_ >= kHighlightSeconds; }
    std::string itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const override;

private:
    static constexpr double kHighlightSeconds = 2.5;
    // Where draw() puts the rows in a content area (event_ticker.cpp); shared by draw() and itemAt().
    struct Rows;
    Rows rows(const WidgetFrame& frame, const Rect& content) const;
    bool itemsSimulated() const override;

    std::deque<TickerEvent> events_;
    std::size_t capacity_ = 50;
    double scroll_ = 0;
    double newestAge_ = kHighlightSeconds;
};

}  // namespace exhibit
