#include "app/frame_health.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace exhibit {

void FrameHealthMeter::record(double nowSeconds, double frameMs) {
    if (!std::isfinite(frameMs) || frameMs < 0) frameMs = 0;  // a broken clock must not poison the sum
    if (frames_ == 0) firstTime_ = nowSeconds;
    if (stored_ == kCapacity) {
        lastEvicted_ = ring_[next_].time;
        evicted_ = true;
    } else {
        ++stored_;
    }
    ring_[next_] = {nowSeconds, frameMs};
    next_ = (next_ + 1) % kCapacity;

    ++frames_;
    sumMs_ += frameMs;
    for (std::size_t i = 0; i < kBucketUpperMs.size(); ++i) {
        if (frameMs <= kBucketUpperMs[i]) {
            ++buckets_[i];
            break;
        }
    }
}

FrameHealth FrameHealthMeter::health(double nowSeconds) const {
    FrameHealth h;
    h.frames = frames_;
    h.sumMs = sumMs_;
    h.bucketUpperMs.assign(kBucketUpperMs.begin(), kBucketUpperMs.end());
    h.bucketCounts.resize(kBucketUpperMs.size());
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketUpperMs.size(); ++i) {
        cumulative += buckets_[i];
        h.bucketCounts[i] = cumulative;
    }

    const double windowStart = nowSeconds - kWindowSeconds;
    std::vector<double> window;
    window.reserve(stored_);
    for (std::size_t i = 0; i < stored_; ++i) {
        const Sample& s = ring_[i];
        if (s.time > windowStart && s.time <= nowSeconds) window.push_back(s.ms);
    }
    if (window.empty()) return h;

    // Frames that ended in the half-open interval (from, now], divided by its length.
    double count = static_cast<double>(window.size());
    double from = windowStart;
    if (evicted_ && lastEvicted_ > windowStart) {
        from = lastEvicted_;          // the ring holds fewer than the window's frames
    } else if (firstTime_ > windowStart) {
        from = firstTime_;            // started less than a window ago: the first frame opens it
        count -= 1;
    }
    if (nowSeconds > from) h.fps = count / (nowSeconds - from);

    std::sort(window.begin(), window.end());
    auto pct = [&](double p) { return window[static_cast<std::size_t>(p * static_cast<double>(window.size() - 1))]; };
    h.p50Ms = pct(0.5);
    h.p99Ms = pct(0.99);
    return h;
}

}  // namespace exhibit
