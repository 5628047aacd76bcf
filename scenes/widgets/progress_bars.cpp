#include "scenes/widgets/progress_bars.hpp"

#include <algorithm>
#include <cmath>

#include "scenes/chrome.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

constexpr double kFillRate = 3.0;   // 1/s
constexpr float kPulseDecay = 0.8f;  // 1/s: a pulse runs for 1.25 s

double fractionOf(const ProgressItem& item) {
    if (!(item.goal > 0) || !std::isfinite(item.raised)) return 0;
    return std::max(0.0, item.raised / item.goal);
}

}  // namespace

void ProgressBars::setItems(std::vector<ProgressItem> items) {
    std::vector<Entry> next;
    for (ProgressItem& item : items) {
        if (!(item.goal > 0)) continue;
        Entry e;
        if (const Entry* old = find(item.key)) {
            e = *old;
            if (fractionOf(item) > fractionOf(old->item) + 1e-12) {
                e.pulse = 1.0f;
                e.pulseFrom = old->shown;
            }
        }
        e.item = std::move(item);
        next.push_back(std::move(e));
    }
    std::sort(next.begin(), next.end(), [](const Entry& a, const Entry& b) {
        return a.item.goal != b.item.goal ? a.item.goal > b.item.goal : a.item.key < b.item.key;
    });
    entries_ = std::move(next);
}

const ProgressBars::Entry* ProgressBars::find(std::string_view key) const {
    for (const Entry& e : entries_)
        if (e.item.key == key) return &e;
    return nullptr;
}

std::vector<std::string> ProgressBars::orderedKeys() const {
    std::vector<std::string> keys;
    for (const Entry& e : entries_) keys.push_back(e.item.key);
    return keys;
}

double ProgressBars::shownFraction(std::string_view key) const {
    const Entry* e = find(key);
    return e ? e->shown : -1;
}

float ProgressBars::pulse(std::string_view key) const {
    const Entry* e = find(key);
    return e ? e->pulse : 0.0f;
}

void ProgressBars::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    for (Entry& e : entries_) {
        e.shown = approach(e.shown, fractionOf(e.item), kFillRate, dt, 1e-4);
        e.pulse = std::max(0.0f, e.pulse - kPulseDecay * static_cast<float>(dt));
    }
}

bool ProgressBars::settled() const {
    return std::all_of(entries_.begin(), entries_.end(),
                       [](const Entry& e) { return e.shown == fractionOf(e.item) && e.pulse == 0; });
}

bool ProgressBars::itemsSimulated() const {
    return std::any_of(entries_.begin(), entries_.end(),
                       [](const Entry& e) { return e.item.provenance == Provenance::Simulated; });
}

struct ProgressBars::Rows {
    Rect content;
    float rowH = 0;
    int count = 0;
};

ProgressBars::Rows ProgressBars::rows(const WidgetFrame& frame, const Rect& content) const {
    Rows r;
    r.content = content;
    r.rowH = frame.layout.px(52);
    int fit = static_cast<int>(std::floor(content.h / r.rowH));
    if (maxRows_ > 0) fit = std::min(fit, maxRows_);
    r.count = std::clamp(fit, 0, static_cast<int>(entries_.size()));
    // Spread the rows when there is room to spare, up to 1.3 times their height.
    if (r.count > 0) r.rowH = std::min(r.rowH * 1.3f, content.h / static_cast<float>(r.count));
    return r;
}

std::string ProgressBars::itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const {
    if (!box.contains(point)) return {};
    const Rows r = rows(frame, cardContent(frame, box));
    if (point.x < r.content.x || point.x >= r.content.x + r.content.w || point.y < r.content.y) return {};
    const int row = static_cast<int>(std::floor((point.y - r.content.y) / r.rowH));
    if (row < 0 || row >= r.count) return {};
    return entries_[static_cast<std::size_t>(row)].item.key;
}

