// Each 2D primitive of the Canvas drawn through CanvasRenderer on a cleared target, checked by pixels.
// Pixel (x, y) covers [x, x+1) x [y, y+1); coverage is evaluated at pixel centres, so an edge on a
// pixel boundary is sharp and an edge through a pixel centre gives half coverage.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <vector>

#include "renderer/render_target.hpp"
#include "tests/gl/gl_fixture.hpp"

namespace exhibit {
namespace {

constexpr Rgba kBlackPx{0, 0, 0, 255};
constexpr Rgba kWhitePx{255, 255, 255, 255};

class CanvasTest : public GlTest {
protected:
    Canvas canvas;
    void begin(int w = 64, int h = 64) { canvas.begin({w, h}, kBlack); }
};

// An opaque axis-aligned rectangle as a Mesh2D of two solid triangles.
Mesh2DRef rectMesh(float x, float y, float w, float h, Color color) {
    auto mesh = std::make_shared<Mesh2D>();
    const auto c = color.packed();
    const glm::vec2 solid{0, kSolidEdge};
    const ShapeVertex a{{x, y}, c, solid}, b{{x + w, y}, c, solid}, d{{x, y + h}, c, solid},
        e{{x + w, y + h}, c, solid};
    mesh->vertices = {a, b, d, d, b, e};
    return mesh;
}

TEST_F(CanvasTest, RectFillsExactlyItsPixels) {
    begin();
    canvas.rect({10, 12, 20, 16}, kWhite);
    const Image image = render(canvas);
    for (int y = 0; y < 64; ++y) {
        for (int x = 0; x < 64; ++x) {
            const bool inside = x >= 10 && x < 30 && y >= 12 && y < 28;
            ASSERT_EQ(pixelAt(image, x, y), inside ? kWhitePx : kBlackPx) << "pixel " << x << "," << y;
        }
    }
}

TEST_F(CanvasTest, RectEdgeThroughPixelCentresIsHalfCovered) {
    begin();
    canvas.rect({10.5f, 20, 20, 10}, kWhite);  // left edge at 10.5, right edge at 30.5
    const Image image = render(canvas);
    EXPECT_EQ(pixelAt(image, 9, 25), kBlackPx);
    EXPECT_NEAR(pixelAt(image, 10, 25).r, 128, 3);
    EXPECT_EQ(pixelAt(image, 11, 25), kWhitePx);
    EXPECT_EQ(pixelAt(image, 29, 25), kWhitePx);
    EXPECT_NEAR(pixelAt(image, 30, 25).r, 128, 3);
    EXPECT_EQ(pixelAt(image, 31, 25), kBlackPx);
    // Total area is preserved: 20 x 10.
    EXPECT_NEAR(coverageSum(image, wholeImage(image)), 200.0, 2.0);
}

TEST_F(CanvasTest, RoundedRectCornersAreBackgroundCentreIsFilled) {
    begin();
    canvas.roundedRect({8, 8, 48, 48}, 16, kWhite);
    const Image image = render(canvas);
    // Corners: the corner pixel and one a few px in along the diagonal lie outside the 16 px arcs.
    for (const auto& [x, y] : std::vector<std::pair<int, int>>{{8, 8}, {10, 10}, {55, 8}, {53, 10}, {8, 55}, {55, 55}})
        EXPECT_EQ(pixelAt(image, x, y), kBlackPx) << "corner pixel " << x << "," << y;
    EXPECT_EQ(pixelAt(image, 32, 32), kWhitePx);
    // The straight parts of the edges are still sharp and full.
    EXPECT_EQ(pixelAt(image, 8, 32), kWhitePx);
    EXPECT_EQ(pixelAt(image, 7, 32), kBlackPx);
    EXPECT_EQ(pixelAt(image, 32, 55), kWhitePx);
    EXPECT_EQ(pixelAt(image, 32, 56), kBlackPx);
    // Area: square minus four corners of (1 - pi/4) r^2 each.
    const double expected = 48.0 * 48.0 - (4.0 - std::numbers::pi) * 16.0 * 16.0;
    EXPECT_NEAR(coverageSum(image, wholeImage(image)), expected, expected * 0.01);
}

TEST_F(CanvasTest, RingIsHollow) {
    begin();
    canvas.ring({32, 32}, 20, 4, kWhite);  // band from radius 16 to 20
    const Image image = render(canvas);
    EXPECT_EQ(pixelAt(image, 32, 32), kBlackPx);
    EXPECT_EQ(pixelAt(image, 32 + 10, 32), kBlackPx);
    EXPECT_EQ(pixelAt(image, 32 + 17, 32), kWhitePx);  // pixel centre at radius 17.5
    EXPECT_EQ(pixelAt(image, 32 - 18, 32), kWhitePx);  // pixel centre at radius 17.5
    EXPECT_EQ(pixelAt(image, 32, 32 + 17), kWhitePx);
    EXPECT_EQ(pixelAt(image, 32 + 22, 32), kBlackPx);
    const double expected = std::numbers::pi * (20.0 * 20.0 - 16.0 * 16.0);
    EXPECT_NEAR(coverageSum(image, wholeImage(image)), expected, expected * 0.03);
}

TEST_F(CanvasTest, CircleCoversPiRSquared) {
    begin();
    canvas.circle({32, 32}, 20, kWhite);
    const Image image = render(canvas);
    const double expected = std::numbers::pi * 20.0 * 20.0;
    EXPECT_NEAR(coverageSum(image, wholeImage(image)), expected, expected * 0.03);
    EXPECT_EQ(pixelAt(image, 32, 32), kWhitePx);
    EXPECT_EQ(pixelAt(image, 32 + 14, 32 + 14), kBlackPx) << "outside the circle, inside its box";
}

TEST_F(CanvasTest, VerticalGradientRunsFromTopToBottomColour) {
    begin();
    canvas.verticalGradient({0, 0, 64, 64}, kRed, kBlue);
    const Image image = render(canvas);
    EXPECT_LE(channelDistance(pixelAt(image, 20, 0), {255, 0, 0, 255}), 4) << pixelAt(image, 20, 0);
    EXPECT_LE(channelDistance(pixelAt(image, 20, 63), {0, 0, 255, 255}), 4) << pixelAt(image, 20, 63);
    EXPECT_LE(channelDistance(pixelAt(image, 20, 32), {125, 0, 130, 255}), 4) << pixelAt(image, 20, 32);
    for (int y = 1; y < 64; ++y) {
        EXPECT_LE(pixelAt(image, 5, y).r, pixelAt(image, 5, y - 1).r) << "red falls monotonically, row " << y;
        EXPECT_GE(pixelAt(image, 5, y).b, pixelAt(image, 5, y - 1).b) << "blue rises monotonically, row " << y;
    }
    // Constant across a row.
    EXPECT_EQ(pixelAt(image, 0, 40), pixelAt(image, 63, 40));
}

TEST_F(CanvasTest, HorizontalGradientRunsFromLeftToRight) {
    begin();
    canvas.horizontalGradient({0, 0, 64, 64}, kRed, kBlue);
    const Image image = render(canvas);
    EXPECT_LE(channelDistance(pixelAt(image, 0, 20), {255, 0, 0, 255}), 4);
    EXPECT_LE(channelDistance(pixelAt(image, 63, 20), {0, 0, 255, 255}), 4);
}

TEST_F(CanvasTest, GlowFadesTowardsTheEdge) {
    begin();
    canvas.glow({32, 32}, 30, kWhite, kWhite.withAlpha(0));
    const Image image = render(canvas);
    EXPECT_GE(pixelAt(image, 32, 32).r, 245);
    EXPECT_NEAR(pixelAt(image, 32 + 14, 32).r, 128, 12);  // pixel centre at 14.5 of 30
    EXPECT_LE(pixelAt(image, 32 + 28, 32).r, 20);
    EXPECT_EQ(pixelAt(image, 32 + 31, 32), kBlackPx);
    for (int x = 33; x < 63; ++x)
        EXPECT_LE(pixelAt(image, x, 32).r, pixelAt(image, x - 1, 32).r) << "brightness must not rise outwards at x " << x;
}

TEST_F(CanvasTest, WidePolylineCoversABandOfItsWidth) {
    begin();
    const std::vector<glm::vec2> points{{4, 32}, {60, 32}};
    canvas.polyline(points, 6, kWhite, false);
    const Image image = render(canvas);
    for (int x : {10, 32, 50}) {
        const PixelRect column{x, 0, x + 1, 64};
        EXPECT_NEAR(coverageSum(image, column), 6.0, 0.3) << "column " << x;
        EXPECT_EQ(countPixels(image, column, [](Rgba p) { return p.r > 0; }), 6) << "column " << x;
        EXPECT_EQ(pixelAt(image, x, 29), kWhitePx);
        EXPECT_EQ(pixelAt(image, x, 34), kWhitePx);
        EXPECT_EQ(pixelAt(image, x, 28), kBlackPx);
        EXPECT_EQ(pixelAt(image, x, 35), kBlackPx);
    }
    // Butt caps: nothing before the first point or after the last.
    EXPECT_EQ(countDifferent(image, {0, 0, 4, 64}, kBlackPx, 0), 0);
    EXPECT_EQ(countDifferent(image, {60, 0, 64, 64}, kBlackPx, 0), 0);
}

TEST_F(CanvasTest, DiagonalPolylineKeepsItsWidth) {
    begin();
    const std::vector<glm::vec2> points{{8, 8}, {56, 56}};
    canvas.line(points[0], points[1], 4, kWhite);
    const Image image = render(canvas);
    // Area = length * width.
    const double expected = std::sqrt(2.0) * 48.0 * 4.0;
    EXPECT_NEAR(coverageSum(image, wholeImage(image)), expected, expected * 0.05);
}

TEST_F(CanvasTest, HairlineIsFaintButPresent) {
    begin();
    const std::vector<glm::vec2> points{{4, 32.5f}, {60, 32.5f}};  // on the centres of row 32
    canvas.polyline(points, 0.5f, kWhite, false);
    const Image image = render(canvas);
    const PixelRect column{32, 0, 33, 64};
    const int brightest = pixelAt(image, 32, 32).r;
    EXPECT_GT(brightest, 40) << "a 0.5 px line must stay visible";
    EXPECT_LT(brightest, 200) << "a 0.5 px line must not look like a 1 px line";
    EXPECT_GT(coverageSum(image, column), 0.2);
    EXPECT_LT(coverageSum(image, column), 0.8);
}

TEST_F(CanvasTest, ClosedSquareOutlineHasMitredCorners) {
    begin();
    const std::vector<glm::vec2> square{{16, 16}, {48, 16}, {48, 48}, {16, 48}};
    canvas.polyline(square, 4, kWhite, true);  // outer edge at 14 / 50, inner at 18 / 46
    const Image image = render(canvas);
    // The outer corner pixels exist only with mitre joins (butt-ended segments leave them empty).
    for (const auto& [x, y] : std::vector<std::pair<int, int>>{{14, 14}, {49, 14}, {49, 49}, {14, 49}, {15, 15}})
        EXPECT_GE(pixelAt(image, x, y).r, 250) << "corner pixel " << x << "," << y;
    EXPECT_EQ(pixelAt(image, 13, 13), kBlackPx) << "the mitre must not overshoot";
    EXPECT_EQ(pixelAt(image, 32, 32), kBlackPx) << "the outline is hollow";
    EXPECT_EQ(pixelAt(image, 18, 18), kBlackPx);
    EXPECT_EQ(pixelAt(image, 32, 15), kWhitePx);
    EXPECT_EQ(pixelAt(image, 15, 32), kWhitePx);
    // Area of the frame: 36^2 - 28^2, with no double-blended seams (the corners are not brighter).
    EXPECT_NEAR(coverageSum(image, wholeImage(image)), 36.0 * 36.0 - 28.0 * 28.0, 8.0);
}

TEST_F(CanvasTest, TranslucentClosedOutlineDoesNotDoubleBlendItsClosingCorner) {
    begin();
    const std::vector<glm::vec2> square{{16, 16}, {48, 16}, {48, 48}, {16, 48}};
    canvas.polyline(square, 4, kWhite.withAlpha(0.5f), true);
    const Image image = render(canvas);
    const int side = pixelAt(image, 32, 15).r;
    EXPECT_NEAR(side, 128, 3);
    for (const auto& [x, y] : std::vector<std::pair<int, int>>{{15, 15}, {48, 15}, {48, 48}, {15, 48}})
        EXPECT_NEAR(pixelAt(image, x, y).r, side, 3) << "corner pixel " << x << "," << y;
}

TEST_F(CanvasTest, MeshIsUploadedOnceAndDrawnAtEachOffset) {
    CanvasRenderer own;  // a fresh cache
    const Mesh2DRef square = rectMesh(0, 0, 8, 8, kWhite);
    begin();
    canvas.mesh(square);
    canvas.mesh(square, {20, 20});
    RenderStats stats;
    const Image image = render(own, canvas, &stats);
    EXPECT_EQ(stats.cachedMeshes, 1u) << "the same Mesh2D drawn twice is one cached buffer";
    EXPECT_EQ(stats.drawCalls, 2u);
    EXPECT_EQ(stats.vertices, 12u);
    EXPECT_EQ(pixelAt(image, 4, 4), kWhitePx);
    EXPECT_EQ(pixelAt(image, 24, 24), kWhitePx);
    EXPECT_EQ(pixelAt(image, 12, 12), kBlackPx);
    EXPECT_EQ(pixelAt(image, 28, 28), kBlackPx);

    // Same vertices, different Mesh2D: a second entry.
    const Mesh2DRef copy = std::make_shared<Mesh2D>();
    std::const_pointer_cast<Mesh2D>(copy)->vertices = square->vertices;
    canvas.mesh(copy, {40, 0});
    render(own, canvas, &stats);
    EXPECT_EQ(stats.cachedMeshes, 2u);
}

TEST_F(CanvasTest, MeshCacheKeepsABufferAsLongAsItsMeshLives) {
    CanvasRenderer own;
    const Mesh2DRef kept = rectMesh(0, 0, 8, 8, kWhite);
    Mesh2DRef dropped = rectMesh(10, 0, 8, 8, kWhite);
    const RenderTarget target({16, 16});
    auto frame = [&](bool withBoth) {
        canvas.begin({16, 16}, kBlack);
        if (withBoth) {
            canvas.mesh(kept);
            canvas.mesh(dropped);
        }
        return own.execute(canvas.list(), target.framebuffer());
    };
    EXPECT_EQ(frame(true).cachedMeshes, 2u);
    RenderStats last;
    for (int i = 0; i < 1000; ++i) last = frame(false);  // a scene off screen, or standby, for a while
    EXPECT_EQ(last.cachedMeshes, 2u) << "meshes that still exist keep their buffers however long unused";
    dropped.reset();  // the scene let go of it
    EXPECT_EQ(frame(false).cachedMeshes, 1u) << "a mesh nobody holds loses its buffer";
    dropped = rectMesh(10, 0, 8, 8, kWhite);
    frame(true);
    EXPECT_EQ(frame(true).cachedMeshes, 2u);
    const Image image = readFramebuffer(target.framebuffer(), target.size());
    EXPECT_EQ(pixelAt(image, 12, 4), kWhitePx);
    EXPECT_EQ(pixelAt(image, 4, 4), kWhitePx);
}

TEST_F(CanvasTest, ManyShapesInARowAreOneDrawCall) {
    begin(256, 256);
    for (int i = 0; i < 100; ++i) {
        const auto x = static_cast<float>(i % 10 * 25 + 12), y = static_cast<float>(i / 10 * 25 + 12);
        if (i % 3 == 0)
            canvas.circle({x, y}, 8, kWhite);
        else if (i % 3 == 1)
            canvas.rect({x - 8, y - 8, 16, 16}, kRed);
        else
            canvas.ring({x, y}, 10, 2, kBlue);
    }
    RenderStats stats;
    const Image image = render(canvas, &stats);
    EXPECT_EQ(stats.drawCalls, 1u);
    EXPECT_EQ(stats.shapeInstances, 100u);
    EXPECT_EQ(pixelAt(image, 12, 12), kWhitePx);                      // i = 0: circle
    EXPECT_EQ(pixelAt(image, 37, 12), (Rgba{255, 0, 0, 255}));        // i = 1: rect
    EXPECT_EQ(pixelAt(image, 237, 237), kWhitePx);                    // i = 99: circle
}

TEST_F(CanvasTest, ManyPolylinesInARowAreOneDrawCallAndKindsSplitBatches) {
    begin(128, 128);
    for (int i = 0; i < 50; ++i) {
        const std::vector<glm::vec2> points{{2, 2.0f + 2 * i}, {120, 2.0f + 2 * i}};
        canvas.polyline(points, 1, kWhite, false);
    }
    RenderStats stats;
    render(canvas, &stats);
    EXPECT_EQ(stats.drawCalls, 1u);
    EXPECT_EQ(stats.vertices, 50u * 6u);

    begin(128, 128);
    canvas.rect({0, 0, 10, 10}, kWhite);
    canvas.circle({20, 20}, 5, kWhite);
    canvas.line({0, 50}, {100, 50}, 2, kWhite);
    canvas.rect({30, 30, 10, 10}, kWhite);
    render(canvas, &stats);
    EXPECT_EQ(stats.drawCalls, 3u) << "shapes, triangles, shapes: submission order is kept";
    EXPECT_EQ(stats.shapeInstances, 3u);
}

TEST_F(CanvasTest, LaterDrawsAreOnTop) {
    begin();
    canvas.rect({0, 0, 40, 40}, kRed);
    canvas.line({0, 20}, {64, 20}, 4, kWhite);
    canvas.rect({30, 10, 20, 20}, kBlue);
    const Image image = render(canvas);
    EXPECT_EQ(pixelAt(image, 5, 5), (Rgba{255, 0, 0, 255}));
    EXPECT_EQ(pixelAt(image, 5, 20), kWhitePx);
    EXPECT_EQ(pixelAt(image, 35, 20), (Rgba{0, 0, 255, 255}));
}

TEST_F(CanvasTest, MeshOpacityScalesCoverage) {
    begin();
    canvas.mesh(rectMesh(0, 0, 20, 20, kWhite), {0, 0}, 0.5f);
    canvas.mesh(rectMesh(30, 0, 20, 20, kWhite), {0, 0}, 0.0f);
    canvas.mesh(rectMesh(0, 30, 20, 20, kWhite), {0, 0}, 1.0f);
    const Image image = render(canvas);
    EXPECT_NEAR(pixelAt(image, 10, 10).r, 128, 2);
    EXPECT_EQ(pixelAt(image, 40, 10), kBlackPx);
    EXPECT_EQ(pixelAt(image, 10, 40), kWhitePx);
}

TEST_F(CanvasTest, MeshTintRecoloursItsVertexColoursEveryFrame) {
    CanvasRenderer own;
    const Mesh2DRef grey = rectMesh(0, 0, 20, 20, Color{0.5f, 0.5f, 0.5f, 1});
    const Mesh2DRef white = rectMesh(30, 0, 20, 20, kWhite);
    const Color tints[] = {{1, 0.5f, 0, 1}, {0, 1, 1, 1}};
    const Rgba greyTinted[] = {{128, 64, 0, 255}, {0, 128, 128, 255}};
    for (int i = 0; i < 2; ++i) {
        begin();
        canvas.mesh(grey, {0, 0}, 1.0f, tints[i]);
        canvas.mesh(white, {0, 0}, 1.0f, tints[i]);
        canvas.mesh(white, {0, 30}, 1.0f, kRed.withAlpha(0.5f));  // tint alpha multiplies coverage
        canvas.mesh(grey, {0, 30});                                 // 3-argument form: untinted
        RenderStats stats;
        const Image image = render(own, canvas, &stats);
        EXPECT_LE(channelDistance(pixelAt(image, 10, 10), greyTinted[i]), 1) << pixelAt(image, 10, 10);
        EXPECT_EQ(pixelAt(image, 40, 10), toRgba(tints[i]));
        EXPECT_LE(channelDistance(pixelAt(image, 40, 40), {128, 0, 0, 255}), 1) << pixelAt(image, 40, 40);
        EXPECT_LE(channelDistance(pixelAt(image, 10, 40), {128, 128, 128, 255}), 1) << pixelAt(image, 10, 40);
        EXPECT_EQ(stats.cachedMeshes, 2u) << "recolouring must not create new meshes";
    }
    // A tint does not leak into later triangles.
    begin();
    canvas.mesh(white, {0, 0}, 1.0f, kBlue);
    canvas.line({0, 40}, {64, 40}, 4, kWhite);
    const Image image = render(own, canvas);
    EXPECT_EQ(pixelAt(image, 10, 40), kWhitePx);
}

TEST_F(CanvasTest, MeshScaleAndOffsetMoveAStaticMesh) {
    CanvasRenderer own;
    const Mesh2DRef square = rectMesh(4, 4, 8, 8, kWhite);
    begin();
    canvas.mesh(square, {10, 20}, 1.0f, kWhite, 2.0f);  // drawn at (18, 28) .. (34, 44)
    canvas.line({0, 60}, {64, 60}, 2, kWhite);           // a later line is not scaled
    const Image image = render(own, canvas);
    EXPECT_EQ(pixelAt(image, 20, 30), kWhitePx);
    EXPECT_EQ(pixelAt(image, 32, 42), kWhitePx);
    EXPECT_NE(pixelAt(image, 8, 8), kWhitePx) << "the unscaled place stays empty";
    EXPECT_NE(pixelAt(image, 37, 47), kWhitePx);
    EXPECT_EQ(pixelAt(image, 2, 60), kWhitePx);
}

TEST_F(CanvasTest, ClipKeepsDrawingInsideItsRectUntilCleared) {
    begin();
    canvas.clip({8, 4, 16, 20});  // x 8..24, y 4..24 (y down)
    canvas.rect({0, 0, 64, 64}, kWhite);
    canvas.mesh(rectMesh(0, 40, 64, 8, kWhite));  // entirely outside the clip: not drawn
    canvas.clearClip();
    canvas.rect({40, 0, 8, 8}, kWhite);  // after clearing: drawn
    const Image image = render(canvas);
    EXPECT_EQ(pixelAt(image, 8, 4), kWhitePx);
    EXPECT_EQ(pixelAt(image, 23, 23), kWhitePx);
    EXPECT_NE(pixelAt(image, 7, 10), kWhitePx);
    EXPECT_NE(pixelAt(image, 24, 10), kWhitePx);
    EXPECT_NE(pixelAt(image, 12, 3), kWhitePx);
    EXPECT_NE(pixelAt(image, 12, 24), kWhitePx);
    EXPECT_NE(pixelAt(image, 30, 44), kWhitePx);
    EXPECT_EQ(pixelAt(image, 44, 4), kWhitePx);
    // Items of one kind are batched only while their clip is the same.
    EXPECT_EQ(canvas.list().items.size(), 3u);
}

TEST_F(CanvasTest, HalfTransparentWhiteOverBlackIsMidGrey) {
    begin();
    canvas.rect({0, 0, 32, 32}, kWhite.withAlpha(0.5f));
    // Red at 50 % over blue: premultiplied "over" gives half of each.
    canvas.rect({32, 32, 32, 32}, kBlue);
    canvas.rect({32, 32, 32, 32}, kRed.withAlpha(0.5f));
    // Two 50 % layers: 1 - 0.5 * 0.5 = 75 % white.
    canvas.rect({32, 0, 32, 32}, kWhite.withAlpha(0.5f));
    canvas.rect({32, 0, 32, 32}, kWhite.withAlpha(0.5f));
    const Image image = render(canvas);
    EXPECT_LE(channelDistance(pixelAt(image, 16, 16), {128, 128, 128, 255}), 2) << pixelAt(image, 16, 16);
    EXPECT_LE(channelDistance(pixelAt(image, 48, 48), {128, 0, 127, 255}), 2) << pixelAt(image, 48, 48);
    EXPECT_LE(channelDistance(pixelAt(image, 48, 16), {191, 191, 191, 255}), 2) << pixelAt(image, 48, 16);
}

TEST_F(CanvasTest, TransparentColourDrawsNothing) {
    begin();
    canvas.rect({0, 0, 64, 64}, kWhite.withAlpha(0));
    canvas.line({0, 10}, {64, 10}, 3, kRed.withAlpha(0));
    const Image image = render(canvas);
    EXPECT_EQ(countDifferent(image, wholeImage(image), kBlackPx, 0), 0);
}

}  // namespace
}  // namespace exhibit

