#include "scenes/county_history.hpp"

#include <algorithm>

namespace exhibit {

CountyHistory::CountyHistory(std::vector<std::string> metrics, double sampleSeconds, std::size_t capacity)
    : metrics_(std::move(metrics)),
      sampleSeconds_(std::max(1e-3, sampleSeconds)),
      capacity_(std::max<std::size_t>(1, capacity)) {}

void CountyHistory::update(const FrameTime& time, const Snapshot& snapshot) {
    const double now = time.seconds;
    if (started_ && now >= lastSample_ && now < nextDue_) return;
    // On time: keep the cadence. Late by a whole interval or more, or a clock that went back:
    // restart the cadence from now.
    const bool onCadence = started_ && now >= lastSample_ && now < nextDue_ + sampleSeconds_;
    nextDue_ = (onCadence ? nextDue_ : now) + sampleSeconds_;
    lastSample_ = now;
    started_ = true;
    sample(snapshot);
}

void CountyHistory::sample(const Snapshot& snapshot) {
    ++samplesTaken_;
    for (const auto& [adcode, values] : snapshot.values) {
        std::vector<Ring>* rings = nullptr;
        for (std::size_t m = 0; m < metrics_.size(); ++m) {
            auto v = values.find(metrics_[m]);
            if (v == values.end()) continue;
            if (!rings) {
                auto it = regions_.find(adcode);
                if (it == regions_.end()) {
                    it = regions_.emplace(adcode, std::vector<Ring>(metrics_.size())).first;
                }
                rings = &it->second;
            }
            Ring& ring = (*rings)[m];
            if (ring.samples.empty()) ring.samples.resize(capacity_);
            ring.samples[ring.next] = {v->second.value, v->second.provenance == Provenance::Simulated};
            ring.next = (ring.next + 1) % capacity_;
            ring.size = std::min(ring.size + 1, capacity_);
        }
    }
}

const CountyHistory::Ring* CountyHistory::find(std::string_view adcode, std::string_view metric) const {
    const auto m = std::find(metrics_.begin(), metrics_.end(), metric);
    const auto region = regions_.find(adcode);
    if (m == metrics_.end() || region == regions_.end()) return nullptr;
    return &region->second[static_cast<std::size_t>(m - metrics_.begin())];
}

std::vector<double> CountyHistory::series(std::string_view adcode, std::string_view metric) const {
    std::vector<double> out;
    const Ring* ring = find(adcode, metric);
    if (!ring) return out;
    out.reserve(ring->size);
    const std::size_t first = (ring->next + capacity_ - ring->size) % capacity_;
    for (std::size_t i = 0; i < ring->size; ++i) out.push_back(ring->samples[(first + i) % capacity_].value);
    return out;
}

Provenance CountyHistory::provenance(std::string_view adcode, std::string_view metric) const {
    const Ring* ring = find(adcode, metric);
    if (!ring) return Provenance::Real;
    const std::size_t first = (ring->next + capacity_ - ring->size) % capacity_;
    for (std::size_t i = 0; i < ring->size; ++i)
        if (ring->samples[(first + i) % capacity_].simulated) return Provenance::Simulated;
    return Provenance::Real;
}

}  // namespace exhibit
