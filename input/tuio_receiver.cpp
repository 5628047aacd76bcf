#include "input/tuio_receiver.hpp"

#include <lo/lo.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <glm/geometric.hpp>

#include "core/error.hpp"

namespace exhibit {
namespace {

enum Profile : int { Cursor = 0, Object = 1 };
constexpr std::size_t kProfiles = 2;

constexpr std::size_t kMaxAlive = 1000;
constexpr std::size_t kMaxSets = 1000;
constexpr std::size_t kMaxSenders = 64;
constexpr std::size_t kMaxSourceName = 128;
constexpr std::int32_t kRestartJump = 100;  // frames backwards that mean a restart, not a late bundle
constexpr float kMinCoord = -0.1f;
constexpr float kMaxCoord = 1.1f;
constexpr float kMoveEpsilon = 0.01f;   // px: smaller filtered changes are not worth a Move
constexpr float kAngleEpsilon = 1e-4f;  // rad
constexpr int kWaitMs = 20;             // receive poll: bounds how long stop() waits
constexpr double kReapInterval = 0.02;

std::atomic<std::uint64_t> gNextPointerId{1};  // process-wide, so merged senders never share an id

thread_local std::string tLastLoError;
void onLoError(int, const char* message, const char*) { tLastLoError = message ? message : ""; }

struct SetMessage {
    std::int32_t session = 0;
    glm::vec2 pos{0, 0};  // sensor coordinates
    int tag = -1;
    float angle = 0;
};

struct PendingFrame {
    bool hasAlive = false;
    std::vector<std::int32_t> alive;
    std::vector<SetMessage> sets;
};

// What the messages of the bundle being dispatched have said so far.
struct BundleState {
    int depth = 0;
    double now = 0;
    bool addressKnown = false;
    std::string address;  // host:port the packet came from
    std::optional<TuioDrop> rejected;
    std::string sourceName;
    std::array<PendingFrame, kProfiles> frames;
};

struct Contact {
    std::uint64_t id = 0;
    glm::vec2 raw{0, 0};  // mapped, unfiltered
    glm::vec2 pos{0, 0};  // last pushed
    float angle = 0;
    float pushedAngle = 0;
    int tag = -1;
    double lastSeen = 0;
    std::uint64_t bornFrame = 0;  // TuioStats::frames when it went down
    OneEuroFilter filter;
};

using ContactKey = std::pair<int, std::int32_t>;  // profile, session id

struct Sender {
    std::string eventSource;  // "tuio:<name>@<host:port>"
    double lastSeen = 0;
    std::array<bool, kProfiles> hasFseq{};
    std::array<std::int32_t, kProfiles> lastFseq{};
    std::array<std::size_t, kProfiles> count{};
    std::map<ContactKey, Contact> contacts;
};

struct RateWindow {
    double start = 0;
    int bundles = 0;
};

// liblo's argv points into the packet, 4-byte aligned, while lo_arg (it has doubles) wants 8: read
// through bytes, never through the union.
bool isFloatTag(char t) { return t == 'f' || t == 'd'; }
std::int32_t intArg(const lo_arg* a) {
    std::int32_t v;
    std::memcpy(&v, a, sizeof v);
    return v;
}
float floatArg(char t, const lo_arg* a) {
    if (t == 'f') {
        float v;
        std::memcpy(&v, a, sizeof v);
        return v;
    }
    double v;
    std::memcpy(&v, a, sizeof v);
    return static_cast<float>(v);
}
const char* stringArg(const lo_arg* a) { return reinterpret_cast<const char*>(a); }

}  // namespace

std::string_view tuioDropName(TuioDrop reason) {
    switch (reason) {
        case TuioDrop::Malformed: return "malformed";
        case TuioDrop::NotInBundle: return "not_in_bundle";
        case TuioDrop::UnknownAddress: return "unknown_address";
        case TuioDrop::UnknownCommand: return "unknown_command";
        case TuioDrop::WrongTypes: return "wrong_types";
        case TuioDrop::NotFinite: return "not_finite";
        case TuioDrop::OutOfRange: return "out_of_range";
        case TuioDrop::AliveTooLong: return "alive_too_long";
        case TuioDrop::TooManySets: return "too_many_sets";
        case TuioDrop::LateFrame: return "late_frame";
        case TuioDrop::RateLimited: return "rate_limited";
        case TuioDrop::TooManySenders: return "too_many_senders";
        case TuioDrop::Count: break;
    }
    return "unknown";
}

std::uint64_t TuioStats::droppedTotal() const {
    std::uint64_t total = 0;
    for (std::uint64_t d : dropped) total += d;
    return total;
}

struct TuioReceiver::Impl {
    Impl(TuioOptions o, PointerQueue& q, ClockFn c)
        : options(o), mapping(o.mapping), queue(q), clock(std::move(c)) {
        options.contactTimeout = std::clamp(options.contactTimeout, 0.05, 1.0);
    }

