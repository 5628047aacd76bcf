// Canvas::flylines through CanvasRenderer, checked by pixels: the head travels from `from` to `to`
// along an arc that bulges up, with a bright trail and a faint full arc; nothing before the start
// or after the fade; one draw call per layer; uploads per version and time-base move; a clock nine
// days in rendering like a clock at zero.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>
#include <vector>

#include "renderer/render_target.hpp"
#include "tests/gl/gl_fixture.hpp"

namespace exhibit {
namespace {

constexpr Rgba kBlackPx{0, 0, 0, 255};
constexpr double kNineDays = 9 * 24 * 3600.0;
constexpr FlylineStyle kStyle{0.35f, 0.8f, 0.18f, 3.0f};

// A red line across a 256 x 160 canvas: chord 196 px long at y = 120, bend 0.3, so the arc's
// middle is 0.5 * 0.3 * 196 = 29.4 px above the chord. Flies from t = start for 2 s.
Flyline redLine(double start) { return {{30, 120}, {226, 120}, 0.3f, kRed.packed(), 2.0f, start, 2.0f}; }

std::shared_ptr<FlylineSet> setOf(std::vector<Flyline> lines) {
    auto set = std::make_shared<FlylineSet>();
    set->lines = std::move(lines);
    return set;
}

// The head's core is whitened (green > 60) while the red arc and glow have no green: the centroid
// of greenish pixels is the head's centre.
std::optional<glm::vec2> headCentre(const Image& image) {
    double sx = 0, sy = 0, sw = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const int g = pixelAt(image, x, y).g;
            if (g <= 60) continue;
            sx += g * (x + 0.5);
            sy += g * (y + 0.5);
            sw += g;
        }
    }
    if (sw == 0) return std::nullopt;
    return glm::vec2{static_cast<float>(sx / sw), static_cast<float>(sy / sw)};
}

class FlylineTest : public GlTest {
protected:
    Canvas canvas;
    Image draw(const FlylineSetRef& set, double time, RenderStats* stats = nullptr) {
        canvas.begin({256, 160}, kBlack);
        canvas.flylines(set, time, kStyle);
        return render(canvas, stats);
    }
};

TEST_F(FlylineTest, ControlPointBulgesUpOnScreen) {
    EXPECT_EQ(flylineControlPoint({0, 100}, {100, 100}, 0.5f), (glm::vec2{50, 50}));
    EXPECT_EQ(flylineControlPoint({100, 100}, {0, 100}, 0.5f), (glm::vec2{50, 50})) << "either direction bulges up";
    EXPECT_EQ(flylineControlPoint({0, 0}, {0, 100}, 0.5f), (glm::vec2{50, 50})) << "vertical chords bulge to +x";
    EXPECT_EQ(flylineControlPoint({5, 5}, {5, 5}, 0.5f), (glm::vec2{5, 5}));
    const Flyline line = redLine(0);
    EXPECT_EQ(flylinePoint(line, 0), line.from);
    EXPECT_EQ(flylinePoint(line, 1), line.to);
    EXPECT_NEAR(flylinePoint(line, 0.5f).y, 120.0f - 29.4f, 1e-3f);
}

TEST_F(FlylineTest, HeadTravelsAlongTheArcThatBulgesUp) {
    const auto set = setOf({redLine(10)});
    std::vector<glm::vec2> heads;
    for (const float progress : {0.1f, 0.25f, 0.5f, 0.75f, 0.9f}) {
        const Image image = draw(set, 10.0 + 2.0 * progress);
        const auto head = headCentre(image);
        ASSERT_TRUE(head) << "no head at progress " << progress;
        const glm::vec2 expected = flylinePoint(redLine(10), progress);
        EXPECT_NEAR(head->x, expected.x, 0.75) << "progress " << progress;
        EXPECT_NEAR(head->y, expected.y, 0.75) << "progress " << progress;
        heads.push_back(*head);
    }
    for (std::size_t i = 1; i < heads.size(); ++i) EXPECT_GT(heads[i].x, heads[i - 1].x + 10) << "moves towards `to`";
    EXPECT_NEAR(heads[2].y, 120.0f - 29.4f, 0.75) << "the middle of the flight is 29.4 px above the chord";
    EXPECT_LT(heads[1].y, 110.0f);
    EXPECT_LT(heads[3].y, 110.0f);
}

TEST_F(FlylineTest, TrailIsBrightBehindTheHeadAndTheFullArcIsFaint) {
    const Flyline line = redLine(10);
    const Image image = draw(setOf({line}), 11.0);  // head at t = 0.5, trail back to t = 0.15
    auto redAt = [&](float t) {
        const glm::vec2 p = flylinePoint(line, t);
        return pixelAt(image, static_cast<int>(p.x), static_cast<int>(p.y)).r;
    };
    EXPECT_GT(redAt(0.45f), 170) << "just behind the head";
    EXPECT_GT(redAt(0.45f), redAt(0.3f)) << "the trail fades away from the head";
    EXPECT_GT(redAt(0.3f), 70);
    const int base = static_cast<int>(std::lround(0.18 * 255));
    for (const float t : {0.05f, 0.7f, 0.85f}) EXPECT_NEAR(redAt(t), base, 12) << "faint full arc at t = " << t;
    EXPECT_EQ(pixelAt(image, 128, 140), kBlackPx) << "below the chord";
}

