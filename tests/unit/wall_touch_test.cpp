// Touches on another rank's outputs of a video wall (app/wall_sync.hpp): the follower reports its
// contacts in canvas px, rank 0 injects them into its TouchInput, and they make gestures there like
// its own, with ids kept apart from its own contacts and from other ranks'.
#include <gtest/gtest.h>

#include "app/touch_input.hpp"

namespace exhibit::test {
namespace {

PointerEvent contact(std::uint64_t id, PointerPhase phase, glm::vec2 pos, double time) {
    PointerEvent e;
    e.id = id;
    e.phase = phase;
    e.pos = pos;
    e.time = time;
    e.source = "sdl";
    return e;
}

TEST(WallTouch, ContactsFromAnotherRankMakeGesturesOnRankZero) {
    const ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    Options options;
    options.tuioPort = 0;
    TouchInput touch(show, options, {5840, 1080});
    touch.beginFrame({1.0, 1.0 / 60, 60});
    // Rank 2 drives the right third of the canvas; a tap there.
    touch.inject({contact(1, PointerPhase::Down, {5000, 500}, 1.0), contact(1, PointerPhase::Up, {5000, 500}, 1.05)}, 2);
    const TouchInput::Frame first = touch.poll(1.06);
    ASSERT_EQ(first.pointers.size(), 2u);
    EXPECT_TRUE(first.touched);
    EXPECT_EQ(first.pointers[0].pos, glm::vec2(5000, 500));
    EXPECT_NE(first.pointers[0].id, 1u) << "ids from another rank are kept apart";
    EXPECT_EQ(first.pointers[0].id >> 56, 2u);

    // The same id from rank 1 is another contact.
    touch.inject({contact(1, PointerPhase::Down, {3000, 500}, 1.1)}, 1);
    const TouchInput::Frame second = touch.poll(1.12);
    ASSERT_EQ(second.pointers.size(), 1u);
    EXPECT_NE(second.pointers[0].id, first.pointers[0].id);
    EXPECT_EQ(second.activeContacts, 1u);

    // The tap is recognised once it is clear it was not the first of a double tap.
    std::vector<Gesture> gestures = first.gestures;
    for (double t = 1.2; t < 2.0; t += 0.05) {
        const auto later = touch.poll(t).gestures;
        gestures.insert(gestures.end(), later.begin(), later.end());
    }
    const auto tap = std::find_if(gestures.begin(), gestures.end(), [](const Gesture& g) { return g.kind == GestureKind::Tap; });
    ASSERT_NE(tap, gestures.end());
    EXPECT_NEAR(tap->pos.x, 5000, 1);
}

}  // namespace
}  // namespace exhibit::test
