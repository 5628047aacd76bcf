// The visible answer to a touch: a soft disc with a ring under every finger on the wall, and a
// ripple that spreads where a finger lands and where it lifts, so visitors see that the wall
// felt them even where nothing else reacts. Drawn over the scene.
//
//   TouchFeedback feedback;
//   feedback.add(event);                         // every PointerEvent of the frame
//   feedback.update(time.seconds);
//   feedback.draw(canvas, theme.accent, fingerRadiusPx);
//
// Memory is bounded (at most kMaxContacts fingers and kMaxRipples ripples; the oldest go first).
// Does not: recognise gestures, or draw anything for contacts cancelled as stuck.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "input/pointer.hpp"
#include "renderer/canvas.hpp"

namespace exhibit {

class TouchFeedback {
public:
    static constexpr std::size_t kMaxContacts = 64;
    static constexpr std::size_t kMaxRipples = 64;
    static constexpr double kRippleSeconds = 0.6;

    void add(const PointerEvent& event);
    void update(double now);
    void draw(Canvas& canvas, Color color, float radiusPx) const;

    std::size_t contacts() const { return contacts_.size(); }
    std::size_t ripples() const { return ripples_.size(); }

private:
    struct Ripple {
        glm::vec2 pos;
        double start;
        bool down;
    };
    void ripple(glm::vec2 pos, double time, bool down);

    std::map<std::uint64_t, glm::vec2> contacts_;
    std::vector<Ripple> ripples_;
    double now_ = 0;
};

}  // namespace exhibit
