// A touch source vanishing mid-gesture, against the real exhibit listening for TUIO 1.1 on a free UDP
// port: a sender (liblo, real UDP, as an IR touch frame) puts a finger down and drags it, then falls
// silent: no more bundles, no removal (the frame lost power or its cable). The stuck-contact timeout
// (input/tuio_receiver, 0.5 s) releases the finger: /api/status shows no contacts and one cancelled,
// the wall kept presenting, and a tap afterwards is an ordinary touch (counted, released, not
// cancelled).
#include <gtest/gtest.h>

#include "tests/fault/fault_fixture.hpp"
#include "tests/support/tuio_sender.hpp"

namespace exhibit::test {
namespace {

TEST(FaultTouch, ASenderVanishingMidGestureReleasesItsFingerAndTheNextTapWorks) {
    const int port = freeUdpPort();
    TempDir dir("fault-touch");
    Wall wall(dir.path(), "fault-touch.log", {"--tuio", std::to_string(port)});
    ASSERT_TRUE(wall.start());
    ASSERT_NE(wall.log().find("TUIO 1.1 on UDP port " + std::to_string(port)), std::string::npos) << wall.log();
    auto touch = [&] { return wall.status().value("touch", json::object()); };
    auto count = [&](const char* key) {
        const json t = touch();
        return t.contains(key) ? t[key].get<long long>() : -1;
    };
    ASSERT_EQ(count("cancelled"), 0) << touch().dump();

    TuioSender sender(port, "fault@localhost");
    // A finger down and dragging, a frame every 20 ms, until the wall shows it.
    float x = 0.3f;
    ASSERT_TRUE(eventually([&] {
        sender.frame({{7, {x, 0.5f}}});
        x = std::min(0.7f, x + 0.01f);
        return count("contacts") == 1;
    })) << touch().dump() << wall.log();
    for (int i = 0; i < 5; ++i) {
        sender.frame({{7, {x, 0.5f}}});
        x += 0.01f;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // ...and the sender falls silent mid-drag.
    ASSERT_TRUE(eventually([&] { return count("contacts") == 0; })) << touch().dump() << wall.log();
    EXPECT_EQ(count("cancelled"), 1) << touch().dump();
    EXPECT_TRUE(wall.presents()) << "the wall stopped presenting after the touch source vanished";
    const long long touches = count("touches");
    EXPECT_GE(touches, 1);

    // The frame comes back: a tap (down, then up with an empty alive list) is an ordinary touch.
    TuioSender again(port, "fault@localhost");
    again.frame({{8, {0.5f, 0.5f}}});
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    again.frame({});
    EXPECT_TRUE(eventually([&] { return count("touches") == touches + 1; })) << touch().dump();
    EXPECT_TRUE(eventually([&] { return count("contacts") == 0; })) << touch().dump();
    EXPECT_EQ(count("cancelled"), 1) << touch().dump();  // released by its sender, not by the timeout
    EXPECT_TRUE(wall.presents());
    EXPECT_EQ(wall.stop(), 0) << wall.log();
    EXPECT_EQ(wall.log().find("[error]"), std::string::npos) << wall.log();
}

}  // namespace
}  // namespace exhibit::test
