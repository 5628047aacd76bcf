// ProgressBars: how far each project (a county's crowdfunding, 众筹扶贫) has come towards its goal,
// as one row per item: name, a bar filled to raised / goal with the percentage, and the figures
// "raised / goal". When an item's raised amount rises, its bar grows there and a pulse runs along
// the new part, so money arriving is seen where it lands.
//
// Use:
//   ProgressBars bars;
//   bars.setTitle("众筹扶贫项目进度");  bars.setUnit("元");
//   bars.setItems({{"522633", "从江县", 81200, 120000, Provenance::Simulated}});
//   bars.update(dt);  bars.draw(frame, box);
//
// Rows: by goal, largest first (ties by key), so rows stay put while money comes in; setMaxRows
// limits them (0 = as many as fit). Fills ease to their targets (deterministic for a fixed dt). A
// raised amount above the goal fills the bar and reads over 100 %.
// Touch: itemAt answers the key (an adcode) of the row under a point; setHighlight(key) lights it.
// Does not: scroll, stack several amounts in one bar, or show items without a goal (goal <= 0).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct ProgressItem {
    std::string key;    // adcode
    std::string label;  // the Chinese short name (Translator::place gives its English)
    double raised = 0;
    double goal = 0;
    Provenance provenance = Provenance::Real;
};

class ProgressBars final : public Widget {
public:
    void setUnit(std::string unit) { unit_ = std::move(unit); }
    void setDecimals(int decimals) { decimals_ = decimals; }
    void setMaxRows(int rows) { maxRows_ = rows; }
    void setColor(Color color) { color_ = color; }
    // Replaces the items (keyed: an item already shown keeps its animation).
    void setItems(std::vector<ProgressItem> items);

    std::vector<std::string> orderedKeys() const;  // row order
    double shownFraction(std::string_view key) const;  // eased raised / goal; -1 when absent
    float pulse(std::string_view key) const;           // 1 right after a rise, fading to 0

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;
    std::string itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const override;

private:
    struct Entry {
        ProgressItem item;
        double shown = 0;  // fraction drawn
        float pulse = 0;
        double pulseFrom = 0;  // the fraction where the last rise started
    };
    struct Rows;
    Rows rows(const WidgetFrame& frame, const Rect& content) const;
    const Entry* find(std::string_view key) const;
    bool itemsSimulated() const override;

    std::vector<Entry> entries_;  // in row order
    std::string unit_;
    int decimals_ = 0;
    int maxRows_ = 0;
    Color color_ = Color::rgba8(0x2E, 0xE6, 0xB6);
};

}  // namespace exhibit
