#include "renderer/text_layout.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace exhibit {
namespace {

class TextLayoutTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { font_.emplace(Font::find("Noto Sans CJK SC", true)); }
    static void TearDownTestSuite() { font_.reset(); }
    static const Font& font() { return *font_; }
    static std::uint32_t g(char32_t c) { return font().glyphIndex(c); }
    static float adv(char32_t c, float size) { return font().metrics(g(c)).advance * size; }

    static TextStyle style(float size, float maxWidth = 0, int maxLines = 0, TextAlign align = TextAlign::Left) {
        TextStyle s;
        s.sizePx = size;
        s.maxWidth = maxWidth;
        s.maxLines = maxLines;
        s.align = align;
        s.minScale = 1;  // these cases are about wrapping and cutting; ShrinksBeforeItCuts about shrinking
        return s;
    }
    // The glyphs of line k (by baseline), in order.
    static std::vector<PositionedGlyph> line(const TextLayout& layout, int k) {
        std::vector<PositionedGlyph> out;
        const float y = layout.firstBaseline + static_cast<float>(k) * layout.sizePx * 1.25f;
        for (const auto& glyph : layout.glyphs) {
            if (std::abs(glyph.y - y) < 0.01f) out.push_back(glyph);
        }
        return out;
    }

    static std::optional<Font> font_;
};
std::optional<Font> TextLayoutTest::font_;

TEST_F(TextLayoutTest, LeftAlignedSingleLine) {
    const TextLayout layout = layoutText(font(), "AV贵", style(20));
    ASSERT_EQ(layout.glyphs.size(), 3u);
    EXPECT_EQ(layout.lines, 1);
    EXPECT_FALSE(layout.truncated);
    EXPECT_EQ(layout.glyphs[0].glyph, g(U'A'));
    EXPECT_FLOAT_EQ(layout.glyphs[0].x, 0);
    EXPECT_FLOAT_EQ(layout.glyphs[1].x, adv(U'A', 20));
    EXPECT_FLOAT_EQ(layout.glyphs[2].x, adv(U'A', 20) + adv(U'V', 20));
    EXPECT_FLOAT_EQ(layout.width, adv(U'A', 20) + adv(U'V', 20) + 20);
    EXPECT_FLOAT_EQ(layout.height, 20 * 1.25f);
    const float expectedBaseline = ((1.25f - (font().ascender() - font().descender())) / 2 + font().ascender()) * 20;
    EXPECT_FLOAT_EQ(layout.firstBaseline, expectedBaseline);
    for (const auto& glyph : layout.glyphs) EXPECT_FLOAT_EQ(glyph.y, expectedBaseline);
    EXPECT_EQ(layout.sizePx, 20);
}

TEST_F(TextLayoutTest, CenterAndRightAlignWithinMaxWidth) {
    const float w = measureText(font(), "贵州", 30);
    EXPECT_FLOAT_EQ(w, 60);
    const TextLayout center = layoutText(font(), "贵州", style(30, 200, 0, TextAlign::Center));
    EXPECT_FLOAT_EQ(center.glyphs[0].x, (200 - 60) / 2.0f);
    EXPECT_FLOAT_EQ(center.glyphs[1].x, (200 - 60) / 2.0f + 30);
    EXPECT_FLOAT_EQ(center.width, 200);
    EXPECT_FLOAT_EQ(center.contentWidth, 60);
    const TextLayout right = layoutText(font(), "贵州", style(30, 200, 0, TextAlign::Right));
    EXPECT_FLOAT_EQ(right.glyphs[0].x, 140);
    EXPECT_FLOAT_EQ(right.glyphs[1].x, 170);
}

TEST_F(TextLayoutTest, AlignmentWithoutMaxWidthUsesTheWidestLine) {
    const TextLayout layout = layoutText(font(), "贵\n贵州省", style(10, 0, 0, TextAlign::Center));
    EXPECT_EQ(layout.lines, 2);
    EXPECT_FLOAT_EQ(layout.width, 30);
    EXPECT_FLOAT_EQ(line(layout, 0)[0].x, 10);
    EXPECT_FLOAT_EQ(line(layout, 1)[0].x, 0);
    const TextLayout right = layoutText(font(), "贵\n贵州省", style(10, 0, 0, TextAlign::Right));
    EXPECT_FLOAT_EQ(line(right, 0)[0].x, 20);
    EXPECT_FLOAT_EQ(layout.height, 2 * 10 * 1.25f);
}

TEST_F(TextLayoutTest, CjkWrapsBetweenAnyCharactersAtMaxWidth) {
    const TextLayout layout = layoutText(font(), "贵州省脱贫攻坚成果展示", style(20, 100));
    EXPECT_EQ(layout.lines, 3);  // 5 + 5 + 1 characters of 20 px
    ASSERT_EQ(line(layout, 0).size(), 5u);
    ASSERT_EQ(line(layout, 1).size(), 5u);
    ASSERT_EQ(line(layout, 2).size(), 1u);
    EXPECT_EQ(line(layout, 1)[0].glyph, g(U'攻'));
    EXPECT_FLOAT_EQ(line(layout, 1)[0].x, 0);
    EXPECT_EQ(line(layout, 2)[0].glyph, g(U'示'));
    EXPECT_FALSE(layout.truncated);
}

