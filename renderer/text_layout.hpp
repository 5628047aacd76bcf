// GL-free text layout in pixels: UTF-8 in, glyph pen positions out, for SDF text labels.
//
// Use:
//   TextStyle style; style.sizePx = 28; style.maxWidth = 300; style.maxLines = 2;
//   TextLayout layout = layoutText(font, "贵州省脱贫攻坚成果", style);
//   for (const PositionedGlyph& g : layout.glyphs)   // pen on the baseline, px, y down,
//       draw(atlas.glyph(font, g.glyph, layout.sizePx), boxOrigin + {g.x, g.y});   // origin = box top-left
//
// Rules:
//   - '\n' breaks lines ("\r" is ignored, '\t' is a space, other control characters are dropped);
//     an empty string has 0 lines, "a\n" has 2.
//   - Wrapping at maxWidth (0 = never wrap): between any two CJK characters, except before closing
//     punctuation (，。、；：？！）」』】》…%) and after opening punctuation (（「『【《“); at spaces
//     for Latin words (the spaces at the break are dropped); a word longer than the line breaks by
//     character. Trailing spaces never count towards a line's width.
//   - A text that would be cut is first laid out smaller (minScale); layout.sizePx says at which size.
//   - When there are more lines than maxLines (> 0), the first maxLines are kept, truncated is true
//     and, with ellipsis, the last kept line ends with "…" (characters are removed until it fits
//     maxWidth; "..." when the font has no U+2026).
//   - Alignment per line within the box: the box is maxWidth wide when set, else the widest line.
//   - Lines are sizePx * lineSpacing apart; the first baseline sits CSS-style at half-leading plus
//     ascender: ((lineSpacing - (ascender - descender)) / 2 + ascender) * sizePx.
//   - letterSpacing (px) is added between glyphs, not after a line's last glyph.
//   - Blank glyphs (spaces) produce no PositionedGlyph; missing glyphs appear as .notdef.
// Kerning comes from Font::kerning (legacy 'kern' table only). Glyph indices and metrics are
// cached inside Font, so laying out hundreds of labels per frame is cheap.
// Does NOT shape (no bidi, no ligatures, no vertical text), hyphenate or fall back to other fonts.
#pragma once

#include "renderer/font.hpp"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace exhibit {

enum class TextAlign { Left, Center, Right };

struct TextStyle {
    float sizePx = 16;
    TextAlign align = TextAlign::Left;
    float maxWidth = 0;  // px, 0 = no wrapping
    int maxLines = 0;    // 0 = unlimited
    bool ellipsis = true;
    float lineSpacing = 1.25f;  // baseline distance in multiples of sizePx
    float letterSpacing = 0;    // px
    // A text that does not fit maxWidth x maxLines is set smaller first, in 5 % steps down to this
    // share of sizePx, and only cut (truncated, "…") when it fits at none of them. 1 = cut at once.
    float minScale = 0.8f;
};

struct PositionedGlyph {
    std::uint32_t glyph = 0;
    float x = 0, y = 0;  // pen position on the baseline, px, y down, origin = top-left of the box
};

struct TextLayout {
    std::vector<PositionedGlyph> glyphs;
    float width = 0;         // box width: maxWidth when set, else contentWidth
    float height = 0;        // lines * sizePx * lineSpacing
    int lines = 0;
    bool truncated = false;  // lines (or characters, for the ellipsis) were cut
    float sizePx = 0;
    float firstBaseline = 0;  // y of the first baseline, px from the box top
    float contentWidth = 0;   // widest line's advance width (without trailing spaces)
};

TextLayout layoutText(const Font& font, std::string_view utf8, const TextStyle& style);

// Test hook: called with every text layoutText lays out and the result (was it cut to fit? which
// language is it in?), so tests can walk what a scene writes. One observer per process; an empty
// function removes it. Set it only while no other thread lays out text.
using TextLayoutObserver = std::function<void(std::string_view utf8, const TextLayout& layout)>;
void setTextLayoutObserver(TextLayoutObserver observer);

// Width of the widest '\n'-separated line, unwrapped, no letter spacing: equals
// layoutText(font, utf8, {.sizePx = sizePx}).contentWidth.
float measureText(const Font& font, std::string_view utf8, float sizePx);

}  // namespace exhibit