    TuioOptions options;
    SensorMapping mapping;
    PointerQueue& queue;
    ClockFn clock;

    mutable std::mutex mutex;  // guards everything below; the thread holds it while dispatching
    lo_server server = nullptr;
    int boundPort = 0;
    std::thread thread;
    std::atomic<bool> stopping{false};

    TuioStats stats;
    BundleState bundle;
    std::unordered_map<std::string, Sender> senders;
    std::unordered_map<std::string, RateWindow> rates;
    double lastReap = 0;
    double rateWindowStart = 0;
    std::uint64_t rateWindowEvents = 0;
    bool rateWindowStarted = false;

    // --- liblo callbacks (on the receiver thread, mutex held) ---

    static int onMessage(const char* path, const char* types, lo_arg** argv, int argc, lo_message msg,
                         void* user) {
        static_cast<Impl*>(user)->message(path, types, argv, argc, msg);
        return 0;  // handled: liblo looks no further
    }
    static int onBundleStart(lo_timetag, void* user) {
        auto* self = static_cast<Impl*>(user);
        if (self->bundle.depth++ == 0) {
            self->bundle = BundleState{};
            self->bundle.depth = 1;
            self->bundle.now = self->clock();
        }
        ++self->stats.bundles;
        return 0;
    }
    static int onBundleEnd(void* user) {
        auto* self = static_cast<Impl*>(user);
        if (self->bundle.depth > 0) --self->bundle.depth;
        return 0;
    }

    void drop(TuioDrop reason) { ++stats.dropped[static_cast<std::size_t>(reason)]; }

    void message(const char* path, const char* types, lo_arg** argv, int argc, lo_message msg) {
        ++stats.messages;
        if (bundle.depth == 0) return drop(TuioDrop::NotInBundle);
        if (bundle.rejected) return drop(*bundle.rejected);
        if (!bundle.addressKnown) {
            bundle.addressKnown = true;
            bundle.address = sourceAddress(msg);
            bundle.rejected = admit(bundle.address, bundle.now);
            if (bundle.rejected) return drop(*bundle.rejected);
        }
        Profile profile;
        if (std::strcmp(path, "/tuio/2Dcur") == 0) {
            profile = Cursor;
        } else if (std::strcmp(path, "/tuio/2Dobj") == 0) {
            profile = Object;
        } else {
            return drop(TuioDrop::UnknownAddress);
        }
        if (argc < 1 || types[0] != 's') return drop(TuioDrop::WrongTypes);
        const std::string_view command = stringArg(argv[0]);
        PendingFrame& frame = bundle.frames[profile];
        if (command == "set") {
            set(profile, types, argv, argc, frame);
        } else if (command == "alive") {
            alive(types, argv, argc, frame);
        } else if (command == "fseq") {
            if (argc != 2 || types[1] != 'i') return drop(TuioDrop::WrongTypes);
            applyFrame(profile, intArg(argv[1]));
        } else if (command == "source") {
            if (argc != 2 || types[1] != 's') return drop(TuioDrop::WrongTypes);
            std::string name(stringArg(argv[1]), strnlen(stringArg(argv[1]), kMaxSourceName));
            for (char& ch : name) {
                if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
            }
            bundle.sourceName = std::move(name);
        } else {
            drop(TuioDrop::UnknownCommand);
        }
    }

    static std::string sourceAddress(lo_message msg) {
        lo_address from = lo_message_get_source(msg);
        const char* host = from ? lo_address_get_hostname(from) : nullptr;
        const char* port = from ? lo_address_get_port(from) : nullptr;
        return std::string(host ? host : "?") + ":" + (port ? port : "?");
    }

