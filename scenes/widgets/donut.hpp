// Donut: shares of a whole as a ring of segments with gaps, the total in the centre and a legend
// with percentages. New shares sweep into place; the ring sweeps in when first shown.
//
// Use:
//   Donut donut;
//   donut.setTitle("农产品销售结构");  donut.setCenterLabel("销售总额");  donut.setUnit("亿元");
//   donut.setSegments({{"茶叶", 42.5}, {"辣椒", 31.2}, {"刺梨", 12.8, Color::rgba8(...)}});
//   donut.update(dt);  donut.draw(frame, box);
//
// Segments are keyed by label: a changed value eases that segment's share; a removed label shrinks
// to nothing before it goes. Shares are normalised every frame, so the segments always close the
// circle (angles() sums to 360 degrees once the opening sweep is over). A segment colour with zero
// alpha takes the series colour of its position. The largest segment is drawn a little thicker.
// Arcs are triangle strips with analytic anti-aliasing across the ring (the shape shader's edge
// distance) and hairline strokes along the cut ends: no per-pixel CPU work.
// Does not draw leader-line labels on the ring, explode segments or handle negative values
// (they count as zero).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct DonutSegment {
    std::string label;
    double value = 0;
    Color color{0, 0, 0, 0};  // zero alpha: seriesColor(index)
    Provenance provenance = Provenance::Real;
    std::string key{};  // the adcode when the part is a region (its name is then shown as a place)
};

class Donut final : public Widget {
public:
    void setSegments(std::vector<DonutSegment> segments);
    void setCenterLabel(std::string label) { centerLabel_ = std::move(label); }
    void setUnit(std::string unit) { unit_ = std::move(unit); }
    void setDecimals(int decimals) { decimals_ = decimals; }

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;

    // Start (0 = 12 o'clock, clockwise) and sweep of each segment as shown now, in degrees, before
    // the gaps are cut out.
    std::vector<std::pair<double, double>> angles() const;
    std::vector<double> targetShares() const;
    double total() const;

private:
    struct Entry {
        DonutSegment segment;
        double share = 0;  // shown, before normalising
        bool leaving = false;
    };
    bool itemsSimulated() const override;
    Color colorOf(std::size_t index) const;

    std::vector<Entry> entries_;
    std::string centerLabel_ = "总计";
    std::string unit_;
    int decimals_ = 0;
    double reveal_ = 0;  // the opening sweep, 0..1
};

}  // namespace exhibit
