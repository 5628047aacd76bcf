// TuioReceiver against real TUIO over loopback UDP: the test sends OSC bundles with liblo to the
// receiver's port and reads the PointerEvents it pushes. Time is a manual clock the test moves;
// nothing asserts wall-clock durations (waits only poll, with a generous deadline, for packets that
// are on their way).
#include "input/tuio_receiver.hpp"

#include <arpa/inet.h>
#include <lo/lo.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace exhibit {
namespace {

template <typename Predicate>
bool eventually(Predicate predicate) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return predicate();
}

struct Cur {
    std::int32_t session;
    float x, y;
};
struct Obj {
    std::int32_t session;
    std::int32_t classId;
    float x, y, angle;
};

// One TUIO sender: its own UDP socket (so its host:port differs from other senders) and an optional
// source name.
class Sender {
public:
    Sender(int port, std::string source = "") : source_(std::move(source)) {
        server_ = lo_server_new_with_proto(nullptr, LO_UDP, nullptr);
        target_ = lo_address_new("127.0.0.1", std::to_string(port).c_str());
    }
    ~Sender() {
        lo_address_free(target_);
        lo_server_free(server_);
    }
    Sender(const Sender&) = delete;
    Sender& operator=(const Sender&) = delete;

    int port() const { return lo_server_get_port(server_); }
    void setSource(std::string source) { source_ = std::move(source); }
    void sendAlive(bool on) { sendAlive_ = on; }  // off: frames of sets only

    void cursors(std::int32_t fseq, const std::vector<std::int32_t>& alive, const std::vector<Cur>& sets) {
        lo_bundle b = lo_bundle_new(timeTag_);
        addFrameStart(b, "/tuio/2Dcur", alive);
        for (const Cur& c : sets) {
            lo_message m = lo_message_new();
            lo_message_add_string(m, "set");
            lo_message_add_int32(m, c.session);
            lo_message_add_float(m, c.x);
            lo_message_add_float(m, c.y);
            for (int i = 0; i < 3; ++i) lo_message_add_float(m, 0.0f);  // X Y m
            lo_bundle_add_message(b, "/tuio/2Dcur", m);
        }
        addFseq(b, "/tuio/2Dcur", fseq);
        send(b);
    }

    void objects(std::int32_t fseq, const std::vector<std::int32_t>& alive, const std::vector<Obj>& sets) {
        lo_bundle b = lo_bundle_new(timeTag_);
        addFrameStart(b, "/tuio/2Dobj", alive);
        for (const Obj& o : sets) {
            lo_message m = lo_message_new();
            lo_message_add_string(m, "set");
            lo_message_add_int32(m, o.session);
            lo_message_add_int32(m, o.classId);
            lo_message_add_float(m, o.x);
            lo_message_add_float(m, o.y);
            lo_message_add_float(m, o.angle);
            for (int i = 0; i < 5; ++i) lo_message_add_float(m, 0.0f);  // X Y A m r
            lo_bundle_add_message(b, "/tuio/2Dobj", m);
        }
        addFseq(b, "/tuio/2Dobj", fseq);
        send(b);
    }

    // A bundle of arbitrary messages (each already built), closed by an fseq when asked.
    void bundle(const std::vector<std::pair<std::string, lo_message>>& messages, std::optional<std::int32_t> fseq) {
        lo_bundle b = lo_bundle_new(timeTag_);
        for (const auto& [path, m] : messages) lo_bundle_add_message(b, path.c_str(), m);
        if (fseq) addFseq(b, "/tuio/2Dcur", *fseq);
        send(b);
    }

    void setTimeTag(lo_timetag tag) { timeTag_ = tag; }

    void message(const char* path, lo_message m) {
        lo_send_message_from(target_, server_, path, m);
        lo_message_free(m);
    }

private:
    void addFrameStart(lo_bundle b, const char* path, const std::vector<std::int32_t>& alive) {
        if (!source_.empty()) {
            lo_message m = lo_message_new();
            lo_message_add_string(m, "source");
            lo_message_add_string(m, source_.c_str());
            lo_bundle_add_message(b, path, m);
        }
        if (!sendAlive_) return;
        lo_message m = lo_message_new();
        lo_message_add_string(m, "alive");
        for (std::int32_t s : alive) lo_message_add_int32(m, s);
        lo_bundle_add_message(b, path, m);
    }
    static void addFseq(lo_bundle b, const char* path, std::int32_t fseq) {
        lo_message m = lo_message_new();
        lo_message_add_string(m, "fseq");
        lo_message_add_int32(m, fseq);
        lo_bundle_add_message(b, path, m);
    }
    void send(lo_bundle b) {
        EXPECT_GT(lo_send_bundle_from(target_, server_, b), 0);
        lo_bundle_free_recursive(b);
    }

