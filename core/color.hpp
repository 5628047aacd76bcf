// Colour values as written in show files ("#RRGGBB" or "#RRGGBBAA") and used by the renderer.
// Does not do colour management: values are sRGB, as on the wall.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace exhibit {

struct Color {
    float r = 0, g = 0, b = 0, a = 1;

    static constexpr Color rgba8(std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a = 255) {
        return {r / 255.0f, g / 255.0f, b / 255.0f, a / 255.0f};
    }
    Color withAlpha(float alpha) const { return {r, g, b, alpha}; }
    // Packed as R | G<<8 | B<<16 | A<<24 (byte order of a GL_UNSIGNED_BYTE RGBA vertex attribute).
    std::uint32_t packed() const;
    std::string hex() const;  // "#RRGGBB" or "#RRGGBBAA" when not opaque
    friend bool operator==(const Color&, const Color&) = default;
};

// Parses "#RRGGBB" or "#RRGGBBAA" (hex digits in either case); nothing else is accepted.
std::optional<Color> parseHexColor(std::string_view text);

// Linear interpolation in sRGB, t in [0, 1].
Color mix(const Color& a, const Color& b, float t);

}  // namespace exhibit
