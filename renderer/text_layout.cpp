#include "renderer/text_layout.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cstddef>

namespace exhibit {

namespace {

// Slack for floating-point sums: text measured to exactly maxWidth must still fit.
constexpr float kFitEpsilonPx = 0.01f;

bool isCjk(char32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Closing punctuation: may not start a line (simple kinsoku).
bool isNoStart(char32_t c) {
    switch (c) {
        case U'、': case U'。': case U'，': case U'．': case U'：': case U'；': case U'？': case U'！':
        case U'）': case U'］': case U'｝': case U'〕': case U'〉': case U'》': case U'」': case U'』':
        case U'】': case U'〗': case U'〙': case U'〛': case U'〞': case U'〟': case U'｠': case U'»':
        case U'›': case U'”': case U'’': case U')': case U']': case U'}': case U',': case U'.':
        case U':': case U';': case U'?': case U'!': case U'%': case U'％': case U'‰': case U'℃':
        case U'・': case U'ー': case U'…': case U'‥': case U'々': case U'·':
            return true;
        default:
            return false;
    }
}

// Opening punctuation: may not end a line.
bool isNoEnd(char32_t c) {
    switch (c) {
        case U'（': case U'［': case U'｛': case U'〔': case U'〈': case U'《': case U'「': case U'『':
        case U'【': case U'〖': case U'〘': case U'〚': case U'〝': case U'｟': case U'«': case U'‹':
        case U'“': case U'‘': case U'(': case U'[': case U'{':
            return true;
        default:
            return false;
    }
}

struct Item {
    char32_t codePoint;
    std::uint32_t glyph;
    float advance;     // px
    float kernBefore;  // px, with the previous item of the same paragraph
    bool space;
    bool ink;
};

struct Range {
    std::size_t begin, end;
};

struct Line {
    std::size_t begin, end;
    bool ellipsis = false;
};

struct Shaped {
    std::vector<Item> items;
    std::vector<Range> paragraphs;
};

Shaped shape(const Font& font, std::string_view utf8, float sizePx) {
    Shaped out;
    const std::u32string text = decodeUtf8(utf8);
    out.items.reserve(text.size());
    std::size_t paragraphBegin = 0;
    for (char32_t c : text) {
        if (c == U'\n') {
            out.paragraphs.push_back({paragraphBegin, out.items.size()});
            paragraphBegin = out.items.size();
            continue;
        }
        if (c == U'\t') c = U' ';
        if (c < 0x20 || c == 0x7F || (c >= 0x200B && c <= 0x200D) || c == 0xFEFF) continue;
        const std::uint32_t glyph = font.glyphIndex(c);
        const GlyphMetrics m = font.metrics(glyph);
        const bool first = out.items.size() == paragraphBegin;
        const float kern = first ? 0.0f : font.kerning(out.items.back().glyph, glyph) * sizePx;
        out.items.push_back({c, glyph, m.advance * sizePx, kern, c == U' ', m.width > 0 && m.height > 0});
    }
    if (!text.empty()) out.paragraphs.push_back({paragraphBegin, out.items.size()});
    return out;
}

std::size_t trimSpaces(const std::vector<Item>& items, std::size_t begin, std::size_t end) {
    while (end > begin && items[end - 1].space) --end;
    return end;
}

float lineWidth(const std::vector<Item>& items, std::size_t begin, std::size_t end, float letterSpacing) {
    end = trimSpaces(items, begin, end);
    if (end == begin) return 0;
    float width = 0;
    for (std::size_t j = begin; j + 1 < end; ++j) width += items[j].advance + letterSpacing + items[j + 1].kernBefore;
    return width + items[end - 1].advance;
}

bool canBreakBefore(const std::vector<Item>& items, std::size_t i) {
    const Item& before = items[i - 1];
    const Item& after = items[i];
    if (after.space) return false;
    if (before.space) return true;
    if (isNoStart(after.codePoint) || isNoEnd(before.codePoint)) return false;
    return isCjk(before.codePoint) || isCjk(after.codePoint);
}

void wrapParagraph(const std::vector<Item>& items, Range paragraph, const TextStyle& style, std::vector<Line>& lines) {
    std::size_t start = paragraph.begin;
    if (start == paragraph.end) {
        lines.push_back({start, start});
        return;
    }
    while (start < paragraph.end) {
        std::size_t lastBreak = start;
        std::size_t end = paragraph.end;
        float pen = 0;
        for (std::size_t i = start; i < paragraph.end; ++i) {
            if (i > start) {
                pen += items[i - 1].advance + style.letterSpacing + items[i].kernBefore;
                if (canBreakBefore(items, i)) lastBreak = i;
            }
            const bool overflows = style.maxWidth > 0 && i > start && !items[i].space &&
                                   pen + items[i].advance > style.maxWidth + kFitEpsilonPx;
            if (overflows) {
                end = lastBreak > start ? lastBreak : i;
                break;
            }
        }
        lines.push_back({start, end});
        start = end;
        while (start < paragraph.end && items[start].space) ++start;
    }
}

}  // namespace

namespace {
TextLayoutObserver& observer() {
    static TextLayoutObserver instance;
    return instance;
}
TextLayout layoutUnobserved(const Font& font, std::string_view utf8, const TextStyle& style);
}  // namespace

void setTextLayoutObserver(TextLayoutObserver o) { observer() = std::move(o); }

TextLayout layoutText(const Font& font, std::string_view utf8, const TextStyle& style) {
    TextLayout layout = layoutUnobserved(font, utf8, style);
    TextStyle smaller = style;
    for (int step = 1; layout.truncated && style.maxWidth > 0 && 1.0f - 0.05f * static_cast<float>(step) >= style.minScale - 1e-4f;
         ++step) {
        smaller.sizePx = style.sizePx * (1.0f - 0.05f * static_cast<float>(step));
        layout = layoutUnobserved(font, utf8, smaller);
    }
    if (observer()) observer()(utf8, layout);
    return layout;
}

namespace {
TextLayout layoutUnobserved(const Font& font, std::string_view utf8, const TextStyle& style) {
    TextLayout layout;
    layout.sizePx = style.sizePx;
    const float size = style.sizePx;
    const float ls = style.letterSpacing;
    const float lineAdvance = size * style.lineSpacing;
    layout.firstBaseline =
        ((style.lineSpacing - (font.ascender() - font.descender())) / 2 + font.ascender()) * size;

    const Shaped shaped = shape(font, utf8, size);
    const std::vector<Item>& items = shaped.items;
    std::vector<Line> lines;
    for (const Range& paragraph : shaped.paragraphs) wrapParagraph(items, paragraph, style, lines);

    // The ellipsis: one U+2026, or three full stops when the font lacks it.
    std::vector<std::uint32_t> ellipsisGlyphs;
    std::vector<float> ellipsisAdvances;
    float ellipsisWidth = 0;
    if (style.maxLines > 0 && lines.size() > static_cast<std::size_t>(style.maxLines)) {
        layout.truncated = true;
        lines.resize(static_cast<std::size_t>(style.maxLines));
        if (style.ellipsis) {
            const std::uint32_t single = font.glyphIndex(U'…');
            if (single != 0) {
                ellipsisGlyphs.assign(1, single);
            } else {
                ellipsisGlyphs.assign(3, font.glyphIndex(U'.'));
            }
            for (std::size_t k = 0; k < ellipsisGlyphs.size(); ++k) {
                ellipsisAdvances.push_back(font.metrics(ellipsisGlyphs[k]).advance * size);
                ellipsisWidth += ellipsisAdvances.back() + (k > 0 ? ls : 0.0f);
            }
            Line& last = lines.back();
            std::size_t end = trimSpaces(items, last.begin, last.end);
            while (end > last.begin) {
                const float width = lineWidth(items, last.begin, end, ls) + ls + ellipsisWidth;
                if (style.maxWidth <= 0 || width <= style.maxWidth + kFitEpsilonPx) break;
                end = trimSpaces(items, last.begin, end - 1);
            }
            last.end = end;
            last.ellipsis = true;
        }
    }

    std::vector<float> widths;
    widths.reserve(lines.size());
    for (const Line& line : lines) {
        float width = lineWidth(items, line.begin, line.end, ls);
        if (line.ellipsis) width += (trimSpaces(items, line.begin, line.end) > line.begin ? ls : 0.0f) + ellipsisWidth;
        widths.push_back(width);
        layout.contentWidth = std::max(layout.contentWidth, width);
    }
    layout.width = style.maxWidth > 0 ? style.maxWidth : layout.contentWidth;
    layout.lines = static_cast<int>(lines.size());
    layout.height = static_cast<float>(lines.size()) * lineAdvance;

    layout.glyphs.reserve(items.size() + ellipsisGlyphs.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line& line = lines[k];
        const float y = layout.firstBaseline + static_cast<float>(k) * lineAdvance;
        float x0 = 0;
        if (style.align == TextAlign::Center) x0 = (layout.width - widths[k]) / 2;
        if (style.align == TextAlign::Right) x0 = layout.width - widths[k];
        float pen = 0;
        for (std::size_t j = line.begin; j < line.end; ++j) {
            if (j > line.begin) pen += items[j - 1].advance + ls + items[j].kernBefore;
            if (items[j].ink) layout.glyphs.push_back({items[j].glyph, x0 + pen, y});
        }
        if (!line.ellipsis) continue;
        const std::size_t visibleEnd = trimSpaces(items, line.begin, line.end);
        pen = visibleEnd > line.begin ? lineWidth(items, line.begin, visibleEnd, ls) + ls : 0.0f;
        for (std::size_t e = 0; e < ellipsisGlyphs.size(); ++e) {
            layout.glyphs.push_back({ellipsisGlyphs[e], x0 + pen, y});
            pen += ellipsisAdvances[e] + ls;
        }
    }
    return layout;
}
}  // namespace

float measureText(const Font& font, std::string_view utf8, float sizePx) {
    const Shaped shaped = shape(font, utf8, sizePx);
    float widest = 0;
    for (const Range& paragraph : shaped.paragraphs) {
        widest = std::max(widest, lineWidth(shaped.items, paragraph.begin, paragraph.end, 0));
    }
    return widest;
}

}  // namespace exhibit
