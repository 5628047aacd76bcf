// The plain data that flows from the front end (Canvas, filled by scenes) to the back end
// (CanvasRenderer, the only code that talks to GL): vertices, instances and draw items in
// submission order. Nothing here owns GL objects.
//
// Static data a scene keeps across frames (Mesh2D, RippleSet, FlylineSet) is shared by pointer and
// identified by `id`; the back end keeps a GPU copy per id while it is drawn. Ripple and flyline
// sets also carry a `version`: the scene changes the data, bumps the version, and the back end
// uploads again on the next draw. Changing the data without bumping the version is a misuse (the
// GPU keeps showing the old data).
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

// Animated markers: per point a glowing core dot and rings expanding from it to `radius`.
struct RipplePoint {
    glm::vec2 pos;         // px
    float radius;          // px, outer radius the rings reach
    std::uint32_t color;   // Color::packed(), straight alpha
    float phase;           // 0..1, offset into the ring cycle so neighbours do not pulse together
};
struct RippleSet {
    RippleSet();
    std::vector<RipplePoint> points;
    std::uint64_t id;  // unique per RippleSet instance
    std::uint64_t version = 0;
};
using RippleSetRef = std::shared_ptr<const RippleSet>;
struct RippleStyle {
    float periodSeconds = 2.4f;  // one ring's travel from the core to the radius
    int rings = 2;               // rings in flight per point, evenly spread over the period (0..8)
    float ringWidth = 1.5f;      // px
    float coreScale = 0.28f;     // core dot radius as a fraction of the point's radius
    float opacity = 1;
};

// An arc from `from` to `to`: a quadratic Bezier whose control point sits above the chord's
// middle by bend * chord length (flylineControlPoint). A head travels along it from startTime for
// `duration` seconds with a trail behind; then the arc fades out.
struct Flyline {
    glm::vec2 from, to;    // px
    float bend;            // arc height as a fraction of the chord length
    std::uint32_t color;   // Color::packed(), straight alpha
    float width;           // px
    double startTime;      // seconds, on the clock passed to Canvas::flylines
    float duration;        // seconds of the head's flight
};
struct FlylineSet {
    FlylineSet();
    std::vector<Flyline> lines;
    std::uint64_t id;  // unique per FlylineSet instance
    std::uint64_t version = 0;
};
using FlylineSetRef = std::shared_ptr<const FlylineSet>;
struct FlylineStyle {
    float trail = 0.35f;        // trail length as a fraction of the arc (Bezier parameter)
    float fadeSeconds = 0.8f;   // fade-out of the whole arc after the head arrives
    float baseAlpha = 0.18f;    // faint full arc while the line is alive
    float headRadius = 3;       // px, the head's solid core; its glow reaches 2.5 times as far
};

// The arc's control point: the chord's middle moved by bend * chord length along the chord's
// normal that points up on screen (towards -y; towards +x for a vertical chord).
glm::vec2 flylineControlPoint(glm::vec2 from, glm::vec2 to, float bend);
// The point at Bezier parameter t (0 = from, 1 = to); the head is at t = progress.
glm::vec2 flylinePoint(const Flyline& line, float t);

// What another renderer draws with GL into a texture, once per frame, for the canvas to show in a
// rectangle (the VR tour's 3D view): CanvasRenderer::prepare() calls renderLayer() with a current
// context before any output is drawn, so every output of a wall shows the same frame.
class ExternalLayer {
public:
    virtual ~ExternalLayer() = default;
    // Returns a GL texture of `size` px (premultiplied RGBA, row 0 at the bottom as GL renders
    // it), or 0 to show nothing. The texture stays the layer's.
    virtual unsigned renderLayer(glm::ivec2 size) = 0;
};
using ExternalLayerRef = std::shared_ptr<ExternalLayer>;

struct LayerDraw {
    ExternalLayerRef layer;
    glm::vec4 rect;  // x, y, w, h in canvas px
};

struct RippleDraw {
    RippleSetRef set;
    double timeSeconds;
    RippleStyle style;
};
struct FlylineDraw {
    FlylineSetRef set;
    double timeSeconds;
    FlylineStyle style;
};

struct DrawItem {
    enum class Kind { Triangles, Mesh, Shapes, Glyphs, Ripples, Flylines, Layer };
    Kind kind;
    // Triangles, Shapes, Glyphs: a range of the frame's vertex / instance / glyph arrays.
    // Ripples, Flylines, Layer: `first` indexes DrawList::ripples / flylines / layers, `count` is
    // points / lines (1 for a layer).
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    Mesh2DRef mesh;           // Kind::Mesh
    glm::vec2 offset{0, 0};   // Kind::Mesh translation in px
    float opacity = 1.0f;
    glm::vec4 tint{1, 1, 1, 1};  // Kind::Mesh: multiplies the vertex colours (straight alpha)
    float scale = 1.0f;          // Kind::Mesh: vertices are drawn at pos * scale + offset
    glm::vec4 clip{0, 0, 0, 0};  // x, y, w, h in output px (y down): drawn only inside; w <= 0: everywhere
};

struct DrawList {
    glm::ivec2 size{0, 0};
    glm::vec4 clearColor{0, 0, 0, 1};
    std::vector<ShapeVertex> vertices;
    std::vector<ShapeInstance> shapes;
    std::vector<GlyphDraw> glyphs;
    std::vector<RippleDraw> ripples;
    std::vector<FlylineDraw> flylines;
    std::vector<LayerDraw> layers;
    std::vector<DrawItem> items;
    void clear();
};

}  // namespace exhibit
