#include "scenes/widgets/bar_chart.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/utf8.hpp"
#include "scenes/chrome.hpp"

namespace exhibit {
namespace {

constexpr double kRankRate = 5.0;   // 1/s
constexpr double kValueRate = 4.0;  // 1/s
constexpr double kFadeRate = 6.0;   // 1/s

double sortKey(double v) { return std::isfinite(v) ? v : -INFINITY; }

Color rankColor(int rank) {
    switch (rank) {
        case 0: return Color::rgba8(0xFF, 0x7A, 0x45);
        case 1: return Color::rgba8(0xFF, 0xB5, 0x3D);
        case 2: return Color::rgba8(0xFF, 0xD8, 0x66);
        default: return Color::rgba8(0x8F, 0xA6, 0xC8);
    }
}

}  // namespace

void BarChart::setItems(std::vector<BarItem> items) {
    for (Entry& e : entries_) e.leaving = true;
    std::vector<std::size_t> added;
    for (BarItem& item : items) {
        auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.item.id == item.id; });
        if (it != entries_.end()) {
            if (!it->leaving) continue;  // a duplicate id: the first one wins
            it->item = std::move(item);
            it->leaving = false;
        } else {
            added.push_back(entries_.size());
            entries_.push_back(Entry{std::move(item), 0, 0, 0, 0, false});
        }
    }
    std::vector<Entry*> live;
    for (Entry& e : entries_)
        if (!e.leaving) live.push_back(&e);
    std::sort(live.begin(), live.end(), [](const Entry* a, const Entry* b) {
        const double va = sortKey(a->item.value), vb = sortKey(b->item.value);
        return va != vb ? va > vb : a->item.id < b->item.id;
    });
    for (std::size_t r = 0; r < live.size(); ++r) live[r]->rank = static_cast<int>(r);
    for (std::size_t i : added) entries_[i].rankShown = entries_[i].rank;
}

void BarChart::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    double maxValue = 0;
    for (Entry& e : entries_) {
        const double target = e.leaving || !std::isfinite(e.item.value) ? 0.0 : e.item.value;
        e.rankShown = approach(e.rankShown, e.rank, kRankRate, dt, 1e-3);
        e.valueShown = approach(e.valueShown, target, kValueRate, dt, std::max(1e-9, std::fabs(target) * 1e-4));
        e.alpha = approach(e.alpha, e.leaving ? 0.0 : 1.0, kFadeRate, dt, 1e-3);
        if (!e.leaving) maxValue = std::max(maxValue, target);
    }
    std::erase_if(entries_, [](const Entry& e) { return e.leaving && e.alpha == 0; });
    const double targetMax = niceTicks(0, maxValue, 4).max;
    axisMax_ = axisMax_ <= 0 ? targetMax : approach(axisMax_, targetMax, kValueRate, dt, targetMax * 1e-4);
}

bool BarChart::settled() const {
    double maxValue = 0;
    for (const Entry& e : entries_) {
        const double target = e.leaving || !std::isfinite(e.item.value) ? 0.0 : e.item.value;
        if (e.rankShown != e.rank || e.valueShown != target || e.alpha != (e.leaving ? 0.0 : 1.0)) return false;
        if (!e.leaving) maxValue = std::max(maxValue, target);
    }
    return axisMax_ == niceTicks(0, maxValue, 4).max;
}

const BarChart::Entry* BarChart::find(std::string_view id) const {
    for (const Entry& e : entries_)
        if (e.item.id == id) return &e;
    return nullptr;
}

int BarChart::targetRank(std::string_view id) const {
    const Entry* e = find(id);
    return e && !e->leaving ? e->rank : -1;
}

double BarChart::shownRank(std::string_view id) const {
    const Entry* e = find(id);
    return e ? e->rankShown : -1;
}

double BarChart::shownValue(std::string_view id) const {
    const Entry* e = find(id);
    return e ? e->valueShown : 0;
}

