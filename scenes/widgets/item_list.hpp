// ItemList: a short list from the show file (themed sales days, a calendar of campaigns) as rows
// of a date pill, a title and a one-line detail. One row at a time is featured: it is lit, and a
// thin bar under it fills until the next row takes over, so a visitor reads the list in order
// without touching it; a list longer than the box scrolls to keep the featured row in view.
// Rows that name no source are examples, not records: each carries an "示例" pill and the widget
// shows the "模拟数据" badge.
//
// Use:
//   ItemList list;
//   list.setTitle("消费扶贫主题活动");
//   list.setItems({{"1月", "黔货出山·年货节", "线上线下同步展销", true}});
//   list.setSecondsPerItem(6);
//   list.update(dt);  list.draw(frame, box);
//
// Deterministic for a fixed dt: featured() = floor(time / secondsPerItem) mod items.
// Does not: take touches, sort by date, or wrap a detail beyond one line (it ends with "…").
#pragma once

#include <string>
#include <vector>

#include "scenes/widgets/widget.hpp"

namespace exhibit {

struct ListEntry {
    std::string when;    // show text: "1月", "11.11", "每周五"
    std::string title;   // show text
    std::string detail;  // show text; may be empty
    bool example = false;  // no source: an example, marked as such
};

class ItemList final : public Widget {
public:
    void setItems(std::vector<ListEntry> items);
    void setSecondsPerItem(double seconds);
    const std::vector<ListEntry>& items() const { return items_; }

    std::size_t featured() const;  // index of the featured row (0 for an empty list)
    double featuredProgress() const;  // 0..1 of the featured row's time
    // Rows scrolled off the top when `visible` rows fit: the featured row and the next stay in view,
    // easing over kScrollSeconds when the featured row changes.
    double scrollRows(int visible) const;
    static constexpr double kScrollSeconds = 0.6;

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override { return items_.size() <= 1; }

private:
    bool itemsSimulated() const override;
    float rowHeight(const WidgetFrame& frame) const;

    std::vector<ListEntry> items_;
    double secondsPerItem_ = 6;
    double clock_ = 0;
};

}  // namespace exhibit
