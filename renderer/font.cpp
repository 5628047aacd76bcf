#include "renderer/font.hpp"

#include "core/error.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <mutex>
#include <system_error>
#include <unordered_map>

namespace exhibit {

namespace {

constexpr char32_t kCjkProbe = U'\u8D35';  // 贵

// The one FT_Library all faces share; lives as long as the last Font using it.
struct Library {
    FT_Library handle = nullptr;
    int spreadPx = -1;  // last spread set on the "bsdf" module

    Library() {
        if (const FT_Error error = FT_Init_FreeType(&handle)) {
            throw StartupError("FreeType initialisation failed (FreeType error " + std::to_string(error) + ")");
        }
    }
    ~Library() { FT_Done_FreeType(handle); }
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    void setSpread(int spread) {
        if (spread == spreadPx) return;
        FT_Int value = spread;
        FT_Property_Set(handle, "bsdf", "spread", &value);
        FT_Property_Set(handle, "sdf", "spread", &value);
        spreadPx = spread;
    }
};

std::shared_ptr<Library> sharedLibrary() {
    static std::mutex mutex;
    static std::weak_ptr<Library> weak;
    std::lock_guard lock(mutex);
    std::shared_ptr<Library> library = weak.lock();
    if (!library) {
        library = std::make_shared<Library>();
        weak = library;
    }
    return library;
}

std::uint32_t nextFontId() {
    static std::atomic<std::uint32_t> counter{0};
    return ++counter;
}

const std::uint8_t* bitmapRow(const FT_Bitmap& bitmap, unsigned row) {
    if (bitmap.pitch >= 0) return bitmap.buffer + static_cast<std::size_t>(row) * static_cast<unsigned>(bitmap.pitch);
    return bitmap.buffer + static_cast<std::size_t>(bitmap.rows - 1 - row) * static_cast<unsigned>(-bitmap.pitch);
}

}  // namespace

struct Font::Impl {
    std::shared_ptr<Library> library;
    FT_Face face = nullptr;
    std::filesystem::path file;
    int faceIndex = 0;
    std::string family;
    std::uint32_t id = 0;
    float unitsPerEm = 1;
    int currentPixelsPerEm = 0;
    std::unordered_map<char32_t, std::uint32_t> glyphIndices;
    std::unordered_map<std::uint32_t, GlyphMetrics> glyphMetrics;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (face) FT_Done_Face(face);
    }
};

Font::Font(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Font::Font(Font&&) noexcept = default;
Font& Font::operator=(Font&&) noexcept = default;
Font::~Font() = default;

Font Font::fromFile(const std::filesystem::path& file, int faceIndex) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        throw ContentError(file.string() + ": font file not found");
    }
    auto impl = std::make_unique<Impl>();
    impl->library = sharedLibrary();
    if (const FT_Error error = FT_New_Face(impl->library->handle, file.c_str(), faceIndex, &impl->face)) {
        impl->face = nullptr;
        throw ContentError(file.string() + ": not a readable font (face " + std::to_string(faceIndex) +
                           ", FreeType error " + std::to_string(error) + ")");
    }
    if (!FT_IS_SCALABLE(impl->face) || impl->face->units_per_EM == 0) {
        throw ContentError(file.string() + ": not a scalable (outline) font; SDF text needs outlines");
    }
    impl->file = file;
    impl->faceIndex = faceIndex;
    impl->family = impl->face->family_name ? impl->face->family_name : "";
    impl->id = nextFontId();
    impl->unitsPerEm = static_cast<float>(impl->face->units_per_EM);
    return Font(std::move(impl));
}

Font Font::find(const std::string& fontconfigPattern, bool requireCjk) {
    const std::string what = requireCjk ? "no CJK font found for \"" + fontconfigPattern +
                                              "\": install fonts-noto-cjk (apt-get install fonts-noto-cjk)"
                                        : "no font found for \"" + fontconfigPattern + "\"";
    if (!FcInit()) throw StartupError("fontconfig initialisation failed");

    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(fontconfigPattern.c_str()));
    if (!pattern) throw StartupError("invalid fontconfig pattern \"" + fontconfigPattern + "\"");
    if (requireCjk) {
        // Steer fontconfig towards fonts that cover 贵 (it still returns its best match otherwise).
        FcCharSet* charset = FcCharSetCreate();
        FcCharSetAddChar(charset, kCjkProbe);
        FcPatternAddCharSet(pattern, FC_CHARSET, charset);
        FcCharSetDestroy(charset);
    }
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    if (!match) throw StartupError(what);

    FcChar8* file = nullptr;
    int index = 0;
    const bool hasFile = FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file;
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    const std::filesystem::path path = hasFile ? std::filesystem::path(reinterpret_cast<const char*>(file)) : "";
    FcPatternDestroy(match);
    if (!hasFile) throw StartupError(what);

    try {
        Font font = fromFile(path, index);
        if (requireCjk && font.glyphIndex(kCjkProbe) == 0) throw StartupError(what);
        return font;
    } catch (const ContentError& error) {
        throw StartupError(what + " (" + error.what() + ")");
    }
}