TEST_F(FlylineTest, InvisibleBeforeTheStartAndGoneAfterTheFade) {
    const auto set = setOf({redLine(10)});
    Image image = draw(set, 9.99);
    EXPECT_EQ(countDifferent(image, wholeImage(image), kBlackPx, 0), 0) << "before startTime";
    image = draw(set, 10.01);
    EXPECT_GT(countDifferent(image, wholeImage(image), kBlackPx, 0), 0) << "just after startTime";

    const Image arrived = draw(set, 11.99);
    const Image fading = draw(set, 12.4);  // half of the 0.8 s fade
    const auto headArrived = headCentre(arrived), headFading = headCentre(fading);
    ASSERT_TRUE(headArrived && headFading);
    EXPECT_NEAR(headFading->x, 226, 1.0) << "the head stays at `to` while the arc fades";
    const double sumArrived = coverageSum(arrived, wholeImage(arrived));
    const double sumFading = coverageSum(fading, wholeImage(fading));
    EXPECT_NEAR(sumFading / sumArrived, 0.5, 0.1);
    image = draw(set, 12.81);
    EXPECT_EQ(countDifferent(image, wholeImage(image), kBlackPx, 0), 0) << "after duration + fade";
}

TEST_F(FlylineTest, ManyLinesAreOneDrawCall) {
    std::vector<Flyline> lines;
    for (int i = 0; i < 500; ++i) {
        const float y = 20.0f + static_cast<float>(i % 120);
        lines.push_back({{10, y}, {246, y + 10}, 0.1f, kWhite.withAlpha(0.5f).packed(), 1.0f, 0.001 * i, 1.5f});
    }
    lines.push_back(redLine(0));
    RenderStats stats;
    const Image image = draw(setOf(lines), 1.0, &stats);
    EXPECT_EQ(stats.drawCalls, 1u);
    EXPECT_EQ(stats.flylines, 501u);
    EXPECT_EQ(stats.flylineUploads, 1u);
    EXPECT_GT(countDifferent(image, wholeImage(image), kBlackPx, 0), 5000);
}

TEST_F(FlylineTest, UploadsOnVersionChangeAndWhenTheTimeBaseMoves) {
    CanvasRenderer own;
    auto set = setOf({redLine(10)});
    const RenderTarget target({256, 160});
    auto frame = [&](double time, bool drawIt = true) {
        canvas.begin({256, 160}, kBlack);
        if (drawIt) canvas.flylines(set, time, kStyle);
        return own.execute(canvas.list(), target.framebuffer());
    };
    EXPECT_EQ(frame(10.5).flylineUploads, 1u);
    EXPECT_EQ(frame(11.0).flylineUploads, 0u) << "time alone must not re-upload";
    EXPECT_EQ(frame(10.0 + FlylineRenderer::kRebaseSeconds - 1).flylineUploads, 0u);
    // Far from the base: uploaded again with a new base, and still drawn where it should be.
    set->lines[0].startTime = 5000;
    ++set->version;
    EXPECT_EQ(frame(5001).flylineUploads, 1u);
    const auto head = headCentre(readFramebuffer(target.framebuffer(), target.size()));
    ASSERT_TRUE(head);
    EXPECT_NEAR(head->x, flylinePoint(set->lines[0], 0.5f).x, 0.75);
    EXPECT_EQ(frame(5001.5).flylineUploads, 0u);
    EXPECT_EQ(frame(5001.0 + FlylineRenderer::kRebaseSeconds + 1).flylineUploads, 1u) << "the base moves";
    EXPECT_EQ(frame(5001.0 + FlylineRenderer::kRebaseSeconds + 2).flylineUploads, 0u);
    EXPECT_EQ(frame(10).flylineUploads, 1u) << "a clock jumping back moves the base too";

    RenderStats last;
    for (int i = 0; i < 130; ++i) last = frame(0, false);
    EXPECT_EQ(last.cachedFlylineSets, 0u) << "freed after 120 unused frames";
}

TEST_F(FlylineTest, NineDayClockRendersLikeAClockAtZero) {
    // Start times with fractions a float cannot hold at 777600 s (it steps by 1/16 s there).
    for (const double start : {0.37, 0.71}) {
        for (const double elapsed : {0.53, 0.9, 1.61}) {
            const Image small = draw(setOf({redLine(start)}), start + elapsed);
            const Image large = draw(setOf({redLine(kNineDays + start)}), kNineDays + start + elapsed);
            int worst = 0;
            for (int y = 0; y < small.height; ++y)
                for (int x = 0; x < small.width; ++x)
                    worst = std::max(worst, channelDistance(pixelAt(small, x, y), pixelAt(large, x, y)));
            EXPECT_LE(worst, 3) << "start " << start << ", elapsed " << elapsed;
        }
    }
}

TEST_F(FlylineTest, HeadAdvancesEvenlyEveryFrameNineDaysIn) {
    const auto set = setOf({redLine(kNineDays + 0.3)});
    std::vector<float> xs;
    for (int i = 0; i < 6; ++i) {
        const auto head = headCentre(draw(set, kNineDays + 0.3 + 0.8 + i / 60.0));
        ASSERT_TRUE(head);
        xs.push_back(head->x);
    }
    // Near the middle of the arc, 1/60 s moves the head by about 196 px / 2 s / 60 = 1.6 px.
    for (std::size_t i = 1; i < xs.size(); ++i) EXPECT_NEAR(xs[i] - xs[i - 1], 1.63, 0.3) << "frame " << i;
}

}  // namespace
}  // namespace exhibit