    std::string source_;
    bool sendAlive_ = true;
    lo_timetag timeTag_{0, 1};  // LO_TT_IMMEDIATE (a C compound literal)
    lo_server server_ = nullptr;
    lo_address target_ = nullptr;
};

lo_message msg(const char* command) {
    lo_message m = lo_message_new();
    lo_message_add_string(m, command);
    return m;
}

class Tuio : public ::testing::Test {
protected:
    void startReceiver(TuioOptions options = {}) {
        options.port = kTuioAnyPort;
        receiver_.emplace(options, *queue_, [this] { return now_.load(); });
        receiver_->start();
        ASSERT_TRUE(receiver_->running());
        ASSERT_GT(receiver_->port(), 0);
    }
    static TuioOptions unfiltered() {
        TuioOptions o;
        o.filter = false;
        return o;
    }
    TuioReceiver& rx() { return *receiver_; }
    int port() { return receiver_->port(); }

    // Waits until the receiver has seen `frames` frames (applied) plus `dropped` dropped messages in
    // total, then returns every event pushed so far.
    std::vector<PointerEvent>& waitFor(std::uint64_t frames, std::uint64_t dropped = 0) {
        EXPECT_TRUE(eventually([&] {
            const TuioStats s = rx().stats();
            return s.frames >= frames && s.droppedTotal() >= dropped;
        })) << "frames " << rx().stats().frames << "/" << frames << ", dropped " << rx().stats().droppedTotal()
            << "/" << dropped;
        collect();
        return events_;
    }
    std::vector<PointerEvent>& collect() {
        for (PointerEvent& e : queue_->drain()) events_.push_back(std::move(e));
        return events_;
    }
    std::vector<PointerEvent> take() {
        collect();
        return std::exchange(events_, {});
    }
    // Flow control for floods, not a timing assertion: lets the receiver catch up with `sent` bundles
    // so the kernel does not drop most of the datagrams; gives up after 50 ms without progress (UDP
    // may lose a few).
    void pace(std::uint64_t sent) {
        std::uint64_t last = rx().stats().bundles;
        auto lastChange = std::chrono::steady_clock::now();
        while (last < sent) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            const std::uint64_t b = rx().stats().bundles;
            if (b != last) {
                last = b;
                lastChange = std::chrono::steady_clock::now();
            } else if (std::chrono::steady_clock::now() - lastChange > std::chrono::milliseconds(50)) {
                return;
            }
        }
    }

    std::atomic<double> now_{10.0};
    std::unique_ptr<PointerQueue> queue_ = std::make_unique<PointerQueue>();
    std::optional<TuioReceiver> receiver_;
    std::vector<PointerEvent> events_;
};

