#include "scenes/widgets/kpi_counter.hpp"

#include <algorithm>
#include <cmath>

#include "core/utf8.hpp"
#include "scenes/chrome.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

constexpr double kStagger = 0.07;    // seconds between neighbouring tiles starting to roll
constexpr float kTileAspect = 0.66f;  // tile width / height

double wrap10(double p) {
    const double m = std::fmod(p, 10.0);
    return m < 0 ? m + 10.0 : m;
}

}  // namespace

void KpiCounter::setTrend(double changeFraction, std::string caption) {
    trend_ = Trend{changeFraction, std::move(caption)};
}

void KpiCounter::setValue(double value) {
    const std::string text = formatCompact(value, decimals_, 1, language());
    if (hasValue_ && text == text_) {
        value_ = value;
        return;
    }
    const double old = hasValue_ ? value_ : 0;
    value_ = value;
    hasValue_ = true;
    text_ = text;
    rebuild(old);
}

double KpiCounter::slotPosition(const Slot& slot) const {
    if (!slot.digit) return 0;
    const double t = rollSeconds_ > 0 ? (sinceChange_ - slot.delay) / rollSeconds_ : 1.0;
    return slot.from + (slot.to - slot.from) * easeOutCubic(static_cast<float>(t));
}

void KpiCounter::rebuild(double oldValue) {
    // What every digit tile shows now, counted from the right.
    std::vector<std::pair<double, bool>> shown;  // position, still moving
    for (auto it = slots_.rbegin(); it != slots_.rend(); ++it)
        if (it->digit) {
            const double p = slotPosition(*it);
            shown.emplace_back(p, p != it->to);
        }
    const bool growing = !std::isfinite(oldValue) || !std::isfinite(value_) || value_ >= oldValue;
    const std::u32string chars = decodeUtf8(text_);
    std::vector<Slot> slots(chars.size());
    std::size_t fromRight = 0;
    for (std::size_t k = chars.size(); k-- > 0;) {
        Slot& s = slots[k];
        s.glyph = chars[k];
        s.digit = chars[k] >= U'0' && chars[k] <= U'9';
        if (!s.digit) continue;
        const double target = static_cast<double>(chars[k] - U'0');
        const bool had = fromRight < shown.size();
        const double start = had ? shown[fromRight].first : 0.0;
        const double current = wrap10(start);
        const double distance = growing ? wrap10(target - current) : wrap10(current - target);
        s.from = start;
        s.to = start + (growing ? distance : -distance);
        // A tile already rolling keeps going; a resting one waits for its turn (right to left).
        s.delay = had && shown[fromRight].second ? 0.0 : kStagger * static_cast<double>(fromRight);
        ++fromRight;
    }
    slots_ = std::move(slots);
    sinceChange_ = 0;
}

void KpiCounter::update(double dtSeconds) {
    if (!settled()) sinceChange_ += std::max(0.0, dtSeconds);
}

bool KpiCounter::settled() const {
    for (const Slot& s : slots_)
        if (s.digit && slotPosition(s) != s.to) return false;
    return true;
}

std::vector<double> KpiCounter::digitPositions() const {
    std::vector<double> out;
    for (const Slot& s : slots_)
        if (s.digit) out.push_back(wrap10(slotPosition(s)));
    return out;
}

