#include "app/operator_types.hpp"

#include <charconv>
#include <cstdio>

namespace exhibit {

std::string_view toString(WallMode mode) {
    switch (mode) {
        case WallMode::Show: return "show";
        case WallMode::Standby: return "standby";
        case WallMode::Blackout: return "blackout";
    }
    return "show";
}

std::optional<WallMode> parseWallMode(std::string_view text) {
    for (WallMode m : {WallMode::Show, WallMode::Standby, WallMode::Blackout})
        if (text == toString(m)) return m;
    return std::nullopt;
}

std::string formatMinuteOfDay(int minuteOfDay) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", (minuteOfDay / 60) % 24, minuteOfDay % 60);
    return text;
}

std::optional<int> parseMinuteOfDay(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return std::nullopt;
    auto number = [](std::string_view s) -> std::optional<int> {
        int value = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
        return value;
    };
    const auto h = number(text.substr(0, colon));
    const auto m = number(text.substr(colon + 1));
    if (!h || !m || *h < 0 || *h > 23 || *m < 0 || *m > 59) return std::nullopt;
    return *h * 60 + *m;
}

}  // namespace exhibit
