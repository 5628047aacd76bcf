// BarChart: ranked bars with labels, for up to 88 items (Guizhou's counties). Bars slide to their
// new rank when the order changes and grow or shrink to new values, instead of redrawing in place.
//
// Use:
//   BarChart chart;
//   chart.setTitle("县域电商交易额 TOP 10");  chart.setUnit("万元");
//   chart.setOrientation(BarChart::Orientation::Horizontal);  chart.setMaxBars(10);
//   chart.setItems({{"520102", "南明区", 1523.4, Provenance::Real}, ...});   // any order; keyed by id
//   chart.update(dt);  chart.draw(frame, box);
//
// Ranks: descending value, ties by id (so equal values never swap back and forth). An item's
// shown rank and value ease to their targets (exponentially, time-based, deterministic); items
// that disappear fade out, new ones grow in from zero at their rank.
// Horizontal: a ranked list (TOP N): a fixed rank column (1-3 highlighted), labels and values that
// travel with their bars; rows beyond N fade out below the last. N = setMaxBars, else what fits.
// Vertical: every item as a column on a nice 1-2-5 y axis; labels run horizontally when they fit,
// else as stacked Chinese characters (vertical reading), else every k-th; value labels only where
// they fit (with many bars, only the top three).
// Touch: itemAt answers the id under a point from draw()'s own geometry and the eased ranks: a
// ranking's whole row (rank, label, bar and value), a column's whole slot from its value label
// down through its name label (not the y axis); where two sliding bars' bands overlap, items
// still in the chart win over those fading out, then the one drawn nearer the point.
// setHighlight(id) draws that bar brighter with an outline, in a lit row (ranking) or slot
// (columns), and a column's value even where values are left out.
// Does not stack or group series, draw negative values below a zero line, or scroll.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenes/widgets/format.hpp"
#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct BarItem {
    std::string id;  // stable key (an adcode); the label may change
    std::string label;
    double value = 0;
    Provenance provenance = Provenance::Real;
};

class BarChart final : public Widget {
public:
    enum class Orientation { Horizontal, Vertical };

    void setOrientation(Orientation orientation) { orientation_ = orientation; }
    void setMaxBars(int bars) { maxBars_ = bars; }  // horizontal rows shown; 0 = as many as fit
    void setUnit(std::string unit) { unit_ = std::move(unit); }
    void setDecimals(int decimals) { decimals_ = decimals; }
    void setColor(Color color) { color_ = color; }
    void setItems(std::vector<BarItem> items);

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;
    std::string itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const override;

    // Target rank (0 = largest) of an item, -1 when it is not (or no longer) in the chart.
    int targetRank(std::string_view id) const;
    double shownRank(std::string_view id) const;  // the eased rank now; -1 when absent
    double shownValue(std::string_view id) const;
    std::vector<std::string> rankedIds() const;  // ids by target rank

private:
    struct Entry {
        BarItem item;
        int rank = 0;
        double rankShown = 0;
        double valueShown = 0;
        double alpha = 0;
        bool leaving = false;
    };
    // Where draw() puts things in a content area (bar_chart.cpp); shared by draw() and itemAt().
    struct HorizontalGeometry;
    struct VerticalGeometry;
    const Entry* find(std::string_view id) const;
    bool itemsSimulated() const override;
    HorizontalGeometry horizontalGeometry(const WidgetFrame& frame, const Rect& content) const;
    VerticalGeometry verticalGeometry(const WidgetFrame& frame, const Rect& content) const;
    void drawHorizontal(const WidgetFrame& frame, const Rect& content) const;
    void drawVertical(const WidgetFrame& frame, const Rect& content) const;

    std::vector<Entry> entries_;
    Orientation orientation_ = Orientation::Horizontal;
    int maxBars_ = 0;
    int decimals_ = 0;
    std::string unit_;
    Color color_ = Color::rgba8(0x38, 0xD6, 0xFF);
    double axisMax_ = 0;
};

}  // namespace exhibit