void KpiCounter::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    if (content.w <= 0 || content.h <= 0) return;
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();

    // Trend text, measured first: on a wide box it sits to the right of the figure, else below it.
    std::string trendPct;
    float trendW = 0;
    const float trendSize = layout.px(18);
    if (trend_) {
        trendPct = formatPercent(std::fabs(trend_->change), 1);
        trendW = measureText(frame.regular, frame.text(trend_->caption), trendSize) + layout.px(30) +
                 measureText(frame.bold, trendPct, trendSize);
    }
    const float unitSize = layout.px(20);
    const float unitW = unit_.empty() ? 0 : measureText(frame.regular, frame.text(unit_), unitSize) + layout.px(10);

    // Tile size: as tall as the box allows (up to 76 design px), then narrowed to fit the width.
    const Font& bold = frame.bold;
    const float gap = layout.px(5);
    auto rowWidth = [&](float tileH) {
        float w = 0;
        const float fontSize = tileH * 0.7f;
        for (const Slot& s : slots_) {
            if (s.digit) {
                w += tileH * kTileAspect + gap;
            } else {
                const bool unitChar = s.glyph > 0x7F;
                const float size = unitChar ? fontSize * 0.62f : fontSize;
                w += bold.metrics(bold.glyphIndex(s.glyph)).advance * size + gap;
            }
        }
        return w;
    };
    const float trendRowH = trend_ ? layout.px(30) : 0;
    float tileH = std::min(layout.px(76), content.h - trendRowH);
    bool trendBeside = false;
    if (trend_ && rowWidth(std::min(layout.px(76), content.h)) + unitW + trendW + layout.px(40) <= content.w) {
        trendBeside = true;  // wide box: the trend goes to the right, the tiles get the full height
        tileH = std::min(layout.px(76), content.h);
    }
    const float available = content.w - unitW - (trendBeside ? trendW + layout.px(40) : 0);
    const float w0 = rowWidth(tileH);
    if (w0 > available && w0 > 0) tileH *= available / w0;
    tileH = std::max(tileH, 1.0f);

    const float fontSize = tileH * 0.7f;
    const float rowH = tileH + (trendBeside ? 0 : trendRowH);
    const float top = content.y + std::max(0.0f, (content.h - rowH) * 0.5f);
    const float capHeight = bold.metrics(bold.glyphIndex(U'0')).height * fontSize;
    const float baseline = top + tileH * 0.5f + capHeight * 0.5f;
    const float tileW = tileH * kTileAspect;
    const float radius = tileH * 0.12f;

    TextStyle digitStyle;
    digitStyle.sizePx = fontSize;
    TextPaint digitPaint;
    digitPaint.color = mix(theme.text, theme.accent, 0.15f).withAlpha(opacity);
    digitPaint.shadow = theme.accent.withAlpha(0.45f * opacity);
    digitPaint.shadowBlur = tileH * 0.12f;
    const float travel = tileH * 0.5f;

    auto drawGlyph = [&](char32_t c, float centerX, float dy, float alpha, float size, Color color) {
        if (alpha <= 0.01f) return;
        TextStyle style = digitStyle;
        style.sizePx = size;
        const TextLayout t = layoutText(bold, encodeUtf8(c), style);
        TextPaint paint = digitPaint;
        paint.color = color.withAlpha(color.a * alpha);
        paint.shadow = digitPaint.shadow.withAlpha(digitPaint.shadow.a * alpha);
        paint.shadowBlur = size * 0.17f;
        canvas.text(bold, t, {centerX - t.contentWidth * 0.5f, baseline - t.firstBaseline + dy}, paint);
    };

    float x = content.x;
    for (const Slot& s : slots_) {
        if (!s.digit) {
            const bool unitChar = s.glyph > 0x7F;
            const float size = unitChar ? fontSize * 0.62f : fontSize;
            const float adv = bold.metrics(bold.glyphIndex(s.glyph)).advance * size;
            drawGlyph(s.glyph, x + adv * 0.5f, 0, 1.0f, size, unitChar ? theme.accent.withAlpha(opacity) : digitPaint.color);
            x += adv + gap;
            continue;
        }
        const Rect tile{x, top, tileW, tileH};
        canvas.roundedRectGradient(tile, radius, Color::rgba8(0x16, 0x3E, 0x6E, 0xF0), Color::rgba8(0x0A, 0x1C, 0x38, 0xF0));
        canvas.roundedRectStroke(tile, radius, std::max(1.0f, layout.px(1)), theme.accent.withAlpha(0.45f));
        // The flip-card seam across the middle.
        canvas.rect({tile.x + layout.px(2), tile.y + tileH * 0.5f - layout.px(0.75f), tileW - layout.px(4), layout.px(1.5f)},
                    Color{0, 0, 0, 0.35f});
        const double pos = slotPosition(s);
        const double base = std::floor(pos);
        const float f = static_cast<float>(pos - base);
        const int d0 = static_cast<int>(wrap10(base));
        const int d1 = (d0 + 1) % 10;
        const float cx = x + tileW * 0.5f;
        const float a0 = 1 - easeInOutCubic(f);
        drawGlyph(static_cast<char32_t>(U'0' + d0), cx, -f * travel, a0, fontSize, digitPaint.color);
        if (f > 1e-4f) drawGlyph(static_cast<char32_t>(U'0' + d1), cx, (1 - f) * travel, 1 - a0, fontSize, digitPaint.color);
        x += tileW + gap;
    }
    if (!unit_.empty()) {
        TextStyle style;
        style.sizePx = unitSize;
        TextPaint paint;
        paint.color = theme.textMuted;
        const TextLayout t = layoutText(frame.regular, frame.text(unit_), style);
        canvas.text(frame.regular, t, {x + layout.px(4), baseline - t.firstBaseline}, paint);
    }

    if (trend_) {
        const float ty = trendBeside ? baseline - trendSize * 0.9f : top + tileH + layout.px(8);
        float tx = trendBeside ? content.x + content.w - trendW : content.x;
        TextStyle style;
        style.sizePx = trendSize;
        TextPaint muted;
        muted.color = theme.textMuted;
        const TextLayout caption = drawText(canvas, frame.regular, frame.text(trend_->caption), style, {tx, ty}, muted);
        tx += caption.contentWidth + layout.px(10);
        const bool up = trend_->change >= 0;
        const Color c = (up ? kTrendUp : kTrendDown).withAlpha(opacity);
        TextPaint arrow;
        arrow.color = c;
        const TextLayout a = drawText(canvas, frame.regular, up ? "▲" : "▼", style, {tx, ty}, arrow);
        tx += a.contentWidth + layout.px(6);
        TextPaint paint;
        paint.color = c;
        drawText(canvas, frame.bold, trendPct, style, {tx, ty}, paint);
    }
}

}  // namespace exhibit
