#include "core/color.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace exhibit {
namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::uint8_t toByte(float v) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

}  // namespace

std::uint32_t Color::packed() const {
    return std::uint32_t{toByte(r)} | std::uint32_t{toByte(g)} << 8 | std::uint32_t{toByte(b)} << 16 |
           std::uint32_t{toByte(a)} << 24;
}

std::string Color::hex() const {
    char buf[10];
    if (toByte(a) == 255)
        std::snprintf(buf, sizeof buf, "#%02X%02X%02X", toByte(r), toByte(g), toByte(b));
    else
        std::snprintf(buf, sizeof buf, "#%02X%02X%02X%02X", toByte(r), toByte(g), toByte(b), toByte(a));
    return buf;
}

std::optional<Color> parseHexColor(std::string_view text) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
    std::uint8_t bytes[4] = {0, 0, 0, 255};
    for (std::size_t i = 1, k = 0; i < text.size(); i += 2, ++k) {
        int hi = hexDigit(text[i]), lo = hexDigit(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        bytes[k] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Color::rgba8(bytes[0], bytes[1], bytes[2], bytes[3]);
}

Color mix(const Color& a, const Color& b, float t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t};
}

}  // namespace exhibit
