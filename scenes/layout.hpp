// Layout in native pixels: design sizes from the show file (px at theme.designHeight on a 16:9
// output) become output pixels, and named layout regions become rectangles of the output. The
// regions come from the show's layout variant for the output's aspect ratio (a 32:9 wall gets its
// own arrangement instead of a stretched 16:9 one).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

#include "core/show.hpp"
#include "renderer/canvas.hpp"

namespace exhibit {

class Layout {
public:
    Layout(const ShowFile& show, glm::ivec2 output);
    // Design pixels -> output pixels. Height-driven, limited by width on outputs narrower than 16:9,
    // so an ultra-wide 32:9 wall keeps the text size of its height and gains room instead.
    float px(float designPx) const { return designPx * scale_; }
    float scale() const { return scale_; }
    Rect output() const { return {0, 0, static_cast<float>(output_.x), static_cast<float>(output_.y)}; }
    // The named region, or the whole output for an empty name or a region this layout lacks.
    Rect region(std::string_view name) const;
    // The named region when the output's layout has it.
    std::optional<Rect> find(std::string_view name) const;

private:
    const std::vector<LayoutRegion>& regions_;
    glm::ivec2 output_;
    float scale_;
};

}  // namespace exhibit
