#include "scenes/touch_feedback.hpp"

#include <algorithm>

namespace exhibit {

void TouchFeedback::ripple(glm::vec2 pos, double time, bool down) {
    if (ripples_.size() >= kMaxRipples) ripples_.erase(ripples_.begin());
    ripples_.push_back({pos, time, down});
}

void TouchFeedback::add(const PointerEvent& e) {
    switch (e.phase) {
        case PointerPhase::Down:
            if (contacts_.size() < kMaxContacts) contacts_[e.id] = e.pos;
            ripple(e.pos, e.time, true);
            break;
        case PointerPhase::Move:
            if (auto it = contacts_.find(e.id); it != contacts_.end()) it->second = e.pos;
            break;
        case PointerPhase::Up:
            if (contacts_.erase(e.id) > 0) ripple(e.pos, e.time, false);
            break;
        case PointerPhase::Cancel: contacts_.erase(e.id); break;
    }
}

void TouchFeedback::update(double now) {
    now_ = now;
    std::erase_if(ripples_, [&](const Ripple& r) { return now - r.start > kRippleSeconds; });
}

void TouchFeedback::draw(Canvas& canvas, Color color, float radiusPx) const {
    for (const auto& [id, pos] : contacts_) {
        canvas.circle(pos, radiusPx, color.withAlpha(0.18f));
        canvas.ring(pos, radiusPx, radiusPx * 0.08f, color.withAlpha(0.75f));
    }
    for (const Ripple& r : ripples_) {
        const float t = static_cast<float>(std::clamp((now_ - r.start) / kRippleSeconds, 0.0, 1.0));
        const float radius = radiusPx * (r.down ? 1.0f + 1.4f * t : 1.0f + 0.6f * t);
        canvas.ring(r.pos, radius, radiusPx * 0.06f, color.withAlpha((r.down ? 0.6f : 0.35f) * (1 - t)));
    }
}

}  // namespace exhibit
