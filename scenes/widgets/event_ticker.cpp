#include "scenes/widgets/event_ticker.hpp"

#include <algorithm>
#include <cmath>

#include "scenes/chrome.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

constexpr double kScrollRate = 5.0;  // 1/s
constexpr double kMaxLag = 3.0;      // rows

}  // namespace

void EventTicker::setCapacity(std::size_t events) {
    capacity_ = std::max<std::size_t>(1, events);
    while (events_.size() > capacity_) events_.pop_front();
}

void EventTicker::push(TickerEvent event) {
    events_.push_back(std::move(event));
    while (events_.size() > capacity_) events_.pop_front();
    scroll_ = std::min(kMaxLag, scroll_ + 1);
    newestAge_ = 0;
}

void EventTicker::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    scroll_ = approach(scroll_, 0, kScrollRate, dt, 1e-3);
    newestAge_ = std::min(kHighlightSeconds, newestAge_ + dt);
}

bool EventTicker::itemsSimulated() const {
    return std::any_of(events_.begin(), events_.end(),
                       [](const TickerEvent& e) { return e.provenance == Provenance::Simulated; });
}

struct EventTicker::Rows {
    Rect content;
    bool drawn = false;  // false: no room for a row
    float rowH = 0, listH = 0;
    int count = 0;  // rows drawn: the newest that fit, plus those scrolling out at the top
    int first = 0;  // index in events_ of the topmost one
    double scroll = 0;

    // Top edge of the k-th drawn row (0 = topmost, count - 1 = newest).
    float top(int k) const {
        const int fromBottom = count - 1 - k;
        return content.y + listH - static_cast<float>(fromBottom + 1) * rowH + static_cast<float>(scroll) * rowH;
    }
    // Fade over the last half row at either edge of the list.
    float fade(float y) const {
        const float topFade = std::clamp((y - content.y) / (rowH * 0.5f) + 1.0f, 0.0f, 1.0f);
        const float bottomFade = std::clamp((content.y + listH - (y + rowH)) / (rowH * 0.5f) + 1.0f, 0.0f, 1.0f);
        return easeInOutCubic(std::min(topFade, bottomFade));
    }
};

EventTicker::Rows EventTicker::rows(const WidgetFrame& frame, const Rect& content) const {
    const Layout& layout = frame.layout;
    Rows r;
    r.content = content;
    r.scroll = scroll_;
    r.drawn = content.w >= layout.px(80) && content.h >= layout.px(30);
    r.rowH = layout.px(44);
    const int visible = std::max(1, static_cast<int>(std::floor(content.h / r.rowH)));
    r.listH = static_cast<float>(visible) * r.rowH;
    // The newest `visible` at rest, plus those scrolling out at the top.
    const int extra = static_cast<int>(std::ceil(scroll_)) + 1;
    r.count = std::min(static_cast<int>(events_.size()), visible + extra);
    r.first = static_cast<int>(events_.size()) - r.count;
    return r;
}

std::string EventTicker::itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const {
    const Rows r = rows(frame, cardContent(frame, box));
    const Rect& content = r.content;
    // Rows scroll out under the title: only the list area answers.
    if (!r.drawn || !box.contains(point) || point.x < content.x || point.x >= content.x + content.w ||
        point.y < content.y || point.y >= content.y + r.listH)
        return {};
    for (int k = 0; k < r.count; ++k) {
        const float y = r.top(k);
        if (r.fade(y) * dataOpacity() <= 0.01f || point.y < y || point.y >= y + r.rowH) continue;
        return events_[static_cast<std::size_t>(r.first + k)].key;
    }
    return {};
}