std::vector<std::string> BarChart::rankedIds() const {
    std::vector<const Entry*> live;
    for (const Entry& e : entries_)
        if (!e.leaving) live.push_back(&e);
    std::sort(live.begin(), live.end(), [](const Entry* a, const Entry* b) { return a->rank < b->rank; });
    std::vector<std::string> ids;
    for (const Entry* e : live) ids.push_back(e->item.id);
    return ids;
}

bool BarChart::itemsSimulated() const {
    return std::any_of(entries_.begin(), entries_.end(),
                       [](const Entry& e) { return !e.leaving && e.item.provenance == Provenance::Simulated; });
}

struct BarChart::HorizontalGeometry {
    Rect content;
    int rows = 1;
    float rowH = 0, textSize = 0, labelW = 0, badgeW = 0, labelX = 0, barX = 0, barMaxW = 0, thick = 0;

    float centerY(double rank) const { return content.y + (static_cast<float>(rank) + 0.5f) * rowH; }
    // An entry's opacity: its own fade, and fading out below the last row (and above the first).
    float alpha(const Entry& e) const {
        const float rank = static_cast<float>(e.rankShown);
        return static_cast<float>(e.alpha) * std::clamp(static_cast<float>(rows) - rank, 0.0f, 1.0f) *
               std::clamp(rank + 1.0f, 0.0f, 1.0f);
    }
};

struct BarChart::VerticalGeometry {
    enum class Mode { Horizontal, Stacked, Sparse };
    Rect content;
    bool drawn = false;  // false: no items, or no room for a plot
    std::size_t slots = 0;
    AxisTicks ticks;
    float tickSize = 0, tickW = 0, plotX = 0, plotW = 0, slotW = 0;
    float labelSize = 0, widest = 0, labelH = 0, top = 0, bottom = 0, plotH = 0;
    Mode mode = Mode::Sparse;

    float centerX(double rank) const { return plotX + (static_cast<float>(rank) + 0.5f) * slotW; }
};

BarChart::HorizontalGeometry BarChart::horizontalGeometry(const WidgetFrame& frame, const Rect& content) const {
    const Layout& layout = frame.layout;
    HorizontalGeometry g;
    g.content = content;
    const int fit = std::max(1, static_cast<int>(content.h / layout.px(26)));
    g.rows = maxBars_ > 0 ? std::min(maxBars_, fit) : fit;
    g.rowH = content.h / static_cast<float>(g.rows);
    g.textSize = std::min(layout.px(17), g.rowH * 0.5f);

    float valueW = 0;
    for (const Entry& e : entries_) {
        if (e.rank >= g.rows && e.rankShown >= g.rows) continue;
        g.labelW = std::max(g.labelW, measureText(frame.regular, frame.text.place(e.item.id, e.item.label), g.textSize));
        valueW = std::max(valueW, measureText(frame.bold, formatCompact(e.item.value, decimals_, 1, frame.text.language()), g.textSize));
    }
    g.labelW = std::min(g.labelW, content.w * (frame.text.english() ? 0.4f : 0.3f));  // pinyin names are longer
    const float unitW = unit_.empty() ? 0 : measureText(frame.regular, frame.text(unit_), g.textSize * 0.8f) + layout.px(4);
    g.badgeW = std::min(layout.px(34), g.rowH * 0.9f);
    g.labelX = content.x + g.badgeW + layout.px(12);
    g.barX = g.labelX + g.labelW + layout.px(14);
    g.barMaxW = std::max(1.0f, content.x + content.w - valueW - unitW - layout.px(12) - g.barX);
    g.thick = std::min(g.rowH * 0.36f, layout.px(14));
    return g;
}

