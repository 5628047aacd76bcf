// Frame health for the operator and /metrics: frames per second and p50 / p99 frame time over the
// last few seconds, and a cumulative histogram of every frame since start (Prometheus style).
//
//   FrameHealthMeter meter;
//   meter.record(time.seconds, cpuMs);          // once per frame, with the frame's CPU time
//   status.frames = meter.health(time.seconds); // whenever the status is published
//
// Memory is fixed: the window is a ring of kCapacity frames (at more than kCapacity / kWindowSeconds
// frames per second the window holds the newest kCapacity frames, and fps is counted over the time
// they span), and the histogram has kBucketUpperMs.size() buckets. Nothing grows over days.
// Percentiles use the same rule as the runner's exit summary: the sorted sample at floor(p * (n - 1)).
// Does not: read the clock (the caller passes its frame time), or measure GPU time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "app/operator_types.hpp"

namespace exhibit {

class FrameHealthMeter {
public:
    static constexpr double kWindowSeconds = 5;
    static constexpr std::size_t kCapacity = 4096;
    // Upper bounds (ms) suited to frame times: 240, 120, 80, 60, 50, 40, 30, 20, 10, 4 and 1 Hz.
    static constexpr std::array<double, 11> kBucketUpperMs{4, 8, 12, 16.7, 20, 25, 33.3, 50, 100, 250, 1000};

    // A frame that ended at `nowSeconds` (non-decreasing, any monotonic clock) took `frameMs`
    // (negative or non-finite times count as 0 ms).
    void record(double nowSeconds, double frameMs);
    // The window is (nowSeconds - kWindowSeconds, nowSeconds]; a loop that stops recording shows
    // its fps falling towards 0.
    FrameHealth health(double nowSeconds) const;

private:
    struct Sample {
        double time = 0;
        double ms = 0;
    };
    std::array<Sample, kCapacity> ring_{};
    std::size_t next_ = 0;    // where the next sample goes
    std::size_t stored_ = 0;  // samples in the ring (<= kCapacity)
    double firstTime_ = 0;
    double lastEvicted_ = 0;  // time of the newest sample the ring dropped, when stored_ == kCapacity
    bool evicted_ = false;
    std::uint64_t frames_ = 0;
    double sumMs_ = 0;
    std::array<std::uint64_t, kBucketUpperMs.size()> buckets_{};  // non-cumulative
};

}  // namespace exhibit