    // Rate limit per sender address, in windows of one second of the clock.
    std::optional<TuioDrop> admit(const std::string& address, double now) {
        auto it = rates.find(address);
        if (it == rates.end()) {
            if (rates.size() >= kMaxSenders) {
                std::erase_if(rates, [now](const auto& r) { return now - r.second.start >= 1.0 || now < r.second.start; });
                if (rates.size() >= kMaxSenders) return TuioDrop::TooManySenders;
            }
            it = rates.emplace(address, RateWindow{now, 0}).first;
        }
        RateWindow& window = it->second;
        if (now - window.start >= 1.0 || now < window.start) window = RateWindow{now, 0};
        if (window.bundles >= options.maxBundlesPerSecond) return TuioDrop::RateLimited;
        ++window.bundles;
        return std::nullopt;
    }

    void set(Profile profile, const char* types, lo_arg** argv, int argc, PendingFrame& frame) {
        // 2Dcur: set s x y X Y m           2Dobj: set s i x y a X Y A m r
        const bool object = profile == Object;
        const int expected = object ? 11 : 7;
        if (argc != expected || types[1] != 'i' || (object && types[2] != 'i')) return drop(TuioDrop::WrongTypes);
        for (int i = object ? 3 : 2; i < argc; ++i) {
            if (!isFloatTag(types[i])) return drop(TuioDrop::WrongTypes);
        }
        SetMessage set;
        set.session = intArg(argv[1]);
        const int xi = object ? 3 : 2;
        set.pos = {floatArg(types[xi], argv[xi]), floatArg(types[xi + 1], argv[xi + 1])};
        if (object) {
            set.tag = intArg(argv[2]);
            set.angle = floatArg(types[5], argv[5]);
        }
        if (!std::isfinite(set.pos.x) || !std::isfinite(set.pos.y) || !std::isfinite(set.angle)) {
            return drop(TuioDrop::NotFinite);
        }
        if (set.pos.x < kMinCoord || set.pos.x > kMaxCoord || set.pos.y < kMinCoord || set.pos.y > kMaxCoord) {
            return drop(TuioDrop::OutOfRange);
        }
        if (frame.sets.size() >= kMaxSets) return drop(TuioDrop::TooManySets);
        frame.sets.push_back(set);
    }

    void alive(const char* types, lo_arg** argv, int argc, PendingFrame& frame) {
        if (static_cast<std::size_t>(argc - 1) > kMaxAlive) return drop(TuioDrop::AliveTooLong);
        for (int i = 1; i < argc; ++i) {
            if (types[i] != 'i') return drop(TuioDrop::WrongTypes);
        }
        frame.hasAlive = true;
        frame.alive.clear();
        for (int i = 1; i < argc; ++i) frame.alive.push_back(intArg(argv[i]));
        std::sort(frame.alive.begin(), frame.alive.end());
    }

