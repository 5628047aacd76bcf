#include "scenes/layout.hpp"

#include <algorithm>

namespace exhibit {

namespace {

float aspectOf(glm::ivec2 output) { return output.y > 0 ? static_cast<float>(output.x) / static_cast<float>(output.y) : 1.0f; }

}  // namespace

Layout::Layout(const ShowFile& show, glm::ivec2 output) : regions_(show.regionsFor(aspectOf(output))), output_(output) {
    const float designHeight = static_cast<float>(show.theme.designHeight);
    const float byHeight = static_cast<float>(output.y) / designHeight;
    const float byWidth = static_cast<float>(output.x) / (designHeight * 16.0f / 9.0f);
    scale_ = std::max(0.05f, std::min(byHeight, byWidth));
}

Rect Layout::region(std::string_view name) const { return find(name).value_or(output()); }

std::optional<Rect> Layout::find(std::string_view name) const {
    const Rect all = output();
    if (name.empty()) return all;
    for (const LayoutRegion& r : regions_)
        if (r.name == name) return Rect{r.x * all.w, r.y * all.h, r.w * all.w, r.h * all.h};
    return std::nullopt;
}

}  // namespace exhibit
