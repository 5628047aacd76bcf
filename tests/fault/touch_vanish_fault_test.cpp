// A touch source vanishing mid-gesture, against the real exhibit listening for TUIO 1.1 on a free UDP
// port: a sender (liblo, real UDP, as an IR touch frame) puts a finger down and drags it, then falls
// silent: no more bundles, no removal (the frame lost power or its cable). The stuck-contact timeout
// (input/tuio_receiver, 0.5 s) releases the finger: /api/status shows no contacts and one cancelled,
// the wall kept presenting, and a tap afterwards is an ordinary touch (counted, released, not
// cancelled).
#include <gtest/gtest.h>
#include <lo/lo.h>

#include "tests/fault/fault_fixture.hpp"

namespace exhibit::test {
namespace {

int freeUdpPort() {
    lo_server s = lo_server_new_with_proto(nullptr, LO_UDP, nullptr);
    const int port = lo_server_get_port(s);
    lo_server_free(s);
    return port;
}

// One TUIO 1.1 sender: each frame() is one bundle (source, alive, set..., fseq) on /tuio/2Dcur.
class TuioSender {
public:
    explicit TuioSender(int port) : target_(lo_address_new("127.0.0.1", std::to_string(port).c_str())) {}
    ~TuioSender() { lo_address_free(target_); }
    TuioSender(const TuioSender&) = delete;
    TuioSender& operator=(const TuioSender&) = delete;

    void frame(const std::vector<std::pair<int, std::pair<float, float>>>& fingers) {
        lo_bundle b = lo_bundle_new(lo_timetag{0, 1});  // LO_TT_IMMEDIATE, a C compound literal
        lo_message source = lo_message_new();
        lo_message_add_string(source, "source");
        lo_message_add_string(source, "fault@localhost");
        lo_bundle_add_message(b, "/tuio/2Dcur", source);
        lo_message alive = lo_message_new();
        lo_message_add_string(alive, "alive");
        for (const auto& f : fingers) lo_message_add_int32(alive, f.first);
        lo_bundle_add_message(b, "/tuio/2Dcur", alive);
        for (const auto& [id, pos] : fingers) {
            lo_message set = lo_message_new();
            lo_message_add_string(set, "set");
            lo_message_add_int32(set, id);
            lo_message_add_float(set, pos.first);
            lo_message_add_float(set, pos.second);
            for (int i = 0; i < 3; ++i) lo_message_add_float(set, 0.0f);
            lo_bundle_add_message(b, "/tuio/2Dcur", set);
        }
        lo_message fseq = lo_message_new();
        lo_message_add_string(fseq, "fseq");
        lo_message_add_int32(fseq, fseq_++);
        lo_bundle_add_message(b, "/tuio/2Dcur", fseq);
        EXPECT_GT(lo_send_bundle(target_, b), 0);
        lo_bundle_free_recursive(b);
    }

private:
    lo_address target_;
    int fseq_ = 1;
};

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

    TuioSender sender(port);
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
    TuioSender again(port);
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
