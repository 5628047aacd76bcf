#include "input/pointer.hpp"

#include <algorithm>

namespace exhibit {

void PointerQueue::push(PointerEvent event) {
    std::lock_guard lock(mutex_);
    if (live_ >= capacity_) {
        while (scanFrom_ < slots_.size() &&
               !(slots_[scanFrom_].live && slots_[scanFrom_].event.phase == PointerPhase::Move)) {
            ++scanFrom_;
        }
        if (scanFrom_ < slots_.size()) {
            slots_[scanFrom_].live = false;
            slots_[scanFrom_].event = PointerEvent{};
            --live_;
            ++scanFrom_;
            ++dropped_;
        } else if (event.phase == PointerPhase::Move) {
            ++dropped_;
            return;
        }
    }
    if (slots_.size() - live_ >= std::max<std::size_t>(capacity_, 1)) {  // as many dead as the capacity
        std::erase_if(slots_, [](const Slot& s) { return !s.live; });
        scanFrom_ = 0;
    }
    slots_.push_back(Slot{std::move(event), true});
    ++live_;
}

std::vector<PointerEvent> PointerQueue::drain() {
    std::lock_guard lock(mutex_);
    std::vector<PointerEvent> out;
    out.reserve(live_);
    for (Slot& s : slots_) {
        if (s.live) out.push_back(std::move(s.event));
    }
    slots_.clear();
    live_ = 0;
    scanFrom_ = 0;
    return out;
}

std::uint64_t PointerQueue::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

}  // namespace exhibit
