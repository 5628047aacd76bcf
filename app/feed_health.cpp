#include "app/feed_health.hpp"

#include <algorithm>
#include <string>

namespace exhibit {

std::string_view feedStateName(SourceState state) {
    switch (state) {
        case SourceState::Connecting: return "connecting";
        case SourceState::Ok: return "ok";
        case SourceState::Stale: return "stale";
        case SourceState::Error: return "error";
    }
    return "connecting";
}

double FeedRateTracker::observe(const std::string& source, std::uint64_t messages, double nowSeconds) {
    History& h = sources_[source];
    auto at = [&h](std::size_t i) -> Sample& { return h.ring[(h.next + kSamples - h.stored + i) % kSamples]; };
    if (h.stored > 0) {
        const Sample& newest = at(h.stored - 1);
        if (messages < newest.messages || nowSeconds < newest.time) h.stored = 0;  // a new hub, a new clock
    }
    // The rate from the oldest sample inside the window to now (from the newest sample when the
    // caller came back after more than a window).
    double rate = 0;
    if (h.stored > 0) {
        std::size_t base = h.stored - 1;
        for (std::size_t i = 0; i < h.stored; ++i) {
            if (at(i).time >= nowSeconds - kRateWindowSeconds) {
                base = i;
                break;
            }
        }
        const Sample& s = at(base);
        if (nowSeconds > s.time) rate = static_cast<double>(messages - s.messages) / (nowSeconds - s.time);
    }
    if (h.stored == 0 || nowSeconds - at(h.stored - 1).time >= kSampleSpacingSeconds) {
        h.ring[h.next] = {nowSeconds, messages};
        h.next = (h.next + 1) % kSamples;
        h.stored = std::min(h.stored + 1, kSamples);
    }
    return rate;
}

void FeedRateTracker::retain(const std::vector<std::string_view>& keep) {
    for (auto it = sources_.begin(); it != sources_.end();) {
        if (std::find(keep.begin(), keep.end(), std::string_view(it->first)) == keep.end())
            it = sources_.erase(it);
        else
            ++it;
    }
}

std::vector<FeedHealth> FeedHealthTracker::update(const Snapshot& snapshot, double nowSeconds) {
    ages_.update(FrameTime{nowSeconds, 0, 0}, snapshot);
    std::vector<FeedHealth> feeds;
    std::vector<std::string_view> names;
    feeds.reserve(snapshot.sources.size());
    names.reserve(snapshot.sources.size());
    std::vector<std::string> keys;  // the name, "#2", "#3", ... appended to repeats
    keys.reserve(snapshot.sources.size());
    for (const SourceStatus& s : snapshot.sources) {
        std::string key = s.name;
        for (int n = 2; std::find(keys.begin(), keys.end(), key) != keys.end(); ++n) key = s.name + "#" + std::to_string(n);
        keys.push_back(std::move(key));
    }
    for (std::size_t i = 0; i < snapshot.sources.size(); ++i) {
        const SourceStatus& s = snapshot.sources[i];
        FeedHealth f;
        f.name = s.name;
        f.state = std::string(feedStateName(s.state));
        f.ageSeconds = s.lastUpdate > 0 ? ages_.source(snapshot, i).second : -1;
        f.messagesPerSecond = rates_.observe(keys[i], s.messages, nowSeconds);
        f.messages = s.messages;
        f.rejected = s.rejected;
        f.lastError = s.lastError;
        feeds.push_back(std::move(f));
    }
    for (const auto& key : keys) names.push_back(key);
    rates_.retain(names);
    return feeds;
}

}  // namespace exhibit
