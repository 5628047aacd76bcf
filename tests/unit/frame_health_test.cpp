// FrameHealthMeter on injected times: fps and percentiles over the last 5 s, the start-up and
// stalled cases, the ring's bound at very high frame rates, and the cumulative histogram.
#include "app/frame_health.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace exhibit {
namespace {

TEST(FrameHealth, FpsAndPercentilesOverTheLastFiveSeconds) {
    FrameHealthMeter meter;
    // 10 s at 60 fps; frame i takes (i % 100) + 1 ms, so any 300 consecutive frames hold 1..100 ms
    // three times each.
    for (int i = 0; i < 600; ++i) meter.record(i / 60.0, (i % 100) + 1);
    const FrameHealth h = meter.health(599 / 60.0 + 0.001);  // window: frames 300..599
    EXPECT_NEAR(h.fps, 60.0, 1e-9);
    EXPECT_DOUBLE_EQ(h.p50Ms, 50);  // sorted[floor(0.5 * 299)] = sorted[149]
    EXPECT_DOUBLE_EQ(h.p99Ms, 99);  // sorted[floor(0.99 * 299)] = sorted[296]
    EXPECT_EQ(h.frames, 600u);
}

TEST(FrameHealth, OldSlowFramesLeaveTheWindowButStayInTheHistogram) {
    FrameHealthMeter meter;
    int i = 0;
    for (; i < 300; ++i) meter.record(i / 60.0, 80);   // 5 s of slow frames
    for (; i < 900; ++i) meter.record(i / 60.0, 10);   // then 10 s of fast ones
    const FrameHealth h = meter.health(899 / 60.0);
    EXPECT_DOUBLE_EQ(h.p50Ms, 10);
    EXPECT_DOUBLE_EQ(h.p99Ms, 10);
    EXPECT_EQ(h.frames, 900u);
    EXPECT_DOUBLE_EQ(h.sumMs, 300 * 80.0 + 600 * 10.0);
    // <= 8 ms: none; <= 12 ms: the fast ones; <= 100 ms: all.
    ASSERT_EQ(h.bucketUpperMs.size(), h.bucketCounts.size());
    EXPECT_EQ(h.bucketCounts[1], 0u);
    EXPECT_EQ(h.bucketCounts[2], 600u);
    EXPECT_EQ(h.bucketCounts[7], 600u);  // <= 50 ms
    EXPECT_EQ(h.bucketCounts[8], 900u);  // <= 100 ms
}

TEST(FrameHealth, CountsFromTheFirstFrameWhenStartedLessThanAWindowAgo) {
    FrameHealthMeter meter;
    for (int i = 0; i <= 60; ++i) meter.record(100 + i / 60.0, 5);  // 61 frames: 60 intervals in 1 s
    EXPECT_NEAR(meter.health(101).fps, 60.0, 1e-9);
    FrameHealthMeter single;
    single.record(3, 5);
    EXPECT_EQ(single.health(3).fps, 0);  // one frame is no rate
    EXPECT_DOUBLE_EQ(single.health(3).p50Ms, 5);
}

TEST(FrameHealth, AStalledLoopShowsItsFpsFalling) {
    FrameHealthMeter meter;
    for (int i = 0; i <= 600; ++i) meter.record(i / 60.0, 5);  // 0..10 s
    EXPECT_NEAR(meter.health(12.5).fps, 30.0, 1e-9);            // frames 451..600 in (7.5, 12.5]
    const FrameHealth later = meter.health(20);
    EXPECT_EQ(later.fps, 0);
    EXPECT_EQ(later.p50Ms, 0);
    EXPECT_EQ(later.p99Ms, 0);
    EXPECT_EQ(later.frames, 601u);
}

TEST(FrameHealth, TheRingStaysBoundedAtVeryHighFrameRates) {
    FrameHealthMeter meter;
    const int frames = 3 * static_cast<int>(FrameHealthMeter::kCapacity);
    for (int i = 0; i < frames; ++i) meter.record(i / 1000.0, i < frames - 100 ? 1.0 : 2.0);  // 1000 fps
    const FrameHealth h = meter.health((frames - 1) / 1000.0);
    // The ring keeps the newest kCapacity frames (4.096 s) and counts fps over what they span.
    EXPECT_NEAR(h.fps, 1000.0, 1e-6);
    EXPECT_DOUBLE_EQ(h.p50Ms, 1.0);
    EXPECT_DOUBLE_EQ(h.p99Ms, 2.0);  // the last 100 of 4096 frames are the slowest 2.4 %
    EXPECT_EQ(h.frames, static_cast<std::uint64_t>(frames));
}

TEST(FrameHealth, HistogramBucketsAreCumulativeWithInclusiveUpperBounds) {
    FrameHealthMeter meter;
    const double times[] = {3, 4, 16.7, 16.8, 1000, 5000};
    double t = 0;
    for (double ms : times) meter.record(t += 0.1, ms);
    const FrameHealth h = meter.health(t);
    ASSERT_EQ(h.bucketUpperMs.size(), 11u);
    EXPECT_DOUBLE_EQ(h.bucketUpperMs[3], 16.7);
    const std::uint64_t expected[] = {2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 5};  // 5000 ms only in +Inf
    for (std::size_t i = 0; i < 11; ++i) EXPECT_EQ(h.bucketCounts[i], expected[i]) << "bucket " << i;
    EXPECT_EQ(h.frames, 6u);
    EXPECT_DOUBLE_EQ(h.sumMs, 3 + 4 + 16.7 + 16.8 + 1000 + 5000);
}

TEST(FrameHealth, BrokenFrameTimesCountAsZero) {
    FrameHealthMeter meter;
    meter.record(1, std::numeric_limits<double>::quiet_NaN());
    meter.record(2, -5);
    meter.record(3, std::numeric_limits<double>::infinity());
    const FrameHealth h = meter.health(3);
    EXPECT_EQ(h.sumMs, 0);
    EXPECT_EQ(h.bucketCounts[0], 3u);
    EXPECT_EQ(h.p99Ms, 0);
}

}  // namespace
}  // namespace exhibit
