// The messages between a video wall's ranks (app/frame_state.hpp): a frame state survives the
// trip with every kind of director call, contacts and feed data; the feed travels as a delta
// (small when little changed, nothing when nothing did) that rebuilds the same snapshot; and a
// truncated or corrupted message throws WireError instead of reading past its end.
#include <gtest/gtest.h>

#include "app/frame_state.hpp"

namespace exhibit::test {
namespace {

std::shared_ptr<Snapshot> snapshotWith(std::uint64_t sequence, int counties) {
    auto s = std::make_shared<Snapshot>();
    s->sequence = sequence;
    s->timestamp = 1000.0 + static_cast<double>(sequence);
    for (int i = 0; i < counties; ++i) {
        const std::string adcode = std::to_string(520100 + i);
        s->values[adcode]["ecommerce_orders"] = {static_cast<double>(i), Provenance::Simulated, "", 1.7e9, 0};
        s->values[adcode]["poor_population"] = {1000.0 + i, Provenance::Real, "gzstats2020", 1.6e9, 1};
    }
    FeedEvent e;
    e.kind = "order_shipped";
    e.fromAdcode = "520102";
    e.toName = "上海";
    e.toLon = 121.47;
    e.serial = sequence;
    s->events.push_back(e);
    s->sources = {{"simulator", SourceState::Ok, "", 10, 0, 100, 5.0}, {"file:x", SourceState::Stale, "late", 1, 1, 9, 1.0}};
    return s;
}

void expectSameFeed(const Snapshot& a, const Snapshot& b) {
    EXPECT_EQ(a.sequence, b.sequence);
    EXPECT_EQ(a.timestamp, b.timestamp);
    ASSERT_EQ(a.values.size(), b.values.size());
    for (const auto& [adcode, metrics] : a.values) {
        ASSERT_TRUE(b.values.contains(adcode)) << adcode;
        for (const auto& [metric, v] : metrics) {
            const MetricValue* w = b.value(adcode, metric);
            ASSERT_NE(w, nullptr) << adcode << " " << metric;
            EXPECT_EQ(v.value, w->value);
            EXPECT_EQ(v.provenance, w->provenance);
            EXPECT_EQ(v.sourceId, w->sourceId);
            EXPECT_EQ(v.timestamp, w->timestamp);
            EXPECT_EQ(v.source, w->source);
        }
        EXPECT_EQ(metrics.size(), b.values.at(adcode).size());
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        EXPECT_EQ(a.events[i].serial, b.events[i].serial);
        EXPECT_EQ(a.events[i].toName, b.events[i].toName);
        EXPECT_EQ(a.events[i].toLon, b.events[i].toLon);
        EXPECT_EQ(a.events[i].toLat, b.events[i].toLat);
    }
    ASSERT_EQ(a.sources.size(), b.sources.size());
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        EXPECT_EQ(a.sources[i].name, b.sources[i].name);
        EXPECT_EQ(a.sources[i].state, b.sources[i].state);
        EXPECT_EQ(a.sources[i].lastError, b.sources[i].lastError);
    }
}

FrameState richState() {
    FrameState s;
    s.time = {12.5, 1.0 / 60, 750};
    s.realSeconds = 13.25;
    s.mode = 1;
    s.language = 1;
    s.clockText = "11:05";
    s.scene = "map";
    DirectorCommand sw;
    sw.kind = DirectorCommand::Kind::SwitchTo;
    sw.id = "map";
    sw.reason = "operator";
    DirectorCommand g;
    g.kind = DirectorCommand::Kind::Gesture;
    g.gesture.kind = GestureKind::Swipe;
    g.gesture.target = "county:520102";
    g.gesture.points = {{1, 2}, {3, 4}};
    g.gesture.direction = SwipeDirection::Left;
    g.gesture.time = 12.4;
    DirectorCommand key;
    key.kind = DirectorCommand::Kind::Key;
    key.key = 'f';
    DirectorCommand playlist;
    playlist.kind = DirectorCommand::Kind::Playlist;
    playlist.ids = {"map", "dashboard"};
    DirectorCommand start;
    start.kind = DirectorCommand::Kind::StartTour;
    DirectorCommand step;
    step.kind = DirectorCommand::Kind::TourStep;
    s.commands = {sw, g, key, playlist, start, step};
    PointerEvent p;
    p.id = 7;
    p.phase = PointerPhase::Move;
    p.pos = {4000.5f, 300.25f};
    p.source = "sdl";
    s.pointers = {p};
    return s;
}

TEST(FrameState, EverythingSurvivesTheTrip) {
    FeedDelta delta;
    FeedMirror mirror;
    const auto feed = snapshotWith(1, 3);
    const FrameState sent = richState();
    const FrameState got = decodeFrameState(encodeFrameState(sent, delta, feed), mirror);
    EXPECT_EQ(got.time.seconds, 12.5);
    EXPECT_EQ(got.time.frame, 750u);
    EXPECT_EQ(got.mode, 1);
    EXPECT_EQ(got.language, 1);
    EXPECT_EQ(got.clockText, "11:05");
    EXPECT_EQ(got.scene, "map");
    ASSERT_EQ(got.commands.size(), 6u);
    EXPECT_EQ(got.commands[0].id, "map");
    EXPECT_EQ(got.commands[0].reason, "operator");
    EXPECT_EQ(got.commands[1].gesture.kind, GestureKind::Swipe);
    EXPECT_EQ(got.commands[1].gesture.target, "county:520102");
    EXPECT_EQ(got.commands[1].gesture.points.size(), 2u);
    EXPECT_EQ(got.commands[1].gesture.direction, SwipeDirection::Left);
    EXPECT_EQ(got.commands[2].key, 'f');
    EXPECT_EQ(got.commands[3].ids, (std::vector<std::string>{"map", "dashboard"}));
    EXPECT_EQ(got.commands[4].kind, DirectorCommand::Kind::StartTour);
    EXPECT_EQ(got.commands[5].kind, DirectorCommand::Kind::TourStep);
    ASSERT_EQ(got.pointers.size(), 1u);
    EXPECT_EQ(got.pointers[0].pos, glm::vec2(4000.5f, 300.25f));
    EXPECT_TRUE(got.feedChanged);
    expectSameFeed(*feed, *got.feed);
}

TEST(FrameState, TheFeedTravelsAsADeltaThatRebuildsTheSnapshot) {
    FeedDelta delta;
    FeedMirror mirror;
    FrameState s;
    auto first = snapshotWith(1, 88);
    const auto full = encodeFrameState(s, delta, first);
    decodeFrameState(full, mirror);

    // Nothing new: no feed bytes beyond the flag.
    const auto quiet = encodeFrameState(s, delta, first);
    const FrameState same = decodeFrameState(quiet, mirror);
    EXPECT_FALSE(same.feedChanged);
    EXPECT_LT(quiet.size(), 100u);

    // One value changed, one removed, two events arrive of which the snapshot keeps the last two.
    auto second = std::make_shared<Snapshot>(*first);
    second->sequence = 2;
    second->values["520105"]["ecommerce_orders"].value = 99;
    second->values["520106"].erase("poor_population");
    FeedEvent e2 = second->events.back(), e3 = e2;
    e2.serial = 2;
    e3.serial = 3;
    e3.toName = "杭州";
    e3.toLon.reset();
    second->events = {e2, e3};
    const auto small = encodeFrameState(s, delta, second);
    EXPECT_LT(small.size() * 10, full.size()) << "a delta of one value should be far smaller than the first message";
    const FrameState got = decodeFrameState(small, mirror);
    EXPECT_TRUE(got.feedChanged);
    expectSameFeed(*second, *got.feed);
    EXPECT_EQ(got.feed->value("520106", "poor_population"), nullptr);
}

TEST(FrameState, TruncatedOrCorruptedMessagesThrowWireError) {
    FeedDelta delta;
    FeedMirror fresh;
    const auto bytes = encodeFrameState(richState(), delta, snapshotWith(1, 2));
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        FeedMirror mirror;
        const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_THROW(decodeFrameState(cut, mirror), WireError) << "cut at " << n;
    }
    auto longer = bytes;
    longer.push_back(0);
    EXPECT_THROW(decodeFrameState(longer, fresh), WireError);
    auto wrongVersion = bytes;
    wrongVersion[4] = 9;
    try {
        FeedMirror mirror;
        decodeFrameState(wrongVersion, mirror);
        FAIL() << "no error";
    } catch (const WireError& e) {
        EXPECT_NE(std::string(e.what()).find("same exhibit"), std::string::npos) << e.what();
    }
    EXPECT_THROW(decodeReady(bytes), WireError);  // a frame state is not a ready report
}

TEST(FrameState, ReadyAndGoMessagesRoundTrip) {
    PointerEvent p;
    p.id = 3;
    p.phase = PointerPhase::Down;
    p.pos = {10, 20};
    const ReadyReport r = decodeReady(encodeReady({0, 42, 1.5e9, {p}}));
    EXPECT_EQ(r.frame, 42u);
    EXPECT_EQ(r.presentedAt, 1.5e9);
    ASSERT_EQ(r.pointers.size(), 1u);
    EXPECT_EQ(r.pointers[0].phase, PointerPhase::Down);
    const GoSignal go = decodeGo(encodeGo({42, true, true, true}));
    EXPECT_EQ(go.frame, 42u);
    EXPECT_TRUE(go.end);
    EXPECT_TRUE(go.restart);
    EXPECT_TRUE(go.lost);
    EXPECT_FALSE(decodeGo(encodeGo({1, true, false, false})).lost);
    auto bad = encodeGo({1, false, false, false});
    bad.back() = 9;
    EXPECT_THROW(decodeGo(bad), WireError);
}

}  // namespace
}  // namespace exhibit::test
