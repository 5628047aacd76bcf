// Touch telemetry: contacts, touch rate and touch-to-frame latency on a manual clock.
#include "input/touch_telemetry.hpp"

#include <gtest/gtest.h>

namespace exhibit {
namespace {

PointerEvent event(std::uint64_t id, PointerPhase phase, double time) {
    PointerEvent e;
    e.id = id;
    e.phase = phase;
    e.time = time;
    return e;
}

TEST(TouchTelemetry, CountsActiveContactsAndTouchesPerSecond) {
    TouchTelemetry t;
    t.add(event(1, PointerPhase::Down, 10.0));
    t.add(event(2, PointerPhase::Down, 10.2));
    t.add(event(2, PointerPhase::Move, 10.3));
    EXPECT_EQ(t.stats(10.3).activeContacts, 2u);
    EXPECT_DOUBLE_EQ(t.stats(10.3).touchesPerSecond, 2);
    t.add(event(1, PointerPhase::Up, 10.4));
    t.add(event(2, PointerPhase::Cancel, 10.5));
    t.add(event(3, PointerPhase::Down, 11.1));
    const TouchStats s = t.stats(11.1);
    EXPECT_EQ(s.activeContacts, 1u);
    EXPECT_DOUBLE_EQ(s.touchesPerSecond, 2);  // the Downs at 10.2 and 11.1
    EXPECT_EQ(s.touches, 3u);
    EXPECT_EQ(s.events, 6u);
    EXPECT_DOUBLE_EQ(t.stats(13.0).touchesPerSecond, 0);
}

TEST(TouchTelemetry, LatencyRunsFromTheEventToThePresentedFrame) {
    TouchTelemetry t;
    EXPECT_EQ(t.stats(0).latencySamples, 0u);
    for (int i = 0; i < 99; ++i) {
        t.add(event(100 + i, PointerPhase::Down, i * 1.0));
        t.presented(i * 1.0 + 0.020);  // 20 ms later
    }
    t.add(event(500, PointerPhase::Down, 200.0));
    t.presented(200.250);  // one slow frame
    const TouchStats s = t.stats(200.3);
    EXPECT_EQ(s.latencySamples, 100u);
    EXPECT_NEAR(s.latencyP50Ms, 20, 1e-6);
    EXPECT_NEAR(s.latencyP99Ms, 20, 1e-6);  // 1 % of 100 samples: the 99th is still 20 ms
    t.add(event(501, PointerPhase::Down, 201.0));
    t.add(event(502, PointerPhase::Down, 201.0));
    t.presented(201.3);
    EXPECT_GT(t.stats(201.3).latencyP99Ms, 249);
}

TEST(TouchTelemetry, MemoryStaysBoundedUnderAFlood) {
    TouchTelemetry t;
    for (std::uint64_t i = 0; i < 100000; ++i) t.add(event(i, PointerPhase::Down, 5.0));  // never lifted
    t.presented(5.01);
    const TouchStats s = t.stats(5.0);
    EXPECT_EQ(s.activeContacts, TouchTelemetry::kMaxContacts);
    EXPECT_EQ(s.latencySamples, TouchTelemetry::kLatencySamples);
    EXPECT_LE(s.touchesPerSecond, 10.0 * TouchTelemetry::kMaxContacts);
    EXPECT_EQ(s.touches, 100000u);
}

}  // namespace
}  // namespace exhibit
