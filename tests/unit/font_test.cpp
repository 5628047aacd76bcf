#include "renderer/font.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

namespace exhibit {
namespace {

const std::filesystem::path kNotAFont = std::filesystem::path(EXHIBIT_TEST_DATA) / "fonts" / "not_a_font.ttf";

class FontTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { font_.emplace(Font::find("Noto Sans CJK SC", true)); }
    static void TearDownTestSuite() { font_.reset(); }
    static const Font& font() { return *font_; }

    // SDF value at the given point in em (pen origin, y up); the bitmap pixel containing it.
    static int sampleAt(const SdfBitmap& sdf, float xEm, float yEm) {
        const int px = static_cast<int>(std::floor((xEm - sdf.left) * sdf.pixelsPerEm));
        const int py = static_cast<int>(std::floor((sdf.top - yEm) * sdf.pixelsPerEm));
        EXPECT_TRUE(px >= 0 && px < sdf.width && py >= 0 && py < sdf.height) << px << "," << py;
        return sdf.pixels[static_cast<std::size_t>(py) * static_cast<std::size_t>(sdf.width) + static_cast<std::size_t>(px)];
    }

    static std::optional<Font> font_;
};
std::optional<Font> FontTest::font_;

TEST_F(FontTest, FindsNotoSansCjkWithChineseAndLatinGlyphs) {
    EXPECT_EQ(font().family(), "Noto Sans CJK SC");
    EXPECT_TRUE(std::filesystem::exists(font().file()));
    EXPECT_NE(font().glyphIndex(U'贵'), 0u);
    EXPECT_NE(font().glyphIndex(U'A'), 0u);
    EXPECT_NE(font().glyphIndex(U'贵'), font().glyphIndex(U'A'));
    EXPECT_EQ(font().glyphIndex(U'\U000F0000'), 0u);  // private use: missing
}

TEST_F(FontTest, FindsTheBoldFaceAsADifferentFont) {
    const Font bold = Font::find("Noto Sans CJK SC:style=Bold", true);
    EXPECT_EQ(bold.family(), "Noto Sans CJK SC");
    EXPECT_NE(bold.id(), font().id());
    EXPECT_TRUE(bold.file() != font().file() || bold.faceIndex() != font().faceIndex());
    // Bold strokes are wider: the ink of 'I' is wider than in Regular.
    EXPECT_GT(bold.metrics(bold.glyphIndex(U'I')).width, font().metrics(font().glyphIndex(U'I')).width);
}

TEST_F(FontTest, FromFileOpensTheSameFaceAndGetsANewId) {
    const Font again = Font::fromFile(font().file(), font().faceIndex());
    EXPECT_EQ(again.family(), font().family());
    EXPECT_NE(again.id(), font().id());
    EXPECT_EQ(again.glyphIndex(U'贵'), font().glyphIndex(U'贵'));
}

TEST_F(FontTest, MovedFontKeepsWorking) {
    Font a = Font::fromFile(font().file(), font().faceIndex());
    const std::uint32_t id = a.id();
    Font b = std::move(a);
    EXPECT_EQ(b.id(), id);
    EXPECT_NE(b.glyphIndex(U'州'), 0u);
}

TEST(Font, FromFileOnJunkThrowsContentErrorNamingTheFile) {
    try {
        Font::fromFile(kNotAFont);
        FAIL() << "expected ContentError";
    } catch (const ContentError& error) {
        EXPECT_NE(std::string(error.what()).find(kNotAFont.string()), std::string::npos) << error.what();
    }
}

TEST(Font, FromFileOnMissingFileThrowsContentErrorNamingTheFile) {
    const auto missing = std::filesystem::path(EXHIBIT_TEST_DATA) / "fonts" / "missing.otf";
    try {
        Font::fromFile(missing);
        FAIL() << "expected ContentError";
    } catch (const ContentError& error) {
        EXPECT_NE(std::string(error.what()).find("missing.otf"), std::string::npos) << error.what();
    }
}

TEST_F(FontTest, MetricsAreInEmUnits) {
    const GlyphMetrics han = font().metrics(font().glyphIndex(U'贵'));
    EXPECT_FLOAT_EQ(han.advance, 1.0f);  // CJK ideographs are one em wide
    EXPECT_GT(han.width, 0.7f);
    EXPECT_LT(han.width, 1.0f);
    EXPECT_GT(han.top, 0.7f);
    EXPECT_LT(han.top, 0.95f);

    const GlyphMetrics a = font().metrics(font().glyphIndex(U'A'));
    EXPECT_GT(a.advance, 0.4f);
    EXPECT_LT(a.advance, 0.9f);

    const GlyphMetrics space = font().metrics(font().glyphIndex(U' '));
    EXPECT_GT(space.advance, 0.1f);
    EXPECT_EQ(space.width, 0.0f);
    EXPECT_EQ(space.height, 0.0f);

    EXPECT_GT(font().ascender(), 0.8f);
    EXPECT_LT(font().descender(), -0.1f);
    EXPECT_GE(font().lineHeight(), font().ascender() - font().descender());
    EXPECT_EQ(font().kerning(font().glyphIndex(U'A'), font().glyphIndex(U'V')), 0.0f);  // no 'kern' table
}

TEST_F(FontTest, SdfIsAboveMidInsideAndBelowOutside) {
    const std::uint32_t glyph = font().glyphIndex(U'I');
    const GlyphMetrics m = font().metrics(glyph);
    const SdfBitmap sdf = font().renderSdf(glyph, 64);
    ASSERT_GT(sdf.width, 0);
    ASSERT_EQ(sdf.pixels.size(), static_cast<std::size_t>(sdf.width * sdf.height));
    EXPECT_EQ(sdf.pixelsPerEm, 64.0f);
    EXPECT_EQ(sdf.spreadPx, 12.0f);
    // The bitmap covers the ink box plus the spread on every side.
    EXPECT_NEAR(sdf.left, m.left - 12.0f / 64, 1.5f / 64);
    EXPECT_NEAR(sdf.top, m.top + 12.0f / 64, 1.5f / 64);

    const float centreX = m.left + m.width / 2;
    const float centreY = m.top - m.height / 2;
    const int centre = sampleAt(sdf, centreX, centreY);
    EXPECT_GT(centre, 128);
    // value = 128 + distance / spread * 128, distance = half the stem width in pixels.
    const float expected = 128 + (m.width * 64 / 2) / sdf.spreadPx * 128;
    EXPECT_NEAR(centre, expected, 12);

    EXPECT_LT(sdf.pixels.front(), 128);  // top-left corner: outside
    EXPECT_LT(sdf.pixels.back(), 128);   // bottom-right corner: outside
    // Moving away from the stem, the value falls monotonically.
    const int near = sampleAt(sdf, m.left - 2.0f / 64, centreY);
    const int far = sampleAt(sdf, m.left - 6.0f / 64, centreY);
    EXPECT_LT(near, 128);
    EXPECT_LT(far, near);
}

TEST_F(FontTest, SdfOfKouHasAnOutsideHole) {
    const std::uint32_t glyph = font().glyphIndex(U'口');
    const GlyphMetrics m = font().metrics(glyph);
    const SdfBitmap sdf = font().renderSdf(glyph, 64);
    EXPECT_LT(sampleAt(sdf, m.left + m.width / 2, m.top - m.height / 2), 64);  // the hole, far from strokes
    EXPECT_GT(sampleAt(sdf, m.left + 0.02f, m.top - m.height / 2), 128);      // the left stroke
}

TEST_F(FontTest, SdfSpreadFollowsSizeOrArgument) {
    const std::uint32_t glyph = font().glyphIndex(U'贵');
    EXPECT_EQ(Font::defaultSpreadPx(32), 6);
    EXPECT_EQ(Font::defaultSpreadPx(128), 24);
    EXPECT_EQ(Font::defaultSpreadPx(8), 2);
    const SdfBitmap small = font().renderSdf(glyph, 32);
    EXPECT_EQ(small.spreadPx, 6.0f);
    const SdfBitmap wide = font().renderSdf(glyph, 32, 10);
    EXPECT_EQ(wide.spreadPx, 10.0f);
    EXPECT_EQ(wide.width, small.width + 8);  // 4 more pixels of field on each side
}

TEST_F(FontTest, BlankGlyphGivesEmptyBitmap) {
    const SdfBitmap sdf = font().renderSdf(font().glyphIndex(U' '), 64);
    EXPECT_EQ(sdf.width, 0);
    EXPECT_EQ(sdf.height, 0);
    EXPECT_TRUE(sdf.pixels.empty());
}

TEST_F(FontTest, RenderingAGlyphOutOfRangeThrowsContentError) {
    EXPECT_THROW(font().renderSdf(0xFFFFFFu, 32), ContentError);
}

}  // namespace
}  // namespace exhibit