TEST_F(Tuio, CursorDownMoveUpOverUdp) {
    startReceiver(unfiltered());
    Sender sender(port());
    sender.cursors(1, {5}, {{5, 0.5f, 0.5f}});
    waitFor(1);
    now_ = 10.1;
    sender.cursors(2, {5}, {{5, 0.25f, 0.5f}});
    waitFor(2);
    now_ = 10.2;
    sender.cursors(3, {5}, {{5, 0.25f, 0.5f}});  // same position: nothing to tell
    sender.cursors(4, {}, {});
    const auto events = (waitFor(4), take());

    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].phase, PointerPhase::Down);
    EXPECT_EQ(events[0].kind, PointerKind::TuioCursor);
    EXPECT_EQ(events[0].pos, glm::vec2(960, 540));
    EXPECT_EQ(events[0].time, 10.0);
    EXPECT_EQ(events[0].tag, -1);
    EXPECT_EQ(events[0].source, "tuio:@127.0.0.1:" + std::to_string(sender.port()));
    EXPECT_EQ(events[1].phase, PointerPhase::Move);
    EXPECT_EQ(events[1].pos, glm::vec2(480, 540));
    EXPECT_EQ(events[1].time, 10.1);
    EXPECT_EQ(events[2].phase, PointerPhase::Up);
    EXPECT_EQ(events[2].pos, glm::vec2(480, 540));
    EXPECT_NE(events[0].id, 0u);
    EXPECT_EQ(events[1].id, events[0].id);
    EXPECT_EQ(events[2].id, events[0].id);

    // The sender reuses session 5 for a new touch: a new pointer id, never an old one.
    sender.cursors(5, {5}, {{5, 0.1f, 0.1f}});
    const auto again = (waitFor(5), take());
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].phase, PointerPhase::Down);
    EXPECT_GT(again[0].id, events[0].id);

    const TuioStats s = rx().stats();
    EXPECT_EQ(s.bundles, 5u);
    EXPECT_EQ(s.messages, 5u * 2 + 4);  // alive + fseq each, and four sets
    EXPECT_EQ(s.frames, 5u);
    EXPECT_EQ(s.events, 4u);
    EXPECT_EQ(s.activeContacts, 1u);
    EXPECT_EQ(s.senders, 1u);
    EXPECT_EQ(s.droppedTotal(), 0u);
}

TEST_F(Tuio, CountsEventsPerSecondOnTheClock) {
    TuioOptions options = unfiltered();
    options.reapOnThread = false;  // the clock jumps past the contact timeout below
    startReceiver(options);
    Sender sender(port());
    for (int i = 0; i < 10; ++i) {  // a Down and nine Moves over 0.9 s
        now_ = 10.0 + 0.1 * i;
        sender.cursors(1 + i, {1}, {{1, 0.1f * static_cast<float>(i), 0.5f}});
        waitFor(1 + static_cast<std::uint64_t>(i));
    }
    EXPECT_EQ(rx().stats().eventsPerSecond, 0.0) << "no second completed yet";
    now_ = 12.0;
    EXPECT_DOUBLE_EQ(rx().stats().eventsPerSecond, 10.0 / 2.0);
    EXPECT_EQ(rx().stats().events, 10u);
}

TEST_F(Tuio, TwoNamedSendersAreMergedWithDistinctIds) {
    startReceiver(unfiltered());
    Sender left(port(), "leftframe@10.0.0.1");
    Sender right(port(), "rightframe@10.0.0.2");
    left.cursors(1, {1}, {{1, 0.1f, 0.5f}});
    right.cursors(1, {1}, {{1, 0.9f, 0.5f}});  // same session id and fseq, another sender
    auto events = (waitFor(2), take());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_NE(events[0].id, events[1].id);
    EXPECT_NE(events[0].source, events[1].source);
    const bool leftFirst = events[0].source.starts_with("tuio:leftframe@10.0.0.1@127.0.0.1:");
    const PointerEvent l = leftFirst ? events[0] : events[1];
    const PointerEvent r = leftFirst ? events[1] : events[0];
    EXPECT_EQ(l.pos.x, 192.0f);
    EXPECT_TRUE(r.source.starts_with("tuio:rightframe@10.0.0.2@")) << r.source;
    EXPECT_EQ(r.pos.x, 1728.0f);

    left.cursors(2, {}, {});  // left lifts; right's contact with the same session id stays
    events = (waitFor(3), take());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].phase, PointerPhase::Up);
    EXPECT_EQ(events[0].id, l.id);
    EXPECT_EQ(rx().stats().activeContacts, 1u);
    EXPECT_EQ(rx().stats().senders, 2u);
}

TEST_F(Tuio, SourceNamesTellApartFramesBridgedThroughOneAddress) {
    startReceiver(unfiltered());
    Sender bridge(port());  // one socket forwarding two tables' frames, each under its own name
    bridge.setSource("tableA");
    bridge.cursors(1, {1}, {{1, 0.1f, 0.1f}});
    bridge.setSource("tableB");
    bridge.cursors(1, {1}, {{1, 0.9f, 0.9f}});
    auto events = (waitFor(2), take());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_NE(events[0].id, events[1].id);
    bridge.setSource("tableA");
    bridge.cursors(2, {}, {});
    events = (waitFor(3), take());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].phase, PointerPhase::Up);
    EXPECT_TRUE(events[0].source.starts_with("tuio:tableA@")) << events[0].source;
    EXPECT_EQ(rx().stats().activeContacts, 1u);
}

