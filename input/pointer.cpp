#include "input/pointer.hpp"

#include <algorithm>

namespace exhibit {

void PointerQueue::push(PointerEvent event) {
    std::lock_guard lock(mutex_);
    if (events_.size() >= capacity_) {
        auto move = std::find_if(events_.begin(), events_.end(),
                                 [](const PointerEvent& e) { return e.phase == PointerPhase::Move; });
        if (move != events_.end()) {
            events_.erase(move);
            ++dropped_;
        } else if (event.phase == PointerPhase::Move) {
            ++dropped_;
            return;
        }
    }
    events_.push_back(std::move(event));
}

std::vector<PointerEvent> PointerQueue::drain() {
    std::lock_guard lock(mutex_);
    std::vector<PointerEvent> out;
    out.swap(events_);
    return out;
}

std::uint64_t PointerQueue::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

}  // namespace exhibit
