// Test support: a TUIO 1.1 touch frame on the network, sending over real UDP with liblo. Each
// frame() is one /tuio/2Dcur bundle: source, alive (the fingers' ids), one set per finger, fseq.
// A finger missing from the next frame has been lifted; a sender that stops calling frame() has
// vanished (the receiver's stuck-contact timeout must release its fingers).
//
//   TuioSender sender(freeUdpPort());   sender.frame({{7, {0.5f, 0.5f}}});   sender.frame({});
#pragma once

#include <gtest/gtest.h>
#include <lo/lo.h>

#include <glm/vec2.hpp>
#include <string>
#include <utility>
#include <vector>

namespace exhibit::test {

// A UDP port that was free a moment ago (liblo picks it).
inline int freeUdpPort() {
    lo_server s = lo_server_new_with_proto(nullptr, LO_UDP, nullptr);
    const int port = lo_server_get_port(s);
    lo_server_free(s);
    return port;
}

class TuioSender {
public:
    explicit TuioSender(int port, std::string source = "test@localhost")
        : target_(lo_address_new("127.0.0.1", std::to_string(port).c_str())), source_(std::move(source)) {}
    ~TuioSender() { lo_address_free(target_); }
    TuioSender(const TuioSender&) = delete;
    TuioSender& operator=(const TuioSender&) = delete;

    // The fingers down now: session id and position normalised to the output (0..1).
    void frame(const std::vector<std::pair<int, glm::vec2>>& fingers) {
        lo_bundle b = lo_bundle_new(lo_timetag{0, 1});  // LO_TT_IMMEDIATE, a C compound literal
        lo_message source = lo_message_new();
        lo_message_add_string(source, "source");
        lo_message_add_string(source, source_.c_str());
        lo_bundle_add_message(b, "/tuio/2Dcur", source);
        lo_message alive = lo_message_new();
        lo_message_add_string(alive, "alive");
        for (const auto& finger : fingers) lo_message_add_int32(alive, finger.first);
        lo_bundle_add_message(b, "/tuio/2Dcur", alive);
        for (const auto& [id, pos] : fingers) {
            lo_message set = lo_message_new();
            lo_message_add_string(set, "set");
            lo_message_add_int32(set, id);
            lo_message_add_float(set, pos.x);
            lo_message_add_float(set, pos.y);
            for (int i = 0; i < 3; ++i) lo_message_add_float(set, 0.0f);  // velocity x, y, acceleration
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
    std::string source_;
    int fseq_ = 1;
};

}  // namespace exhibit::test
