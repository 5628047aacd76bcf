#include "app/frame_state.hpp"

#include <algorithm>
#include <cstring>

namespace exhibit {
namespace {

constexpr std::uint32_t kStateMagic = 0x45585354;  // "EXST"
constexpr std::uint32_t kReadyMagic = 0x45585244;  // "EXRD"
constexpr std::uint32_t kGoMagic = 0x4558474f;     // "EXGO"
constexpr std::uint16_t kVersion = 1;

void header(ByteWriter& out, std::uint32_t magic) {
    out.put(magic);
    out.put(kVersion);
}

void expectHeader(ByteReader& in, std::uint32_t magic, const char* what) {
    if (in.get<std::uint32_t>() != magic) throw WireError(std::string("not a ") + what + " message");
    if (const auto v = in.get<std::uint16_t>(); v != kVersion)
        throw WireError(std::string(what) + " message of version " + std::to_string(v) + ", this build speaks " +
                        std::to_string(kVersion) + " (every machine of a wall must run the same exhibit)");
}

void put(ByteWriter& out, glm::vec2 v) {
    out.put(v.x);
    out.put(v.y);
}
glm::vec2 getVec2(ByteReader& in) {
    const float x = in.get<float>();
    return {x, in.get<float>()};
}

void put(ByteWriter& out, const PointerEvent& e) {
    out.put(e.id);
    out.put(static_cast<std::int32_t>(e.phase));
    out.put(static_cast<std::int32_t>(e.kind));
    put(out, e.pos);
    out.put(e.time);
    out.put(e.source);
    out.put(static_cast<std::int32_t>(e.tag));
    out.put(e.angle);
}
PointerEvent getPointer(ByteReader& in) {
    PointerEvent e;
    e.id = in.get<std::uint64_t>();
    e.phase = in.enumeration<PointerPhase>(4);
    e.kind = in.enumeration<PointerKind>(4);
    e.pos = getVec2(in);
    e.time = in.get<double>();
    e.source = in.text();
    e.tag = in.get<std::int32_t>();
    e.angle = in.get<float>();
    return e;
}
void putPointers(ByteWriter& out, const std::vector<PointerEvent>& events) {
    out.put(static_cast<std::uint32_t>(events.size()));
    for (const auto& e : events) put(out, e);
}
std::vector<PointerEvent> getPointers(ByteReader& in) {
    std::vector<PointerEvent> events(in.count(40));
    for (auto& e : events) e = getPointer(in);
    return events;
}

void put(ByteWriter& out, const Gesture& g) {
    out.put(static_cast<std::int32_t>(g.kind));
    out.put(g.group);
    out.put(g.target);
    out.put(static_cast<std::int32_t>(g.contacts));
    put(out, g.pos);
    put(out, g.start);
    out.put(static_cast<std::uint32_t>(g.points.size()));
    for (const auto& p : g.points) put(out, p);
    put(out, g.delta);
    put(out, g.translation);
    put(out, g.velocity);
    out.put(g.scale);
    out.put(g.scaleDelta);
    out.put(g.angle);
    out.put(g.totalAngle);
    out.put(static_cast<std::int32_t>(g.direction));
    out.put(g.time);
}
Gesture getGesture(ByteReader& in) {
    Gesture g;
    g.kind = in.enumeration<GestureKind>(static_cast<int>(kGestureKindCount));
    g.group = in.get<std::uint64_t>();
    g.target = in.text();
    g.contacts = in.get<std::int32_t>();
    g.pos = getVec2(in);
    g.start = getVec2(in);
    g.points.resize(in.count(8));
    for (auto& p : g.points) p = getVec2(in);
    g.delta = getVec2(in);
    g.translation = getVec2(in);
    g.velocity = getVec2(in);
    g.scale = in.get<float>();
    g.scaleDelta = in.get<float>();
    g.angle = in.get<float>();
    g.totalAngle = in.get<float>();
    g.direction = in.enumeration<SwipeDirection>(5);
    g.time = in.get<double>();
    return g;
}

void put(ByteWriter& out, const DirectorCommand& c) {
    out.put(static_cast<std::int32_t>(c.kind));
    switch (c.kind) {
        case DirectorCommand::Kind::SwitchTo:
            out.put(c.id);
            out.put(c.reason);
            break;
        case DirectorCommand::Kind::Gesture: put(out, c.gesture); break;
        case DirectorCommand::Kind::Key: out.put(static_cast<std::int32_t>(c.key)); break;
        case DirectorCommand::Kind::Playlist:
            out.put(static_cast<std::uint32_t>(c.ids.size()));
            for (const auto& id : c.ids) out.put(id);
            break;
        case DirectorCommand::Kind::StartTour:
        case DirectorCommand::Kind::TourStep: break;
    }
}
DirectorCommand getCommand(ByteReader& in) {
    DirectorCommand c;
    c.kind = in.enumeration<DirectorCommand::Kind>(DirectorCommand::kKinds);
    switch (c.kind) {
        case DirectorCommand::Kind::SwitchTo:
            c.id = in.text();
            c.reason = in.text();
            break;
        case DirectorCommand::Kind::Gesture: c.gesture = getGesture(in); break;
        case DirectorCommand::Kind::Key: c.key = in.get<std::int32_t>(); break;
        case DirectorCommand::Kind::Playlist:
            c.ids.resize(in.count(4));
            for (auto& id : c.ids) id = in.text();
            break;
        case DirectorCommand::Kind::StartTour:
        case DirectorCommand::Kind::TourStep: break;
    }
    return c;
}

bool same(const MetricValue& a, const MetricValue& b) {
    // Bitwise for the doubles: a NaN that stays NaN is no news.
    return std::memcmp(&a.value, &b.value, sizeof(double)) == 0 && a.provenance == b.provenance &&
           a.sourceId == b.sourceId && std::memcmp(&a.timestamp, &b.timestamp, sizeof(double)) == 0 &&
           a.source == b.source;
}

void put(ByteWriter& out, const FeedEvent& e) {
    out.put(e.kind);
    out.put(e.timestamp);
    out.put(e.fromAdcode);
    out.put(e.toName);
    out.put(static_cast<std::uint8_t>(e.toLon.has_value()));
    out.put(e.toLon.value_or(0));
    out.put(static_cast<std::uint8_t>(e.toLat.has_value()));
    out.put(e.toLat.value_or(0));
    out.put(e.toAdcode);
    out.put(e.value);
    out.put(static_cast<std::int32_t>(e.provenance));
    out.put(e.sourceId);
    out.put(e.text);
    out.put(e.serial);
}
FeedEvent getEvent(ByteReader& in) {
    FeedEvent e;
    e.kind = in.text();
    e.timestamp = in.get<double>();
    e.fromAdcode = in.text();
    e.toName = in.text();
    if (in.get<std::uint8_t>()) e.toLon = in.get<double>();
    else in.get<double>();
    if (in.get<std::uint8_t>()) e.toLat = in.get<double>();
    else in.get<double>();
    e.toAdcode = in.text();
    e.value = in.get<double>();
    e.provenance = in.enumeration<Provenance>(2);
    e.sourceId = in.text();
    e.text = in.text();
    e.serial = in.get<std::uint64_t>();
    return e;
}

void put(ByteWriter& out, const SourceStatus& s) {
    out.put(s.name);
    out.put(static_cast<std::int32_t>(s.state));
    out.put(s.lastError);
    out.put(s.messages);
    out.put(s.rejected);
    out.put(s.bytes);
    out.put(s.lastUpdate);
}
SourceStatus getSource(ByteReader& in) {
    SourceStatus s;
    s.name = in.text();
    s.state = in.enumeration<SourceState>(4);
    s.lastError = in.text();
    s.messages = in.get<std::uint64_t>();
    s.rejected = in.get<std::uint64_t>();
    s.bytes = in.get<std::uint64_t>();
    s.lastUpdate = in.get<double>();
    return s;
}

}  // namespace

std::uint32_t FeedDelta::idOf(const std::string& text, ByteWriter& newStrings, std::uint32_t& newCount) {
    if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(ids_.size());
    ids_.emplace(text, id);
    newStrings.put(text);
    ++newCount;
    return id;
}

void FeedDelta::write(ByteWriter& out, const std::shared_ptr<const Snapshot>& latest) {
    const bool news = latest && latest != sent_;
    out.put(static_cast<std::uint8_t>(news));
    if (!news) return;
    static const Snapshot empty;
    const Snapshot& before = sent_ ? *sent_ : empty;
    const Snapshot& now = *latest;

    // Values that changed or are new, then those removed; strings first seen go ahead of them.
    ByteWriter strings, values;
    std::uint32_t stringCount = 0, changedCount = 0, removedCount = 0;
    for (const auto& [adcode, metrics] : now.values) {
        const auto old = before.values.find(adcode);
        for (const auto& [metric, value] : metrics) {
            if (old != before.values.end()) {
                const auto was = old->second.find(metric);
                if (was != old->second.end() && same(was->second, value)) continue;
            }
            values.put(idOf(adcode, strings, stringCount));
            values.put(idOf(metric, strings, stringCount));
            values.put(value.value);
            values.put(value.timestamp);
            values.put(static_cast<std::uint8_t>(value.provenance));
            values.put(static_cast<std::uint16_t>(value.source));
            values.put(idOf(value.sourceId, strings, stringCount));
            ++changedCount;
        }
    }
    ByteWriter removed;
    for (const auto& [adcode, metrics] : before.values) {
        const auto still = now.values.find(adcode);
        for (const auto& [metric, value] : metrics)
            if (still == now.values.end() || !still->second.contains(metric)) {
                removed.put(idOf(adcode, strings, stringCount));
                removed.put(idOf(metric, strings, stringCount));
                ++removedCount;
            }
    }
    auto append = [&](ByteWriter& part) { out.bytes().insert(out.bytes().end(), part.bytes().begin(), part.bytes().end()); };
    out.put(now.sequence);
    out.put(now.timestamp);
    out.put(stringCount);
    append(strings);
    out.put(changedCount);
    append(values);
    out.put(removedCount);
    append(removed);

    // Events: those after the last one sent, and how many the snapshot keeps.
    const std::uint64_t lastSerial = before.events.empty() ? 0 : before.events.back().serial;
    std::vector<const FeedEvent*> fresh;
    for (const auto& e : now.events)
        if (e.serial > lastSerial) fresh.push_back(&e);
    out.put(static_cast<std::uint32_t>(now.events.size()));
    out.put(static_cast<std::uint32_t>(fresh.size()));
    for (const auto* e : fresh) put(out, *e);

    out.put(static_cast<std::uint32_t>(now.sources.size()));
    for (const auto& s : now.sources) put(out, s);
    sent_ = latest;
}

const std::string& FeedMirror::text(std::uint32_t id) const {
    if (id >= strings_.size()) throw WireError("feed delta corrupt: string " + std::to_string(id) + " was never sent");
    return strings_[id];
}

bool FeedMirror::read(ByteReader& in) {
    if (!in.get<std::uint8_t>()) return false;
    auto next = std::make_shared<Snapshot>(*snapshot_);
    next->sequence = in.get<std::uint64_t>();
    next->timestamp = in.get<double>();
    for (std::size_t n = in.count(4); n > 0; --n) strings_.push_back(in.text());
    for (std::size_t n = in.count(31); n > 0; --n) {
        const std::string& adcode = text(in.get<std::uint32_t>());
        const std::string& metric = text(in.get<std::uint32_t>());
        MetricValue v;
        v.value = in.get<double>();
        v.timestamp = in.get<double>();
        const auto provenance = in.get<std::uint8_t>();
        if (provenance > 1) throw WireError("feed delta corrupt: provenance " + std::to_string(provenance));
        v.provenance = static_cast<Provenance>(provenance);
        v.source = in.get<std::uint16_t>();
        v.sourceId = text(in.get<std::uint32_t>());
        next->values[adcode][metric] = std::move(v);
    }
    for (std::size_t n = in.count(8); n > 0; --n) {
        const std::string& adcode = text(in.get<std::uint32_t>());
        const std::string& metric = text(in.get<std::uint32_t>());
        if (auto it = next->values.find(adcode); it != next->values.end()) {
            if (auto m = it->second.find(metric); m != it->second.end()) it->second.erase(m);
            if (it->second.empty()) next->values.erase(it);
        }
    }
    const std::size_t keep = in.get<std::uint32_t>();
    for (std::size_t n = in.count(60); n > 0; --n) next->events.push_back(getEvent(in));
    if (next->events.size() > keep)
        next->events.erase(next->events.begin(), next->events.end() - static_cast<std::ptrdiff_t>(keep));
    next->sources.resize(in.count(40));
    for (auto& s : next->sources) s = getSource(in);
    snapshot_ = std::move(next);
    return true;
}

std::vector<std::uint8_t> encodeFrameState(const FrameState& s, FeedDelta& feed,
                                           const std::shared_ptr<const Snapshot>& latest) {
    ByteWriter out;
    header(out, kStateMagic);
    out.put(s.time.seconds);
    out.put(s.time.dt);
    out.put(s.time.frame);
    out.put(s.realSeconds);
    out.put(static_cast<std::int32_t>(s.mode));
    out.put(static_cast<std::int32_t>(s.language));
    out.put(s.clockText);
    out.put(s.scene);
    out.put(static_cast<std::uint32_t>(s.commands.size()));
    for (const auto& c : s.commands) put(out, c);
    putPointers(out, s.pointers);
    feed.write(out, latest);
    return std::move(out.bytes());
}

FrameState decodeFrameState(const std::vector<std::uint8_t>& bytes, FeedMirror& feed) {
    ByteReader in(bytes.data(), bytes.size());
    expectHeader(in, kStateMagic, "frame state");
    FrameState s;
    s.time.seconds = in.get<double>();
    s.time.dt = in.get<double>();
    s.time.frame = in.get<std::uint64_t>();
    s.realSeconds = in.get<double>();
    s.mode = in.get<std::int32_t>();
    s.language = in.get<std::int32_t>();
    s.clockText = in.text();
    s.scene = in.text();
    s.commands.resize(in.count(4));
    for (auto& c : s.commands) c = getCommand(in);
    s.pointers = getPointers(in);
    s.feedChanged = feed.read(in);
    s.feed = feed.snapshot();
    if (!in.done()) throw WireError("frame state message has trailing bytes");
    return s;
}

std::vector<std::uint8_t> encodeReady(const ReadyReport& r) {
    ByteWriter out;
    header(out, kReadyMagic);
    out.put(r.frame);
    out.put(r.presentedAt);
    putPointers(out, r.pointers);
    return std::move(out.bytes());
}

ReadyReport decodeReady(const std::vector<std::uint8_t>& bytes) {
    ByteReader in(bytes.data(), bytes.size());
    expectHeader(in, kReadyMagic, "ready");
    ReadyReport r;
    r.frame = in.get<std::uint64_t>();
    r.presentedAt = in.get<double>();
    r.pointers = getPointers(in);
    if (!in.done()) throw WireError("ready message has trailing bytes");
    return r;
}

std::vector<std::uint8_t> encodeGo(const GoSignal& go) {
    ByteWriter out;
    header(out, kGoMagic);
    out.put(go.frame);
    out.put(static_cast<std::uint8_t>((go.end ? 1 : 0) | (go.restart ? 2 : 0) | (go.lost ? 4 : 0)));
    return std::move(out.bytes());
}

GoSignal decodeGo(const std::vector<std::uint8_t>& bytes) {
    ByteReader in(bytes.data(), bytes.size());
    expectHeader(in, kGoMagic, "go");
    GoSignal go;
    go.frame = in.get<std::uint64_t>();
    const auto flags = in.get<std::uint8_t>();
    if (flags > 7) throw WireError("go message corrupt: flags " + std::to_string(flags));
    go.end = (flags & 1) != 0;
    go.restart = (flags & 2) != 0;
    go.lost = (flags & 4) != 0;
    if (!in.done()) throw WireError("go message has trailing bytes");
    return go;
}

}  // namespace exhibit