BarChart::VerticalGeometry BarChart::verticalGeometry(const WidgetFrame& frame, const Rect& content) const {
    using Mode = VerticalGeometry::Mode;
    const Layout& layout = frame.layout;
    VerticalGeometry g;
    g.content = content;
    std::size_t maxChars = 1;
    for (const Entry& e : entries_) {
        if (e.leaving) continue;
        ++g.slots;
        maxChars = std::max(maxChars, decodeUtf8(frame.text.place(e.item.id, e.item.label)).size());
    }
    if (g.slots == 0) return g;

    double maxValue = 0;
    for (const Entry& e : entries_)
        if (!e.leaving && std::isfinite(e.item.value)) maxValue = std::max(maxValue, e.item.value);
    g.ticks = niceTicks(0, maxValue, 4);
    g.tickSize = layout.px(14);
    for (double v : g.ticks.values)
        g.tickW = std::max(g.tickW, measureText(frame.regular, formatCompact(v, g.ticks.decimals, 1, frame.text.language()), g.tickSize));
    if (!unit_.empty()) g.tickW = std::max(g.tickW, measureText(frame.regular, frame.text(unit_), g.tickSize));
    g.plotX = content.x + g.tickW + layout.px(10);
    g.plotW = content.x + content.w - g.plotX;
    g.slotW = g.plotW / static_cast<float>(g.slots);

    // Label mode: horizontal if every label fits its slot, else stacked characters, else sparse.
    g.labelSize = std::min(layout.px(15), std::max(g.slotW * 0.8f, layout.px(9)));
    for (const Entry& e : entries_)
        if (!e.leaving) g.widest = std::max(g.widest, measureText(frame.regular, frame.text.place(e.item.id, e.item.label), layout.px(15)));
    g.labelH = layout.px(26);
    if (g.widest <= g.slotW * 0.92f) {
        g.mode = Mode::Horizontal;
    } else if (g.slotW >= layout.px(11) && !frame.text.english()) {  // Latin names do not stack
        g.mode = Mode::Stacked;
        g.labelH = static_cast<float>(std::min<std::size_t>(maxChars, 5)) * g.labelSize * 1.02f + layout.px(10);
    }
    g.top = content.y + layout.px(22);
    g.bottom = content.y + content.h - g.labelH;
    g.plotH = g.bottom - g.top;
    g.drawn = g.plotH >= layout.px(20);
    return g;
}

void BarChart::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    if (content.w < frame.layout.px(40) || content.h < frame.layout.px(40)) return;
    if (orientation_ == Orientation::Horizontal)
        drawHorizontal(frame, content);
    else
        drawVertical(frame, content);
}

std::string BarChart::itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const {
    const Rect content = cardContent(frame, box);
    if (content.w < frame.layout.px(40) || content.h < frame.layout.px(40) || !box.contains(point)) return {};
    // The band each drawn item owns along the ranking axis; where sliding items overlap, items
    // still in the chart win over those fading out, then the nearest centre.
    const Entry* best = nullptr;
    float bestDistance = 0;
    auto consider = [&](const Entry& e, float distance, float halfBand) {
        if (distance > halfBand) return;
        if (!best || (best->leaving && !e.leaving) || (best->leaving == e.leaving && distance < bestDistance)) {
            best = &e;
            bestDistance = distance;
        }
    };
    if (orientation_ == Orientation::Horizontal) {
        if (!content.contains(point)) return {};
        const HorizontalGeometry g = horizontalGeometry(frame, content);
        for (const Entry& e : entries_)
            if (g.alpha(e) > 0.01f) consider(e, std::fabs(point.y - g.centerY(e.rankShown)), g.rowH * 0.5f);
    } else {
        const VerticalGeometry g = verticalGeometry(frame, content);
        if (!g.drawn || point.x < g.plotX || point.x >= g.plotX + g.plotW || point.y < content.y ||
            point.y >= content.y + content.h)
            return {};
        for (const Entry& e : entries_)
            if (e.alpha > 0.01) consider(e, std::fabs(point.x - g.centerX(e.rankShown)), g.slotW * 0.5f);
    }
    return best ? best->item.id : std::string();
}

