#include "app/pointer_input.hpp"

#include <gtest/gtest.h>

namespace exhibit {
namespace {

PlatformEvent ev(PlatformEvent::Type type, std::int64_t finger = 0, glm::vec2 pos = {0, 0}) {
    PlatformEvent e;
    e.type = type;
    e.finger = finger;
    e.pos = pos;
    return e;
}

TEST(PlatformPointers, FingersBecomePointersWithTheirOwnIds) {
    PlatformPointers pointers;
    PointerQueue queue;
    using T = PlatformEvent::Type;
    pointers.handle(ev(T::FingerDown, 7, {10, 20}), 1.0, queue);
    pointers.handle(ev(T::FingerDown, 8, {300, 20}), 1.0, queue);
    pointers.handle(ev(T::FingerMove, 7, {12, 22}), 1.1, queue);
    pointers.handle(ev(T::FingerUp, 7, {12, 22}), 1.2, queue);
    EXPECT_EQ(pointers.active(), 1u);
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].phase, PointerPhase::Down);
    EXPECT_NE(events[0].id, events[1].id);
    EXPECT_EQ(events[2].id, events[0].id);
    EXPECT_EQ(events[2].pos, glm::vec2(12, 22));
    EXPECT_EQ(events[2].time, 1.1);
    EXPECT_EQ(events[3].phase, PointerPhase::Up);
    EXPECT_GT(events[0].id, std::uint64_t{1} << 62) << "never collides with TUIO's small ids";
}

TEST(PlatformPointers, MouseIsOnePointerWhileTheButtonIsHeld) {
    PlatformPointers pointers;
    PointerQueue queue;
    using T = PlatformEvent::Type;
    pointers.handle(ev(T::MouseMove, 0, {5, 5}), 0.0, queue);  // hovering: nothing
    pointers.handle(ev(T::MouseDown, 0, {5, 5}), 0.1, queue);
    pointers.handle(ev(T::MouseMove, 0, {50, 5}), 0.2, queue);
    pointers.handle(ev(T::MouseUp, 0, {50, 5}), 0.3, queue);
    pointers.handle(ev(T::MouseMove, 0, {60, 5}), 0.4, queue);
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].kind, PointerKind::Mouse);
    EXPECT_EQ(events[1].phase, PointerPhase::Move);
    EXPECT_EQ(events[2].phase, PointerPhase::Up);
}

TEST(PlatformPointers, FocusLossReleasesEveryContactAndStrayEventsAreIgnored) {
    PlatformPointers pointers;
    PointerQueue queue;
    using T = PlatformEvent::Type;
    pointers.handle(ev(T::FingerMove, 3), 0.0, queue);  // never went down
    pointers.handle(ev(T::FingerUp, 3), 0.0, queue);
    pointers.handle(ev(T::FingerDown, 1), 0.0, queue);
    pointers.handle(ev(T::FingerDown, 1), 0.0, queue);  // repeated
    pointers.handle(ev(T::MouseDown), 0.0, queue);
    pointers.handle(ev(T::FocusLost), 0.5, queue);
    EXPECT_EQ(pointers.active(), 0u);
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[2].phase, PointerPhase::Cancel);
    EXPECT_EQ(events[3].phase, PointerPhase::Cancel);
}

}  // namespace
}  // namespace exhibit
