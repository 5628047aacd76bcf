#include "scenes/widgets/badges.hpp"

#include "scenes/widgets/format.hpp"
#include "scenes/widgets/widget.hpp"

namespace exhibit {

std::vector<Badge> badgeList(const BadgeState& state, Language language) {
    const bool en = language == Language::En;
    std::vector<Badge> badges;
    switch (state.state) {
        case SourceState::Ok: break;
        case SourceState::Connecting: badges.push_back({en ? "Connecting" : "连接中", Color::rgba8(0x8F, 0xA6, 0xC8)}); break;
        case SourceState::Stale:
            badges.push_back({(en ? "Delayed " : "数据延迟 ") + formatAge(state.ageSeconds), kBadgeStale});
            break;
        case SourceState::Error: badges.push_back({en ? "Feed down" : "数据中断", kBadgeError}); break;
    }
    if (state.simulated) badges.push_back({en ? "Simulated" : "模拟数据", kBadgeSimulated});
    return badges;
}

float drawBadges(const WidgetFrame& frame, const BadgeState& state, glm::vec2 topRight, float height) {
    const auto badges = badgeList(state, frame.text.language());
    if (badges.empty()) return 0;
    const Layout& layout = frame.layout;
    TextStyle style;
    style.sizePx = height * 0.58f;
    style.maxLines = 1;
    const float padX = height * 0.42f;
    const float dot = height * 0.16f;
    const float gap = layout.px(8);
    float x = topRight.x;
    for (auto it = badges.rbegin(); it != badges.rend(); ++it) {
        const TextLayout text = layoutText(frame.regular, it->text, style);
        const float w = padX * 2 + dot * 2 + height * 0.24f + text.contentWidth;
        const Rect pill{x - w, topRight.y, w, height};
        frame.canvas.roundedRect(pill, height * 0.5f, it->color.withAlpha(0.16f));
        frame.canvas.roundedRectStroke(pill, height * 0.5f, std::max(1.0f, layout.px(1)), it->color.withAlpha(0.75f));
        frame.canvas.circle({pill.x + padX + dot, pill.y + height * 0.5f}, dot, it->color);
        TextPaint paint;
        paint.color = it->color;
        frame.canvas.text(frame.regular, text,
                          {pill.x + padX + dot * 2 + height * 0.24f, pill.y + (height - text.height) * 0.5f}, paint);
        x -= w + gap;
    }
    return topRight.x - x - gap;
}

}  // namespace exhibit
