#include "scenes/map_camera.hpp"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace exhibit {
namespace {

GeoBounds lerp(const GeoBounds& a, const GeoBounds& b, double t) {
    GeoBounds r;
    r.min = a.min + (b.min - a.min) * t;
    r.max = a.max + (b.max - a.max) * t;
    return r;
}

// Zoom and pan work in Mercator units, where the projection is linear: the point under the fingers
// stays there exactly.
GeoBounds toMercator(const GeoBounds& b) {
    return {MapProjection::mercator(b.min), MapProjection::mercator(b.max)};
}
GeoBounds fromMercator(const GeoBounds& m) {
    return {MapProjection::inverseMercator(m.min), MapProjection::inverseMercator(m.max)};
}

double easeInOut(double t) { return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2; }

}  // namespace

MapCamera::MapCamera(const GeoBounds& home) : home_(home), view_(home), from_(home), to_(home) {}

double MapCamera::zoom() const {
    const double w = view_.max.x - view_.min.x;
    return w > 0 ? (home_.max.x - home_.min.x) / w : 1.0;
}

void MapCamera::clamp(GeoBounds& view) const {
    const GeoBounds home = toMercator(home_);
    GeoBounds b = toMercator(view);
    const glm::dvec2 homeSize = home.max - home.min;
    glm::dvec2 size = b.max - b.min;
    // Zoom limits: never wider than home, never closer than kMaxZoom.
    const double k = std::clamp(size.x / homeSize.x, 1.0 / kMaxZoom, 1.0) / (size.x / homeSize.x);
    glm::dvec2 centre = (b.min + b.max) * 0.5;
    size *= k;
    centre = glm::clamp(centre, home.min, home.max);
    b.min = centre - size * 0.5;
    b.max = centre + size * 0.5;
    view = fromMercator(b);
}

void MapCamera::flyTo(const GeoBounds& target, double seconds) {
    from_ = view_;
    to_ = target;
    clamp(to_);
    seconds_ = std::max(seconds, 1e-3);
    t_ = 0;
}

void MapCamera::panBy(glm::vec2 deltaPx, const MapProjection& now) {
    const glm::dvec2 shift = MapProjection::mercator(now.toLonLat(-deltaPx)) - MapProjection::mercator(now.toLonLat({0, 0}));
    GeoBounds m = toMercator(view_);
    m.min += shift;
    m.max += shift;
    view_ = fromMercator(m);
    clamp(view_);
    t_ = 1;
    moved_ = true;
}

void MapCamera::zoomBy(double factor, glm::vec2 centerPx, const MapProjection& now) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const glm::dvec2 c = MapProjection::mercator(now.toLonLat(centerPx));
    GeoBounds m = toMercator(view_);
    m.min = c + (m.min - c) / factor;
    m.max = c + (m.max - c) / factor;
    view_ = fromMercator(m);
    clamp(view_);
    t_ = 1;
    moved_ = true;
}

void MapCamera::settle() {
    if (moved_) ++restVersion_;
    moved_ = false;
}

void MapCamera::update(double dt) {
    if (t_ >= 1) return;
    t_ = std::min(1.0, t_ + dt / seconds_);
    view_ = t_ >= 1 ? to_ : lerp(from_, to_, easeInOut(t_));
    if (t_ >= 1) ++restVersion_;
}

MapProjection MapCamera::projection(const Rect& area, float marginPx) const {
    return MapProjection::fit(view_, {area.x, area.y, area.w, area.h}, marginPx);
}

MeshTransform MapCamera::transform(const MapProjection& built, const MapProjection& now) {
    const glm::dvec2 a{106.0, 26.0}, b{108.0, 28.0};
    const glm::vec2 builtA = built.toScreen(a), builtB = built.toScreen(b);
    const glm::vec2 nowA = now.toScreen(a), nowB = now.toScreen(b);
    const float builtLen = glm::length(builtB - builtA);
    MeshTransform t;
    t.scale = builtLen > 0 ? glm::length(nowB - nowA) / builtLen : 1.0f;
    t.offset = nowA - builtA * t.scale;
    if (std::abs(t.scale - 1) < 1e-6f && glm::length(t.offset) < 1e-3f) return {};
    return t;
}

}  // namespace exhibit
