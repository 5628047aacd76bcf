// UTF-8 decoding for show text (labels, titles, CSV facts).
//
// Use: std::u32string text = decodeUtf8(bytes);
// Every malformed sequence becomes exactly one U+FFFD and decoding continues after it:
//   - a stray continuation byte (0x80-0xBF) or an impossible byte (0xF8-0xFF);
//   - a truncated sequence (a lead byte followed by fewer continuation bytes than it announces,
//     at the end of the input or before a non-continuation byte): lead plus the continuations seen;
//   - a complete but overlong sequence (C0 80, E0 80 80, ...), a surrogate (U+D800-U+DFFF)
//     or a value above U+10FFFF: the whole sequence.
// Never reads past the end of the input. Does not normalize, validate text semantics or encode.
#pragma once

#include <string>
#include <string_view>

namespace exhibit {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

std::u32string decodeUtf8(std::string_view bytes);

}  // namespace exhibit
