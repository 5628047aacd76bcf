// CPU side of the dynamic signed-distance-field glyph atlas: rasterizes glyphs on first use
// (CJK has thousands; nothing is pre-baked) and packs them into one single-channel 8-bit image.
//
// Use (once per label glyph, on the render thread):
//   GlyphAtlas atlas;                                      // 2048 x 2048, all zero (= far outside)
//   const GlyphAtlas::Entry& e = atlas.glyph(font, glyphIndex, sizePx);
//   quad: x0 = penX + e.left * sizePx, y0 = baselineY - e.top * sizePx (y down),
//         size e.width * sizePx by e.height * sizePx, texels [e.x, e.x + e.w) x [e.y, e.y + e.h)
//   each frame: if (auto d = atlas.takeDirty(); d.any) upload rows [d.y0, d.y1) of pixels().
// The value convention is Font's: 128 = outline, above = inside (see renderer/font.hpp).
// Edge width for the shader: spreadEm * sizePx screen pixels correspond to 0.5 in texture value.
//
// Size tiers: a glyph drawn at S px uses the SDF rasterized at tierPixels(S) px per em:
//   S <= 40 -> 32, S <= 96 -> 64, S > 96 -> 128.
// Most glyphs on the wall are small labels, so the smallest tier decides how many distinct CJK
// glyphs fit: 32 px em (40 x 40 with spread) packs ~2500 in 2048 x 2048, and 12-40 px text is drawn
// at 0.4-1.25x of the field, well inside what SDF minification/magnification keeps crisp.
// Magnification is bounded by 1.25x (32) and 1.5x (64); the 128 tier reaches 3.1x at 400 px, where
// corner rounding stays near one screen pixel. A 256 tier would cost 60-80 ms per CJK glyph in
// FreeType's SDF renderer and ~100 KB of atlas each, too much for a running show.
// The spread is pixelsPerEm * 3 / 16, i.e. 0.1875 em at every tier, so outline and glow effects up
// to about 0.15 em look the same at every size.
//
// Packing: skyline (bottom-left) with a kGapPx empty gap right of and below every glyph, so bilinear
// sampling never bleeds between neighbours. When a glyph no longer fits the atlas is cleared
// (generation() increments, everything is re-rasterized on demand): entries and positions from an
// earlier generation are stale, so a caller that built quads in this frame must rebuild them when
// generation() changed meanwhile. Entry references stay valid until the next clear.
// A glyph FreeType fails to render is logged once and stored as a blank entry.
// Does NOT touch GL, lay out text, or evict selectively (clearing is the eviction policy).
#pragma once

#include "renderer/font.hpp"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace exhibit {

class GlyphAtlas {
public:
    static constexpr int kGapPx = 2;

    struct Entry {
        int x = 0, y = 0, w = 0, h = 0;            // pixel rect in the atlas image (0 x 0 for blank glyphs)
        float left = 0, top = 0, width = 0, height = 0;  // quad relative to pen/baseline in em (y up)
        float spreadEm = 0;                         // SDF spread expressed in em
        int tierPixels = 0;                         // pixels per em the SDF was rasterized at
    };
    struct DirtyRows {
        int y0 = 0, y1 = 0;  // half-open row range [y0, y1)
        bool any = false;
    };

    explicit GlyphAtlas(int width = 2048, int height = 2048);

    static int tierPixels(float sizePx);

    // The entry for this glyph at the tier of sizePx, rasterizing and packing it on first use.
    // Throws std::length_error when the glyph's bitmap (plus gap) is larger than the whole atlas.
    const Entry& glyph(const Font& font, std::uint32_t glyphIndex, float sizePx);

    const std::vector<std::uint8_t>& pixels() const { return pixels_; }  // width * height, row 0 = top
    int width() const { return width_; }
    int height() const { return height_; }

    // Rows written since the last takeDirty() (the whole image after a clear); any = false if none.
    DirtyRows takeDirty();
    std::uint64_t generation() const { return generation_; }
    std::size_t glyphCount() const { return entries_.size(); }

private:
    struct Key {
        std::uint32_t font;
        std::uint32_t glyph;
        int tier;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& key) const;
    };
    struct SkylineNode {
        int x, y, width;
    };

    void clear();
    bool pack(int w, int h, int& outX, int& outY);
    int fitsAt(std::size_t node, int w, int h) const;
    void addSkylineLevel(std::size_t node, int x, int y, int w, int h);
    void markDirty(int y0, int y1);

    int width_;
    int height_;
    std::vector<std::uint8_t> pixels_;
    std::vector<SkylineNode> skyline_;
    std::unordered_map<Key, Entry, KeyHash> entries_;
    DirtyRows dirty_;
    std::uint64_t generation_ = 0;
};

}  // namespace exhibit
