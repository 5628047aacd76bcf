#include "renderer/canvas_view.hpp"

#include <algorithm>

#include <glm/common.hpp>

namespace exhibit {
namespace {

// Canvas-rect coordinates (0..1, y down) to framebuffer coordinates (0..1, y down): the upright
// image turned counter-clockwise k times, so that turning the framebuffer clockwise undoes it.
glm::dvec2 turn(glm::dvec2 u, int k) {
    switch (k & 3) {
        case 1: return {u.y, 1 - u.x};
        case 2: return {1 - u.x, 1 - u.y};
        case 3: return {1 - u.y, u.x};
        default: return u;
    }
}

glm::dvec2 unturn(glm::dvec2 t, int k) {
    switch (k & 3) {
        case 1: return {1 - t.y, t.x};
        case 2: return {1 - t.x, 1 - t.y};
        case 3: return {t.y, 1 - t.x};
        default: return t;
    }
}

glm::dvec2 toUnit(const CanvasView& v, glm::dvec2 canvasPx) {
    return turn({(canvasPx.x - v.source.x) / v.source.z, (canvasPx.y - v.source.y) / v.source.w}, v.quarterTurns);
}

}  // namespace

CanvasView CanvasView::whole(glm::ivec2 size) {
    return {{0, 0, static_cast<float>(size.x), static_cast<float>(size.y)}, size, 0};
}

glm::vec2 CanvasView::toTarget(glm::vec2 canvasPx) const {
    return glm::vec2(toUnit(*this, canvasPx) * glm::dvec2(target));
}

glm::vec2 CanvasView::toCanvas(glm::vec2 targetPx) const {
    const glm::dvec2 u = unturn(glm::dvec2(targetPx) / glm::dvec2(target), quarterTurns);
    return {source.x + u.x * source.z, source.y + u.y * source.w};
}

ClipTransform CanvasView::clip() const {
    // Affine, so three points give it: the origin of the canvas and one step along each axis.
    auto clipOf = [&](glm::dvec2 p) {
        const glm::dvec2 t = toUnit(*this, p);
        return glm::dvec2(t.x * 2 - 1, 1 - t.y * 2);
    };
    const glm::dvec2 o = clipOf({0, 0});
    const glm::dvec2 ex = clipOf({1, 0}) - o, ey = clipOf({0, 1}) - o;
    return {glm::vec3(ex.x, ey.x, o.x), glm::vec3(ex.y, ey.y, o.y)};
}

glm::vec4 CanvasView::targetRect(glm::vec4 r) const {
    const glm::vec2 a = toTarget({r.x, r.y}), b = toTarget({r.x + r.z, r.y + r.w});
    const glm::vec2 lo = glm::min(a, b), hi = glm::max(a, b);
    return {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y};
}

}  // namespace exhibit
