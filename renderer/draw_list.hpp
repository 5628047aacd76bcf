// The plain data that flows from the front end (Canvas, filled by scenes) to the back end
// (CanvasRenderer, the only code that talks to GL): vertices, instances and draw items in
// submission order. Nothing here owns GL objects.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace exhibit {

class Font;

// Triangles with analytic anti-aliasing across strokes: `edge.x` is the signed distance from the
// stroke's centre line in pixels and `edge.y` its half width; fills use edge = {0, kSolidEdge}.
struct ShapeVertex {
    glm::vec2 pos;
    std::uint32_t color;  // Color::packed(), straight alpha
    glm::vec2 edge;
};
inline constexpr float kSolidEdge = 1.0e6f;

enum class Gradient : std::uint32_t { None = 0, Vertical = 1, Horizontal = 2, Radial = 3 };

// A rounded box evaluated as a signed distance field in the fragment shader: rectangles, rounded
// panels, circles (radius = half size), rings (stroke > 0) and soft glows (softness > 1).
struct ShapeInstance {
    glm::vec4 box;     // centre x, y, half width, half height (px)
    glm::vec4 params;  // corner radius, stroke width (0 = filled), softness (px), Gradient
    std::uint32_t colorA;
    std::uint32_t colorB;  // gradient end colour
};

// One glyph to draw; the back end resolves it against the SDF atlas.
struct GlyphDraw {
    const Font* font;
    std::uint32_t glyph;
    glm::vec2 pen;  // baseline origin, px, y down
    float sizePx;
    std::uint32_t color;
    std::uint32_t outlineColor;
    float outlineWidth;  // px
    float softness;      // px of edge blur (shadows)
};

// Static triangle geometry a scene builds once (map polygons, borders) and draws every frame.
// The back end uploads it on first use and keeps it while it is drawn.
struct Mesh2D {
    Mesh2D();
    std::vector<ShapeVertex> vertices;
    std::uint64_t id;  // unique per Mesh2D instance
};
using Mesh2DRef = std::shared_ptr<const Mesh2D>;

struct DrawItem {
    enum class Kind { Triangles, Mesh, Shapes, Glyphs };
    Kind kind;
    std::uint32_t first = 0;  // into the frame's vertex / instance / glyph arrays
    std::uint32_t count = 0;
    Mesh2DRef mesh;           // Kind::Mesh
    glm::vec2 offset{0, 0};   // Kind::Mesh translation in px
    float opacity = 1.0f;
    glm::vec4 tint{1, 1, 1, 1};  // Kind::Mesh: multiplies the vertex colours (straight alpha)
};

struct DrawList {
    glm::ivec2 size{0, 0};
    glm::vec4 clearColor{0, 0, 0, 1};
    std::vector<ShapeVertex> vertices;
    std::vector<ShapeInstance> shapes;
    std::vector<GlyphDraw> glyphs;
    std::vector<DrawItem> items;
    void clear();
};

}  // namespace exhibit
