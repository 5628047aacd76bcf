// Fonts for SDF text: find a font through fontconfig, read unhinted scalable metrics, and
// rasterize single glyphs into signed distance fields with FreeType's own SDF renderer.
//
// Use:
//   Font font = Font::find("Noto Sans CJK SC", /*requireCjk=*/true);   // or Font::fromFile(path)
//   std::uint32_t g = font.glyphIndex(U'贵');                           // 0 = missing (.notdef)
//   GlyphMetrics m = font.metrics(g);                                   // em units, cached
//   SdfBitmap sdf = font.renderSdf(g, 64);                              // usually via GlyphAtlas
//
// Units: metrics are in em (1 em = the font size); multiply by the size in px. y points up.
//
// SDF value convention (FreeType 8-bit SDF output, proven by tests/unit/font_test.cpp):
//   value 128 is the outline, values ABOVE 128 are INSIDE the glyph, below 128 outside;
//   distance in bitmap pixels = (value - 128) / 128 * spreadPx (0 = spreadPx or more outside).
//   A shader covers a pixel when the sampled value > 0.5 (in normalized texture units).
// The SDF comes from FreeType's "bsdf" rasterizer (outline -> 8-bit coverage -> distance field):
// FreeType documents it as more stable than the outline-based "sdf" rasterizer (which cannot
// handle self-intersecting contours), and on Noto Sans CJK it is 2-7x faster on complex glyphs
// while agreeing with "sdf" to within about one level on average.
//
// Threads: a Font (and the FreeType library all Fonts share) belongs to one thread at a time;
// the caches make even const members non-reentrant.
// Does NOT shape text (no HarfBuzz: no ligatures, no GPOS kerning; only the legacy 'kern' table,
// which Noto Sans CJK does not have), does not fall back to other fonts for missing glyphs,
// and does not touch GL.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace exhibit {

struct GlyphMetrics {
    float advance = 0;  // horizontal pen advance
    float left = 0;     // ink box: left edge relative to the pen
    float top = 0;      // ink box: top edge above the baseline
    float width = 0;    // ink box size; 0 x 0 for blank glyphs such as the space
    float height = 0;
};

struct SdfBitmap {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;  // width * height bytes, row 0 = top
    float left = 0, top = 0;           // bitmap's top-left relative to the pen on the baseline, in em (y up)
    float pixelsPerEm = 0;             // rasterization size
    float spreadPx = 0;                // distance range encoded, in bitmap pixels
};

class Font {
public:
    // Finds the font through fontconfig (e.g. "Noto Sans CJK SC" or "Noto Sans CJK SC:style=Bold").
    // requireCjk: the match must have a glyph for 贵 (U+8D35), else StartupError
    //   no CJK font found for "Noto Sans CJK SC": install fonts-noto-cjk (apt-get install fonts-noto-cjk)
    // Without requireCjk, fontconfig's best match is taken (StartupError only if there is none).
    static Font find(const std::string& fontconfigPattern, bool requireCjk);
    // ContentError naming the file if it is missing, unreadable, not a font or not scalable.
    static Font fromFile(const std::filesystem::path& file, int faceIndex = 0);

    Font(Font&&) noexcept;
    Font& operator=(Font&&) noexcept;
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;
    ~Font();

    const std::string& family() const;
    const std::filesystem::path& file() const;
    int faceIndex() const;
    std::uint32_t id() const;  // unique per loaded Font (never reused in a process), for atlas keys

    std::uint32_t glyphIndex(char32_t codePoint) const;  // 0 = missing (.notdef); cached
    GlyphMetrics metrics(std::uint32_t glyph) const;     // unhinted, scalable, em units; cached
    float ascender() const;    // em, positive (hhea/typo ascender as FreeType reports it)
    float descender() const;   // em, negative
    float lineHeight() const;  // em, the font's own baseline-to-baseline distance
    float kerning(std::uint32_t left, std::uint32_t right) const;  // em, 0 if none

    // Default spread used by renderSdf: pixelsPerEm * 3 / 16 (a constant 0.1875 em at every size,
    // room for label halos and shadows of about 0.15 em),
    // clamped to FreeType's accepted range [2, 32].
    static int defaultSpreadPx(int pixelsPerEm);
    // Signed distance field of one glyph rasterized at pixelsPerEm (1..1024), unhinted.
    // spreadPx 0 = defaultSpreadPx(pixelsPerEm). Blank glyphs (space) give an empty bitmap.
    // ContentError naming the file and glyph if FreeType cannot render it.
    SdfBitmap renderSdf(std::uint32_t glyph, int pixelsPerEm, int spreadPx = 0) const;

private:
    struct Impl;
    explicit Font(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace exhibit
