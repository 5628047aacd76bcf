// SDF text drawn through Canvas::text and CanvasRenderer, checked by pixels.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "renderer/glyph_atlas.hpp"
#include "renderer/text_layout.hpp"
#include "tests/gl/gl_fixture.hpp"

namespace exhibit {
namespace {

constexpr Rgba kBlackPx{0, 0, 0, 255};

class TextTest : public GlTest {
protected:
    Canvas canvas;

    static TextLayout layout(std::string_view text, float sizePx, float letterSpacing = 0) {
        TextStyle style;
        style.sizePx = sizePx;
        style.letterSpacing = letterSpacing;
        return layoutText(cjkFont(), text, style);
    }

    // The screen quad the renderer draws for one glyph (see CanvasRenderer::resolveGlyphs).
    struct Quad {
        float x0, y0, x1, y1;
    };
    static Quad glyphQuad(const PositionedGlyph& g, float sizePx, glm::vec2 topLeft) {
        const GlyphAtlas::Entry& e = renderer().atlas().glyph(cjkFont(), g.glyph, sizePx);
        const float x0 = topLeft.x + g.x + e.left * sizePx;
        const float y0 = topLeft.y + g.y - e.top * sizePx;
        return {x0, y0, x0 + e.width * sizePx, y0 + e.height * sizePx};
    }

    static bool ink(Rgba p) { return p.r > 64; }
};

TEST_F(TextTest, InkStaysInsideTheLayoutBox) {
    const TextLayout text = layout("贵州 Guizhou", 48);
    ASSERT_FALSE(text.glyphs.empty());
    const glm::vec2 topLeft{24, 20};
    canvas.begin({512, 128}, kBlack);
    canvas.text(cjkFont(), text, topLeft, TextPaint{});
    const Image image = render(canvas);

    const PixelRect box{static_cast<int>(topLeft.x), static_cast<int>(topLeft.y),
                        static_cast<int>(topLeft.x + text.width) + 1, static_cast<int>(topLeft.y + text.height) + 1};
    const int inside = countPixels(image, box, ink);
    const int everywhere = countPixels(image, wholeImage(image), ink);
    // Ten glyphs at 48 px: a few thousand ink pixels, but far from filling the box.
    EXPECT_GT(inside, 1500);
    EXPECT_LT(inside, static_cast<int>(text.width * text.height * 0.6f));
    // Nothing far outside: allow 3 px for anti-aliasing and side bearings.
    const PixelRect grown{box.x0 - 3, box.y0 - 3, box.x1 + 3, box.y1 + 3};
    EXPECT_EQ(countPixels(image, grown, [](Rgba p) { return p.r > 0; }),
              countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 0; }))
        << "ink outside the layout box";
    EXPECT_EQ(inside, everywhere);

    // Each glyph puts its ink near its own pen position: the Chinese part sits left of the Latin.
    const int cjkInk = countPixels(image, {box.x0, box.y0, box.x0 + 96, box.y1}, ink);
    EXPECT_GT(cjkInk, 600) << "贵州 occupies the first 2 x 48 px";
    if (HasFailure()) saveForInspection(image, "text_layout_box");
}

TEST_F(TextTest, SmallAndLargeTextBothRenderInk) {
    {
        const TextLayout small = layout("贵州省 Guizhou", 12);
        canvas.begin({128, 32}, kBlack);
        canvas.text(cjkFont(), small, {4, 4}, TextPaint{});
        const Image image = render(canvas);
        const int pixels = countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 100; });
        EXPECT_GT(pixels, 40) << "12 px text must leave visible ink";
        EXPECT_LT(pixels, 12 * 100);
        if (HasFailure()) saveForInspection(image, "text_12px");
    }
    {
        const TextLayout large = layout("贵", 200);
        canvas.begin({256, 256}, kBlack);
        canvas.text(cjkFont(), large, {20, 0}, TextPaint{});
        const Image image = render(canvas);
        const int pixels = countPixels(image, wholeImage(image), ink);
        // 贵 at 200 px: thousands of ink pixels, well under the 200 x 200 em square.
        EXPECT_GT(pixels, 4000);
        EXPECT_LT(pixels, 200 * 200 / 2);
        // Large text stays sharp: most pixels are either background or full ink.
        const int partial = countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 30 && p.r < 225; });
        EXPECT_LT(partial, pixels / 4) << "edges at 200 px should be about a pixel wide";
        if (HasFailure()) saveForInspection(image, "text_200px");
    }
}

TEST_F(TextTest, SdfPolarityFillsTheStrokeCentre) {
    // 一 is one thick horizontal stroke; the centre of its ink box is inside the glyph.
    const Font& font = cjkFont();
    for (const char* character : {"一", "I"}) {
        const TextLayout text = layout(character, 120);
        ASSERT_EQ(text.glyphs.size(), 1u) << character;
        const glm::vec2 topLeft{40, 40};
        canvas.begin({256, 256}, kBlack);
        canvas.text(font, text, topLeft, TextPaint{kRed});
        const Image image = render(canvas);
        const PositionedGlyph& g = text.glyphs[0];
        const GlyphMetrics m = font.metrics(g.glyph);
        const float cx = topLeft.x + g.x + (m.left + m.width * 0.5f) * 120;
        const float cy = topLeft.y + g.y - (m.top - m.height * 0.5f) * 120;
        const Rgba centre = pixelAt(image, static_cast<int>(cx), static_cast<int>(cy));
        EXPECT_LE(channelDistance(centre, {255, 0, 0, 255}), 2) << character << " stroke centre " << centre;
        // Well outside the ink box (but inside the glyph quad) is background.
        const float aboveInk = topLeft.y + g.y - (m.top + 0.06f) * 120;
        EXPECT_EQ(pixelAt(image, static_cast<int>(cx), static_cast<int>(aboveInk)), kBlackPx) << character;
        // The ink covers about its metric box (not the inverse of it).
        const int inked = countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 128; });
        const float inkBoxArea = m.width * m.height * 120 * 120;
        EXPECT_GT(inked, static_cast<int>(inkBoxArea * 0.5f)) << character;
        EXPECT_LT(inked, static_cast<int>(inkBoxArea * 1.2f)) << character;
        if (HasFailure()) saveForInspection(image, "text_polarity");
    }
}

