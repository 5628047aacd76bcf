// Places labels without overlaps: candidates are tried in priority order, each at its anchor and
// then at a few nearby positions; a label that fits nowhere is dropped (never drawn on top of
// another). Works in pixels; knows nothing about fonts or GL, so it is unit-tested directly.
#pragma once

#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "renderer/canvas.hpp"

namespace exhibit {

struct LabelCandidate {
    glm::vec2 anchor;  // the label's preferred centre
    glm::vec2 size;    // the label box, including any halo
    float priority = 0;  // higher is placed first
};

class LabelPlacer {
public:
    explicit LabelPlacer(Rect bounds) : bounds_(bounds) {}
    void addObstacle(const Rect& r) { placed_.push_back(r); }
    // Returns the box the label was given, or nullopt when every position collides.
    std::optional<Rect> place(const LabelCandidate& candidate);
    // Places many at once in priority order; result[i] belongs to candidates[i].
    std::vector<std::optional<Rect>> placeAll(const std::vector<LabelCandidate>& candidates);

private:
    Rect bounds_;
    std::vector<Rect> placed_;
};

}  // namespace exhibit
