#include "app/attract_mode.hpp"

namespace exhibit {

bool AttractMode::touched(double now) {
    lastTouch_ = now;
    const bool ended = active_;
    active_ = false;
    startRequested_ = false;
    byOperator_ = false;
    return ended;
}

void AttractMode::start(double now) {
    startRequested_ = !active_;
    byOperator_ = byOperator_ || startRequested_;
    lastTouch_ = now;
}

AttractMode::Action AttractMode::update(double now, std::size_t activeContacts) {
    if (activeContacts > 0) {
        touched(now);
        return Action::None;
    }
    if (!active_ && (startRequested_ || (idle_ > 0 && now - lastTouch_ >= idle_))) {
        active_ = true;
        startRequested_ = false;
        nextStep_ = now + step_;
        return Action::Start;
    }
    if (active_ && now >= nextStep_) {
        nextStep_ += step_;
        if (nextStep_ <= now) nextStep_ = now + step_;  // after a stall: no burst of catch-up steps
        return Action::Step;
    }
    return Action::None;
}

}  // namespace exhibit