void BarChart::drawHorizontal(const WidgetFrame& frame, const Rect& content) const {
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();
    const HorizontalGeometry g = horizontalGeometry(frame, content);
    const int rows = g.rows;
    const float rowH = g.rowH, textSize = g.textSize, badgeW = g.badgeW, barX = g.barX, thick = g.thick;

    // The fixed rank column.
    TextStyle rankStyle;
    rankStyle.sizePx = textSize * 0.9f;
    rankStyle.align = TextAlign::Center;
    rankStyle.maxWidth = badgeW;
    std::size_t live = 0;
    for (const Entry& e : entries_) live += e.leaving ? 0 : 1;
    for (int r = 0; r < rows && r < static_cast<int>(live); ++r) {
        const float cy = g.centerY(r);
        const float bh = std::min(badgeW * 0.78f, rowH * 0.8f);
        const Rect badge{content.x, cy - bh * 0.5f, badgeW, bh};
        const Color c = rankColor(r);
        if (r < 3) {
            canvas.roundedRectGradient(badge, layout.px(4), c.withAlpha(0.95f), c.withAlpha(0.55f));
        } else {
            canvas.roundedRect(badge, layout.px(4), theme.accent.withAlpha(0.10f));
            canvas.roundedRectStroke(badge, layout.px(4), std::max(1.0f, layout.px(1)), theme.accent.withAlpha(0.3f));
        }
        TextPaint paint;
        paint.color = r < 3 ? Color::rgba8(0x10, 0x18, 0x28) : theme.text;
        const TextLayout t = layoutText(frame.bold, std::to_string(r + 1), rankStyle);
        canvas.text(frame.bold, t, {badge.x, cy - t.firstBaseline + rankStyle.sizePx * 0.36f}, paint);
    }

    TextStyle labelStyle;
    labelStyle.sizePx = textSize;
    labelStyle.maxWidth = g.labelW;
    labelStyle.maxLines = 1;
    TextStyle valueStyle;
    valueStyle.sizePx = textSize;
    TextStyle unitStyle;
    unitStyle.sizePx = textSize * 0.8f;
    const float axis = static_cast<float>(std::max(axisMax_, 1e-9));
    for (const Entry& e : entries_) {
        const float alpha = g.alpha(e);
        if (alpha <= 0.01f) continue;
        const float cy = g.centerY(e.rankShown);
        const float a = alpha * opacity;
        const bool emphasis = highlighted(e.item.id);
        if (emphasis) {
            // A glow along the whole row, under everything else in it.
            roundedRectHorizontalGradient(canvas, {content.x, cy - rowH * 0.5f + layout.px(1), content.w, rowH - layout.px(2)},
                                          layout.px(6), color_.withAlpha(0.28f * a), color_.withAlpha(0.04f * a));
        }
        TextPaint labelPaint;
        labelPaint.color = theme.text.withAlpha(a);
        const TextLayout label = layoutText(frame.regular, frame.text.place(e.item.id, e.item.label), labelStyle);
        canvas.text(frame.regular, label, {g.labelX, cy - label.firstBaseline + textSize * 0.36f}, labelPaint);

        const Rect track{barX, cy - thick * 0.5f, g.barMaxW, thick};
        canvas.roundedRect(track, thick * 0.5f, theme.text.withAlpha(0.06f * alpha));
        const float w = std::clamp(static_cast<float>(e.valueShown) / axis, 0.0f, 1.0f) * g.barMaxW;
        if (w > 0.5f) {
            const float bw = std::max(w, thick);
            const Color end = emphasis ? mix(color_, theme.text, 0.45f) : color_;
            roundedRectHorizontalGradient(canvas, {barX, track.y, bw, thick}, thick * 0.5f,
                                          Color::rgba8(0x1F, 0x4F, 0xD8).withAlpha((emphasis ? 0.9f : 0.55f) * a),
                                          end.withAlpha(a));
            if (emphasis) {
                const float ring = std::max(1.0f, layout.px(1.5f)), gap = layout.px(2);
                canvas.roundedRectStroke({barX - gap, track.y - gap, bw + 2 * gap, thick + 2 * gap}, thick * 0.5f + gap, ring,
                                         theme.text.withAlpha(0.9f * a));
            }
            canvas.glow({barX + bw - thick * 0.5f, cy}, thick * 1.2f, color_.withAlpha(0.5f * a), color_.withAlpha(0));
            canvas.circle({barX + bw - thick * 0.5f, cy}, thick * 0.28f, theme.text.withAlpha(0.95f * a));
        }
        TextPaint valuePaint;
        valuePaint.color = (emphasis ? theme.text : mix(theme.text, color_, 0.35f)).withAlpha(a);
        const TextLayout value = layoutText(frame.bold, formatCompact(e.valueShown, decimals_, 1, frame.text.language()), valueStyle);
        const float vx = barX + w + layout.px(10);
        canvas.text(frame.bold, value, {vx, cy - value.firstBaseline + textSize * 0.36f}, valuePaint);
        if (!unit_.empty()) {
            TextPaint unitPaint;
            unitPaint.color = theme.textMuted.withAlpha(a);
            const TextLayout u = layoutText(frame.regular, frame.text(unit_), unitStyle);
            canvas.text(frame.regular, u, {vx + value.contentWidth + layout.px(3), cy - u.firstBaseline + textSize * 0.36f},
                        unitPaint);
        }
    }
}

