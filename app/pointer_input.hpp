// Touch screens and the development mouse as pointers: turns the platform's finger and mouse
// events into PointerEvents (input/pointer.hpp) with ids that never collide with TUIO's, and
// releases every contact (Cancel) when the window loses focus, so a touch cannot get stuck.
// The mouse is one pointer while its left button is held.
//
// Does not: see the mouse events SDL synthesises from touches (the platform drops them), recognise
// gestures, or filter jitter (touch screens filter in firmware).
#pragma once

#include <cstdint>
#include <map>

#include "input/pointer.hpp"
#include "renderer/platform/platform.hpp"

namespace exhibit {

class PlatformPointers {
public:
    // Pushes what `event` means for the pointers (nothing for other event types).
    void handle(const PlatformEvent& event, double now, PointerQueue& queue);
    std::size_t active() const { return fingers_.size() + (mouse_ ? 1 : 0); }

private:
    std::uint64_t nextId();

    std::map<std::int64_t, std::uint64_t> fingers_;  // SDL finger id -> pointer id
    std::uint64_t mouse_ = 0;                        // pointer id while the button is held
    glm::vec2 mousePos_{0, 0};
    std::uint64_t counter_ = 0;
};

}  // namespace exhibit
