// CPU geometry for anti-aliased strokes of any width: polylines and closed rings with miter joins
// (clamped at sharp angles so spikes never shoot out), and butt caps. The output triangles carry
// the signed distance across the stroke for the shape shader's coverage (see draw_list.hpp).
// Does not dash, round caps or self-overlap-correct translucent strokes: draw borders opaque.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <glm/vec2.hpp>

#include "renderer/draw_list.hpp"

namespace exhibit {

// Appends triangles for the stroke to `out`. Points closer than 1e-3 px to their predecessor are
// skipped; fewer than two distinct points produce nothing.
// `soft` makes a glow: full colour on the centre line fading to nothing at width / 2.
void appendStroke(std::span<const glm::vec2> points, float width, std::uint32_t color, bool closed,
                  std::vector<ShapeVertex>& out, bool soft = false);

}  // namespace exhibit
