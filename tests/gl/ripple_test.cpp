// Canvas::ripples through CanvasRenderer, checked by pixels: the core dot, ring radius over time
// and phase, nothing outside the radius, one draw call per layer, uploads per (id, version), the
// cache freeing unused sets, and a clock nine days in rendering like a clock at zero.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "renderer/render_target.hpp"
#include "tests/gl/gl_fixture.hpp"

namespace exhibit {
namespace {

constexpr Rgba kBlackPx{0, 0, 0, 255};
constexpr double kNineDays = 9 * 24 * 3600.0;  // 777600 s, a whole number of 2.5 s periods

class RippleTest : public GlTest {
protected:
    Canvas canvas;
};

std::shared_ptr<RippleSet> oneRipple(glm::vec2 pos, float radius, Color color, float phase = 0) {
    auto set = std::make_shared<RippleSet>();
    set->points.push_back({pos, radius, color.packed(), phase});
    return set;
}

// Distance from the centre pixel (cx, cy) to the brightest pixel of row cy between minOffset and
// maxOffset px to the right: where the ring crosses the row.
int brightestOffset(const Image& image, int cx, int cy, int minOffset, int maxOffset) {
    int best = minOffset, bestValue = -1;
    for (int d = minOffset; d <= maxOffset; ++d) {
        const int v = pixelAt(image, cx + d, cy).r;
        if (v > bestValue) {
            bestValue = v;
            best = d;
        }
    }
    return best;
}

// One white point at a pixel centre with radius 40, a single ring 2 px wide and a small core
// (radius 4, halo to 8), so the ring is easy to find from radius 10 outwards.
// Ring centre radius at cycle position s: 4 + s * (40 - 1 - 4).
constexpr RippleStyle kOneRing{2.0f, 1, 2.0f, 0.1f, 1.0f};
float ringRadius(float s) { return 4.0f + s * 35.0f; }

TEST_F(RippleTest, CoreIsLitAtTheCentre) {
    canvas.begin({128, 128}, kBlack);
    canvas.ripples(oneRipple({64.5f, 64.5f}, 40, kWhite), 0.0, {});
    const Image image = render(canvas);
    EXPECT_EQ(pixelAt(image, 64, 64), (Rgba{255, 255, 255, 255}));
    // Default core: 0.28 * 40 = 11.2 px, solid inside.
    EXPECT_EQ(pixelAt(image, 64 + 10, 64), (Rgba{255, 255, 255, 255}));
    EXPECT_EQ(pixelAt(image, 64, 64 - 10), (Rgba{255, 255, 255, 255}));
}

TEST_F(RippleTest, RingGrowsWithTimeAndPhase) {
    const auto set = oneRipple({64.5f, 64.5f}, 40, kWhite);
    auto ringAt = [&](const RippleSetRef& s, double time) {
        canvas.begin({128, 128}, kBlack);
        canvas.ripples(s, time, kOneRing);
        const Image image = render(canvas);
        return brightestOffset(image, 64, 64, 10, 45);
    };
    const int early = ringAt(set, 0.5);  // s = 0.25
    const int later = ringAt(set, 1.0);  // s = 0.5
    EXPECT_NEAR(early, ringRadius(0.25f), 1.0);
    EXPECT_NEAR(later, ringRadius(0.5f), 1.0);
    EXPECT_GT(later, early + 5);
    // A phase of 0.25 puts the ring where it is a quarter period later.
    EXPECT_NEAR(ringAt(oneRipple({64.5f, 64.5f}, 40, kWhite, 0.25f), 0.5), ringRadius(0.5f), 1.0);
}

TEST_F(RippleTest, RingFadesAsItGrows) {
    const auto set = oneRipple({64.5f, 64.5f}, 40, kWhite);
    auto peak = [&](double time) {
        canvas.begin({128, 128}, kBlack);
        canvas.ripples(set, time, kOneRing);
        const Image image = render(canvas);
        const int d = brightestOffset(image, 64, 64, 10, 45);
        return pixelAt(image, 64 + d, 64).r;
    };
    const int near = peak(0.5), far = peak(1.2);
    EXPECT_GT(near, far + 40) << "the ring at s = 0.25 must be brighter than at s = 0.6";
    EXPECT_GT(far, 10) << "the ring at s = 0.6 must still be visible";
}

TEST_F(RippleTest, NothingIsDrawnBeyondTheRadius) {
    auto set = std::make_shared<RippleSet>();
    const std::vector<glm::vec2> centres{{40, 40}, {100.3f, 50.7f}, {70, 110}};
    const std::vector<float> radii{20, 12.5f, 30};
    for (std::size_t i = 0; i < centres.size(); ++i)
        set->points.push_back({centres[i], radii[i], kWhite.packed(), 0.1f * static_cast<float>(i)});
    const RippleStyle thick{2.4f, 3, 3.0f, 0.28f, 1.0f};
    int lit = 0;
    for (double time = 0; time < 2.4; time += 0.15) {
        canvas.begin({160, 160}, kBlack);
        canvas.ripples(set, time, thick);
        const Image image = render(canvas);
        for (int y = 0; y < image.height; ++y) {
            for (int x = 0; x < image.width; ++x) {
                const glm::vec2 p{static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f};
                bool inside = false;
                for (std::size_t i = 0; i < centres.size(); ++i) {
                    const glm::vec2 d = p - centres[i];
                    inside = inside || std::sqrt(d.x * d.x + d.y * d.y) <= radii[i] + 0.5f;
                }
                const Rgba px = pixelAt(image, x, y);
                if (inside && px.r > 0) ++lit;
                if (!inside) {
                    ASSERT_EQ(px, kBlackPx) << "pixel " << x << "," << y << " at time " << time;
                }
            }
        }
    }
    EXPECT_GT(lit, 0);
}

TEST_F(RippleTest, ThousandPointsAreOneDrawCall) {
    auto set = std::make_shared<RippleSet>();
    for (int i = 0; i < 1000; ++i) {
        const glm::vec2 pos{static_cast<float>(i % 40) * 8.0f + 4.5f, static_cast<float>(i / 40) * 8.0f + 4.5f};
        set->points.push_back({pos, 3.5f, kRed.packed(), static_cast<float>(i % 7) / 7.0f});
    }
    canvas.begin({320, 200}, kBlack);
    canvas.rect({0, 0, 1, 1}, kBlue);
    canvas.ripples(set, 3.0, {});
    canvas.rect({1, 0, 1, 1}, kBlue);
    RenderStats stats;
    const Image image = render(canvas, &stats);
    EXPECT_EQ(stats.drawCalls, 3u) << "shapes, one ripple layer, shapes";
    EXPECT_EQ(stats.ripplePoints, 1000u);
    EXPECT_EQ(stats.shapeInstances, 2u);
    EXPECT_EQ(pixelAt(image, 4, 4).r, 255) << "first point's core";
    EXPECT_EQ(pixelAt(image, 39 * 8 + 4, 24 * 8 + 4).r, 255) << "last point's core";
    EXPECT_EQ(pixelAt(image, 0, 0), (Rgba{0, 0, 255, 255})) << "the first rect is under the ripples";
}

TEST_F(RippleTest, UploadsOncePerVersionAndFreesUnusedSets) {
    CanvasRenderer own;
    auto set = std::make_shared<RippleSet>();
    set->points.push_back({{16.5f, 16.5f}, 10, kWhite.packed(), 0});
    const RenderTarget target({64, 64});
    auto frame = [&](double time, bool draw = true) {
        canvas.begin({64, 64}, kBlack);
        if (draw) canvas.ripples(set, time, {});
        return own.execute(canvas.list(), target.framebuffer());
    };
    EXPECT_EQ(frame(0).rippleUploads, 1u);
    EXPECT_EQ(frame(0.5).rippleUploads, 0u) << "time alone must not re-upload";
    EXPECT_EQ(frame(1e6).rippleUploads, 0u);

    set->points[0].pos = {48.5f, 48.5f};
    ++set->version;
    const RenderStats moved = frame(1.0);
    EXPECT_EQ(moved.rippleUploads, 1u);
    EXPECT_EQ(moved.cachedRippleSets, 1u) << "a new version replaces the set's buffer";
    const Image image = readFramebuffer(target.framebuffer(), target.size());
    EXPECT_EQ(pixelAt(image, 48, 48).r, 255);
    EXPECT_EQ(pixelAt(image, 16, 16).r, 0);
    EXPECT_EQ(frame(1.1).rippleUploads, 0u);

    // A second set is a second cache entry; sets not drawn for over 120 frames are freed.
    auto other = std::make_shared<RippleSet>(*set);
    other->id = RippleSet().id;
    canvas.begin({64, 64}, kBlack);
    canvas.ripples(set, 0, {});
    canvas.ripples(other, 0, {});
    EXPECT_EQ(own.execute(canvas.list(), target.framebuffer()).cachedRippleSets, 2u);
    RenderStats last;
    for (int i = 0; i < 60; ++i) last = frame(0, false);
    EXPECT_EQ(last.cachedRippleSets, 2u) << "kept while unused for 60 frames";
    for (int i = 0; i < 70; ++i) last = frame(0, false);
    EXPECT_EQ(last.cachedRippleSets, 0u) << "freed after 120 unused frames";
    EXPECT_EQ(frame(0).rippleUploads, 1u) << "drawn again after eviction: uploaded again";
}

TEST_F(RippleTest, NineDayClockRendersLikeAClockAtZero) {
    auto set = std::make_shared<RippleSet>();
    for (int i = 0; i < 6; ++i)
        set->points.push_back({{20.5f + 40.0f * static_cast<float>(i % 3), 30.5f + 60.0f * static_cast<float>(i / 3)}, 18,
                               kWhite.packed(), 0.13f * static_cast<float>(i)});
    for (double t : {0.37, 1.13, 2.29}) {
        canvas.begin({128, 128}, kBlack);
        canvas.ripples(set, t, {2.5f, 2, 1.5f, 0.2f, 1.0f});
        const Image small = render(canvas);
        canvas.begin({128, 128}, kBlack);
        canvas.ripples(set, kNineDays + t, {2.5f, 2, 1.5f, 0.2f, 1.0f});
        const Image large = render(canvas);
        int worst = 0;
        for (int y = 0; y < 128; ++y)
            for (int x = 0; x < 128; ++x) worst = std::max(worst, channelDistance(pixelAt(small, x, y), pixelAt(large, x, y)));
        EXPECT_LE(worst, 2) << "at t = " << t;
        if (worst > 2) {
            saveForInspection(small, "ripple_small_time");
            saveForInspection(large, "ripple_nine_days");
        }
    }
}

TEST_F(RippleTest, TransparentPointsAndZeroOpacityDrawNothing) {
    auto set = std::make_shared<RippleSet>();
    set->points.push_back({{20, 20}, 10, kWhite.withAlpha(0).packed(), 0});
    set->points.push_back({{40, 40}, 10, kWhite.packed(), 0});
    canvas.begin({64, 64}, kBlack);
    canvas.ripples(set, 0.3, {2.4f, 2, 1.5f, 0.28f, 0.0f});
    Image image = render(canvas);
    EXPECT_EQ(countDifferent(image, wholeImage(image), kBlackPx, 0), 0);

    canvas.begin({64, 64}, kBlack);
    canvas.ripples(set, 0.3, {});
    image = render(canvas);
    EXPECT_EQ(countDifferent(image, {0, 0, 32, 32}, kBlackPx, 0), 0) << "the transparent point";
    EXPECT_GT(countDifferent(image, {28, 28, 52, 52}, kBlackPx, 0), 0) << "the opaque point";
}

TEST(RippleCycle, WrapsTheClockByThePeriodInDouble) {
    EXPECT_FLOAT_EQ(RippleRenderer::cycleAt(0.625, 2.5f), 0.25f);
    EXPECT_FLOAT_EQ(RippleRenderer::cycleAt(kNineDays + 0.625, 2.5f), 0.25f);
    EXPECT_FLOAT_EQ(RippleRenderer::cycleAt(-0.625, 2.5f), 0.75f);
    EXPECT_FLOAT_EQ(RippleRenderer::cycleAt(5.0, 0.0f), 0.0f);
}

}  // namespace
}  // namespace exhibit