    void applyFrame(Profile profile, std::int32_t fseq) {
        PendingFrame frame = std::move(bundle.frames[profile]);
        bundle.frames[profile] = PendingFrame{};
        const double now = bundle.now;
        const std::string& key = bundle.sourceName.empty() ? bundle.address : bundle.sourceName;
        auto it = senders.find(key);
        if (it == senders.end()) {
            if (senders.size() >= kMaxSenders) return drop(TuioDrop::TooManySenders);
            it = senders.emplace(key, Sender{}).first;
        }
        Sender& sender = it->second;
        sender.eventSource = "tuio:" + bundle.sourceName + "@" + bundle.address;
        if (fseq != -1 && sender.hasFseq[profile] && fseq < sender.lastFseq[profile]) {
            // In 64 bits: fseq is any int32 a sender writes, and the difference can exceed INT32_MAX.
            if (std::int64_t{sender.lastFseq[profile]} - fseq <= kRestartJump) return drop(TuioDrop::LateFrame);
            cancelAll(sender, now);
            sender.hasFseq = {};
        }
        if (fseq != -1) {
            sender.hasFseq[profile] = true;
            sender.lastFseq[profile] = fseq;
        }
        sender.lastSeen = now;
        ++stats.frames;

        const auto alive = [&](std::int32_t session) {
            return std::binary_search(frame.alive.begin(), frame.alive.end(), session);
        };
        if (frame.hasAlive) {
            for (auto c = sender.contacts.begin(); c != sender.contacts.end();) {
                if (c->first.first == profile && !alive(c->first.second)) {
                    push(c->second, PointerPhase::Up, profile, sender, now);
                    --sender.count[profile];
                    c = sender.contacts.erase(c);
                } else {
                    ++c;
                }
            }
        }

        std::vector<std::int32_t> changed;  // sessions to filter and maybe move, besides new ones
        for (const SetMessage& set : frame.sets) {
            if (frame.hasAlive && !alive(set.session)) continue;
            const ContactKey ck{profile, set.session};
            const glm::vec2 wall = mapping.toWall(set.pos);
            auto c = sender.contacts.find(ck);
            if (c == sender.contacts.end()) {
                if (sender.count[profile] >= kMaxAlive) {
                    drop(TuioDrop::TooManySets);
                    continue;
                }
                Contact contact{.id = gNextPointerId.fetch_add(1),
                                .raw = wall,
                                .pos = wall,
                                .angle = set.angle,
                                .pushedAngle = set.angle,
                                .tag = set.tag,
                                .lastSeen = now,
                                .bornFrame = stats.frames,
                                .filter = OneEuroFilter(options.filterParams)};
                contact.filter.filter(wall, now);
                ++sender.count[profile];
                push(sender.contacts.emplace(ck, std::move(contact)).first->second, PointerPhase::Down, profile,
                     sender, now);
            } else {
                c->second.raw = wall;
                c->second.angle = set.angle;
                c->second.tag = set.tag;
                if (!frame.hasAlive) changed.push_back(set.session);
            }
        }
        // Every contact confirmed by this frame is refreshed and its filter advanced, so a finger that
        // stopped (senders repeat no set for it) still settles on its true position.
        const std::vector<std::int32_t>& confirmed = frame.hasAlive ? frame.alive : changed;
        for (std::int32_t session : confirmed) {
            auto c = sender.contacts.find({profile, session});
            if (c == sender.contacts.end()) continue;  // alive but never set: no position yet
            Contact& contact = c->second;
            contact.lastSeen = now;
            if (contact.bornFrame == stats.frames) continue;  // its Down is this frame's news
            const glm::vec2 next = options.filter ? contact.filter.filter(contact.raw, now) : contact.raw;
            const bool moved = options.filter ? glm::distance(next, contact.pos) > kMoveEpsilon : next != contact.pos;
            if (moved || std::abs(contact.angle - contact.pushedAngle) > kAngleEpsilon) {
                contact.pos = next;
                contact.pushedAngle = contact.angle;
                push(contact, PointerPhase::Move, profile, sender, now);
            }
        }
    }

    void push(const Contact& contact, PointerPhase phase, int profile, const Sender& sender, double now) {
        PointerEvent e;
        e.id = contact.id;
        e.phase = phase;
        e.kind = profile == Object ? PointerKind::TuioObject : PointerKind::TuioCursor;
        e.pos = contact.pos;
        e.time = now;
        e.source = sender.eventSource;
        e.tag = profile == Object ? contact.tag : -1;
        e.angle = profile == Object ? contact.pushedAngle : 0.0f;
        queue.push(std::move(e));
        ++stats.events;
        rollRate(now);
        ++rateWindowEvents;
    }

    void rollRate(double now) {
        if (!rateWindowStarted || now < rateWindowStart) {
            rateWindowStarted = true;
            rateWindowStart = now;
            rateWindowEvents = 0;
            return;
        }
        const double elapsed = now - rateWindowStart;
        if (elapsed >= 1.0) {
            stats.eventsPerSecond = static_cast<double>(rateWindowEvents) / elapsed;
            rateWindowStart = now;
            rateWindowEvents = 0;
        }
    }

    void cancelAll(Sender& sender, double now) {
        for (auto& [key, contact] : sender.contacts) {
            push(contact, PointerPhase::Cancel, key.first, sender, now);
            ++stats.cancelled;
        }
        sender.contacts.clear();
        sender.count = {};
    }