void ProgressBars::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    const Layout& layout = frame.layout;
    if (content.w < layout.px(100) || content.h < layout.px(30)) return;
    const Rows r = rows(frame, content);
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();
    const float hair = std::max(1.0f, layout.px(1));
    const Language language = frame.text.language();
    const std::string unit = unit_.empty() ? std::string() : frame.text(unit_);
    TextStyle pctStyle;
    pctStyle.sizePx = layout.px(16);
    const float pctW = measureText(frame.bold, "100.0%", pctStyle.sizePx) + layout.px(8);

    for (int i = 0; i < r.count; ++i) {
        const Entry& e = entries_[static_cast<std::size_t>(i)];
        const float y = content.y + static_cast<float>(i) * r.rowH;
        const bool lit = highlighted(e.item.key);
        const Rect row{content.x, y + layout.px(2), content.w, r.rowH - layout.px(4)};
        if (lit) {
            roundedRectHorizontalGradient(canvas, row, layout.px(6), theme.accent.withAlpha(0.24f), theme.accent.withAlpha(0.04f));
            canvas.roundedRectStroke(row, layout.px(6), hair, theme.accent.withAlpha(0.7f));
        }
        const float inner = layout.px(8);
        const float textTop = row.y + (row.h - layout.px(40)) * 0.5f;

        // Figures on the right of the first line, the name on the left with what is left.
        TextStyle figures;
        figures.sizePx = layout.px(13);
        figures.maxLines = 1;
        figures.maxWidth = row.w * 0.55f;
        figures.align = TextAlign::Right;
        TextPaint muted;
        muted.color = theme.textMuted.withAlpha(opacity);
        const std::string amounts = formatCompact(e.item.raised, decimals_, 1, language) + " / " +
                                    formatCompact(e.item.goal, decimals_, 1, language) + (unit.empty() ? "" : " " + unit);
        const TextLayout fig = drawText(canvas, frame.regular, amounts, figures,
                                        {row.x + row.w - inner - figures.maxWidth, textTop + layout.px(3)}, muted);
        TextStyle name;
        name.sizePx = layout.px(16);
        name.maxLines = 1;
        name.maxWidth = std::max(layout.px(20), row.w - 2 * inner - fig.contentWidth - layout.px(10));
        TextPaint namePaint;
        namePaint.color = (lit ? theme.text : mix(theme.text, theme.textMuted, 0.2f)).withAlpha(opacity);
        drawText(canvas, frame.bold, frame.text.place(e.item.key, e.item.label), name, {row.x + inner, textTop}, namePaint);

        // The bar and its percentage.
        const float barY = textTop + layout.px(27), barH = layout.px(10);
        const Rect track{row.x + inner, barY, row.w - 2 * inner - pctW, barH};
        canvas.roundedRect(track, barH * 0.5f, theme.text.withAlpha(0.08f));
        const float f = static_cast<float>(std::clamp(e.shown, 0.0, 1.0));
        const Color c = lit ? mix(color_, theme.text, 0.3f) : color_;
        if (f > 0) {
            roundedRectHorizontalGradient(canvas, {track.x, track.y, std::max(barH, track.w * f), barH}, barH * 0.5f,
                                          c.withAlpha(0.45f * opacity), c.withAlpha(opacity));
        }
        if (e.pulse > 0) {
            // A bright head sweeping from where the rise started to the bar's end.
            const float from = static_cast<float>(std::clamp(e.pulseFrom, 0.0, 1.0));
            const float t = easeOutCubic(1.0f - e.pulse);
            const float at = track.x + track.w * (from + (f - from) * t);
            canvas.glow({at, barY + barH * 0.5f}, layout.px(14), theme.text.withAlpha(0.7f * e.pulse * opacity), theme.text.withAlpha(0));
        }
        TextStyle pct = pctStyle;
        pct.maxWidth = pctW;
        pct.maxLines = 1;
        pct.align = TextAlign::Right;
        TextPaint pctPaint;
        pctPaint.color = (e.shown >= 1.0 ? kTrendDown : mix(color_, theme.text, 0.4f)).withAlpha(opacity);
        const TextLayout p = layoutText(frame.bold, formatPercent(e.shown, 1), pct);
        canvas.text(frame.bold, p, {row.x + row.w - inner - pctW, barY + barH * 0.5f - p.firstBaseline + pct.sizePx * 0.36f}, pctPaint);
    }
}

}  // namespace exhibit
