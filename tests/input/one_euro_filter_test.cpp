// OneEuroFilter: smooths jitter at rest, follows a fast move with bounded lag; measures the latency
// figures written in one_euro_filter.hpp.
#include "input/one_euro_filter.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace exhibit {
namespace {

constexpr double kRate = 60.0;

// Deterministic jitter in [-amplitude, amplitude] (a small LCG; no <random> distribution differences).
class Jitter {
public:
    float next(float amplitude) {
        state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
        const double u = static_cast<double>(state_ >> 11) / static_cast<double>(1ull << 53);
        return static_cast<float>((u * 2 - 1) * amplitude);
    }

private:
    std::uint64_t state_ = 12345;
};

// Steady lag (seconds) behind a ramp of `speed` px/s after 10 s of samples at 60 Hz.
double rampLag(double speed, OneEuroParams params = {}) {
    OneEuroFilter filter(params);
    double in = 0, out = 0;
    for (int i = 0; i <= 600; ++i) {
        const double t = i / kRate;
        in = speed * t;
        out = filter.filter({static_cast<float>(in), 0}, t).x;
    }
    return (in - out) / speed;
}

TEST(OneEuroFilter, FirstSamplePassesThroughAndResetStartsAgain) {
    OneEuroFilter filter;
    EXPECT_EQ(filter.filter({10, 20}, 0.0), glm::vec2(10, 20));
    EXPECT_NE(filter.filter({100, 20}, 1 / kRate), glm::vec2(100, 20));
    filter.reset();
    EXPECT_FALSE(filter.started());
    EXPECT_EQ(filter.filter({500, 600}, 0.5), glm::vec2(500, 600));
}

TEST(OneEuroFilter, SmoothsJitterAtRest) {
    OneEuroFilter filter;
    Jitter jitter;
    double inSq = 0, outSq = 0;
    int n = 0;
    for (int i = 0; i < 600; ++i) {
        const glm::vec2 raw{500 + jitter.next(3), 300 + jitter.next(3)};
        const glm::vec2 out = filter.filter(raw, i / kRate);
        if (i < 60) continue;  // let it settle
        inSq += (raw.x - 500) * (raw.x - 500);
        outSq += (out.x - 500) * (out.x - 500);
        ++n;
    }
    const double inRms = std::sqrt(inSq / n), outRms = std::sqrt(outSq / n);
    EXPECT_GT(inRms, 1.5);
    EXPECT_LT(outRms, 0.35 * inRms) << "jitter in " << inRms << " px rms, out " << outRms;
}

TEST(OneEuroFilter, LagShrinksWithSpeed) {
    // The figures in one_euro_filter.hpp.
    EXPECT_NEAR(rampLag(1), 0.149, 0.005);
    EXPECT_NEAR(rampLag(100), 0.045, 0.003);
    EXPECT_NEAR(rampLag(300), 0.025, 0.002);
    EXPECT_NEAR(rampLag(1000), 0.012, 0.001);
    EXPECT_NEAR(rampLag(3000), 0.0055, 0.0005);
    EXPECT_NEAR(rampLag(1e-3), 1 / (2 * 3.14159265 * OneEuroParams{}.minCutoff), 0.002) << "at rest: tau";
    EXPECT_GT(rampLag(1000, OneEuroParams{.minCutoff = 1, .beta = 0, .dCutoff = 1}), 0.15)
        << "without beta a fast move lags like a slow one";
}

TEST(OneEuroFilter, FollowsAFastMoveWithBoundedLag) {
    OneEuroFilter filter;
    float worst = 0;
    for (int i = 0; i <= 60; ++i) {  // 0.5 s still, then 2000 px/s
        const double t = i / kRate;
        const float in = t < 0.5 ? 0.0f : static_cast<float>(2000 * (t - 0.5));
        const float out = filter.filter({in, in}, t).x;
        worst = std::max(worst, in - out);
        if (t >= 0.8) {
            EXPECT_LT(in - out, 20.0f) << "at t " << t;
        }
    }
    EXPECT_LT(worst, 40.0f) << "never more than ~1.2 frames of travel behind";
}

TEST(OneEuroFilter, StepSettles) {
    const auto settle = [](float jump) {
        OneEuroFilter filter;
        filter.filter({0, 0}, 0);
        for (int i = 1; i < 600; ++i) {
            if (jump - filter.filter({jump, 0}, i / kRate).x < 1) return i / kRate;
        }
        return 10.0;
    };
    EXPECT_NEAR(settle(200), 0.12, 0.02);
    EXPECT_NEAR(settle(20), 0.20, 0.02);
}

TEST(OneEuroFilter, SamplesOnTheSameTimestampReuseThePreviousPeriod) {
    OneEuroFilter filter;
    filter.filter({0, 0}, 0.0);
    const float a = filter.filter({100, 0}, 1 / kRate).x;
    OneEuroFilter same;
    same.filter({0, 0}, 0.0);
    same.filter({0, 0}, 1 / kRate);
    const float b = same.filter({100, 0}, 1 / kRate).x;  // stamped on the same frame as the one before
    EXPECT_GT(b, 0.0f) << "a sample without a time step still moves the output";
    EXPECT_NEAR(a, b, 0.5 * a);
}

}  // namespace
}  // namespace exhibit
