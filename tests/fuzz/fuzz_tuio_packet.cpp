// Fuzz target: one UDP datagram to the TUIO receiver, the way a touch sensor on the network would
// send it: the real TuioReceiver listens on a loopback port and liblo receives, deserialises
// (lo_message_deserialise, bundle parsing) and dispatches it to our OSC handlers.
//
// TuioReceiver has no entry that decodes a datagram without its socket, so each input goes over
// loopback UDP, followed by a sentinel bundle from the same socket. Loopback keeps the order, and
// the receiver thread takes one datagram at a time, so once the sentinel's pointer event (tagged
// with this input's number) comes out of the queue, the input has been fully handled. The receiver
// keeps its state (senders, contacts) from input to input, as it would on a show floor; its
// memory is bounded by the limits in input/tuio_receiver.hpp. Note that liblo itself is Debian's
// build, not instrumented: libFuzzer sees coverage of our handlers only, and AddressSanitizer
// catches liblo's bad accesses only where they hit its interceptors (memcpy, strlen, ...) or fault.
#include <arpa/inet.h>
#include <lo/lo.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "input/pointer.hpp"
#include "input/tuio_receiver.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

namespace {

constexpr const char* kSentinelSource = "exhibit-fuzz-sentinel-7f3a";
constexpr auto kHang = std::chrono::seconds(5);

std::atomic<double> gClock{1000.0};

TuioOptions rigOptions() {
    TuioOptions o;
    o.port = kTuioAnyPort;
    o.maxBundlesPerSecond = INT_MAX;  // the fuzzer sends far faster than any sensor
    o.reapOnThread = false;           // only inputs change the state, so a crash replays
    return o;
}

class Rig {
public:
    Rig() : receiver_(rigOptions(), queue_, [] { return gClock.load(); }) {
        receiver_.start();
        socket_ = socket(AF_INET, SOCK_DGRAM, 0);
        fuzz::fuzzCheck(socket_ >= 0, "cannot open a UDP socket");
        to_.sin_family = AF_INET;
        to_.sin_port = htons(static_cast<std::uint16_t>(receiver_.port()));
        to_.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        sync();  // creates the sentinel's sender before any input can fill the sender table
    }
    ~Rig() {
        receiver_.stop();
        close(socket_);
    }
    Rig(const Rig&) = delete;
    Rig& operator=(const Rig&) = delete;

    void feed(const std::uint8_t* data, std::size_t size) {
        gClock.store(gClock.load() + 0.01);  // 10 ms per datagram: rate windows and filters move on
        send(data, size);
        sync();
    }

private:
    void send(const void* data, std::size_t size) {
        const ssize_t sent =
            sendto(socket_, data, size, 0, reinterpret_cast<const sockaddr*>(&to_), sizeof to_);
        fuzz::fuzzCheck(sent == static_cast<ssize_t>(size), "sendto on loopback failed");
    }

    // A 2Dobj frame from the sentinel source whose tag is this round's number and whose angle
    // flips, so it always yields a Down or a Move carrying the tag.
    void sync() {
        const int tag = ++round_;
        const lo_timetag immediate{0, 1};  // LO_TT_IMMEDIATE, a C compound literal
        lo_bundle bundle = lo_bundle_new(immediate);
        lo_message source = lo_message_new();
        lo_message_add_string(source, "source");
        lo_message_add_string(source, kSentinelSource);
        lo_message alive = lo_message_new();
        lo_message_add_string(alive, "alive");
        lo_message_add_int32(alive, 1);
        lo_message set = lo_message_new();
        lo_message_add_string(set, "set");
        lo_message_add_int32(set, 1);
        lo_message_add_int32(set, tag);
        lo_message_add_float(set, 0.5f);
        lo_message_add_float(set, 0.5f);
        lo_message_add_float(set, (tag % 2) != 0 ? 1.0f : 2.0f);
        for (int i = 0; i < 5; ++i) lo_message_add_float(set, 0.0f);
        lo_message fseq = lo_message_new();
        lo_message_add_string(fseq, "fseq");
        lo_message_add_int32(fseq, -1);
        lo_bundle_add_message(bundle, "/tuio/2Dobj", source);
        lo_bundle_add_message(bundle, "/tuio/2Dobj", alive);
        lo_bundle_add_message(bundle, "/tuio/2Dobj", set);
        lo_bundle_add_message(bundle, "/tuio/2Dobj", fseq);
        std::size_t size = 0;
        void* bytes = lo_bundle_serialise(bundle, nullptr, &size);
        lo_bundle_free_recursive(bundle);
        fuzz::fuzzCheck(bytes != nullptr, "cannot serialise the sentinel bundle");
        send(bytes, size);
        std::free(bytes);

        const std::string sourcePrefix = std::string("tuio:") + kSentinelSource + "@";
        const auto deadline = std::chrono::steady_clock::now() + kHang;
        for (;;) {
            for (const PointerEvent& e : queue_.drain()) {
                if (e.tag == tag && e.source.rfind(sourcePrefix, 0) == 0) return;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                std::fprintf(stderr, "TUIO receiver handled no sentinel for 5 s after this datagram\n");
                std::abort();
            }
            std::this_thread::yield();
        }
    }

    PointerQueue queue_{1u << 16};
    TuioReceiver receiver_;
    int socket_ = -1;
    sockaddr_in to_{};
    int round_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Rig rig;
    if (size > 65507) return 0;  // no UDP datagram is larger
    rig.feed(data, size);
    return 0;
}