TEST_F(Tuio, UnnamedSendersAreToldApartByAddress) {
    startReceiver(unfiltered());
    Sender a(port()), b(port());
    a.cursors(7, {3}, {{3, 0.2f, 0.2f}});
    b.cursors(7, {3}, {{3, 0.8f, 0.8f}});
    const auto events = (waitFor(2), take());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_NE(events[0].id, events[1].id);
    EXPECT_EQ(rx().stats().senders, 2u);
}

TEST_F(Tuio, TangibleCarriesClassIdAndAngle) {
    startReceiver(unfiltered());
    Sender sender(port(), "table");
    sender.objects(1, {3}, {{3, 42, 0.5f, 0.25f, 1.5f}});
    waitFor(1);
    now_ = 10.05;
    sender.objects(2, {3}, {{3, 42, 0.5f, 0.25f, 2.0f}});  // turned in place
    sender.objects(3, {}, {});
    const auto events = (waitFor(3), take());
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].phase, PointerPhase::Down);
    EXPECT_EQ(events[0].kind, PointerKind::TuioObject);
    EXPECT_EQ(events[0].tag, 42);
    EXPECT_FLOAT_EQ(events[0].angle, 1.5f);
    EXPECT_EQ(events[0].pos, glm::vec2(960, 270));
    EXPECT_EQ(events[1].phase, PointerPhase::Move);
    EXPECT_FLOAT_EQ(events[1].angle, 2.0f);
    EXPECT_EQ(events[1].pos, events[0].pos);
    EXPECT_EQ(events[2].phase, PointerPhase::Up);
    EXPECT_EQ(events[2].tag, 42);
}

TEST_F(Tuio, LeavingTheAliveSetIsUpForThatContactOnly) {
    startReceiver(unfiltered());
    Sender sender(port());
    sender.cursors(1, {1, 2, 3}, {{1, 0.1f, 0.1f}, {2, 0.2f, 0.2f}, {3, 0.3f, 0.3f}});
    auto events = (waitFor(1), take());
    ASSERT_EQ(events.size(), 3u);
    const std::uint64_t second = events[1].id;
    sender.cursors(2, {1, 3}, {});
    events = (waitFor(2), take());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].phase, PointerPhase::Up);
    EXPECT_EQ(events[0].id, second);
    EXPECT_EQ(events[0].pos, glm::vec2(384, 216));
    EXPECT_EQ(rx().stats().activeContacts, 2u);
}

TEST_F(Tuio, SilentContactIsCancelledAfterTheTimeout) {
    TuioOptions options = unfiltered();
    options.reapOnThread = false;  // only the explicit reap() calls below
    startReceiver(options);
    Sender sender(port());
    sender.cursors(1, {1}, {{1, 0.5f, 0.5f}});
    waitFor(1);
    rx().reap(10.4);
    EXPECT_EQ(take().size(), 1u) << "the Down only: still within 0.5 s";
    rx().reap(10.51);
    const auto events = take();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].phase, PointerPhase::Cancel);
    EXPECT_EQ(events[0].time, 10.51);
    EXPECT_EQ(rx().stats().activeContacts, 0u);
    EXPECT_EQ(rx().stats().cancelled, 1u);
    EXPECT_EQ(rx().stats().senders, 0u) << "the silent sender is forgotten too";
}

TEST_F(Tuio, AliveKeepsAStillContactAndASilentSenderLosesItsContacts) {
    TuioOptions options = unfiltered();
    options.contactTimeout = 0.3;
    startReceiver(options);  // the thread reaps too, on the same manual clock
    Sender steady(port(), "steady"), flaky(port(), "flaky");
    steady.cursors(1, {1}, {{1, 0.1f, 0.1f}});
    flaky.cursors(1, {1}, {{1, 0.9f, 0.9f}});
    waitFor(2);
    for (int i = 1; i <= 5; ++i) {  // only `steady` keeps sending its alive list, no sets
        now_ = 10.0 + 0.2 * i;
        steady.cursors(1 + i, {1}, {});
        waitFor(2 + static_cast<std::uint64_t>(i));
        rx().reap(now_);
    }
    const auto events = take();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[2].phase, PointerPhase::Cancel);
    EXPECT_TRUE(events[2].source.starts_with("tuio:flaky@")) << events[2].source;
    EXPECT_EQ(events[2].time, 10.4) << "cancelled on the first reap past 0.3 s";
    EXPECT_EQ(rx().stats().activeContacts, 1u);
    EXPECT_EQ(rx().stats().senders, 1u);
}

