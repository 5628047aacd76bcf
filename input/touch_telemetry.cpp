#include "input/touch_telemetry.hpp"

#include <algorithm>
#include <cmath>

namespace exhibit {

void TouchTelemetry::add(const PointerEvent& event) {
    ++events_;
    if (std::isfinite(event.time) && pendingTimes_.size() < kLatencySamples) pendingTimes_.push_back(event.time);
    switch (event.phase) {
        case PointerPhase::Down:
            ++touches_;
            if (active_.size() < kMaxContacts) active_.insert(event.id);
            recentDowns_.push_back(event.time);
            while (!recentDowns_.empty() && recentDowns_.front() < event.time - 1.0) recentDowns_.pop_front();
            if (recentDowns_.size() > 10 * kMaxContacts) recentDowns_.pop_front();
            break;
        case PointerPhase::Up:
        case PointerPhase::Cancel: active_.erase(event.id); break;
        case PointerPhase::Move: break;
    }
}

void TouchTelemetry::presented(double now) {
    for (double t : pendingTimes_) latencies_[latencyCount_++ % kLatencySamples] = std::max(0.0, now - t);
    pendingTimes_.clear();
}

TouchStats TouchTelemetry::stats(double now) const {
    TouchStats s;
    s.activeContacts = active_.size();
    s.touches = touches_;
    s.events = events_;
    s.touchesPerSecond = static_cast<double>(
        std::count_if(recentDowns_.begin(), recentDowns_.end(), [&](double t) { return t > now - 1.0 && t <= now; }));
    s.latencySamples = std::min(latencyCount_, kLatencySamples);
    if (s.latencySamples > 0) {
        std::vector<double> sorted(latencies_.begin(), latencies_.begin() + static_cast<std::ptrdiff_t>(s.latencySamples));
        std::sort(sorted.begin(), sorted.end());
        auto pct = [&](double p) { return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))] * 1000; };
        s.latencyP50Ms = pct(0.5);
        s.latencyP99Ms = pct(0.99);
    }
    return s;
}

}  // namespace exhibit
