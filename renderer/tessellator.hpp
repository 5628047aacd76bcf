// Triangulates polygons with holes (and self-touching rings, as real boundary data has) through the
// GLU tessellator from libglu1-mesa, with the odd winding rule. CPU only; no GL context needed.
#pragma once

#include <span>
#include <vector>

#include <glm/vec2.hpp>

namespace exhibit {

// rings[0] is the exterior, the rest are holes (orientation does not matter). Appends the triangles
// (three points each) to `out`; degenerate input yields none. Returns false when GLU reports an error.
bool tessellatePolygon(std::span<const std::vector<glm::vec2>> rings, std::vector<glm::vec2>& out);

}  // namespace exhibit