TEST_F(Tuio, AContactTheSenderStopsMentioningIsCancelledOnItsOwn) {
    TuioOptions options = unfiltered();
    options.reapOnThread = false;
    startReceiver(options);
    Sender sender(port());
    // Frames without alive lists (a tracker that lost its Up): contact 1 is never mentioned again.
    sender.sendAlive(false);
    sender.cursors(1, {}, {});
    sender.cursors(2, {}, {{1, 0.1f, 0.1f}, {2, 0.2f, 0.2f}});
    waitFor(2);
    for (int i = 1; i <= 3; ++i) {
        now_ = 10.0 + 0.2 * i;
        sender.bundle({{"/tuio/2Dcur", [&] {
                            lo_message m = msg("set");
                            lo_message_add_int32(m, 2);
                            for (float v : {0.2f + 0.01f * static_cast<float>(i), 0.2f, 0.f, 0.f, 0.f}) {
                                lo_message_add_float(m, v);
                            }
                            return m;
                        }()}},
                      2 + i);
        waitFor(2 + static_cast<std::uint64_t>(i));
        rx().reap(now_);
    }
    const auto events = take();
    ASSERT_EQ(events.size(), 6u);  // two Downs, Moves of 2 at 10.2, 10.4, 10.6, Cancel of 1 at 10.6
    EXPECT_EQ(events[4].phase, PointerPhase::Move);
    EXPECT_EQ(events[5].phase, PointerPhase::Cancel);
    EXPECT_EQ(events[5].id, events[0].id);
    EXPECT_EQ(events[5].time, 10.6);
    EXPECT_EQ(rx().stats().activeContacts, 1u);
    EXPECT_EQ(rx().stats().cancelled, 1u);
}

TEST_F(Tuio, AFrameOfMoreThanAThousandSetsIsCappedAndCounted) {
    startReceiver(unfiltered());
    Sender sender(port());
    std::vector<Cur> sets;
    for (int i = 0; i < 1001; ++i) sets.push_back({i, 0.5f, 0.5f});
    sender.sendAlive(false);  // without an alive list the sets alone would make contacts
    sender.cursors(1, {}, sets);
    const auto events = (waitFor(1, 1), take());
    EXPECT_EQ(events.size(), 1000u);
    EXPECT_EQ(rx().stats().droppedBy(TuioDrop::TooManySets), 1u);
    EXPECT_EQ(rx().stats().activeContacts, 1000u);
}

TEST_F(Tuio, LateFramesAreIgnoredAndARestartStartsAfresh) {
    startReceiver(unfiltered());
    Sender sender(port());
    sender.cursors(10, {1}, {{1, 0.5f, 0.5f}});
    waitFor(1);
    sender.cursors(9, {1}, {{1, 0.1f, 0.1f}});  // arrived late: older than frame 10
    waitFor(1, 1);                              // the whole frame counts as one late frame
    EXPECT_EQ(rx().stats().droppedBy(TuioDrop::LateFrame), 1u);
    sender.cursors(10, {1}, {{1, 0.5f, 0.5f}});  // a repeat of the same frame changes nothing
    sender.cursors(11, {1}, {{1, 0.6f, 0.5f}});
    auto events = (waitFor(3), take());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].phase, PointerPhase::Down);
    EXPECT_EQ(events[1].phase, PointerPhase::Move);
    EXPECT_EQ(events[1].pos.x, 0.6f * 1920);

    // Frame 2 after frame 11 is far more than late: the tracker restarted. Its old contacts are
    // cancelled and session 1 is a new touch.
    sender.cursors(500, {1}, {{1, 0.6f, 0.5f}});
    sender.cursors(2, {1}, {{1, 0.3f, 0.3f}});
    events = (waitFor(5), take());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].phase, PointerPhase::Cancel);
    EXPECT_EQ(events[1].phase, PointerPhase::Down);
    EXPECT_NE(events[1].id, events[0].id);
    EXPECT_EQ(rx().stats().droppedBy(TuioDrop::LateFrame), 1u);
}

