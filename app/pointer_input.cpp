#include "app/pointer_input.hpp"

namespace exhibit {

// TUIO numbers its contacts from 1; platform pointers live far above.
std::uint64_t PlatformPointers::nextId() { return (std::uint64_t{1} << 62) | ++counter_; }

void PlatformPointers::handle(const PlatformEvent& event, double now, PointerQueue& queue) {
    using Type = PlatformEvent::Type;
    auto push = [&](std::uint64_t id, PointerPhase phase, PointerKind kind, glm::vec2 pos, const char* source) {
        PointerEvent e;
        e.id = id;
        e.phase = phase;
        e.kind = kind;
        e.pos = pos;
        e.time = now;
        e.source = source;
        queue.push(std::move(e));
    };
    switch (event.type) {
        case Type::FingerDown: {
            if (fingers_.count(event.finger)) break;  // a repeated down: the contact is already live
            const std::uint64_t id = nextId();
            fingers_[event.finger] = id;
            push(id, PointerPhase::Down, PointerKind::Touch, event.pos, "sdl");
            break;
        }
        case Type::FingerMove:
            if (auto it = fingers_.find(event.finger); it != fingers_.end())
                push(it->second, PointerPhase::Move, PointerKind::Touch, event.pos, "sdl");
            break;
        case Type::FingerUp:
            if (auto it = fingers_.find(event.finger); it != fingers_.end()) {
                push(it->second, PointerPhase::Up, PointerKind::Touch, event.pos, "sdl");
                fingers_.erase(it);
            }
            break;
        case Type::MouseDown:
            if (mouse_) break;
            mouse_ = nextId();
            mousePos_ = event.pos;
            push(mouse_, PointerPhase::Down, PointerKind::Mouse, event.pos, "mouse");
            break;
        case Type::MouseMove:
            mousePos_ = event.pos;
            if (mouse_) push(mouse_, PointerPhase::Move, PointerKind::Mouse, event.pos, "mouse");
            break;
        case Type::MouseUp:
            if (!mouse_) break;
            push(mouse_, PointerPhase::Up, PointerKind::Mouse, event.pos, "mouse");
            mouse_ = 0;
            break;
        case Type::FocusLost:
            for (const auto& [finger, id] : fingers_) push(id, PointerPhase::Cancel, PointerKind::Touch, {0, 0}, "sdl");
            fingers_.clear();
            if (mouse_) push(mouse_, PointerPhase::Cancel, PointerKind::Mouse, mousePos_, "mouse");
            mouse_ = 0;
            break;
        default: break;
    }
}

}  // namespace exhibit
