// Regression test for a fuzzer finding (tests/fuzz, fuzz_tuio_packet crash-02bc4a7f): an fseq far
// below the sender's last one (7, then -2147483641) overflowed `lastFseq - fseq` (undefined
// behaviour; in practice it wrapped negative, so the frame was taken as late and dropped instead of
// as a sender restart). Such a jump is more than 100 frames back: the sender restarted, so its
// contacts are cancelled and the new frame applies.
#include <lo/lo.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "input/pointer.hpp"
#include "input/tuio_receiver.hpp"

namespace exhibit {
namespace {

void sendFrame(lo_address to, std::int32_t fseq, bool withContact) {
    const lo_timetag immediate{0, 1};
    lo_bundle b = lo_bundle_new(immediate);
    lo_message alive = lo_message_new();
    lo_message_add_string(alive, "alive");
    if (withContact) lo_message_add_int32(alive, 1);
    lo_bundle_add_message(b, "/tuio/2Dcur", alive);
    if (withContact) {
        lo_message set = lo_message_new();
        lo_message_add_string(set, "set");
        lo_message_add_int32(set, 1);
        lo_message_add_float(set, 0.5f);
        lo_message_add_float(set, 0.5f);
        for (int i = 0; i < 3; ++i) lo_message_add_float(set, 0.0f);
        lo_bundle_add_message(b, "/tuio/2Dcur", set);
    }
    lo_message seq = lo_message_new();
    lo_message_add_string(seq, "fseq");
    lo_message_add_int32(seq, fseq);
    lo_bundle_add_message(b, "/tuio/2Dcur", seq);
    lo_send_bundle(to, b);
    lo_bundle_free_recursive(b);
}

TEST(TuioFseqOverflow, AHugeBackwardJumpIsARestartNotALateFrame) {
    PointerQueue queue;
    TuioOptions options;
    options.port = kTuioAnyPort;
    options.reapOnThread = false;
    TuioReceiver tuio(options, queue, [] { return 10.0; });
    tuio.start();
    lo_address to = lo_address_new("127.0.0.1", std::to_string(tuio.port()).c_str());

    const auto waitFrames = [&](std::uint64_t frames, std::uint64_t dropped) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (std::chrono::steady_clock::now() < deadline) {
            const TuioStats s = tuio.stats();
            if (s.frames + s.droppedTotal() >= frames + dropped) return s;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return tuio.stats();
    };

    sendFrame(to, 7, true);
    TuioStats s = waitFrames(1, 0);
    ASSERT_EQ(s.frames, 1u);
    ASSERT_EQ(s.activeContacts, 1u);

    sendFrame(to, -2147483641, false);  // INT32_MIN + 7
    s = waitFrames(2, 0);
    EXPECT_EQ(s.droppedBy(TuioDrop::LateFrame), 0u);
    EXPECT_EQ(s.frames, 2u);
    EXPECT_EQ(s.cancelled, 1u);
    EXPECT_EQ(s.activeContacts, 0u);

    lo_address_free(to);
    tuio.stop();
}

}  // namespace
}  // namespace exhibit