TEST_F(TextTest, OutlineAddsDarkPixelsAroundGlyphs) {
    const Color grey{0.5f, 0.5f, 0.5f, 1};
    const Rgba greyPx = toRgba(grey);
    const TextLayout text = layout("贵州", 40);
    auto draw = [&](float outlineWidth) {
        TextPaint paint;
        paint.color = kWhite;
        paint.outline = kBlack;
        paint.outlineWidth = outlineWidth;
        canvas.begin({128, 64}, grey);
        canvas.text(cjkFont(), text, {8, 4}, paint);
        return render(canvas);
    };
    auto dark = [&](Rgba p) { return p.r < greyPx.r - 40; };
    const Image plain = draw(0);
    const Image outlined = draw(2);
    EXPECT_EQ(countPixels(plain, wholeImage(plain), dark), 0) << "white text alone has no dark pixels";
    EXPECT_GT(countPixels(outlined, wholeImage(outlined), dark), 150) << "an outline darkens the glyph surroundings";
    // The white fill survives inside the outline.
    EXPECT_GT(countPixels(outlined, wholeImage(outlined), [](Rgba p) { return p.r > 240; }),
              countPixels(plain, wholeImage(plain), [](Rgba p) { return p.r > 240; }) * 3 / 4);
}

TEST_F(TextTest, OutlineWiderThanTheSpreadNeverFillsTheGlyphQuad) {
    // Regression: an outline wider than the SDF's encoded distance once lit up every glyph's quad as
    // a solid box. 20 px outline at 21 px size is far beyond the ~4 px spread (0.1875 em).
    const Color grey{0.5f, 0.5f, 0.5f, 1};
    const Rgba greyPx = toRgba(grey);
    const float size = 21;
    const TextLayout text = layout("贵州 Guizhou", size, 24);  // spaced so quads never overlap
    const glm::vec2 topLeft{10, 10};
    TextPaint paint;
    paint.color = kWhite;
    paint.outline = kBlack;
    paint.outlineWidth = 20;
    canvas.begin({512, 48}, grey);
    canvas.text(cjkFont(), text, topLeft, paint);
    const Image image = render(canvas);

    int darkTotal = 0;
    for (const PositionedGlyph& g : text.glyphs) {
        const Quad q = glyphQuad(g, size, topLeft);
        const int x0 = static_cast<int>(std::ceil(q.x0)), y0 = static_cast<int>(std::ceil(q.y0));
        const int x1 = static_cast<int>(std::floor(q.x1)) - 1, y1 = static_cast<int>(std::floor(q.y1)) - 1;
        ASSERT_LT(x0, x1);
        ASSERT_LT(y0, y1);
        for (const auto& [x, y] : std::vector<std::pair<int, int>>{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}})
            EXPECT_LE(channelDistance(pixelAt(image, x, y), greyPx), 3)
                << "glyph " << g.glyph << " quad corner " << x << "," << y << " is " << pixelAt(image, x, y);
        const PixelRect quad{x0, y0, x1 + 1, y1 + 1};
        const int dark = countPixels(image, quad, [&](Rgba p) { return p.r < greyPx.r - 40; });
        const int area = (x1 + 1 - x0) * (y1 + 1 - y0);
        EXPECT_LT(dark, area * 3 / 4) << "glyph " << g.glyph << ": the outline fills its quad";
        darkTotal += dark;
    }
    EXPECT_GT(darkTotal, 0) << "the outline is still drawn (clamped, not dropped)";
    if (HasFailure()) saveForInspection(image, "text_wide_outline");
}

TEST_F(TextTest, ShadowIsDrawnBelowTheTextAtItsOffset) {
    const TextLayout text = layout("一", 80);
    TextPaint paint;
    paint.color = kWhite;
    paint.shadow = kRed;
    paint.shadowOffset = {0, 30};
    canvas.begin({128, 160}, kBlack);
    canvas.text(cjkFont(), text, {20, 10}, paint);
    RenderStats stats;
    const Image image = render(canvas, &stats);
    EXPECT_EQ(stats.glyphInstances, 2u) << "shadow and fill";
    EXPECT_EQ(stats.drawCalls, 1u);
    EXPECT_GT(countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 200 && p.g > 200; }), 100);
    EXPECT_GT(countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 200 && p.g < 30; }), 100)
        << "the red shadow, 30 px below, is not covered by the white stroke";
}

TEST_F(TextTest, ManyLabelsAreOneDrawCall) {
    canvas.begin({256, 256}, kBlack);
    for (int i = 0; i < 20; ++i)
        canvas.text(cjkFont(), layout("遵义市", 16), {static_cast<float>(i % 4 * 60), static_cast<float>(i / 4 * 40)},
                    TextPaint{});
    RenderStats stats;
    render(canvas, &stats);
    EXPECT_EQ(stats.drawCalls, 1u);
    EXPECT_EQ(stats.glyphInstances, 60u);
}

}  // namespace
}  // namespace exhibit