TEST_F(Tuio, KeepAliveFramesAndFutureTimeTagsApplyAtOnce) {
    startReceiver(unfiltered());
    Sender sender(port());
    sender.cursors(20, {1}, {{1, 0.5f, 0.5f}});
    sender.cursors(-1, {1}, {{1, 0.25f, 0.5f}});  // fseq -1: a redundant frame, never late
    sender.cursors(15, {1}, {{1, 0.75f, 0.5f}});  // still late against 20
    lo_timetag future;
    lo_timetag_now(&future);
    future.sec += 3600;  // an hour ahead: not queued (unbounded memory), applied as it arrives
    sender.setTimeTag(future);
    sender.cursors(21, {1}, {{1, 0.5f, 0.25f}});
    const auto events = (waitFor(3, 1), take());
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[1].pos, glm::vec2(480, 540));
    EXPECT_EQ(events[2].pos, glm::vec2(960, 270));
    EXPECT_EQ(rx().stats().droppedBy(TuioDrop::LateFrame), 1u);
}

TEST_F(Tuio, MalformedInputIsDroppedAndCountedByReason) {
    startReceiver(unfiltered());
    Sender sender(port());
    const auto set = [](auto... args) {
        lo_message m = msg("set");
        (
            [&] {
                if constexpr (std::is_same_v<decltype(args), int>) lo_message_add_int32(m, args);
                else if constexpr (std::is_same_v<decltype(args), float>) lo_message_add_float(m, args);
                else lo_message_add_string(m, args);
            }(),
            ...);
        return std::pair<std::string, lo_message>("/tuio/2Dcur", m);
    };
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    // One bundle, one frame: every bad message is dropped, the good set still applies.
    sender.bundle({set(1, "x", 0.5f, 0.f, 0.f, 0.f),  // string where x goes
                   set(2, 0.5f, 0.5f),                // too few arguments
                   set(3, nan, 0.5f, 0.f, 0.f, 0.f),
                   set(4, 0.5f, inf, 0.f, 0.f, 0.f),
                   set(5, 1.5f, 0.5f, 0.f, 0.f, 0.f),  // outside [-0.1, 1.1]
                   set(6, 0.5f, -0.2f, 0.f, 0.f, 0.f),
                   set(7, 1.05f, -0.05f, 0.f, 0.f, 0.f),  // slightly off the sensor: fine, clamped
                   {"/tuio/2Dblb", msg("alive")},
                   {"/tuio/2Dcur", msg("explode")},
                   {"/tuio/2Dcur", lo_message_new()}},  // no command at all
                  1);
    {
        lo_message huge = msg("alive");
        for (int i = 0; i < 5000; ++i) lo_message_add_int32(huge, i);
        lo_message badAlive = msg("alive");
        lo_message_add_float(badAlive, 1.0f);
        lo_message badFseq = msg("fseq");
        lo_message_add_string(badFseq, "one");
        sender.bundle({{"/tuio/2Dcur", huge}, {"/tuio/2Dcur", badAlive}, {"/tuio/2Dcur", badFseq}}, std::nullopt);
    }
    {
        lo_message obj = msg("set");  // a tangible with an infinite angle
        lo_message_add_int32(obj, 9);
        lo_message_add_int32(obj, 1);
        for (float v : {0.5f, 0.5f, inf, 0.f, 0.f, 0.f, 0.f, 0.f}) lo_message_add_float(obj, v);
        sender.bundle({{"/tuio/2Dobj", obj}}, std::nullopt);
    }
    sender.message("/tuio/2Dcur", msg("alive"));  // not in a bundle
    {
        const int raw = socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(static_cast<std::uint16_t>(port()));
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const char garbage[] = "not OSC at all";
        const char truncated[] = "#bundle\0\0\0\0\0\0\0\0\1\0\0\0\x40/tuio";
        sendto(raw, garbage, sizeof garbage, 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
        sendto(raw, truncated, sizeof truncated - 1, 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
        close(raw);
    }
    const auto events = (waitFor(1, 16), take());
    const TuioStats s = rx().stats();
    EXPECT_EQ(s.droppedBy(TuioDrop::WrongTypes), 5u);  // set "x", short set, alive 1.0, fseq "one", no command
    EXPECT_EQ(s.droppedBy(TuioDrop::NotFinite), 3u);
    EXPECT_EQ(s.droppedBy(TuioDrop::OutOfRange), 2u);
    EXPECT_EQ(s.droppedBy(TuioDrop::UnknownAddress), 1u);
    EXPECT_EQ(s.droppedBy(TuioDrop::UnknownCommand), 1u);
    EXPECT_EQ(s.droppedBy(TuioDrop::AliveTooLong), 1u);
    EXPECT_EQ(s.droppedBy(TuioDrop::NotInBundle), 1u);
    EXPECT_EQ(s.droppedBy(TuioDrop::Malformed), 2u);
    EXPECT_EQ(s.droppedTotal(), 16u);
    for (std::size_t i = 0; i < kTuioDropCount; ++i) {
        EXPECT_NE(tuioDropName(static_cast<TuioDrop>(i)), "unknown");
    }
    ASSERT_EQ(events.size(), 1u) << "only the good set became a contact";
    EXPECT_EQ(events[0].phase, PointerPhase::Down);
    EXPECT_EQ(events[0].pos, glm::vec2(1920, 0));

    // And the receiver carries on.
    sender.cursors(2, {7}, {{7, 0.5f, 0.5f}});
    const auto after = (waitFor(2), take());
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].phase, PointerPhase::Move);
    EXPECT_EQ(after[0].pos, glm::vec2(960, 540));
}

