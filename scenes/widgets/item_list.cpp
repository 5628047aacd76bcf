#include "scenes/widgets/item_list.hpp"

#include <algorithm>
#include <cmath>

#include "scenes/chrome.hpp"

namespace exhibit {

void ItemList::setItems(std::vector<ListEntry> items) { items_ = std::move(items); }

void ItemList::setSecondsPerItem(double seconds) { secondsPerItem_ = std::max(0.5, seconds); }

std::size_t ItemList::featured() const {
    if (items_.empty()) return 0;
    // The epsilon: N frames of a fixed dt that add up to a whole period land on the next row.
    return static_cast<std::size_t>(std::floor(clock_ / secondsPerItem_ + 1e-9)) % items_.size();
}

double ItemList::featuredProgress() const {
    const double f = clock_ / secondsPerItem_ + 1e-9;
    return std::clamp(f - std::floor(f), 0.0, 1.0);
}

double ItemList::scrollRows(int visible) const {
    const int n = static_cast<int>(items_.size());
    if (visible <= 0 || n <= visible) return 0;
    auto firstFor = [&](int k) { return std::clamp(k - visible + 2, 0, n - visible); };
    const int k = static_cast<int>(featured());
    const int previous = (k + n - 1) % n;
    const double into = featuredProgress() * secondsPerItem_;
    const float t = easeInOutCubic(static_cast<float>(into / kScrollSeconds));
    return firstFor(previous) + (firstFor(k) - firstFor(previous)) * static_cast<double>(t);
}

void ItemList::update(double dtSeconds) {
    if (items_.size() > 1) clock_ += std::max(0.0, dtSeconds);
}

bool ItemList::itemsSimulated() const {
    return std::any_of(items_.begin(), items_.end(), [](const ListEntry& e) { return e.example; });
}

float ItemList::rowHeight(const WidgetFrame& frame) const { return frame.layout.px(62); }

void ItemList::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    const Layout& layout = frame.layout;
    if (items_.empty() || content.w < layout.px(80) || content.h < layout.px(30)) return;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();
    const float rowH = rowHeight(frame);
    const int visible = std::max(1, static_cast<int>(std::floor(content.h / rowH)));
    const double scroll = scrollRows(visible);
    const std::size_t current = featured();
    const float hair = std::max(1.0f, layout.px(1));

    // The date column: as wide as the widest date, within limits.
    const float whenSize = layout.px(15);
    float whenW = 0;
    for (const ListEntry& e : items_) whenW = std::max(whenW, measureText(frame.bold, frame.text(e.when), whenSize));
    whenW = std::clamp(whenW + layout.px(16), layout.px(54), std::min(layout.px(120), content.w * 0.3f));
    const std::string exampleText(frame.text.pick("示例", "Example"));
    const float exampleSize = layout.px(12);
    const float exampleW = measureText(frame.regular, exampleText, exampleSize) + layout.px(12);

    for (std::size_t i = 0; i < items_.size(); ++i) {
        const float y = content.y + (static_cast<float>(i) - static_cast<float>(scroll)) * rowH;
        // Rows fade at the list's edges as they scroll past them (widgets do not clip).
        const float topFade = std::clamp((y - content.y) / (rowH * 0.5f) + 1.0f, 0.0f, 1.0f);
        const float bottomFade = std::clamp((content.y + static_cast<float>(visible) * rowH - (y + rowH)) / (rowH * 0.5f) + 1.0f, 0.0f, 1.0f);
        const float a = easeInOutCubic(std::min(topFade, bottomFade)) * opacity;
        if (a <= 0.01f) continue;
        const ListEntry& e = items_[i];
        const bool lit = i == current;
        const Rect row{content.x, y + layout.px(3), content.w, rowH - layout.px(6)};
        if (lit) {
            roundedRectHorizontalGradient(canvas, row, layout.px(8), theme.accent.withAlpha(0.24f * a), theme.accent.withAlpha(0.04f * a));
            canvas.roundedRectStroke(row, layout.px(8), hair, theme.accent.withAlpha(0.55f * a));
            // Time until the next row is featured.
            const float fill = static_cast<float>(featuredProgress());
            canvas.rect({row.x + layout.px(8), row.y + row.h - layout.px(3), (row.w - layout.px(16)) * fill, layout.px(2)},
                        theme.accent.withAlpha(0.8f * a));
        }
        // Date pill.
        const Rect pill{row.x + layout.px(8), row.y + (row.h - layout.px(28)) * 0.5f, whenW - layout.px(8), layout.px(28)};
        const Color pc = lit ? theme.accent : mix(theme.accent, theme.textMuted, 0.5f);
        canvas.roundedRect(pill, layout.px(6), pc.withAlpha(0.16f * a));
        canvas.roundedRectStroke(pill, layout.px(6), hair, pc.withAlpha(0.6f * a));
        TextStyle whenStyle;
        whenStyle.sizePx = whenSize;
        whenStyle.maxWidth = pill.w - layout.px(6);
        whenStyle.maxLines = 1;
        whenStyle.align = TextAlign::Center;
        TextPaint whenPaint;
        whenPaint.color = pc.withAlpha(a);
        const TextLayout when = layoutText(frame.bold, frame.text(e.when), whenStyle);
        canvas.text(frame.bold, when, {pill.x + layout.px(3), pill.y + pill.h * 0.5f - when.firstBaseline + whenSize * 0.36f}, whenPaint);

        const float textX = row.x + whenW + layout.px(12);
        const float textW = row.x + row.w - textX - (e.example ? exampleW + layout.px(14) : layout.px(8));
        if (textW <= layout.px(20)) continue;
        const bool twoLines = !e.detail.empty();
        TextStyle titleStyle;
        titleStyle.sizePx = layout.px(17);
        titleStyle.maxWidth = textW;
        titleStyle.maxLines = 1;
        TextPaint titlePaint;
        titlePaint.color = (lit ? theme.text : mix(theme.text, theme.textMuted, 0.3f)).withAlpha(a);
        const float titleY = twoLines ? row.y + layout.px(5) : row.y + (row.h - layout.px(22)) * 0.5f;
        drawText(canvas, frame.bold, frame.text(e.title), titleStyle, {textX, titleY}, titlePaint);
        if (twoLines) {
            TextStyle detailStyle = titleStyle;
            detailStyle.sizePx = layout.px(14);
            TextPaint detailPaint;
            detailPaint.color = theme.textMuted.withAlpha(a);
            drawText(canvas, frame.regular, frame.text(e.detail), detailStyle, {textX, row.y + layout.px(29)}, detailPaint);
        }
        if (e.example) {
            const Rect tag{row.x + row.w - layout.px(8) - exampleW, row.y + (row.h - layout.px(20)) * 0.5f, exampleW, layout.px(20)};
            canvas.roundedRect(tag, layout.px(4), kBadgeSimulated.withAlpha(0.14f * a));
            canvas.roundedRectStroke(tag, layout.px(4), hair, kBadgeSimulated.withAlpha(0.6f * a));
            TextStyle tagStyle;
            tagStyle.sizePx = exampleSize;
            TextPaint tagPaint;
            tagPaint.color = kBadgeSimulated.withAlpha(a);
            const TextLayout t = layoutText(frame.regular, exampleText, tagStyle);
            canvas.text(frame.regular, t, {tag.x + layout.px(6), tag.y + tag.h * 0.5f - t.firstBaseline + exampleSize * 0.36f}, tagPaint);
        }
    }
}

}  // namespace exhibit
