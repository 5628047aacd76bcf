#include "renderer/canvas.hpp"

#include <algorithm>

#include "renderer/stroke.hpp"

namespace exhibit {

void Canvas::begin(glm::ivec2 size, Color clear) {
    list_.clear();
    list_.size = size;
    list_.clearColor = {clear.r, clear.g, clear.b, clear.a};
    clip_ = {0, 0, 0, 0};
}

void Canvas::clip(const Rect& r) { clip_ = {r.x, r.y, std::max(r.w, 1e-3f), std::max(r.h, 0.0f)}; }
void Canvas::clearClip() { clip_ = {0, 0, 0, 0}; }

DrawItem& Canvas::push(DrawItem item) {
    item.clip = clip_;
    list_.items.push_back(std::move(item));
    return list_.items.back();
}

DrawItem& Canvas::batch(DrawItem::Kind kind, std::uint32_t first) {
    if (!list_.items.empty() && list_.items.back().kind == kind && kind != DrawItem::Kind::Mesh &&
        list_.items.back().clip == clip_)
        return list_.items.back();
    return push(DrawItem{kind, first, 0, nullptr, {0, 0}, 1.0f, {1, 1, 1, 1}});
}

void Canvas::shape(const ShapeInstance& instance) {
    auto& item = batch(DrawItem::Kind::Shapes, static_cast<std::uint32_t>(list_.shapes.size()));
    list_.shapes.push_back(instance);
    ++item.count;
}

namespace {

ShapeInstance box(const Rect& r, float radius, float stroke, float softness, Gradient gradient, Color a, Color b) {
    return {{r.x + r.w * 0.5f, r.y + r.h * 0.5f, r.w * 0.5f, r.h * 0.5f},
            {radius, stroke, softness, static_cast<float>(gradient)},
            a.packed(),
            b.packed()};
}

}  // namespace

void Canvas::rect(const Rect& r, Color fill) { shape(box(r, 0, 0, 0, Gradient::None, fill, fill)); }
void Canvas::roundedRect(const Rect& r, float radius, Color fill) {
    shape(box(r, radius, 0, 0, Gradient::None, fill, fill));
}
void Canvas::roundedRectGradient(const Rect& r, float radius, Color top, Color bottom) {
    shape(box(r, radius, 0, 0, Gradient::Vertical, top, bottom));
}
void Canvas::roundedRectStroke(const Rect& r, float radius, float width, Color color) {
    shape(box(r, radius, width, 0, Gradient::None, color, color));
}
void Canvas::verticalGradient(const Rect& r, Color top, Color bottom) {
    shape(box(r, 0, 0, 0, Gradient::Vertical, top, bottom));
}
void Canvas::horizontalGradient(const Rect& r, Color left, Color right) {
    shape(box(r, 0, 0, 0, Gradient::Horizontal, left, right));
}
void Canvas::circle(glm::vec2 c, float radius, Color fill) {
    shape(box({c.x - radius, c.y - radius, 2 * radius, 2 * radius}, radius, 0, 0, Gradient::None, fill, fill));
}
void Canvas::ring(glm::vec2 c, float radius, float width, Color color) {
    shape(box({c.x - radius, c.y - radius, 2 * radius, 2 * radius}, radius, width, 0, Gradient::None, color, color));
}
void Canvas::glow(glm::vec2 c, float radius, Color inner, Color outer) {
    shape(box({c.x - radius, c.y - radius, 2 * radius, 2 * radius}, radius, 0, 0, Gradient::Radial, inner, outer));
}

void Canvas::line(glm::vec2 a, glm::vec2 b, float width, Color color) {
    const glm::vec2 points[2] = {a, b};
    polyline(points, width, color, false);
}

void Canvas::polyline(std::span<const glm::vec2> points, float width, Color color, bool closed) {
    const auto first = static_cast<std::uint32_t>(list_.vertices.size());
    appendStroke(points, width, color.packed(), closed, list_.vertices);
    const auto added = static_cast<std::uint32_t>(list_.vertices.size()) - first;
    if (added > 0) batch(DrawItem::Kind::Triangles, first).count += added;
}

void Canvas::triangles(std::span<const ShapeVertex> vertices) {
    if (vertices.empty()) return;
    auto& item = batch(DrawItem::Kind::Triangles, static_cast<std::uint32_t>(list_.vertices.size()));
    list_.vertices.insert(list_.vertices.end(), vertices.begin(), vertices.end());
    item.count += static_cast<std::uint32_t>(vertices.size());
}

void Canvas::mesh(const Mesh2DRef& mesh, glm::vec2 offset, float opacity, Color tint, float scale) {
    if (!mesh || mesh->vertices.empty()) return;
    push(DrawItem{DrawItem::Kind::Mesh, 0, static_cast<std::uint32_t>(mesh->vertices.size()), mesh, offset, opacity,
                  {tint.r, tint.g, tint.b, tint.a}, scale});
}

void Canvas::ripples(const RippleSetRef& set, double timeSeconds, const RippleStyle& style) {
    if (!set || set->points.empty()) return;
    push(DrawItem{DrawItem::Kind::Ripples, static_cast<std::uint32_t>(list_.ripples.size()),
                  static_cast<std::uint32_t>(set->points.size()), nullptr, {0, 0}, 1.0f, {1, 1, 1, 1}});
    list_.ripples.push_back(RippleDraw{set, timeSeconds, style});
}

void Canvas::flylines(const FlylineSetRef& set, double timeSeconds, const FlylineStyle& style) {
    if (!set || set->lines.empty()) return;
    push(DrawItem{DrawItem::Kind::Flylines, static_cast<std::uint32_t>(list_.flylines.size()),
                  static_cast<std::uint32_t>(set->lines.size()), nullptr, {0, 0}, 1.0f, {1, 1, 1, 1}});
    list_.flylines.push_back(FlylineDraw{set, timeSeconds, style});
}

void Canvas::layer(const ExternalLayerRef& layer, const Rect& r, float opacity) {
    if (!layer || r.w < 1 || r.h < 1) return;
    push(DrawItem{DrawItem::Kind::Layer, static_cast<std::uint32_t>(list_.layers.size()), 1, nullptr, {0, 0}, opacity,
                  {1, 1, 1, 1}});
    list_.layers.push_back(LayerDraw{layer, {r.x, r.y, r.w, r.h}});
}

void Canvas::text(const Font& font, const TextLayout& layout, glm::vec2 topLeft, const TextPaint& paint) {
    if (layout.glyphs.empty()) return;
    auto& item = batch(DrawItem::Kind::Glyphs, static_cast<std::uint32_t>(list_.glyphs.size()));
    auto emit = [&](glm::vec2 offset, std::uint32_t color, std::uint32_t outlineColor, float outlineWidth,
                    float softness) {
        for (const auto& g : layout.glyphs)
            list_.glyphs.push_back(GlyphDraw{&font, g.glyph, topLeft + offset + glm::vec2{g.x, g.y}, layout.sizePx,
                                             color, outlineColor, outlineWidth, softness});
        item.count += static_cast<std::uint32_t>(layout.glyphs.size());
    };
    if (paint.shadow.a > 0)
        emit(paint.shadowOffset, paint.shadow.packed(), paint.shadow.packed(), paint.outlineWidth, paint.shadowBlur);
    emit({0, 0}, paint.color.packed(), paint.outline.packed(), paint.outline.a > 0 ? paint.outlineWidth : 0, 0);
}

}  // namespace exhibit
