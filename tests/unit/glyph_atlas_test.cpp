#include "renderer/glyph_atlas.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <vector>

namespace exhibit {
namespace {

class GlyphAtlasTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { font_.emplace(Font::find("Noto Sans CJK SC", true)); }
    static void TearDownTestSuite() { font_.reset(); }
    static const Font& font() { return *font_; }
    static std::uint32_t han(int i) { return font().glyphIndex(static_cast<char32_t>(0x4E00 + i)); }

    static std::optional<Font> font_;
};
std::optional<Font> GlyphAtlasTest::font_;

bool separated(const GlyphAtlas::Entry& a, const GlyphAtlas::Entry& b, int gap) {
    return a.x + a.w + gap <= b.x || b.x + b.w + gap <= a.x || a.y + a.h + gap <= b.y || b.y + b.h + gap <= a.y;
}

TEST(GlyphAtlasTiers, SmallMediumAndLargeText) {
    EXPECT_EQ(GlyphAtlas::tierPixels(12), 32);
    EXPECT_EQ(GlyphAtlas::tierPixels(40), 32);
    EXPECT_EQ(GlyphAtlas::tierPixels(40.5f), 64);
    EXPECT_EQ(GlyphAtlas::tierPixels(96), 64);
    EXPECT_EQ(GlyphAtlas::tierPixels(97), 128);
    EXPECT_EQ(GlyphAtlas::tierPixels(400), 128);
}

TEST_F(GlyphAtlasTest, EntriesNeverOverlapAndKeepTheGap) {
    GlyphAtlas atlas(2048, 2048);
    const float sizes[] = {14, 60, 120};
    std::vector<GlyphAtlas::Entry> entries;
    for (int i = 0; i < 120; ++i) entries.push_back(atlas.glyph(font(), han(i * 7), sizes[i % 3]));
    ASSERT_EQ(atlas.generation(), 0u) << "the atlas must not have been cleared for this test";
    EXPECT_EQ(atlas.glyphCount(), 120u);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        EXPECT_GT(e.w, 0);
        EXPECT_TRUE(e.x >= 0 && e.y >= 0 && e.x + e.w <= atlas.width() && e.y + e.h <= atlas.height());
        for (std::size_t j = i + 1; j < entries.size(); ++j) {
            EXPECT_TRUE(separated(e, entries[j], GlyphAtlas::kGapPx)) << i << " vs " << j;
        }
    }
}

TEST_F(GlyphAtlasTest, EntryMatchesTheRasterizedBitmap) {
    GlyphAtlas atlas(512, 512);
    const std::uint32_t glyph = font().glyphIndex(U'贵');
    atlas.glyph(font(), font().glyphIndex(U'州'), 20);  // so the entry is not at the origin
    const GlyphAtlas::Entry e = atlas.glyph(font(), glyph, 70);
    EXPECT_EQ(e.tierPixels, 64);
    const SdfBitmap sdf = font().renderSdf(glyph, 64);
    EXPECT_EQ(e.w, sdf.width);
    EXPECT_EQ(e.h, sdf.height);
    EXPECT_FLOAT_EQ(e.left, sdf.left);
    EXPECT_FLOAT_EQ(e.top, sdf.top);
    EXPECT_FLOAT_EQ(e.width, sdf.width / 64.0f);
    EXPECT_FLOAT_EQ(e.height, sdf.height / 64.0f);
    EXPECT_FLOAT_EQ(e.spreadEm, sdf.spreadPx / 64.0f);
    for (int row = 0; row < e.h; ++row) {
        for (int col = 0; col < e.w; ++col) {
            ASSERT_EQ(atlas.pixels()[static_cast<std::size_t>((e.y + row) * atlas.width() + e.x + col)],
                      sdf.pixels[static_cast<std::size_t>(row * sdf.width + col)]);
        }
    }
}