TEST_F(Tuio, AFloodStaysWithinTheQueueBoundAndTheReceiverStaysResponsive) {
    TuioOptions options = unfiltered();
    options.maxBundlesPerSecond = 1000000;  // let the whole flood through to the queue
    queue_ = std::make_unique<PointerQueue>(256);
    startReceiver(options);
    Sender flooder(port(), "flood");
    Sender visitor(port(), "visitor");
    constexpr int kFlood = 20000;  // bundles of source, alive, set, fseq: 80k messages, each frame a move
    for (int i = 0; i < kFlood; ++i) {
        flooder.cursors(1 + i, {1}, {{1, static_cast<float>(i % 1000) / 1000.0f, 0.5f}});
        if (i == kFlood / 2) visitor.cursors(1, {1}, {{1, 0.5f, 0.5f}});  // a visitor touches mid-flood
        if (i % 50 == 49) pace(static_cast<std::uint64_t>(i + 1 + (i >= kFlood / 2 ? 1 : 0)));
    }
    // Nobody drained the queue during the flood.
    const auto events = take();
    std::size_t downs = 0;
    for (const auto& e : events) downs += e.phase == PointerPhase::Down ? 1 : 0;
    EXPECT_LE(events.size(), 256u) << "the queue never held more than its bound";
    EXPECT_EQ(downs, 2u) << "the flood's Down and the visitor's are kept";
    const TuioStats s = rx().stats();
    EXPECT_GT(s.frames, 1000u) << "the flood reached the receiver";
    EXPECT_GT(queue_->dropped(), 0u);
    EXPECT_LE(s.activeContacts, 2u);

    // Still responsive: a new touch right after the flood comes through.
    EXPECT_TRUE(eventually([&] {
        visitor.cursors(2, {1, 2}, {{2, 0.25f, 0.25f}});
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return rx().stats().activeContacts == 3;
    }));
    const auto after = take();
    ASSERT_GE(after.size(), 1u);
    EXPECT_EQ(after.back().phase, PointerPhase::Down);
    EXPECT_EQ(after.back().pos, glm::vec2(480, 270));
}

