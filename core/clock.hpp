// Frame clocks. SteadyClock follows real time with each step clamped (a stall or a debugger pause
// never makes animations jump); ManualClock advances by a fixed step per frame, for deterministic
// tests, golden images and recordings (--fixed-dt).
#pragma once

#include <chrono>
#include <cstdint>

namespace exhibit {

struct FrameTime {
    double seconds = 0;  // since the clock started
    double dt = 0;       // since the previous frame
    std::uint64_t frame = 0;
};

class Clock {
public:
    virtual ~Clock() = default;
    virtual FrameTime tick() = 0;  // call once per frame
};

class SteadyClock final : public Clock {
public:
    explicit SteadyClock(double maxStepSeconds = 0.1) : maxStep_(maxStepSeconds) {}
    FrameTime tick() override;

private:
    using Steady = std::chrono::steady_clock;
    double maxStep_;
    bool started_ = false;
    Steady::time_point last_{};
    FrameTime time_;
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(double stepSeconds) : step_(stepSeconds) {}
    FrameTime tick() override;

private:
    double step_;
    bool started_ = false;
    FrameTime time_;
};

}  // namespace exhibit