TEST_F(TextLayoutTest, LatinWrapsAtSpaces) {
    const float fit = measureText(font(), "hello world", 20);
    const TextLayout layout = layoutText(font(), "hello world again", style(20, fit));
    EXPECT_EQ(layout.lines, 2);
    EXPECT_EQ(line(layout, 0).size(), 10u);  // the space has no glyph
    const auto second = line(layout, 1);
    ASSERT_EQ(second.size(), 5u);
    EXPECT_EQ(second[0].glyph, g(U'a'));
    EXPECT_FLOAT_EQ(second[0].x, 0);

    // Slightly narrower: "world" no longer fits and moves down whole.
    const TextLayout narrower = layoutText(font(), "hello world again", style(20, fit - 1));
    EXPECT_EQ(narrower.lines, 3);
    EXPECT_EQ(line(narrower, 0).size(), 5u);
    EXPECT_EQ(line(narrower, 1)[0].glyph, g(U'w'));
}

TEST_F(TextLayoutTest, WordLongerThanTheLineBreaksByCharacter) {
    const float fourChars = measureText(font(), "mmmm", 20);
    const TextLayout layout = layoutText(font(), "mmmmmmmmmm is long", style(20, fourChars + 0.5f));
    ASSERT_EQ(layout.lines, 4);  // mmmm / mmmm / mm is / long
    EXPECT_EQ(line(layout, 0).size(), 4u);
    EXPECT_EQ(line(layout, 1).size(), 4u);
    EXPECT_EQ(line(layout, 2).size(), 4u);
    EXPECT_EQ(line(layout, 3).size(), 4u);
    EXPECT_EQ(line(layout, 3)[0].glyph, g(U'l'));
    EXPECT_FLOAT_EQ(line(layout, 3)[0].x, 0);
}

TEST_F(TextLayoutTest, KinsokuKeepsClosingPunctuationOffTheLineStart) {
    // Four characters fit; "，" and "。" may not start a line, so the character before them moves too.
    for (const char* text : {"一二三四，五", "一二三四。五"}) {
        const TextLayout layout = layoutText(font(), text, style(20, 80));
        ASSERT_EQ(layout.lines, 2) << text;
        EXPECT_EQ(line(layout, 0).size(), 3u) << text;
        EXPECT_EQ(line(layout, 1)[0].glyph, g(U'四')) << text;
    }
    // "（" may not end a line.
    const TextLayout opening = layoutText(font(), "一二三（四五", style(20, 80));
    ASSERT_EQ(opening.lines, 2);
    EXPECT_EQ(line(opening, 0).size(), 3u);
    EXPECT_EQ(line(opening, 1)[0].glyph, g(U'（'));
}

TEST_F(TextLayoutTest, EllipsisOnASingleLine) {
    const TextLayout layout = layoutText(font(), "贵州省脱贫攻坚成果展示", style(20, 100, 1));
    EXPECT_TRUE(layout.truncated);
    EXPECT_EQ(layout.lines, 1);
    ASSERT_FALSE(layout.glyphs.empty());
    const PositionedGlyph last = layout.glyphs.back();
    EXPECT_EQ(last.glyph, g(U'…'));
    EXPECT_LE(last.x + adv(U'…', 20), 100 + 0.01f);
    EXPECT_EQ(layout.glyphs.front().glyph, g(U'贵'));
    EXPECT_LE(layout.contentWidth, 100 + 0.01f);
    EXPECT_FLOAT_EQ(layout.height, 20 * 1.25f);
}

TEST_F(TextLayoutTest, EllipsisOnTheSecondOfTwoLines) {
    const TextLayout layout = layoutText(font(), "the quick brown fox jumps over the lazy dog", style(20, 120, 2));
    EXPECT_TRUE(layout.truncated);
    EXPECT_EQ(layout.lines, 2);
    const auto second = line(layout, 1);
    ASSERT_FALSE(second.empty());
    EXPECT_EQ(second.back().glyph, g(U'…'));
    EXPECT_LE(second.back().x + adv(U'…', 20), 120 + 0.01f);
    EXPECT_TRUE(line(layout, 2).empty());
    EXPECT_FLOAT_EQ(layout.height, 2 * 20 * 1.25f);
}

TEST_F(TextLayoutTest, TruncationWithoutEllipsisAndNoTruncationWhenItFits) {
    TextStyle s = style(20, 100, 1);
    s.ellipsis = false;
    const TextLayout cut = layoutText(font(), "贵州省脱贫攻坚成果展示", s);
    EXPECT_TRUE(cut.truncated);
    EXPECT_EQ(cut.glyphs.size(), 5u);
    EXPECT_NE(cut.glyphs.back().glyph, g(U'…'));

    const TextLayout fits = layoutText(font(), "贵州省", style(20, 100, 1));
    EXPECT_FALSE(fits.truncated);
    EXPECT_EQ(fits.glyphs.size(), 3u);
}