TEST_F(Tuio, AFloodFromOneSenderIsRateLimited) {
    TuioOptions options = unfiltered();
    options.maxBundlesPerSecond = 100;
    options.reapOnThread = false;  // the clock jumps a whole second below
    startReceiver(options);
    Sender flooder(port(), "flood");
    constexpr int kFlood = 20000;
    for (int i = 0; i < kFlood; ++i) {
        flooder.cursors(1 + i, {1}, {{1, 0.5f, 0.5f}});
        if (i % 50 == 49) pace(static_cast<std::uint64_t>(i + 1));
    }
    pace(kFlood);
    // The clock does not move: after 100 bundles the rest of this second's traffic is dropped, each
    // of its four messages counted.
    const TuioStats s = rx().stats();
    EXPECT_EQ(s.frames, 100u);
    EXPECT_GT(s.droppedBy(TuioDrop::RateLimited), 4u * 1000);
    EXPECT_EQ(s.droppedBy(TuioDrop::RateLimited), 4 * (s.bundles - s.frames));
    EXPECT_EQ(s.activeContacts, 1u);

    // Another sender is not held back by this one.
    Sender visitor(port(), "visitor");
    visitor.cursors(1, {1}, {{1, 0.5f, 0.5f}});
    waitFor(101);
    // A second later the flooder is heard again.
    now_ = 11.0;
    flooder.cursors(100000, {}, {});
    EXPECT_TRUE(eventually([&] { return rx().stats().activeContacts == 1; }));
    const auto events = take();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].phase, PointerPhase::Down);
    EXPECT_EQ(events[1].phase, PointerPhase::Down);
    EXPECT_EQ(events[2].phase, PointerPhase::Up);
    EXPECT_EQ(events[2].id, events[0].id);
}

TEST_F(Tuio, FilteringSmoothsARestingFingerInWallPixels) {
    startReceiver();  // One Euro on, the defaults
    Sender sender(port());
    sender.cursors(1, {1}, {{1, 0.5f, 0.5f}});
    waitFor(1);
    float worst = 0;
    for (int i = 1; i <= 60; ++i) {  // +-2 px of jitter at 60 Hz
        now_ = 10.0 + i / 60.0;
        const float jitter = (i % 2 ? 2.0f : -2.0f) / 1920.0f;
        sender.cursors(1 + i, {1}, {{1, 0.5f + jitter, 0.5f}});
        waitFor(1 + static_cast<std::uint64_t>(i));
    }
    for (const auto& e : take()) worst = std::max(worst, std::abs(e.pos.x - 960.0f));
    EXPECT_LT(worst, 1.0f) << "raw jitter is 2 px";
}

TEST_F(Tuio, ThreeByOneWallWithBezels) {
    TuioOptions options = unfiltered();
    options.mapping.columns = 3;
    options.mapping.bezelX = 60;
    startReceiver(options);
    Sender sender(port());
    sender.cursors(1, {1, 2}, {{1, 2080.0f / 5880.0f, 0.5f}, {2, 1950.0f / 5880.0f, 0.5f}});
    const auto events = (waitFor(1), take());
    ASSERT_EQ(events.size(), 2u);
    EXPECT_NEAR(events[0].pos.x, 2020, 0.01);
    EXPECT_NEAR(events[1].pos.x, 1920, 0.01) << "on the bezel: the seam";
}

TEST_F(Tuio, StopCancelsContactsAndFreesThePort) {
    startReceiver(unfiltered());
    const int p = port();
    Sender sender(p);
    sender.cursors(1, {1}, {{1, 0.5f, 0.5f}});
    waitFor(1);
    rx().stop();
    EXPECT_FALSE(rx().running());
    EXPECT_EQ(rx().port(), 0);
    const auto events = take();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].phase, PointerPhase::Cancel);
    TuioOptions again;
    again.port = p;
    TuioReceiver second(again, *queue_, [] { return 0.0; });
    EXPECT_NO_THROW(second.start());
    EXPECT_EQ(second.port(), p);
}

TEST(TuioPort, ABusyPortIsAClearStartupError) {
    const int taken = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    ASSERT_EQ(bind(taken, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    socklen_t len = sizeof addr;
    getsockname(taken, reinterpret_cast<sockaddr*>(&addr), &len);
    const int port = ntohs(addr.sin_port);

    PointerQueue queue;
    TuioOptions options;
    options.port = port;
    TuioReceiver receiver(options, queue, [] { return 0.0; });
    try {
        receiver.start();
        FAIL() << "started on a taken port";
    } catch (const StartupError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("UDP port " + std::to_string(port) + ":"), std::string::npos) << what;
        EXPECT_NE(what.find("in use"), std::string::npos) << what;
    }
    EXPECT_FALSE(receiver.running());
    close(taken);
}

TEST(TuioPort, PortZeroIsOff) {
    PointerQueue queue;
    TuioOptions options;
    options.port = 0;
    TuioReceiver receiver(options, queue, [] { return 0.0; });
    receiver.start();
    EXPECT_FALSE(receiver.running());
    EXPECT_EQ(receiver.port(), 0);
}

}  // namespace
}  // namespace exhibit
