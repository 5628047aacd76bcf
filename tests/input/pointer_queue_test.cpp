// PointerQueue: bounded hand-over that drops the oldest Moves first and keeps Down/Up/Cancel.
#include "input/pointer.hpp"

#include <gtest/gtest.h>

namespace exhibit {
namespace {

PointerEvent ev(std::uint64_t id, PointerPhase phase, float x = 0) {
    PointerEvent e;
    e.id = id;
    e.phase = phase;
    e.pos = {x, 0};
    return e;
}

TEST(PointerQueue, KeepsOrderBelowCapacity) {
    PointerQueue queue(8);
    queue.push(ev(1, PointerPhase::Down));
    queue.push(ev(1, PointerPhase::Move, 1));
    queue.push(ev(1, PointerPhase::Up));
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[1].pos.x, 1);
    EXPECT_TRUE(queue.drain().empty());
    EXPECT_EQ(queue.dropped(), 0u);
}

TEST(PointerQueue, AFloodDropsTheOldestMovesAndKeepsEveryDownAndUp) {
    PointerQueue queue(4);
    queue.push(ev(1, PointerPhase::Down));
    for (int i = 0; i < 20000; ++i) queue.push(ev(1, PointerPhase::Move, static_cast<float>(i)));
    queue.push(ev(1, PointerPhase::Up));
    queue.push(ev(2, PointerPhase::Down));
    const auto events = queue.drain();
    // The Up and the second Down each pushed out one more of the oldest moves.
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].phase, PointerPhase::Down);
    EXPECT_EQ(events[1].phase, PointerPhase::Move);
    EXPECT_EQ(events[1].pos.x, 19999);
    EXPECT_EQ(events[2].phase, PointerPhase::Up);
    EXPECT_EQ(events[3].id, 2u);
    EXPECT_EQ(queue.dropped(), 19999u);
}

TEST(PointerQueue, FullOfDownsDropsIncomingMovesOnly) {
    PointerQueue queue(2);
    queue.push(ev(1, PointerPhase::Down));
    queue.push(ev(2, PointerPhase::Down));
    queue.push(ev(1, PointerPhase::Move));
    queue.push(ev(3, PointerPhase::Down));
    queue.push(ev(4, PointerPhase::Move));
    const auto events = queue.drain();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[2].id, 3u);
    EXPECT_EQ(queue.dropped(), 2u);
    // After a drain the queue takes moves again.
    queue.push(ev(1, PointerPhase::Move));
    EXPECT_EQ(queue.drain().size(), 1u);
}

TEST(PointerQueue, MixedFloodStaysWithinTheBound) {
    PointerQueue queue(64);
    std::size_t nonMoves = 0;
    for (int i = 0; i < 50000; ++i) {
        const bool move = i % 100 != 0;
        nonMoves += move ? 0 : 1;
        queue.push(ev(static_cast<std::uint64_t>(i), move ? PointerPhase::Move : PointerPhase::Down));
    }
    const auto events = queue.drain();
    EXPECT_EQ(events.size(), std::max<std::size_t>(64, nonMoves));
    std::size_t downs = 0;
    for (const auto& e : events) downs += e.phase == PointerPhase::Down ? 1 : 0;
    EXPECT_EQ(downs, nonMoves);
    for (std::size_t i = 1; i < events.size(); ++i) EXPECT_LT(events[i - 1].id, events[i].id) << "order kept";
}

}  // namespace
}  // namespace exhibit