void EventTicker::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rows r = rows(frame, drawCard(frame, box));
    const Rect& content = r.content;
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    if (!r.drawn) return;
    const float opacity = dataOpacity();
    const float rowH = r.rowH;
    const float textSize = layout.px(16);
    const float timeSize = layout.px(15);
    const float hair = std::max(1.0f, layout.px(1));
    const float timeW = measureText(frame.regular, "00:00:00", timeSize);

    for (int k = 0; k < r.count; ++k) {
        const TickerEvent& e = events_[static_cast<std::size_t>(r.first + k)];
        const int fromBottom = r.count - 1 - k;  // 0 = newest
        const float y = r.top(k);
        const float a = r.fade(y) * opacity;
        if (a <= 0.01f) continue;
        const float cy = y + rowH * 0.5f;
        const bool emphasis = highlighted(e.key);

        if (fromBottom == 0 && newestAge_ < kHighlightSeconds) {
            const float h = 1.0f - static_cast<float>(newestAge_ / kHighlightSeconds);
            roundedRectHorizontalGradient(canvas, {content.x, y + layout.px(3), content.w, rowH - layout.px(6)}, layout.px(6),
                                          theme.accent.withAlpha(0.22f * h * a), theme.accent.withAlpha(0.0f));
        }
        if (emphasis) {
            const Rect glow{content.x, y + layout.px(3), content.w, rowH - layout.px(6)};
            roundedRectHorizontalGradient(canvas, glow, layout.px(6), theme.accent.withAlpha(0.32f * a), theme.accent.withAlpha(0.06f * a));
            canvas.roundedRectStroke(glow, layout.px(6), hair, theme.accent.withAlpha(0.7f * a));
        }
        canvas.circle({content.x + layout.px(5), cy}, layout.px(3.5f), theme.accent.withAlpha(a));
        if (fromBottom == 0 || emphasis)
            canvas.glow({content.x + layout.px(5), cy}, layout.px(11), theme.accent.withAlpha(0.5f * a), theme.accent.withAlpha(0));
        float x = content.x + layout.px(18);
        TextStyle timeStyle;
        timeStyle.sizePx = timeSize;
        TextPaint timePaint;
        timePaint.color = mix(theme.accent, theme.text, 0.25f).withAlpha(a);
        const TextLayout time = layoutText(frame.regular, formatClock(e.timestamp), timeStyle);
        canvas.text(frame.regular, time, {x, cy - time.firstBaseline + timeSize * 0.36f}, timePaint);
        x += timeW + layout.px(12);

        if (!e.tag.empty()) {
            const Color tc = e.tagColor.a > 0 ? e.tagColor : theme.accent;
            TextStyle tagStyle;
            tagStyle.sizePx = layout.px(13);
            const TextLayout tag = layoutText(frame.regular, frame.text(e.tag), tagStyle);
            const float tw = tag.contentWidth + layout.px(14), th = layout.px(22);
            const Rect pill{x, cy - th * 0.5f, tw, th};
            canvas.roundedRect(pill, layout.px(4), tc.withAlpha(0.16f * a));
            canvas.roundedRectStroke(pill, layout.px(4), hair, tc.withAlpha(0.6f * a));
            TextPaint tagPaint;
            tagPaint.color = tc.withAlpha(a);
            canvas.text(frame.regular, tag, {x + layout.px(7), cy - tag.firstBaseline + tagStyle.sizePx * 0.36f}, tagPaint);
            x += tw + layout.px(10);
        }
        TextStyle textStyle;
        textStyle.sizePx = textSize;
        textStyle.maxLines = 1;
        textStyle.maxWidth = std::max(layout.px(20), content.x + content.w - x);
        textStyle.minScale = 0.7f;  // captions come from the feed, of any length: smaller before cut
        TextPaint textPaint;
        textPaint.color = (fromBottom == 0 || emphasis ? theme.text : mix(theme.text, theme.textMuted, 0.35f)).withAlpha(a);
        const TextLayout text = layoutText(frame.regular, frame.text.english() && !e.textEn.empty() ? e.textEn : e.text, textStyle);
        canvas.text(frame.regular, text, {x, cy - text.firstBaseline + textSize * 0.36f}, textPaint);
        canvas.rect({content.x, y + rowH - hair, content.w, hair}, theme.text.withAlpha(0.06f * a));
    }
}

}  // namespace exhibit