    void reapLocked(double now) {
        const double timeout = options.contactTimeout;
        for (auto s = senders.begin(); s != senders.end();) {
            Sender& sender = s->second;
            if (now - sender.lastSeen > timeout) {
                cancelAll(sender, now);
                s = senders.erase(s);
                continue;
            }
            for (auto c = sender.contacts.begin(); c != sender.contacts.end();) {
                if (now - c->second.lastSeen > timeout) {
                    push(c->second, PointerPhase::Cancel, c->first.first, sender, now);
                    ++stats.cancelled;
                    --sender.count[c->first.first];
                    c = sender.contacts.erase(c);
                } else {
                    ++c;
                }
            }
            ++s;
        }
        std::erase_if(rates, [now](const auto& r) { return now - r.second.start >= 1.0 || now < r.second.start; });
    }

    void run() {
        while (!stopping.load(std::memory_order_relaxed)) {
            const int ready = lo_server_wait(server, kWaitMs);
            std::lock_guard lock(mutex);
            if (ready > 0) {
                if (lo_server_recv_noblock(server, 0) < 0) drop(TuioDrop::Malformed);
                bundle.depth = 0;  // each datagram stands alone, whatever liblo made of it
            }
            if (options.reapOnThread) {
                const double now = clock();
                if (ready <= 0 || now - lastReap >= kReapInterval || now < lastReap) {
                    reapLocked(now);
                    lastReap = now;
                }
            }
        }
    }
};

TuioReceiver::TuioReceiver(TuioOptions options, PointerQueue& queue, ClockFn clock)
    : impl_(std::make_unique<Impl>(options, queue, std::move(clock))) {}

TuioReceiver::~TuioReceiver() { stop(); }

void TuioReceiver::start() {
    Impl& s = *impl_;
    if (s.options.port == 0 || s.thread.joinable()) return;
    const std::string port = std::to_string(s.options.port);
    tLastLoError.clear();
    lo_server server =
        lo_server_new_with_proto(s.options.port == kTuioAnyPort ? nullptr : port.c_str(), LO_UDP, onLoError);
    if (!server) {
        std::string reason = tLastLoError.empty() ? "unknown error" : tLastLoError;
        // liblo says only "cannot find free port"; binding once more tells which.
        if (s.options.port > 0 && s.options.port < 65536) {
            const int probe = socket(AF_INET, SOCK_DGRAM, 0);
            if (probe >= 0) {
                sockaddr_in addr{};
                addr.sin_family = AF_INET;
                addr.sin_port = htons(static_cast<std::uint16_t>(s.options.port));
                addr.sin_addr.s_addr = htonl(INADDR_ANY);
                if (bind(probe, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
                    reason = std::strerror(errno);
                }
                close(probe);
            }
        }
        throw StartupError("TUIO: cannot listen on UDP port " +
                           (s.options.port == kTuioAnyPort ? std::string("(any)") : port) + ": " + reason +
                           " (another program, or another exhibit, is using it; choose another TUIO port or "
                           "turn TUIO off with port 0)");
    }
    lo_server_enable_queue(server, 0, 1);  // dispatch future-dated bundles now; never hoard them
    lo_server_add_method(server, nullptr, nullptr, &Impl::onMessage, &s);
    lo_server_add_bundle_handlers(server, &Impl::onBundleStart, &Impl::onBundleEnd, &s);
    {
        std::lock_guard lock(s.mutex);
        s.server = server;
        s.boundPort = lo_server_get_port(server);
        s.lastReap = s.clock();
    }
    s.stopping = false;
    s.thread = std::thread([&s] { s.run(); });
}

void TuioReceiver::stop() {
    Impl& s = *impl_;
    if (!s.thread.joinable()) return;
    s.stopping = true;
    s.thread.join();
    std::lock_guard lock(s.mutex);
    lo_server_free(s.server);
    s.server = nullptr;
    s.boundPort = 0;
    const double now = s.clock();
    for (auto& [key, sender] : s.senders) s.cancelAll(sender, now);
    s.senders.clear();
    s.rates.clear();
}

bool TuioReceiver::running() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->server != nullptr;
}

int TuioReceiver::port() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->boundPort;
}

void TuioReceiver::reap(double now) {
    std::lock_guard lock(impl_->mutex);
    impl_->reapLocked(now);
}

TuioStats TuioReceiver::stats() const {
    Impl& s = *impl_;
    std::lock_guard lock(s.mutex);
    s.rollRate(s.clock());
    TuioStats out = s.stats;
    out.senders = s.senders.size();
    out.activeContacts = 0;
    for (const auto& [key, sender] : s.senders) out.activeContacts += sender.contacts.size();
    return out;
}

}  // namespace exhibit
