#include "core/clock.hpp"

#include <algorithm>

namespace exhibit {

FrameTime SteadyClock::tick() {
    const auto now = Steady::now();
    if (!started_) {
        started_ = true;
        last_ = now;
        return time_;
    }
    time_.dt = std::clamp(std::chrono::duration<double>(now - last_).count(), 0.0, maxStep_);
    time_.seconds += time_.dt;
    ++time_.frame;
    last_ = now;
    return time_;
}

FrameTime ManualClock::tick() {
    if (!started_) {
        started_ = true;
        return time_;
    }
    time_.dt = step_;
    time_.seconds = static_cast<double>(time_.frame + 1) * step_;
    ++time_.frame;
    return time_;
}

}  // namespace exhibit