const std::string& Font::family() const { return impl_->family; }
const std::filesystem::path& Font::file() const { return impl_->file; }
int Font::faceIndex() const { return impl_->faceIndex; }
std::uint32_t Font::id() const { return impl_->id; }

std::uint32_t Font::glyphIndex(char32_t codePoint) const {
    auto& cache = impl_->glyphIndices;
    if (auto it = cache.find(codePoint); it != cache.end()) return it->second;
    const auto glyph = static_cast<std::uint32_t>(FT_Get_Char_Index(impl_->face, codePoint));
    cache.emplace(codePoint, glyph);
    return glyph;
}

GlyphMetrics Font::metrics(std::uint32_t glyph) const {
    auto& cache = impl_->glyphMetrics;
    if (auto it = cache.find(glyph); it != cache.end()) return it->second;
    GlyphMetrics m;
    FT_Face face = impl_->face;
    if (glyph < static_cast<std::uint32_t>(face->num_glyphs) && FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE) == 0) {
        const FT_Glyph_Metrics& g = face->glyph->metrics;
        const float scale = 1.0f / impl_->unitsPerEm;
        m.advance = static_cast<float>(g.horiAdvance) * scale;
        if (face->glyph->format != FT_GLYPH_FORMAT_OUTLINE || face->glyph->outline.n_points > 0) {
            m.left = static_cast<float>(g.horiBearingX) * scale;
            m.top = static_cast<float>(g.horiBearingY) * scale;
            m.width = static_cast<float>(g.width) * scale;
            m.height = static_cast<float>(g.height) * scale;
        }
    }
    cache.emplace(glyph, m);
    return m;
}

float Font::ascender() const { return static_cast<float>(impl_->face->ascender) / impl_->unitsPerEm; }
float Font::descender() const { return static_cast<float>(impl_->face->descender) / impl_->unitsPerEm; }
float Font::lineHeight() const { return static_cast<float>(impl_->face->height) / impl_->unitsPerEm; }

float Font::kerning(std::uint32_t left, std::uint32_t right) const {
    if (!FT_HAS_KERNING(impl_->face)) return 0;
    FT_Vector delta{0, 0};
    if (FT_Get_Kerning(impl_->face, left, right, FT_KERNING_UNSCALED, &delta) != 0) return 0;
    return static_cast<float>(delta.x) / impl_->unitsPerEm;
}

int Font::defaultSpreadPx(int pixelsPerEm) { return std::clamp(pixelsPerEm * 3 / 16, 2, 32); }

SdfBitmap Font::renderSdf(std::uint32_t glyph, int pixelsPerEm, int spreadPx) const {
    assert(pixelsPerEm >= 1 && pixelsPerEm <= 1024 && "Font::renderSdf: pixelsPerEm must be in 1..1024");
    assert(spreadPx >= 0 && spreadPx <= 32 && "Font::renderSdf: spreadPx must be 0 (default) or 2..32");
    const int spread = spreadPx == 0 ? defaultSpreadPx(pixelsPerEm) : std::clamp(spreadPx, 2, 32);
    SdfBitmap out;
    out.pixelsPerEm = static_cast<float>(pixelsPerEm);
    out.spreadPx = static_cast<float>(spread);

    FT_Face face = impl_->face;
    const auto fail = [&](const char* step, FT_Error error) {
        return ContentError(impl_->file.string() + ": glyph " + std::to_string(glyph) + ": " + step +
                            " failed at " + std::to_string(pixelsPerEm) + " px (FreeType error " +
                            std::to_string(error) + ")");
    };
    if (glyph >= static_cast<std::uint32_t>(face->num_glyphs)) throw fail("lookup", FT_Err_Invalid_Glyph_Index);
    if (impl_->currentPixelsPerEm != pixelsPerEm) {
        if (const FT_Error error = FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(pixelsPerEm))) {
            throw fail("sizing", error);
        }
        impl_->currentPixelsPerEm = pixelsPerEm;
    }
    if (const FT_Error error = FT_Load_Glyph(face, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP)) {
        throw fail("loading", error);
    }
    FT_GlyphSlot slot = face->glyph;
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE || slot->outline.n_points == 0) return out;

    impl_->library->setSpread(spread);
    // Coverage first, then SDF from the bitmap: this selects FreeType's "bsdf" rasterizer.
    if (const FT_Error error = FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL)) throw fail("rasterizing", error);
    if (const FT_Error error = FT_Render_Glyph(slot, FT_RENDER_MODE_SDF)) throw fail("SDF rendering", error);

    const FT_Bitmap& bitmap = slot->bitmap;
    if (bitmap.width == 0 || bitmap.rows == 0) return out;
    out.width = static_cast<int>(bitmap.width);
    out.height = static_cast<int>(bitmap.rows);
    out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (unsigned row = 0; row < bitmap.rows; ++row) {
        std::memcpy(out.pixels.data() + static_cast<std::size_t>(row) * bitmap.width, bitmapRow(bitmap, row),
                    bitmap.width);
    }
    const float perPixel = 1.0f / static_cast<float>(pixelsPerEm);
    out.left = static_cast<float>(slot->bitmap_left) * perPixel;
    out.top = static_cast<float>(slot->bitmap_top) * perPixel;
    return out;
}

}  // namespace exhibit