TEST_F(TextLayoutTest, ShrinksBeforeItCuts) {
    TextStyle s = style(20, 100, 1);
    s.minScale = 0.8f;
    // Six ideographs: 120 px at 20 px, 96 px at 80 %.
    ASSERT_GT(measureText(font(), "脱贫攻坚成果", 20), 100);
    ASSERT_LE(measureText(font(), "脱贫攻坚成果", 16), 100);
    const TextLayout shrunk = layoutText(font(), "脱贫攻坚成果", s);
    EXPECT_FALSE(shrunk.truncated);
    EXPECT_LT(shrunk.sizePx, 20);
    EXPECT_GE(shrunk.sizePx, 16 - 1e-3f);
    EXPECT_LE(shrunk.contentWidth, 100 + 0.01f);
    EXPECT_EQ(shrunk.glyphs.size(), 6u);

    const TextLayout cut = layoutText(font(), "贵州省脱贫攻坚成果展示", s);  // 11 ideographs fit at no size down to 80 %
    EXPECT_TRUE(cut.truncated);
    EXPECT_EQ(cut.glyphs.back().glyph, g(U'…'));
    EXPECT_FLOAT_EQ(cut.sizePx, 16) << "cut at the smallest size tried";
}

TEST_F(TextLayoutTest, MaxLinesCountsExplicitLineBreaksToo) {
    const TextLayout layout = layoutText(font(), "一\n二\n三", style(20, 0, 2));
    EXPECT_TRUE(layout.truncated);
    EXPECT_EQ(layout.lines, 2);
    EXPECT_EQ(layout.glyphs.back().glyph, g(U'…'));
}

TEST_F(TextLayoutTest, MeasureMatchesLayoutWidth) {
    for (const char* text : {"Guizhou 贵州", "脱贫攻坚，2020 年", "AVAWAY", "x", "trailing   "}) {
        const TextLayout layout = layoutText(font(), text, style(37));
        EXPECT_FLOAT_EQ(measureText(font(), text, 37), layout.width) << text;
        EXPECT_FLOAT_EQ(layout.width, layout.contentWidth) << text;
    }
    EXPECT_FLOAT_EQ(measureText(font(), "AB", 10), adv(U'A', 10) + adv(U'B', 10));
    EXPECT_FLOAT_EQ(measureText(font(), "ab\nabc", 10), measureText(font(), "abc", 10));
    EXPECT_FLOAT_EQ(measureText(font(), "ab  ", 10), measureText(font(), "ab", 10));  // trailing spaces do not count
}

TEST_F(TextLayoutTest, LetterSpacingGoesBetweenGlyphs) {
    TextStyle s = style(10);
    s.letterSpacing = 5;
    const TextLayout layout = layoutText(font(), "AB", s);
    ASSERT_EQ(layout.glyphs.size(), 2u);
    EXPECT_FLOAT_EQ(layout.glyphs[1].x, adv(U'A', 10) + 5);
    EXPECT_FLOAT_EQ(layout.width, adv(U'A', 10) + 5 + adv(U'B', 10));
}

TEST_F(TextLayoutTest, NewlinesStartNewLines) {
    const TextLayout layout = layoutText(font(), "A\r\nB\n\nC", style(16));
    EXPECT_EQ(layout.lines, 4);
    ASSERT_EQ(layout.glyphs.size(), 3u);
    EXPECT_FLOAT_EQ(layout.glyphs[1].y - layout.glyphs[0].y, 16 * 1.25f);
    EXPECT_FLOAT_EQ(layout.glyphs[2].y - layout.glyphs[0].y, 3 * 16 * 1.25f);
    EXPECT_FLOAT_EQ(layout.glyphs[1].x, 0);
}

TEST_F(TextLayoutTest, EmptyStringHasNoLines) {
    const TextLayout layout = layoutText(font(), "", style(16));
    EXPECT_TRUE(layout.glyphs.empty());
    EXPECT_EQ(layout.lines, 0);
    EXPECT_EQ(layout.height, 0);
    EXPECT_EQ(layout.width, 0);
    EXPECT_EQ(measureText(font(), "", 16), 0);
}

TEST_F(TextLayoutTest, InvalidUtf8DoesNotCrash) {
    const std::string junk = "\xE8\xB4\xFF\xC0\x80\xED\xA0\x80 a\x80";
    const TextLayout layout = layoutText(font(), junk, style(16, 20, 2));
    EXPECT_GE(layout.lines, 1);
    EXPECT_LE(layout.lines, 2);
    EXPECT_GT(measureText(font(), junk, 16), 0);
}

}  // namespace
}  // namespace exhibit
