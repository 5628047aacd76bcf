#include "core/utf8.hpp"

#include <cstdint>

namespace exhibit {

namespace {

bool isContinuation(std::uint8_t byte) { return (byte & 0xC0) == 0x80; }

// Total length announced by a lead byte, 0 when the byte cannot start a sequence.
int sequenceLength(std::uint8_t lead) {
    if (lead < 0x80) return 1;
    if (lead < 0xC0) return 0;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    if (lead < 0xF8) return 4;
    return 0;
}

constexpr char32_t kSmallestOfLength[5] = {0, 0, 0x80, 0x800, 0x10000};

}  // namespace

std::u32string decodeUtf8(std::string_view bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    const std::size_t size = bytes.size();
    std::size_t i = 0;
    while (i < size) {
        const auto lead = static_cast<std::uint8_t>(bytes[i]);
        const int length = sequenceLength(lead);
        if (length == 1) {
            out.push_back(lead);
            ++i;
            continue;
        }
        if (length == 0) {
            out.push_back(kReplacementChar);
            ++i;
            continue;
        }
        char32_t value = lead & (0xFF >> (length + 1));
        std::size_t next = i + 1;
        int seen = 1;
        while (seen < length && next < size && isContinuation(static_cast<std::uint8_t>(bytes[next]))) {
            value = (value << 6) | (static_cast<std::uint8_t>(bytes[next]) & 0x3F);
            ++next;
            ++seen;
        }
        i = next;
        const bool truncated = seen < length;
        const bool overlong = value < kSmallestOfLength[length];
        const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
        out.push_back(truncated || overlong || surrogate || value > 0x10FFFF ? kReplacementChar : value);
    }
    return out;
}

}  // namespace exhibit
