// Carries operator commands into the main loop and its status out, between the threads of the
// control API (and the console) and the frame loop. The frame loop never waits on either: it drains
// the queue once a frame and publishes a fresh immutable status.
//
//   CommandQueue commands;  StatusBoard status;
//   API thread:  commands.push(SwitchScene{"map"});          auto s = status.latest();
//   main loop:   for (auto& c : commands.drain()) apply(c);   status.publish(makeStatus());
//
// Does not: validate commands (the sender checks ids against the status' scene list, and the main
// loop checks again), or decide anything.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "app/operator_types.hpp"

namespace exhibit {

class CommandQueue {
public:
    static constexpr std::size_t kCapacity = 256;  // a flood of requests cannot grow memory

    // False when the queue is full (the caller answers "busy").
    bool push(ControlCommand command) {
        std::lock_guard lock(mutex_);
        if (queue_.size() >= kCapacity) return false;
        queue_.push_back(std::move(command));
        return true;
    }
    std::vector<ControlCommand> drain() {
        std::lock_guard lock(mutex_);
        std::vector<ControlCommand> out;
        out.swap(queue_);
        return out;
    }

private:
    std::mutex mutex_;
    std::vector<ControlCommand> queue_;
};

class StatusBoard {
public:
    StatusBoard() : latest_(std::make_shared<const OperatorStatus>()) {}
    void publish(std::shared_ptr<const OperatorStatus> status) { latest_.store(std::move(status)); }
    std::shared_ptr<const OperatorStatus> latest() const { return latest_.load(); }

private:
    std::atomic<std::shared_ptr<const OperatorStatus>> latest_;
};

}  // namespace exhibit