namespace exhibit {
namespace {

// Renders a red target with a blue bottom half, the way a 3D view renders (row 0 at the bottom),
// and counts how often it was asked and at what size.
class TestLayer : public ExternalLayer {
public:
    unsigned renderLayer(glm::ivec2 size) override {
        ++calls;
        asked = size;
        if (target.size() != size) target = RenderTarget(size);
        glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer());
        glViewport(0, 0, size.x, size.y);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(1, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glEnable(GL_SCISSOR_TEST);
        glScissor(0, 0, size.x, size.y / 2);  // GL rows from the bottom
        glClearColor(0, 0, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
        return target.texture();
    }
    RenderTarget target;
    glm::ivec2 asked{0, 0};
    int calls = 0;
};

TEST_F(CanvasTest, AnExternalLayerIsRenderedOnceAndShownUprightInItsRect) {
    auto layer = std::make_shared<TestLayer>();
    begin();
    canvas.layer(layer, {8, 10, 40, 20});
    canvas.rect({0, 0, 4, 4}, kWhite);  // drawn after the layer: state is back for the canvas
    const Image image = render(canvas);
    EXPECT_EQ(layer->calls, 1);
    EXPECT_EQ(layer->asked, glm::ivec2(40, 20));
    EXPECT_EQ(pixelAt(image, 7, 15), kBlackPx);
    EXPECT_EQ(pixelAt(image, 10, 12), (Rgba{255, 0, 0, 255}));  // the top of the rect: red
    EXPECT_EQ(pixelAt(image, 40, 27), (Rgba{0, 0, 255, 255}));  // the bottom: blue
    EXPECT_EQ(pixelAt(image, 48, 15), kBlackPx);
    EXPECT_EQ(pixelAt(image, 2, 2), kWhitePx);

    // Opacity fades it; a layer that returns no texture shows nothing.
    begin();
    canvas.layer(layer, {8, 10, 40, 20}, 0.5f);
    EXPECT_NEAR(pixelAt(render(canvas), 10, 12).r, 128, 2);
    struct Empty : ExternalLayer {
        unsigned renderLayer(glm::ivec2) override { return 0; }
    };
    begin();
    canvas.layer(std::make_shared<Empty>(), {8, 10, 40, 20});
    EXPECT_EQ(pixelAt(render(canvas), 10, 12), kBlackPx);
}

}  // namespace
}  // namespace exhibit