TEST_F(GlyphAtlasTest, SameGlyphAndTierIsCachedOtherTierIsNew) {
    GlyphAtlas atlas(512, 512);
    const std::uint32_t glyph = font().glyphIndex(U'贵');
    const GlyphAtlas::Entry& a = atlas.glyph(font(), glyph, 16);
    const GlyphAtlas::Entry& b = atlas.glyph(font(), glyph, 30);  // same tier (32)
    EXPECT_EQ(&a, &b);
    EXPECT_EQ(atlas.glyphCount(), 1u);
    const GlyphAtlas::Entry& c = atlas.glyph(font(), glyph, 50);
    EXPECT_NE(&a, &c);
    EXPECT_EQ(c.tierPixels, 64);
    EXPECT_EQ(atlas.glyphCount(), 2u);
    // spreadEm is the same at every tier (pixelsPerEm * 3 / 16).
    EXPECT_FLOAT_EQ(a.spreadEm, c.spreadEm);
}

TEST_F(GlyphAtlasTest, BlankGlyphTakesNoSpace) {
    GlyphAtlas atlas(256, 256);
    atlas.takeDirty();
    const GlyphAtlas::Entry& e = atlas.glyph(font(), font().glyphIndex(U' '), 24);
    EXPECT_EQ(e.w, 0);
    EXPECT_EQ(e.h, 0);
    EXPECT_FALSE(atlas.takeDirty().any);
}

TEST_F(GlyphAtlasTest, DirtyRowsCoverNewGlyphsUntilTaken) {
    GlyphAtlas atlas(512, 512);
    EXPECT_FALSE(atlas.takeDirty().any);
    const GlyphAtlas::Entry first = atlas.glyph(font(), han(1), 20);
    const GlyphAtlas::Entry second = atlas.glyph(font(), han(2), 120);
    const GlyphAtlas::DirtyRows dirty = atlas.takeDirty();
    ASSERT_TRUE(dirty.any);
    EXPECT_EQ(dirty.y0, std::min(first.y, second.y));
    EXPECT_EQ(dirty.y1, std::max(first.y + first.h, second.y + second.h));
    EXPECT_FALSE(atlas.takeDirty().any);
    atlas.glyph(font(), han(1), 20);  // cached: nothing new
    EXPECT_FALSE(atlas.takeDirty().any);
}

TEST_F(GlyphAtlasTest, FullAtlasClearsAndBumpsGeneration) {
    GlyphAtlas atlas(128, 128);
    atlas.takeDirty();
    int added = 0;
    while (atlas.generation() == 0) {
        ASSERT_LT(added, 40) << "a 128x128 atlas must fill up with 32 px CJK glyphs";
        atlas.glyph(font(), han(added), 16);
        ++added;
    }
    EXPECT_GE(added, 5);  // several fitted before the clear
    EXPECT_EQ(atlas.generation(), 1u);
    EXPECT_EQ(atlas.glyphCount(), 1u);  // only the glyph that triggered the clear
    const GlyphAtlas::DirtyRows dirty = atlas.takeDirty();
    EXPECT_TRUE(dirty.any);
    EXPECT_EQ(dirty.y0, 0);
    EXPECT_EQ(dirty.y1, 128);
    // The glyph is repacked at the origin and everything else is zero again.
    const GlyphAtlas::Entry& e = atlas.glyph(font(), han(added - 1), 16);
    EXPECT_EQ(e.x, 0);
    EXPECT_EQ(e.y, 0);
    for (int y = 0; y < atlas.height(); ++y) {
        for (int x = e.w; x < atlas.width(); ++x) {
            ASSERT_EQ(atlas.pixels()[static_cast<std::size_t>(y * atlas.width() + x)], 0) << x << "," << y;
        }
    }
    // Glyphs from before the clear are rasterized again on demand.
    atlas.glyph(font(), han(0), 16);
    EXPECT_EQ(atlas.glyphCount(), 2u);
}

TEST_F(GlyphAtlasTest, GlyphLargerThanTheAtlasThrows) {
    GlyphAtlas atlas(64, 64);
    EXPECT_THROW(atlas.glyph(font(), font().glyphIndex(U'贵'), 200), std::length_error);
    EXPECT_EQ(atlas.generation(), 0u);  // not cleared for nothing
}

}  // namespace
}  // namespace exhibit
