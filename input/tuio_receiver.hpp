// TUIO 1.1 touch frames and tangibles over OSC/UDP (liblo), turned into PointerEvents.
//
//   PointerQueue queue;
//   TuioOptions options;                        // port 3333, 0.5 s stuck-contact timeout
//   options.mapping.columns = 3;                // the sensor spans a 3x1 wall (sensor_mapping.hpp)
//   TuioReceiver tuio(options, queue, [&] { return appClockSeconds(); });
//   tuio.start();                               // throws StartupError when the port is taken
//   ...                                         // the receiver thread pushes Down/Move/Up/Cancel
//   TuioStats s = tuio.stats();                 // counters for the operator console
//
// Protocol: /tuio/2Dcur (fingers, PointerKind::TuioCursor) and /tuio/2Dobj (tangibles,
// PointerKind::TuioObject, tag = class id, angle in radians) with source / alive / set / fseq,
// each inside an OSC bundle. A profile's messages are collected per bundle and applied at its
// fseq: a session id that first appears in a set gives Down, a set that moves it (after mapping
// and One Euro filtering, or turns a tangible) gives Move, leaving the alive list gives Up. A frame
// whose fseq is older than the last one applied from that sender is ignored, unless it is more than
// 100 frames older (the sender restarted: its contacts are cancelled and it starts afresh). fseq -1
// (a redundant keep-alive frame) always applies.
//
// Several senders are merged: a contact is keyed by its sender (the name in its `source` message,
// else the sender's host:port) and session id, and gets a PointerEvent id that is unique in the
// process and never reused. A contact not confirmed (alive or set) for `contactTimeout` seconds is
// released with Cancel; so are all contacts of a sender that falls silent that long.
//
// Hostile or broken input (malformed OSC, wrong type tags, NaN/Inf or coordinates outside
// [-0.1, 1.1], unknown addresses or commands, alive lists over 1000 ids, more than 1000 sets in a
// frame or 1000 contacts of a profile per sender, messages outside bundles, more than
// `maxBundlesPerSecond` bundles per second from one sender, more than 64 senders) is dropped and
// counted by reason; memory stays bounded. See docs/touch-input.md.
//
// Does not: recognise gestures, speak TUIO 2.0 or the 2Dblb / 2.5D / 3D profiles (counted as
// unknown addresses), listen on TCP, or reorder bundles by their OSC time tags (delivered as they
// arrive; future-dated bundles are not queued).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "input/one_euro_filter.hpp"
#include "input/pointer.hpp"
#include "input/sensor_mapping.hpp"

namespace exhibit {

enum class TuioDrop : std::uint8_t {
    Malformed,       // not a valid OSC packet
    NotInBundle,     // a TUIO message sent on its own
    UnknownAddress,  // not /tuio/2Dcur or /tuio/2Dobj
    UnknownCommand,  // first argument not source / alive / set / fseq
    WrongTypes,      // type tags do not match the command
    NotFinite,       // NaN or Inf in a coordinate or angle
    OutOfRange,      // a coordinate outside [-0.1, 1.1]
    AliveTooLong,    // more than 1000 session ids
    TooManySets,     // over 1000 sets for a profile in a bundle, or 1000 contacts of a profile per sender
    LateFrame,       // fseq older than the last applied frame of that sender
    RateLimited,     // over maxBundlesPerSecond from one sender address
    TooManySenders,  // more than 64 senders (or sender addresses within a second)
    Count
};
inline constexpr std::size_t kTuioDropCount = static_cast<std::size_t>(TuioDrop::Count);
std::string_view tuioDropName(TuioDrop reason);  // "malformed", "wrong_types", ...

struct TuioStats {
    std::uint64_t messages = 0;  // OSC messages seen, dropped ones included
    std::uint64_t bundles = 0;   // OSC bundles seen (nested ones count too)
    std::uint64_t frames = 0;    // fseq frames applied
    std::array<std::uint64_t, kTuioDropCount> dropped{};  // messages (or packets) by TuioDrop
    std::uint64_t events = 0;     // PointerEvents pushed
    std::uint64_t cancelled = 0;  // contacts released by the stuck-contact timeout or a restart
    std::size_t activeContacts = 0;
    std::size_t senders = 0;
    double eventsPerSecond = 0;  // over the last completed second of the clock

    std::uint64_t droppedBy(TuioDrop reason) const { return dropped[static_cast<std::size_t>(reason)]; }
    std::uint64_t droppedTotal() const;
};

inline constexpr int kTuioAnyPort = -1;  // TuioOptions::port: let the OS choose (tests)

struct TuioOptions {
    int port = 3333;              // UDP port; 0 = off (start() does nothing); kTuioAnyPort
    double contactTimeout = 0.5;  // seconds, clamped to [0.05, 1]
    SensorMappingConfig mapping;
    bool filter = true;           // One Euro filtering of positions (wall pixels)
    OneEuroParams filterParams;
    int maxBundlesPerSecond = 1000;  // per sender address
    bool reapOnThread = true;        // the receiver thread also calls reap(clock()) every 20 ms
};

class TuioReceiver {
public:
    using ClockFn = std::function<double()>;  // seconds; stamps events and drives timeouts

    // `queue` and `clock` must outlive the receiver; `clock` is called from the receiver thread too.
    TuioReceiver(TuioOptions options, PointerQueue& queue, ClockFn clock);
    ~TuioReceiver();  // stop()
    TuioReceiver(const TuioReceiver&) = delete;
    TuioReceiver& operator=(const TuioReceiver&) = delete;

    // Binds the port and starts the receiver thread. Throws StartupError naming the port when it
    // cannot be bound. Does nothing when options.port is 0 or the receiver already runs.
    void start();
    // Stops the thread within about 20 ms and closes the port. Contacts still down are cancelled.
    void stop();
    bool running() const;
    int port() const;  // the bound port, 0 when not listening

    // Cancels every contact not confirmed since `now - contactTimeout` and forgets senders silent
    // that long. Thread-safe; the receiver thread calls it too unless options.reapOnThread is off.
    void reap(double now);
    TuioStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exhibit
