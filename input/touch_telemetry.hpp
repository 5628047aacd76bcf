// Touch telemetry for the operator: contacts on the wall now, touches per second, events dropped
// on the way in, and touch-to-frame latency: from an event's timestamp (when its source received
// it, on the input clock) to the present of the first frame drawn after it was handled.
//
//   TouchTelemetry telemetry;
//   for (const PointerEvent& e : queue.drain()) telemetry.add(e);   // each frame
//   ... draw and present ...
//   telemetry.presented(inputClockNow);                            // after the swap
//   TouchStats s = telemetry.stats(now);
//
// Memory is bounded: at most kMaxContacts tracked ids, the last kLatencySamples latencies and the
// touches of the last second.
// Does not: read the clock, collect drop counters itself (the app adds its sources' counts to
// TouchStats), or know about gestures.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <set>
#include <vector>

#include "input/pointer.hpp"

namespace exhibit {

struct TouchStats {
    std::size_t activeContacts = 0;
    double touchesPerSecond = 0;     // Downs over the last second
    std::uint64_t touches = 0;       // Downs ever
    std::uint64_t events = 0;        // pointer events ever
    double latencyP50Ms = 0, latencyP99Ms = 0;  // over the last kLatencySamples events
    std::size_t latencySamples = 0;
    std::uint64_t droppedEvents = 0;    // filled by the app: pointer queue overflow
    std::uint64_t droppedMessages = 0;  // filled by the app: TUIO messages dropped (all reasons)
    std::uint64_t cancelled = 0;        // filled by the app: TUIO contacts released by the stuck-contact timeout
};

class TouchTelemetry {
public:
    static constexpr std::size_t kMaxContacts = 1024;
    static constexpr std::size_t kLatencySamples = 512;

    void add(const PointerEvent& event);
    // The frame showing every event added since the last call was presented at `now`.
    void presented(double now);
    TouchStats stats(double now) const;

private:
    std::set<std::uint64_t> active_;
    std::deque<double> recentDowns_;  // times of Downs within the last second of the newest one
    std::vector<double> pendingTimes_;
    std::array<double, kLatencySamples> latencies_{};
    std::size_t latencyCount_ = 0;  // ever recorded; the ring holds the newest
    std::uint64_t touches_ = 0, events_ = 0;
};

}  // namespace exhibit
