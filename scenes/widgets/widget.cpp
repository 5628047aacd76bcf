#include "scenes/widgets/widget.hpp"

#include <algorithm>
#include <cmath>

#include "scenes/chrome.hpp"

namespace exhibit {

double approach(double current, double target, double rate, double dt, double snap) {
    if (!std::isfinite(current)) return target;
    const double next = target + (current - target) * std::exp(-rate * std::max(0.0, dt));
    return std::fabs(next - target) <= snap ? target : next;
}

float easeOutCubic(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const float u = 1 - t;
    return 1 - u * u * u;
}

float easeInOutCubic(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return t < 0.5f ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3.0f) / 2;
}

std::string encodeUtf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
    return out;
}

void roundedRectHorizontalGradient(Canvas& canvas, const Rect& r, float radius, Color left, Color right) {
    canvas.shape({{r.x + r.w * 0.5f, r.y + r.h * 0.5f, r.w * 0.5f, r.h * 0.5f},
                  {radius, 0, 0, static_cast<float>(Gradient::Horizontal)},
                  left.packed(),
                  right.packed()});
}

Color seriesColor(std::size_t index) {
    static constexpr Color colors[] = {
        Color::rgba8(0x38, 0xD6, 0xFF), Color::rgba8(0x4F, 0x7C, 0xFF), Color::rgba8(0x2E, 0xE6, 0xB6),
        Color::rgba8(0x9B, 0x6B, 0xFF), Color::rgba8(0xF6, 0xB1, 0x3C), Color::rgba8(0xFF, 0x7A, 0x8A),
        Color::rgba8(0x5E, 0xE0, 0xE8), Color::rgba8(0xC9, 0xE2, 0x65), Color::rgba8(0x7F, 0x9C, 0xC8),
    };
    return colors[index % std::size(colors)];
}

void Widget::setStatus(SourceState state, double ageSeconds) {
    state_ = state;
    ageSeconds_ = ageSeconds;
}

BadgeState Widget::badgeState() const {
    return {provenance_ == Provenance::Simulated || itemsSimulated(), state_, ageSeconds_};
}

namespace {

constexpr float kCardRadius = 14, kCardPad = 22, kBadgeHeight = 26;  // design px

TextStyle titleStyle(const Layout& layout) {
    TextStyle style;
    style.sizePx = layout.px(22);
    style.maxLines = 1;
    return style;
}

}  // namespace

Rect Widget::drawCard(const WidgetFrame& frame, const Rect& box) const {
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float radius = layout.px(kCardRadius);
    const float pad = layout.px(kCardPad);
    canvas.roundedRect(box, radius, theme.panel);
    canvas.roundedRectGradient(box, radius, theme.accent.withAlpha(0.06f), theme.accent.withAlpha(0.0f));
    canvas.roundedRectStroke(box, radius, layout.px(1.5f), theme.accent.withAlpha(0.35f));
    canvas.rect({box.x + pad, box.y, layout.px(56), layout.px(3)}, theme.accent);

    const float top = box.y + pad;
    const float badgeH = layout.px(kBadgeHeight);
    if (!title_.empty()) {
        TextStyle style = titleStyle(layout);
        // Badges first (they sit right-aligned in the title row and the title yields to them).
        const float badgesW = drawBadges(frame, badgeState(), {box.x + box.w - pad, top + layout.px(1)}, badgeH);
        style.maxWidth = std::max(layout.px(40), box.w - 2 * pad - badgesW - (badgesW > 0 ? layout.px(12) : 0));
        TextPaint paint;
        paint.color = theme.text;
        drawText(canvas, frame.bold, frame.text(title_), style, {box.x + pad, top - layout.px(2)}, paint);
    } else {
        drawBadges(frame, badgeState(), {box.x + box.w - pad, top}, badgeH);
    }
    return cardContent(frame, box);
}

Rect Widget::cardContent(const WidgetFrame& frame, const Rect& box) const {
    const Layout& layout = frame.layout;
    const float pad = layout.px(kCardPad);
    const float badgeH = layout.px(kBadgeHeight);
    float top = box.y + pad;
    if (!title_.empty()) {
        // One line of title whatever its width (maxLines = 1), so the badges' width does not matter.
        top += std::max(layoutText(frame.bold, frame.text(title_), titleStyle(layout)).height, badgeH) + layout.px(12);
    } else if (!badgeList(badgeState()).empty()) {
        top += badgeH + layout.px(10);
    }
    return {box.x + pad, top, box.w - 2 * pad, std::max(0.0f, box.y + box.h - pad - top)};
}

}  // namespace exhibit
