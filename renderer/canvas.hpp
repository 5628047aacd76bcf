// The front end of 2D drawing for data walls. A scene describes its frame by calling Canvas
// methods; the Canvas records plain draw items (draw_list.hpp) in submission order and never calls
// GL. CanvasRenderer (canvas_renderer.hpp) executes the list.
//
//   canvas.begin({1920, 1080}, theme.background);
//   canvas.verticalGradient({0, 0, 1920, 1080}, top, bottom);
//   canvas.mesh(countyFills);                       // static geometry built once
//   canvas.polyline(points, 2.0f, white, true);     // anti-aliased, any width, mitred joins
//   canvas.circle({100, 100}, 8, accent);           // instanced: one draw call per batch
//   canvas.text(font, layoutText(font, "贵阳市", style), {x, y}, paint);
//   canvas.ripples(countyPulses, clock.seconds(), {});  // animated on the GPU, one draw call
//   canvas.flylines(shipments, clock.seconds(), {});   // animated on the GPU, one draw call
//
// Coordinates are pixels of the output, origin top-left, y down. Colours are straight alpha.
// Does not clip, sort or transform: what is submitted later is drawn on top.
#pragma once

#include <span>

#include "core/color.hpp"
#include "renderer/draw_list.hpp"
#include "renderer/text_layout.hpp"

namespace exhibit {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    glm::vec2 center() const { return {x + w * 0.5f, y + h * 0.5f}; }
    bool contains(glm::vec2 p) const { return p.x >= x && p.y >= y && p.x < x + w && p.y < y + h; }
    bool intersects(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
    Rect inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
};

struct TextPaint {
    Color color{1, 1, 1, 1};
    Color outline{0, 0, 0, 0};
    float outlineWidth = 0;  // px, drawn outside the glyph edge
    Color shadow{0, 0, 0, 0};
    glm::vec2 shadowOffset{0, 0};
    float shadowBlur = 0;  // px
};

class Canvas {
public:
    void begin(glm::ivec2 size, Color clear);
    glm::ivec2 size() const { return list_.size; }
    const DrawList& list() const { return list_; }

    // Shapes (instanced signed-distance boxes).
    void rect(const Rect& r, Color fill);
    void roundedRect(const Rect& r, float radius, Color fill);
    void roundedRectGradient(const Rect& r, float radius, Color top, Color bottom);
    void roundedRectStroke(const Rect& r, float radius, float width, Color color);
    void verticalGradient(const Rect& r, Color top, Color bottom);
    void horizontalGradient(const Rect& r, Color left, Color right);
    void circle(glm::vec2 center, float radius, Color fill);
    void ring(glm::vec2 center, float radius, float width, Color color);
    void glow(glm::vec2 center, float radius, Color inner, Color outer);  // radial gradient disc
    void shape(const ShapeInstance& instance);

    // Lines and triangles.
    void line(glm::vec2 a, glm::vec2 b, float width, Color color);
    void polyline(std::span<const glm::vec2> points, float width, Color color, bool closed);
    void triangles(std::span<const ShapeVertex> vertices);
    // `tint` multiplies the mesh's vertex colours (rgba), e.g. to recolour static fills per frame;
    // vertices are drawn at pos * scale + offset (a map zooming between rebuilds of its meshes).
    void mesh(const Mesh2DRef& mesh, glm::vec2 offset = {0, 0}, float opacity = 1.0f, Color tint = {1, 1, 1, 1},
              float scale = 1.0f);

    // Animated layers of static sets: the back end keeps the set on the GPU per (id, version) and
    // animates it from `timeSeconds` in the shaders, so a frame costs no work per point. Any clock
    // works (seconds since the show started, for days); ripples only use it modulo the period.
    void ripples(const RippleSetRef& set, double timeSeconds, const RippleStyle& style = {});
    void flylines(const FlylineSetRef& set, double timeSeconds, const FlylineStyle& style = {});

    // An image another renderer draws each frame (draw_list.hpp, ExternalLayer), filling r.
    void layer(const ExternalLayerRef& layer, const Rect& r, float opacity = 1.0f);

    // What is drawn from now until clearClip() shows only inside `r` (output px; a scissor, so
    // edges are pixel-sharp and it costs nothing per vertex). begin() clears it.
    void clip(const Rect& r);
    void clearClip();

    // Text laid out by layoutText(), placed with the layout box's top-left at `topLeft`.
    void text(const Font& font, const TextLayout& layout, glm::vec2 topLeft, const TextPaint& paint);

private:
    DrawItem& batch(DrawItem::Kind kind, std::uint32_t first);
    DrawItem& push(DrawItem item);
    DrawList list_;
    glm::vec4 clip_{0, 0, 0, 0};
};

}  // namespace exhibit
