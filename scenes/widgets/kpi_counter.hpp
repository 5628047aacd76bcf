// KpiCounter (翻牌器): one big figure on flip-card tiles whose digits roll to a new value.
//
// Use:
//   KpiCounter kpi;
//   kpi.setTitle("今日电商订单");  kpi.setUnit("单");
//   kpi.setValue(1234000);                 // shows "123.4万"; later values roll digit by digit
//   kpi.setTrend(0.032, "较昨日");          // optional line: 较昨日 ▲ 3.2% (red up, green down)
//   kpi.update(dt);  kpi.draw(frame, box);
//
// The figure is formatCompact(value, decimals) (format.hpp: 12,345 / 123.4万 / 32.0亿). When the
// value changes, every digit tile rolls from the digit it shows to its new digit, upwards when the
// value grew and downwards when it fell (9 -> 2 rolls through 0, 1 when growing), eased out over
// rollSeconds, each tile starting a little after the one to its right. Tiles are matched from the
// right, so "99,999" -> "10.0万" still rolls instead of popping. A new value mid-roll continues
// from what is on screen. Deterministic: the state after N updates of a fixed dt is exact.
// Does not clip: a rolling digit slides within its tile and fades out before the tile's edge.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenes/widgets/widget.hpp"

namespace exhibit {

class KpiCounter final : public Widget {
public:
    void setValue(double value);
    double value() const { return value_; }
    void setDecimals(int decimals) { decimals_ = decimals; }  // below 10万 (default 0)
    void setUnit(std::string unit) { unit_ = std::move(unit); }
    // Relative change for the trend line (0.032 = +3.2%), with a caption such as "较昨日".
    void setTrend(double changeFraction, std::string caption);
    void clearTrend() { trend_.reset(); }
    void setRollSeconds(double seconds) { rollSeconds_ = seconds; }

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;

    // The text the counter rolls to (formatCompact of the value).
    const std::string& targetText() const { return text_; }
    // The digit each digit tile shows now, left to right, as a continuous position in [0, 10):
    // 3.0 shows a 3; 3.5 is half way from 3 to 4.
    std::vector<double> digitPositions() const;

private:
    void languageChanged() override {
        if (hasValue_) setValue(value_);  // the figure's units change (万 / K); its digits roll
    }
    struct Slot {
        char32_t glyph = 0;  // non-digit characters (',', '.', '-', 万, 亿) are static
        bool digit = false;
        double from = 0, to = 0;  // roll positions in digit units (unbounded; shown modulo 10)
        double delay = 0;         // seconds after the change before this tile starts
    };
    double slotPosition(const Slot& slot) const;
    void rebuild(double oldValue);

    double value_ = 0;
    bool hasValue_ = false;
    int decimals_ = 0;
    std::string unit_;
    std::string text_ = "—";
    struct Trend {
        double change;
        std::string caption;
    };
    std::optional<Trend> trend_;
    double rollSeconds_ = 1.2;
    double sinceChange_ = 0;
    std::vector<Slot> slots_;
};

}  // namespace exhibit
