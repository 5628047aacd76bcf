// The data sources as the operator sees them (FeedHealth): state, age of the newest accepted
// message, messages per second, counts and last error, from the snapshot the main loop already
// takes each frame.
//
//   FeedHealthTracker feeds;                                     // lives in the main loop
//   status.feeds = feeds.update(*buffer.latest(), time.seconds); // each time the status is published
//
// One rule for "stale", not two: the state is the hub's (SourceStatus::state, decided by FeedHub
// from the show file's feed staleAfter), and the age is measured exactly as the dashboard's
// chrome measures it (scenes' FeedAges: the snapshot's feed-clock age plus the time since the
// snapshot arrived, on the caller's clock), so the console and the wall never disagree.
// Messages per second: the change of SourceStatus::messages over the last kRateWindowSeconds of
// the caller's clock, from a fixed ring of samples per source; sources that leave the snapshot are
// forgotten, so memory is bounded by the sources configured (two sources with the same name are
// told apart by their order).
// Does not: read the clock, talk to the hub, or decide states itself.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/operator_types.hpp"
#include "data_feed/snapshot.hpp"
#include "scenes/widget_bindings.hpp"

namespace exhibit {

std::string_view feedStateName(SourceState state);  // "connecting" | "ok" | "stale" | "error"

// Messages per second of each source, from its running message count.
class FeedRateTracker {
public:
    static constexpr double kRateWindowSeconds = 5;
    static constexpr double kSampleSpacingSeconds = 0.2;
    static constexpr std::size_t kSamples = 32;  // kSamples * spacing > window

    // The count of `source` at `nowSeconds` (non-decreasing); returns its rate over the window,
    // 0 until a second observation. A count that falls (the hub was replaced) starts over.
    double observe(const std::string& source, std::uint64_t messages, double nowSeconds);
    // Forgets every source not in `keep`.
    void retain(const std::vector<std::string_view>& keep);
    std::size_t tracked() const { return sources_.size(); }

private:
    struct Sample {
        double time = 0;
        std::uint64_t messages = 0;
    };
    struct History {
        std::array<Sample, kSamples> ring{};
        std::size_t next = 0, stored = 0;
    };
    std::map<std::string, History, std::less<>> sources_;
};

class FeedHealthTracker {
public:
    // `nowSeconds`: the caller's monotonic clock (the main loop's frame time).
    std::vector<FeedHealth> update(const Snapshot& snapshot, double nowSeconds);

private:
    FeedAges ages_;
    FeedRateTracker rates_;
};

}  // namespace exhibit
