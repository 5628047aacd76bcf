// CountyHistory: the recent past of a few feed metrics for every region, sampled from the newest
// Snapshot at a fixed interval of the scene clock, for the sparkline of the county card a visitor
// opens on the map (scenes/widgets/county_card.hpp). The feed's Snapshot only holds the latest value.
//
// Use:
//   CountyHistory history({"ecommerce_orders"});        // every 10 s, 90 samples: the last 15 minutes
//   history.update(time, *snapshot);                     // every frame; works only when a sample is due
//   std::vector<double> s = history.series("522633", "ecommerce_orders");       // oldest first
//   if (history.provenance("522633", "ecommerce_orders") == Provenance::Simulated) ...
//
// Sampling: the first update() samples at once, then every sampleSeconds of FrameTime::seconds. After
// a stall longer than an interval one sample is taken (no burst) and the cadence restarts from it;
// a clock that goes back (a restarted scene) samples at once and restarts the cadence.
// A region is sampled only while the snapshot has a value for it: a region with no value yet has
// an empty series, and one whose value disappears keeps its old samples (no gap is recorded).
// Memory: one ring of `capacity` samples per region and metric, allocated whole at the region's
// first value and never grown. Regions are those the feed reports (the hub accepts only the show's
// adcodes), so the memory stays bounded however long the show runs.
// Does not: timestamp samples, interpolate, fill gaps, or follow the feed's own clock (a stalled
// feed repeats its last value into the ring, which is what the wall shows meanwhile).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "data_feed/snapshot.hpp"

namespace exhibit {

class CountyHistory {
public:
    // sampleSeconds is at least 1 ms and capacity at least 1 (smaller values are raised to these).
    explicit CountyHistory(std::vector<std::string> metrics = {"ecommerce_orders"}, double sampleSeconds = 10,
                           std::size_t capacity = 90);

    void update(const FrameTime& time, const Snapshot& snapshot);

    // The samples of `metric` for the region, oldest first; empty for a region without a value yet
    // or a metric this history does not keep.
    std::vector<double> series(std::string_view adcode, std::string_view metric) const;
    // Simulated when any sample in the series is simulated (an empty series is Real: nothing to mark).
    Provenance provenance(std::string_view adcode, std::string_view metric) const;

    const std::vector<std::string>& metrics() const { return metrics_; }
    double sampleSeconds() const { return sampleSeconds_; }
    std::size_t capacity() const { return capacity_; }
    // The time a full series covers: capacity * sampleSeconds (900 s by default).
    double spanSeconds() const { return sampleSeconds_ * static_cast<double>(capacity_); }
    // Sampling passes so far (one per due interval, whatever the regions).
    std::uint64_t samplesTaken() const { return samplesTaken_; }

private:
    struct Sample {
        double value = 0;
        bool simulated = false;
    };
    // A fixed-size ring: `size` samples ending just before `next`.
    struct Ring {
        std::vector<Sample> samples;
        std::size_t next = 0, size = 0;
    };
    void sample(const Snapshot& snapshot);
    const Ring* find(std::string_view adcode, std::string_view metric) const;

    std::vector<std::string> metrics_;
    double sampleSeconds_;
    std::size_t capacity_;
    std::map<std::string, std::vector<Ring>, std::less<>> regions_;  // adcode -> one ring per metric
    bool started_ = false;
    double lastSample_ = 0;  // scene seconds of the latest sample
    double nextDue_ = 0;     // scene seconds of the next sample
    std::uint64_t samplesTaken_ = 0;
};

}  // namespace exhibit
