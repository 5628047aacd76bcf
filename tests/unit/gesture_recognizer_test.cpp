#include "input/gesture_recognizer.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numbers>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

namespace exhibit {
namespace {

// 10 px per cm: tap slop 6 px, double-tap reach 15 px, group radius 120 px, pinch slop 8 px,
// swipe at least 40 px at 250 px/s.
GestureConfig wall() {
    GestureConfig config;
    config.pixelsPerCm = 10;
    return config;
}

PointerEvent event(double time, std::uint64_t id, PointerPhase phase, glm::vec2 pos) {
    PointerEvent e;
    e.time = time;
    e.id = id;
    e.phase = phase;
    e.pos = pos;
    return e;
}

// A recorded trace, one event a line: time,id,phase,x,y with phase d(own), m(ove), u(p) or c(ancel).
std::vector<PointerEvent> trace(const std::string& csv) {
    std::vector<PointerEvent> events;
    std::istringstream lines(csv);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream fields(line);
        double time = 0;
        std::uint64_t id = 0;
        char phase = 0;
        glm::vec2 pos;
        fields >> time >> id >> phase >> pos.x >> pos.y;
        EXPECT_FALSE(fields.fail()) << "bad trace line: " << line;
        const PointerPhase p = phase == 'd' ? PointerPhase::Down
                               : phase == 'm' ? PointerPhase::Move
                               : phase == 'u' ? PointerPhase::Up
                                              : PointerPhase::Cancel;
        events.push_back(event(time, id, p, pos));
    }
    return events;
}

// Contact `id` from `from` to `to`, touching at t0 and lifting at t1, a Move every 1/60 s between.
std::vector<PointerEvent> stroke(std::uint64_t id, double t0, double t1, glm::vec2 from, glm::vec2 to,
                                 bool lift = true) {
    std::vector<PointerEvent> events{event(t0, id, PointerPhase::Down, from)};
    const int steps = std::max(1, static_cast<int>(std::lround((t1 - t0) * 60)));
    for (int i = 1; i <= steps; ++i) {
        const double f = static_cast<double>(i) / steps;
        events.push_back(event(t0 + (t1 - t0) * f, id, PointerPhase::Move, from + (to - from) * static_cast<float>(f)));
    }
    if (lift) events.push_back(event(t1, id, PointerPhase::Up, to));
    return events;
}

std::vector<PointerEvent> merge(std::vector<std::vector<PointerEvent>> parts) {
    std::vector<PointerEvent> all;
    for (auto& part : parts) all.insert(all.end(), part.begin(), part.end());
    // At one instant, touches come before moves and moves before lifts.
    std::stable_sort(all.begin(), all.end(), [](const PointerEvent& a, const PointerEvent& b) {
        return a.time < b.time || (a.time == b.time && a.phase < b.phase);
    });
    return all;
}

// Plays events into the recognizer as the app does: a frame every 1/fps s, each frame adding the
// events due by then and calling update(); runs `tail` seconds past the last event.
std::vector<Gesture> play(GestureRecognizer& r, const std::vector<PointerEvent>& events, double fps = 60,
                          double tail = 1.0) {
    std::vector<Gesture> out;
    const double t0 = events.empty() ? 0 : events.front().time;
    const double end = (events.empty() ? 0 : events.back().time) + tail;
    std::size_t next = 0;
    for (int frame = 0;; ++frame) {
        const double now = t0 + frame / fps;
        while (next < events.size() && events[next].time <= now + 1e-9) r.add(events[next++]);
        for (Gesture& g : r.update(now)) out.push_back(std::move(g));
        if (now >= end && next == events.size()) break;
    }
    return out;
}

std::vector<std::string> kinds(const std::vector<Gesture>& gestures) {
    std::vector<std::string> names;
    for (const Gesture& g : gestures) names.emplace_back(gestureKindName(g.kind));
    return names;
}

std::vector<Gesture> only(const std::vector<Gesture>& gestures, GestureKind kind) {
    std::vector<Gesture> out;
    std::copy_if(gestures.begin(), gestures.end(), std::back_inserter(out), [&](const Gesture& g) { return g.kind == kind; });
    return out;
}

using Names = std::vector<std::string>;


TEST(GestureRecognizer, SingleTap) {
    GestureRecognizer r(wall());
    r.setHitTest([](glm::vec2) { return std::string("county:520102"); });
    const auto gestures = play(r, trace(R"(
        10.00,1,d,400,300
        10.05,1,m,401,300
        10.12,1,u,401,301
    )"));
    ASSERT_EQ(kinds(gestures), Names({"Tap"}));
    const Gesture& tap = gestures[0];
    EXPECT_EQ(tap.target, "county:520102");
    EXPECT_EQ(tap.contacts, 1);
    EXPECT_EQ(tap.pos, glm::vec2(400, 300)) << "where it touched";
    ASSERT_EQ(tap.points.size(), 1u);
    EXPECT_EQ(tap.points[0], glm::vec2(401, 301));
    EXPECT_DOUBLE_EQ(tap.time, 10.12);
    EXPECT_NE(tap.group, 0u);
    EXPECT_EQ(r.recognized(GestureKind::Tap), 1u);
    EXPECT_EQ(r.activeContacts(), 0u);
    EXPECT_EQ(r.activeGroups(), 0u);
}

TEST(GestureRecognizer, DoubleTapIsReportedAfterTheFirstTap) {
    GestureRecognizer r(wall());
    const auto gestures = play(r, trace(R"(
        1.00,1,d,400,300
        1.10,1,u,400,300
        1.35,2,d,405,304
        1.45,2,u,405,304
    )"));
    ASSERT_EQ(kinds(gestures), Names({"Tap", "DoubleTap"}));
    EXPECT_EQ(gestures[1].pos, glm::vec2(405, 304));
    EXPECT_EQ(gestures[1].start, glm::vec2(400, 300)) << "the first tap";
    EXPECT_DOUBLE_EQ(gestures[1].time, 1.45);
    EXPECT_EQ(r.recognized(GestureKind::DoubleTap), 1u);
    EXPECT_EQ(r.recognized(GestureKind::Tap), 1u);
}

TEST(GestureRecognizer, TapTapTooSlowOrTooFarIsTwoTaps) {
    {
        GestureRecognizer r(wall());
        const auto gestures = play(r, trace(R"(
            1.00,1,d,400,300
            1.10,1,u,400,300
            1.50,2,d,400,300
            1.60,2,u,400,300
        )"));
        EXPECT_EQ(kinds(gestures), Names({"Tap", "Tap"})) << "0.4 s between lift and touch";
    }
    {
        GestureRecognizer r(wall());
        const auto gestures = play(r, trace(R"(
            1.00,1,d,400,300
            1.10,1,u,400,300
            1.20,2,d,420,300
            1.30,2,u,420,300
        )"));
        EXPECT_EQ(kinds(gestures), Names({"Tap", "Tap"})) << "2 cm apart";
    }
    {
        GestureRecognizer r(wall());
        const auto gestures = play(r, trace(R"(
            1.00,1,d,400,300
            1.10,1,u,400,300
            1.20,2,d,400,300
            1.30,2,u,400,300
            1.40,3,d,400,300
            1.50,3,u,400,300
        )"));
        EXPECT_EQ(kinds(gestures), Names({"Tap", "DoubleTap", "Tap"})) << "a double tap is used up";
    }
}

TEST(GestureRecognizer, LongPressFiresOnceAtItsTimeAndGivesNoTap) {
    GestureRecognizer r(wall());
    const auto gestures = play(r, trace(R"(
        2.0,1,d,400,300
        2.3,1,m,403,298
        3.5,1,u,403,298
    )"));
    ASSERT_EQ(kinds(gestures), Names({"LongPress"}));
    EXPECT_DOUBLE_EQ(gestures[0].time, 2.6);
    EXPECT_EQ(gestures[0].pos, glm::vec2(400, 300));

    GestureRecognizer between(wall());
    EXPECT_TRUE(play(between, trace("0,1,d,400,300\n0.45,1,u,400,300")).empty())
        << "too long for a tap, too short for a long press";
}

TEST(GestureRecognizer, LongPressTimerDoesNotDependOnFrames) {
    GestureRecognizer r(wall());
    r.add(event(0.0, 1, PointerPhase::Down, {10, 10}));
    r.add(event(0.8, 1, PointerPhase::Up, {10, 10}));  // both arrive before the next frame
    const auto gestures = r.update(0.8);
    ASSERT_EQ(kinds(gestures), Names({"LongPress"}));
    EXPECT_DOUBLE_EQ(gestures[0].time, 0.6);

    GestureRecognizer early(wall());
    early.add(event(0.0, 1, PointerPhase::Down, {10, 10}));
    EXPECT_TRUE(early.update(0.59).empty());
    EXPECT_EQ(kinds(early.update(0.61)), Names({"LongPress"}));
}

TEST(GestureRecognizer, PanStartsBeyondSlopReportsDeltasAndEndsWithVelocity) {
    GestureRecognizer r(wall());
    // 10 px right every frame for 0.5 s, then lift.
    const auto gestures = play(r, stroke(1, 0, 0.5, {100, 400}, {400, 400}));
    const auto names = kinds(gestures);
    ASSERT_GE(names.size(), 3u);
    EXPECT_EQ(names.front(), "PanStart");
    EXPECT_EQ(names.back(), "PanEnd");
    EXPECT_EQ(std::count(names.begin(), names.end(), "Pan"), static_cast<long>(names.size() - 2));
    EXPECT_EQ(r.recognized(GestureKind::Tap), 0u);

    glm::vec2 sum{0, 0};
    for (const Gesture& g : gestures) {
        EXPECT_EQ(g.group, gestures[0].group);
        EXPECT_EQ(g.contacts, 1);
        sum += g.delta;
    }
    EXPECT_NEAR(sum.x, 300, 1e-3);
    EXPECT_NEAR(sum.y, 0, 1e-3);
    EXPECT_LE(gestures[0].delta.x, 12) << "PanStart as soon as the slop is passed";
    const Gesture& end = gestures.back();
    EXPECT_NEAR(end.translation.x, 300, 1e-3);
    EXPECT_NEAR(end.velocity.x, 600, 1) << "10 px per 1/60 s";
    EXPECT_NEAR(end.velocity.y, 0, 1e-3);
    EXPECT_EQ(end.start, glm::vec2(100, 400));
}

TEST(GestureRecognizer, PanIsCoalescedToOnePerFrame) {
    GestureRecognizer r(wall());
    r.add(event(0.000, 1, PointerPhase::Down, {0, 0}));
    r.add(event(0.004, 1, PointerPhase::Move, {20, 0}));
    EXPECT_EQ(kinds(r.update(0.005)), Names({"PanStart"}));
    for (int i = 1; i <= 4; ++i) r.add(event(0.005 + 0.003 * i, 1, PointerPhase::Move, {20.0f + 5.0f * static_cast<float>(i), 0}));
    const auto frame = r.update(0.0166);
    ASSERT_EQ(kinds(frame), Names({"Pan"}));
    EXPECT_EQ(frame[0].delta, glm::vec2(20, 0));
    EXPECT_TRUE(r.update(0.033).empty()) << "no movement, no Pan";
    r.add(event(0.04, 1, PointerPhase::Move, {50, 0}));
    r.add(event(0.05, 1, PointerPhase::Up, {50, 0}));
    EXPECT_EQ(kinds(r.update(0.05)), Names({"Pan", "PanEnd"})) << "the movement is reported before the end";
}

TEST(GestureRecognizer, SlopIsPhysical) {
    const auto jitter = trace(R"(
        0.00,1,d,500,500
        0.03,1,m,503,498
        0.06,1,m,497,502
        0.09,1,m,502,503
        0.12,1,u,501,499
    )");
    GestureRecognizer r(wall());
    EXPECT_EQ(kinds(play(r, jitter)), Names({"Tap"})) << "3 px of jitter is within 0.6 cm";

    const auto slide = trace(R"(
        0.00,1,d,500,500
        0.05,1,m,510,500
        0.10,1,u,510,500
    )");
    GestureRecognizer fine(wall());
    EXPECT_EQ(kinds(play(fine, slide)), Names({"PanStart", "PanEnd"})) << "1 cm at 10 px/cm";
    GestureConfig dense = wall();
    dense.pixelsPerCm = 40;
    GestureRecognizer coarse(dense);
    EXPECT_EQ(kinds(play(coarse, slide)), Names({"Tap"})) << "10 px is 0.25 cm at 40 px/cm";
}

// Two fingers touching together, moving from a0 to a1 and from b0 to b1 at 60 Hz, lifting together.
std::vector<PointerEvent> twoFingers(glm::vec2 a0, glm::vec2 a1, glm::vec2 b0, glm::vec2 b1, double seconds = 0.5) {
    return merge({stroke(1, 0, seconds, a0, a1), stroke(2, 0, seconds, b0, b1)});
}

TEST(GestureRecognizer, PinchZoomsInAndOut) {
    for (const float to : {200.0f, 50.0f}) {
        GestureRecognizer r(wall());
        // Fingers 100 px apart about (500, 500), spread to `to` px apart.
        const auto gestures = play(r, twoFingers({450, 500}, {500 - to / 2, 500}, {550, 500}, {500 + to / 2, 500}));
        const auto pinches = only(gestures, GestureKind::Pinch);
        ASSERT_FALSE(pinches.empty()) << to;
        EXPECT_EQ(kinds(gestures).front(), "PanStart");
        EXPECT_EQ(kinds(gestures).back(), "PanEnd");
        EXPECT_TRUE(only(gestures, GestureKind::Rotate).empty());
        EXPECT_TRUE(only(gestures, GestureKind::Swipe).empty());
        EXPECT_TRUE(only(gestures, GestureKind::Pan).empty()) << "the centre stays put";
        const float expected = to / 100;
        EXPECT_NEAR(pinches.back().scale, expected, 1e-3);
        float product = 1;
        for (const Gesture& p : pinches) {
            product *= p.scaleDelta;
            EXPECT_EQ(p.contacts, 2);
            EXPECT_NEAR(p.pos.x, 500, 1e-3);
            EXPECT_NEAR(p.pos.y, 500, 1e-3);
            EXPECT_EQ(p.points.size(), 2u);
        }
        EXPECT_NEAR(product, expected, 1e-3);
        EXPECT_EQ(pinches.front().scaleDelta > 1, to > 100) << "zooming in or out from the first report";
    }
}

TEST(GestureRecognizer, PinchContinuesAcrossARegrip) {
    GestureRecognizer r(wall());
    // Spread two fingers to twice their distance, lift one, put a finger down 10 cm from the other
    // and spread again: 4x in all, never a jump when the fingers change.
    const auto gestures = play(r, merge({stroke(1, 0, 1.1, {400, 500}, {400, 500}),
                                         stroke(2, 0, 0.5, {500, 500}, {600, 500}),
                                         stroke(3, 0.6, 1.1, {500, 500}, {600, 500})}));
    const auto pinches = only(gestures, GestureKind::Pinch);
    ASSERT_FALSE(pinches.empty());
    for (const Gesture& p : pinches) {
        EXPECT_GT(p.scaleDelta, 1) << "t=" << p.time;
        EXPECT_LT(p.scaleDelta, 1.15f) << "t=" << p.time;  // the first one holds the 0.8 cm slop
    }
    EXPECT_NEAR(pinches.back().scale, 4, 0.1);
    EXPECT_EQ(std::set<std::uint64_t>({pinches.front().group, pinches.back().group}).size(), 1u);
    EXPECT_EQ(r.recognized(GestureKind::PanStart), 1u);
    EXPECT_EQ(r.recognized(GestureKind::PanEnd), 1u);
}

TEST(GestureRecognizer, RotateReportsAngleDeltasClockwise) {
    GestureRecognizer r(wall());
    // Fingers 10 cm apart, a quarter turn about (500, 500) in 30 steps; clockwise on the wall (y down).
    std::vector<PointerEvent> events{event(0, 1, PointerPhase::Down, {450, 500}),
                                     event(0, 2, PointerPhase::Down, {550, 500})};
    for (int i = 1; i <= 30; ++i) {
        const float a = std::numbers::pi_v<float> / 2 * static_cast<float>(i) / 30;
        const glm::vec2 arm{50 * std::cos(a), 50 * std::sin(a)};
        const double t = i / 60.0;
        events.push_back(event(t, 1, PointerPhase::Move, glm::vec2(500, 500) - arm));
        events.push_back(event(t, 2, PointerPhase::Move, glm::vec2(500, 500) + arm));
    }
    events.push_back(event(0.55, 1, PointerPhase::Up, {500, 450}));
    events.push_back(event(0.55, 2, PointerPhase::Up, {500, 550}));
    const auto gestures = play(r, events);
    const auto rotations = only(gestures, GestureKind::Rotate);
    ASSERT_FALSE(rotations.empty());
    EXPECT_TRUE(only(gestures, GestureKind::Pinch).empty()) << "the span did not change";
    float sum = 0;
    for (const Gesture& g : rotations) {
        EXPECT_GT(g.angle, 0);
        EXPECT_NEAR(g.pos.x, 500, 1e-3);
        EXPECT_NEAR(g.pos.y, 500, 1e-3);
        sum += g.angle;
    }
    EXPECT_NEAR(sum, std::numbers::pi / 2, 1e-4);
    EXPECT_NEAR(rotations.back().totalAngle, std::numbers::pi / 2, 1e-4);
    EXPECT_EQ(kinds(gestures).back(), "PanEnd");
}

TEST(GestureRecognizer, TwoFingerSwipeLeft) {
    GestureRecognizer r(wall());
    // Two fingers 6 cm apart move 15 cm left in 0.2 s.
    const auto gestures = play(r, twoFingers({600, 470}, {450, 470}, {600, 530}, {450, 530}, 0.2));
    const auto swipes = only(gestures, GestureKind::Swipe);
    ASSERT_EQ(swipes.size(), 1u);
    EXPECT_EQ(swipes[0].direction, SwipeDirection::Left);
    EXPECT_EQ(swipes[0].contacts, 2);
    EXPECT_NEAR(swipes[0].velocity.x, -750, 1);
    EXPECT_NEAR(swipes[0].velocity.y, 0, 1e-3);
    EXPECT_EQ(kinds(gestures).back(), "PanEnd");
    EXPECT_EQ(r.recognized(GestureKind::Swipe), 1u);

    GestureRecognizer slow(wall());
    EXPECT_TRUE(only(play(slow, twoFingers({600, 470}, {450, 470}, {600, 530}, {450, 530}, 2.0)), GestureKind::Swipe).empty())
        << "a slow two-finger pan is no swipe";
    GestureRecognizer diagonal(wall());
    EXPECT_TRUE(only(play(diagonal, twoFingers({600, 470}, {450, 350}, {600, 530}, {450, 410}, 0.2)), GestureKind::Swipe).empty())
        << "no dominant axis";
    GestureRecognizer one(wall());
    EXPECT_TRUE(only(play(one, stroke(1, 0, 0.2, {600, 500}, {450, 500})), GestureKind::Swipe).empty())
        << "a one-finger flick is a pan";
}

TEST(GestureRecognizer, SwipeDirections) {
    const std::pair<glm::vec2, SwipeDirection> cases[] = {{{150, 0}, SwipeDirection::Right},
                                                         {{0, -150}, SwipeDirection::Up},
                                                         {{0, 150}, SwipeDirection::Down}};
    for (const auto& [d, direction] : cases) {
        GestureRecognizer r(wall());
        const auto swipes = only(play(r, twoFingers({470, 500}, glm::vec2(470, 500) + d, {530, 500}, glm::vec2(530, 500) + d, 0.2)),
                                 GestureKind::Swipe);
        ASSERT_EQ(swipes.size(), 1u);
        EXPECT_EQ(swipes[0].direction, direction);
    }
}

TEST(GestureRecognizer, TwoUsersAtOnceGiveIndependentStreams) {
    GestureRecognizer r(wall());
    r.setHitTest([](glm::vec2 p) { return std::string(p.x < 960 ? "map" : "panel"); });
    // Visitor A pans the map for a second; visitor B taps the panel meanwhile, then pans it too.
    const auto gestures = play(r, merge({stroke(1, 0, 1.0, {300, 500}, {600, 500}),
                                         trace("0.40,2,d,1500,500\n0.50,2,u,1501,500"),
                                         stroke(3, 0.6, 0.9, {1500, 200}, {1500, 400})}));
    const auto taps = only(gestures, GestureKind::Tap);
    ASSERT_EQ(taps.size(), 1u);
    EXPECT_EQ(taps[0].target, "panel");
    const auto starts = only(gestures, GestureKind::PanStart);
    const auto ends = only(gestures, GestureKind::PanEnd);
    ASSERT_EQ(starts.size(), 2u);
    ASSERT_EQ(ends.size(), 2u);
    EXPECT_EQ(starts[0].target, "map");
    EXPECT_EQ(starts[1].target, "panel");
    EXPECT_NE(starts[0].group, taps[0].group);
    EXPECT_NE(starts[1].group, taps[0].group);
    EXPECT_NE(starts[0].group, starts[1].group);
    for (const Gesture& g : gestures) {
        EXPECT_EQ(g.contacts, 1) << gestureKindName(g.kind) << " mixes the visitors";
        if (g.group == starts[0].group) {
            EXPECT_EQ(g.target, "map");
            EXPECT_NEAR(g.delta.y, 0, 1e-3) << "A moves only right";
        }
        if (g.group == starts[1].group) {
            EXPECT_NEAR(g.delta.x, 0, 1e-3) << "B's pan moves only down";
        }
    }
    EXPECT_NEAR(ends[0].translation.y, 200, 1e-3) << "B lifts first";
    EXPECT_NEAR(ends[1].translation.x, 300, 1e-3);
    EXPECT_EQ(r.activeGroups(), 0u);
}

TEST(GestureRecognizer, NearbyContactsOnDifferentTargetsStaySeparate) {
    const auto events = trace(R"(
        0.00,1,d,490,300
        0.02,2,d,510,300
        0.10,1,u,490,300
        0.11,2,u,510,300
    )");
    GestureRecognizer split(wall());
    split.setHitTest([](glm::vec2 p) { return std::string(p.x < 500 ? "county:A" : "county:B"); });
    const auto taps = play(split, events);
    ASSERT_EQ(kinds(taps), Names({"Tap", "Tap"}));
    EXPECT_NE(taps[0].group, taps[1].group);
    EXPECT_EQ(taps[0].target, "county:A");
    EXPECT_EQ(taps[1].target, "county:B");

    GestureRecognizer same(wall());
    same.setHitTest([](glm::vec2) { return std::string("county:A"); });
    EXPECT_TRUE(play(same, events).empty()) << "on one target the two contacts are one two-finger group";

    GestureRecognizer far(wall());
    far.setHitTest([](glm::vec2) { return std::string("map"); });
    EXPECT_EQ(kinds(play(far, trace("0,1,d,100,300\n0.02,2,d,400,300\n0.1,1,u,100,300\n0.11,2,u,400,300"))),
              Names({"Tap", "Tap"}))
        << "30 cm apart on one target: two visitors";
}

TEST(GestureRecognizer, JoiningAndLeavingDoesNotMakeThePanJump) {
    GestureRecognizer r(wall());
    // A finger pans right; a second lands 8 cm below it, both move on, the first lifts, the second goes on.
    const auto gestures = play(r, merge({stroke(1, 0, 0.6, {100, 300}, {400, 300}),
                                         stroke(2, 0.2, 1.0, {200, 380}, {600, 380})}));
    const auto names = kinds(gestures);
    EXPECT_EQ(std::count(names.begin(), names.end(), "PanStart"), 1);
    EXPECT_EQ(std::count(names.begin(), names.end(), "PanEnd"), 1);
    EXPECT_TRUE(only(gestures, GestureKind::Pinch).empty());
    for (const Gesture& g : only(gestures, GestureKind::Pan)) {
        EXPECT_LE(std::abs(g.delta.x), 8.5f) << "one frame's movement at most, at t=" << g.time;
        EXPECT_NEAR(g.delta.y, 0, 1e-3) << "t=" << g.time;
    }
    EXPECT_NEAR(gestures.back().translation.x, 500, 8.5) << "10 cm alone, 20 cm with two fingers, 20 cm with the second alone";
}

TEST(GestureRecognizer, CancelMidPanGivesCancelNotTapOrPanEnd) {
    GestureRecognizer r(wall());
    auto events = stroke(1, 0, 0.2, {100, 100}, {200, 100}, false);
    events.push_back(event(0.25, 1, PointerPhase::Cancel, {200, 100}));
    const auto gestures = play(r, events);
    const auto names = kinds(gestures);
    EXPECT_EQ(names.front(), "PanStart");
    EXPECT_EQ(names.back(), "Cancel");
    EXPECT_EQ(std::count(names.begin(), names.end(), "PanEnd"), 0);
    EXPECT_EQ(r.recognized(GestureKind::Cancel), 1u);
    EXPECT_EQ(r.activeContacts(), 0u);

    GestureRecognizer quick(wall());
    EXPECT_EQ(kinds(play(quick, trace("0,1,d,100,100\n0.1,1,c,100,100"))), Names({"Cancel"})) << "not a Tap";

    GestureRecognizer pair(wall());
    const auto pinch = trace(R"(
        0.00,1,d,400,300
        0.01,2,d,500,300
        0.10,1,m,380,300
        0.10,2,m,520,300
        0.20,2,c,520,300
        0.30,1,m,300,300
        0.40,1,u,300,300
    )");
    EXPECT_EQ(kinds(play(pair, pinch)), Names({"PanStart", "Pinch", "Cancel"}))
        << "one Cancel; the remaining contact ends silently";
    EXPECT_EQ(pair.activeGroups(), 0u);
}

TEST(GestureRecognizer, StuckContactEndsOnlyByCancel) {
    GestureRecognizer r(wall());
    r.add(event(0, 1, PointerPhase::Down, {10, 10}));
    EXPECT_EQ(kinds(r.update(100)), Names({"LongPress"}));
    EXPECT_EQ(r.activeContacts(), 1u);
    EXPECT_TRUE(r.update(1000).empty());
    r.add(event(1000, 1, PointerPhase::Cancel, {10, 10}));
    EXPECT_EQ(kinds(r.update(1000)), Names({"Cancel"}));
    EXPECT_EQ(r.activeContacts(), 0u);
    EXPECT_EQ(r.activeGroups(), 0u);
}

TEST(GestureRecognizer, GarbageEventsAreIgnoredAndCounted) {
    GestureRecognizer r(wall());
    const auto events = trace(R"(
        0.00,9,m,10,10
        0.00,9,u,10,10
        0.00,9,c,10,10
        0.01,1,d,400,300
        0.02,1,d,400,300
        0.05,1,u,400,300
        0.06,1,m,400,300
        0.07,1,d,400,300
    )");
    EXPECT_EQ(kinds(play(r, events)), Names({"Tap"})) << "the one real tap";
    EXPECT_EQ(r.ignoredEvents(), 6u);
    EXPECT_EQ(r.activeContacts(), 0u) << "a repeated Down after the Up starts no stuck contact";
    r.add(event(1, 2, PointerPhase::Down, {std::numeric_limits<float>::quiet_NaN(), 300}));
    r.add(event(std::numeric_limits<double>::infinity(), 3, PointerPhase::Down, {0, 0}));
    EXPECT_EQ(r.ignoredEvents(), 8u);
    EXPECT_EQ(r.activeContacts(), 0u);
    EXPECT_TRUE(r.update(2).empty());
}

TEST(GestureRecognizer, RandomStreamKeepsMemoryBounded) {
    GestureConfig config = wall();
    config.maxContacts = 32;
    config.maxQueued = 256;
    GestureRecognizer r(config);
    r.setHitTest([](glm::vec2 p) { return std::to_string(static_cast<int>(p.x) / 400); });
    std::mt19937 rng(20240611);
    std::uniform_real_distribution<float> x(0, 3840), y(0, 2160);
    std::uniform_int_distribution<int> phase(0, 19);
    std::vector<std::uint64_t> live;  // went down (maybe refused as one too many) and not yet lifted
    std::uint64_t nextId = 1;
    double t = 0;
    std::size_t mostContacts = 0, mostQueued = 0;
    for (int i = 0; i < 100000; ++i) {
        t += 0.002;
        const int p = phase(rng);
        PointerEvent e = event(t, 0, PointerPhase::Move, {x(rng), y(rng)});
        if (p < 4 || live.empty()) {
            e.phase = PointerPhase::Down;
            e.id = nextId++;
            live.push_back(e.id);
        } else if (p == 4) {
            e.id = nextId + 1000;  // garbage: an id that never went down
        } else {
            const std::size_t k = std::uniform_int_distribution<std::size_t>(0, live.size() - 1)(rng);
            e.id = live[k];
            if (p < 8) {
                e.phase = p < 7 ? PointerPhase::Up : PointerPhase::Cancel;
                live.erase(live.begin() + static_cast<long>(k));
            } else if (p < 14) {
                e.pos = glm::vec2(x(rng), y(rng)) * 0.002f + glm::vec2(1900, 1000);  // jitter about one spot
            }
        }
        r.add(e);
        mostContacts = std::max(mostContacts, r.activeContacts());
        if (i % 100 == 0) mostQueued = std::max(mostQueued, r.update(t).size());
    }
    for (std::uint64_t id : live) r.add(event(t, id, PointerPhase::Up, {100, 100}));
    r.update(t + 1);
    EXPECT_LE(mostContacts, 32u);
    EXPECT_LE(mostQueued, 256u);
    EXPECT_EQ(r.activeContacts(), 0u);
    EXPECT_EQ(r.activeGroups(), 0u);
    EXPECT_GT(r.ignoredEvents(), 0u);

    GestureRecognizer flood(config);
    for (std::uint64_t id = 1; id <= 10000; ++id) flood.add(event(0, id, PointerPhase::Down, {0, 0}));
    EXPECT_EQ(flood.activeContacts(), 32u) << "Downs that never lift cannot grow memory";
    EXPECT_EQ(flood.ignoredEvents(), 10000u - 32u);
}

TEST(GestureRecognizer, QueueIsBoundedWhenUpdateIsNotCalled) {
    GestureConfig config = wall();
    config.maxQueued = 100;
    GestureRecognizer r(config);
    for (std::uint64_t id = 1; id <= 1000; ++id) {
        const double t = static_cast<double>(id);  // a second apart: each one a plain Tap
        r.add(event(t, id, PointerPhase::Down, {100, 100}));
        r.add(event(t + 0.1, id, PointerPhase::Up, {100, 100}));
    }
    EXPECT_EQ(r.update(2000).size(), 100u);
    EXPECT_EQ(r.droppedGestures(), 900u);
    EXPECT_EQ(r.recognized(GestureKind::Tap), 100u) << "counts what was delivered";
    r.add(event(3000, 5000, PointerPhase::Down, {100, 100}));
    r.add(event(3000.1, 5000, PointerPhase::Up, {100, 100}));
    EXPECT_EQ(kinds(r.update(3001)), Names({"Tap"})) << "room again after update()";
}

TEST(GestureRecognizer, SameTraceSameGesturesAtAnyFrameRate) {
    const auto events = merge({stroke(1, 0, 1.0, {300, 500}, {600, 500}), trace("0.40,2,d,1500,500\n0.50,2,u,1501,500"),
                               trace("1.2,3,d,1500,500\n2.0,3,u,1500,500")});
    // Pans are coalesced per frame and PanStart carries the frame's latest event time; the rest
    // happen at their events' (or timers') exact times.
    auto discrete = [](const std::vector<Gesture>& gestures) {
        std::vector<std::string> out;
        for (const Gesture& g : gestures) {
            if (g.kind == GestureKind::Pan) continue;
            out.emplace_back(gestureKindName(g.kind));
            if (g.kind != GestureKind::PanStart) out.back() += "@" + std::to_string(g.time);
        }
        return out;
    };
    GestureRecognizer a(wall()), b(wall());
    EXPECT_EQ(discrete(play(a, events, 60)), discrete(play(b, events, 7)));
}

TEST(GestureRecognizer, RejectsAConfigThatIsNotPhysical) {
    GestureConfig config;
    config.pixelsPerCm = 0;
    try {
        GestureRecognizer r(config);
        FAIL() << "accepted pixelsPerCm = 0";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("pixelsPerCm"), std::string::npos) << e.what();
    }
    config = GestureConfig{};
    config.longPressSeconds = NAN;
    EXPECT_THROW(GestureRecognizer{config}, std::invalid_argument);
}

}  // namespace
}  // namespace exhibit
