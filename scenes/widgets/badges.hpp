// Provenance and staleness badges: the small pills in a widget's title row that say what its
// figures are worth. "模拟数据" (violet) whenever any shown value is simulated; "数据延迟 12s"
// (amber, with the age) when the source is stale; "数据中断" (red) when the source is in error;
// "连接中" (muted) before the first message. A healthy real source shows no badge at all.
//
// Use:
//   BadgeState badges;                                   // usually owned by a Widget (widget.hpp)
//   badges.simulated = true;  badges.state = SourceState::Stale;  badges.ageSeconds = 12;
//   for (const Badge& b : badgeList(badges)) ...          // what would be shown, in order
//   float used = drawBadges(frame, badges, {right, top}, height);   // right-aligned pills
//
// Does not decide when a source is stale (the feed does: SourceStatus), and does not blink:
// a data wall must not draw the eye to a badge more than to the data.
#pragma once

#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/color.hpp"
#include "core/language.hpp"
#include "data_feed/snapshot.hpp"

namespace exhibit {

struct WidgetFrame;

struct BadgeState {
    bool simulated = false;
    SourceState state = SourceState::Ok;
    double ageSeconds = 0;  // time since the source's last good message
};

inline constexpr Color kBadgeSimulated = Color::rgba8(0xB3, 0x9D, 0xFF);
inline constexpr Color kBadgeStale = Color::rgba8(0xF2, 0xB7, 0x4A);
inline constexpr Color kBadgeError = Color::rgba8(0xFF, 0x5A, 0x5F);

struct Badge {
    std::string text;  // "模拟数据", "数据延迟 12s", "数据中断", "连接中"
    Color color;
};

// The badges to show, left to right: the source state first (it matters most), then provenance.
// In English: "Simulated", "Delayed 12s", "Feed down", "Connecting".
std::vector<Badge> badgeList(const BadgeState& state, Language language = Language::Zh);

// Draws the badges as pills right-aligned at `topRight`, `height` tall; returns the width used
// (0 when there is nothing to show).
float drawBadges(const WidgetFrame& frame, const BadgeState& state, glm::vec2 topRight, float height);

}  // namespace exhibit
