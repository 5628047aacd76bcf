#include "scenes/label_placer.hpp"

#include <algorithm>
#include <numeric>

namespace exhibit {

std::optional<Rect> LabelPlacer::place(const LabelCandidate& c) {
    const float dx = c.size.x * 0.5f + 2.0f, dy = c.size.y * 0.6f;
    const glm::vec2 shifts[] = {{0, 0}, {0, -dy}, {0, dy}, {dx, 0}, {-dx, 0}, {dx, -dy}, {-dx, -dy}, {dx, dy}, {-dx, dy}};
    for (const auto& shift : shifts) {
        const glm::vec2 centre = c.anchor + shift;
        const Rect box{centre.x - c.size.x * 0.5f, centre.y - c.size.y * 0.5f, c.size.x, c.size.y};
        if (box.x < bounds_.x || box.y < bounds_.y || box.x + box.w > bounds_.x + bounds_.w ||
            box.y + box.h > bounds_.y + bounds_.h)
            continue;
        if (std::any_of(placed_.begin(), placed_.end(), [&](const Rect& r) { return r.intersects(box); })) continue;
        placed_.push_back(box);
        return box;
    }
    return std::nullopt;
}

std::vector<std::optional<Rect>> LabelPlacer::placeAll(const std::vector<LabelCandidate>& candidates) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return candidates[a].priority > candidates[b].priority; });
    std::vector<std::optional<Rect>> result(candidates.size());
    for (std::size_t i : order) result[i] = place(candidates[i]);
    return result;
}

}  // namespace exhibit