void BarChart::drawVertical(const WidgetFrame& frame, const Rect& content) const {
    using Mode = VerticalGeometry::Mode;
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();
    const VerticalGeometry g = verticalGeometry(frame, content);
    if (!g.drawn) return;
    const AxisTicks& ticks = g.ticks;
    const Mode mode = g.mode;
    const float tickSize = g.tickSize, tickW = g.tickW, plotX = g.plotX, plotW = g.plotW, slotW = g.slotW;
    const float top = g.top, bottom = g.bottom, plotH = g.plotH;

    // Grid and y labels.
    const float hair = std::max(1.0f, layout.px(1));
    const float axis = static_cast<float>(std::max(axisMax_, 1e-9));
    TextStyle tickStyle;
    tickStyle.sizePx = tickSize;
    tickStyle.align = TextAlign::Right;
    tickStyle.maxWidth = tickW;
    for (double v : ticks.values) {
        const float y = bottom - static_cast<float>(v) / axis * plotH;
        if (y < top - hair) continue;
        canvas.rect({plotX, std::round(y - hair * 0.5f), plotW, hair}, theme.text.withAlpha(v == 0 ? 0.25f : 0.07f));
        TextPaint paint;
        paint.color = theme.textMuted;
        const TextLayout t = layoutText(frame.regular, formatCompact(v, ticks.decimals, 1, frame.text.language()), tickStyle);
        canvas.text(frame.regular, t, {content.x, y - t.firstBaseline + tickSize * 0.36f}, paint);
    }
    if (!unit_.empty()) {
        TextPaint paint;
        paint.color = theme.textMuted;
        drawText(canvas, frame.regular, frame.text(unit_), tickStyle, {content.x, content.y - layout.px(4)}, paint);
    }

    const float barW = std::max(hair, std::min(slotW * 0.56f, layout.px(30)));
    // Sparse labels: room for about four characters each, longer names end in "…".
    const float sparseW = std::min(g.widest * 13.0f / 15.0f, layout.px(13) * 4.2f);
    const int sparseEvery = std::max(1, static_cast<int>(std::ceil(sparseW * 1.25f / std::max(slotW, 1.0f))));
    TextStyle labelStyle;
    labelStyle.sizePx = mode == Mode::Stacked ? g.labelSize : layout.px(mode == Mode::Sparse ? 13 : 15);
    labelStyle.align = TextAlign::Center;
    labelStyle.lineSpacing = 1.02f;
    labelStyle.maxLines = mode == Mode::Stacked ? 5 : 1;
    TextStyle valueStyle;
    valueStyle.sizePx = std::min(layout.px(15), std::max(layout.px(10), slotW * 0.6f));
    valueStyle.align = TextAlign::Center;
    for (const Entry& e : entries_) {
        if (e.alpha <= 0.01) continue;
        const float a = static_cast<float>(e.alpha) * opacity;
        const float cx = g.centerX(e.rankShown);
        const float h = std::clamp(static_cast<float>(e.valueShown) / axis, 0.0f, 1.0f) * plotH;
        const Color c = e.rank < 3 ? rankColor(e.rank) : color_;
        const bool emphasis = highlighted(e.item.id);
        if (emphasis) {
            // The column's slot lit from the baseline up, under the bar.
            canvas.roundedRectGradient({cx - slotW * 0.5f, top, slotW, bottom - top}, std::min(slotW * 0.3f, layout.px(4)),
                                       c.withAlpha(0.0f), c.withAlpha(0.22f * a));
        }
        if (h > 0.5f) {
            const Rect bar{cx - barW * 0.5f, bottom - h, barW, h};
            const float radius = std::min(barW * 0.3f, layout.px(4));
            canvas.roundedRectGradient(bar, radius, (emphasis ? mix(c, theme.text, 0.45f) : c).withAlpha(0.95f * a),
                                       Color::rgba8(0x1F, 0x4F, 0xD8).withAlpha((emphasis ? 0.6f : 0.25f) * a));
            canvas.rect({bar.x, bar.y, barW, std::min(h, std::max(hair, layout.px(2)))}, mix(c, theme.text, 0.5f).withAlpha(a));
            if (emphasis) {
                const float ring = std::max(1.0f, layout.px(1.5f)), gap = layout.px(2);
                canvas.roundedRectStroke({bar.x - gap, bar.y - gap, barW + 2 * gap, h + gap}, radius + gap, ring,
                                         theme.text.withAlpha(0.9f * a));
            }
        }
        // Value on top: where it fits; with many narrow bars only the largest (and the highlighted one).
        const std::string valueText = formatCompact(e.valueShown, decimals_, 1, frame.text.language());
        const float vw = measureText(frame.bold, valueText, valueStyle.sizePx);
        if (vw <= slotW * 1.05f || e.rank == 0 || emphasis) {
            TextPaint paint;
            paint.color = (e.rank < 3 && !emphasis ? c : theme.text).withAlpha(a);
            valueStyle.maxWidth = std::max(vw, slotW) + layout.px(2);
            const TextLayout t = layoutText(frame.bold, valueText, valueStyle);
            canvas.text(frame.bold, t, {cx - t.width * 0.5f, bottom - h - layout.px(4) - t.height}, paint);
        }
        // Label.
        if (mode == Mode::Sparse && e.rank % sparseEvery != 0) continue;
        std::string label = frame.text.place(e.item.id, e.item.label);
        if (mode == Mode::Stacked) {
            label.clear();
            for (char32_t ch : decodeUtf8(frame.text.place(e.item.id, e.item.label))) label += (label.empty() ? "" : "\n") + encodeUtf8(ch);
        }
        labelStyle.maxWidth = mode == Mode::Sparse ? sparseW + layout.px(2) : std::max(slotW, labelStyle.sizePx * 1.2f);
        labelStyle.minScale = mode == Mode::Sparse ? 0.6f : 0.8f;  // a long place name under a thin column
        if (mode == Mode::Sparse) canvas.rect({cx - hair * 0.5f, bottom, hair, layout.px(4)}, theme.text.withAlpha(0.3f * a));
        TextPaint paint;
        paint.color = (e.rank < 3 || emphasis ? theme.text : theme.textMuted).withAlpha(a);
        const TextLayout t = layoutText(frame.regular, label, labelStyle);
        const float lx = std::clamp(cx - t.width * 0.5f, content.x, content.x + content.w - t.width);
        canvas.text(frame.regular, t, {lx, bottom + layout.px(6)}, paint);
    }
}

}  // namespace exhibit
