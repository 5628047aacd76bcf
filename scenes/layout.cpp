#include "scenes/layout.hpp"

#include <algorithm>

namespace exhibit {

Layout::Layout(const ShowFile& show, glm::ivec2 output) : show_(show), output_(output) {
    const float designHeight = static_cast<float>(show.theme.designHeight);
    const float byHeight = static_cast<float>(output.y) / designHeight;
    const float byWidth = static_cast<float>(output.x) / (designHeight * 16.0f / 9.0f);
    scale_ = std::max(0.05f, std::min(byHeight, byWidth));
}

Rect Layout::region(std::string_view name) const {
    const Rect all = output();
    if (name.empty()) return all;
    const LayoutRegion* r = show_.findRegion(name);
    if (!r) return all;
    return {r->x * all.w, r->y * all.h, r->w * all.w, r->h * all.h};
}

}  // namespace exhibit
