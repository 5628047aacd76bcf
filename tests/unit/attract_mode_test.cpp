// Attract mode on a manual clock: entry after the idle time, steps, exit on the first touch.
#include "app/attract_mode.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace exhibit {
namespace {

using Action = AttractMode::Action;

// Runs frames of 1/60 s from `from` to `to` and returns (time, action) for every action.
std::vector<std::pair<double, Action>> run(AttractMode& a, double from, double to, std::size_t contacts = 0) {
    std::vector<std::pair<double, Action>> actions;
    for (int i = 0; from + i / 60.0 < to; ++i) {
        const double t = from + i / 60.0;
        if (auto act = a.update(t, contacts); act != Action::None) actions.emplace_back(t, act);
    }
    return actions;
}

TEST(AttractMode, StartsAfterTheIdleTimeThenStepsEveryStep) {
    AttractMode a(30, 5);
    EXPECT_TRUE(run(a, 0, 29.9).empty());
    EXPECT_FALSE(a.active());
    auto actions = run(a, 29.9, 46);
    ASSERT_EQ(actions.size(), 4u);  // start at 30, steps at 35, 40, 45
    EXPECT_EQ(actions[0].second, Action::Start);
    EXPECT_NEAR(actions[0].first, 30, 1.5 / 60);
    for (int i = 1; i < 4; ++i) {
        EXPECT_EQ(actions[i].second, Action::Step);
        EXPECT_NEAR(actions[i].first, 30 + 5 * i, 1.5 / 60);
    }
    EXPECT_TRUE(a.active());
}

TEST(AttractMode, TheFirstTouchEndsItAtOnceAndRestartsTheIdleTimer) {
    AttractMode a(30, 5);
    run(a, 0, 31);
    ASSERT_TRUE(a.active());
    EXPECT_TRUE(a.touched(31.0));
    EXPECT_FALSE(a.active());  // in the same frame as the touch
    EXPECT_FALSE(a.touched(31.5));  // already interactive
    EXPECT_TRUE(run(a, 31.5, 61.4).empty());
    EXPECT_EQ(run(a, 61.4, 61.6).size(), 1u);  // 30 s after the last touch
}

TEST(AttractMode, AFingerRestingOnTheWallKeepsItInteractive) {
    AttractMode a(10, 5);
    EXPECT_TRUE(run(a, 0, 100, 1).empty());
    EXPECT_FALSE(a.active());
    EXPECT_TRUE(run(a, 100, 109.9).empty());  // the idle time counts from the finger's lift
}

TEST(AttractMode, ZeroIdleNeverStartsButTheOperatorCan) {
    AttractMode a(0, 5);
    EXPECT_TRUE(run(a, 0, 1000).empty());
    a.start(1000);
    auto actions = run(a, 1000, 1006);
    ASSERT_EQ(actions.size(), 2u);
    EXPECT_EQ(actions[0].second, Action::Start);
    EXPECT_EQ(actions[1].second, Action::Step);
}

TEST(AttractMode, AStallGivesOneStepNotABurst) {
    AttractMode a(1, 2);
    a.update(1, 0);  // start
    EXPECT_EQ(a.update(60, 0), Action::Step);
    EXPECT_EQ(a.update(60.1, 0), Action::None);
    EXPECT_EQ(a.update(62.0, 0), Action::Step);
}

}  // namespace
}  // namespace exhibit
