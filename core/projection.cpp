#include "core/projection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace exhibit {

namespace {

constexpr double kDegToRad = std::numbers::pi / 180.0;
// Smallest bounds extent used for fitting, in Mercator units (about 6 m): a point or a
// zero-width box would otherwise make the scale infinite.
constexpr double kMinExtent = 1e-6;
// Largest scale, so that pixel coordinates stay representable as float.
constexpr double kMaxScale = 1e12;

double finiteOr(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

}  // namespace

glm::dvec2 MapProjection::mercator(glm::dvec2 lonLat) {
    const double lon = std::clamp(finiteOr(lonLat.x, 0.0), -180.0, 180.0);
    const double lat = std::clamp(finiteOr(lonLat.y, 0.0), -kMercatorMaxLatitude, kMercatorMaxLatitude);
    return {lon * kDegToRad, std::log(std::tan(std::numbers::pi / 4.0 + lat * kDegToRad / 2.0))};
}

glm::dvec2 MapProjection::inverseMercator(glm::dvec2 m) {
    return {m.x / kDegToRad, (2.0 * std::atan(std::exp(m.y)) - std::numbers::pi / 2.0) / kDegToRad};
}

MapProjection MapProjection::fit(const GeoBounds& bounds, ScreenRect viewport, float marginPx) {
    MapProjection p;
    const double vx = finiteOr(viewport.x, 0.0), vy = finiteOr(viewport.y, 0.0);
    const double vw = std::max(0.0, finiteOr(viewport.w, 0.0));
    const double vh = std::max(0.0, finiteOr(viewport.h, 0.0));
    const double margin = std::max(0.0, finiteOr(marginPx, 0.0));
    const double availW = std::max(0.0, vw - 2.0 * margin);
    const double availH = std::max(0.0, vh - 2.0 * margin);

    glm::dvec2 lo(0.0), hi(0.0);
    if (!bounds.empty()) {
        lo = mercator(bounds.min);
        hi = mercator(bounds.max);
    }
    const double extentW = std::max(hi.x - lo.x, kMinExtent);
    const double extentH = std::max(hi.y - lo.y, kMinExtent);

    p.scale_ = std::min({availW / extentW, availH / extentH, kMaxScale});
    p.mercatorCentre_ = (lo + hi) * 0.5;
    p.screenCentre_ = glm::dvec2(vx + vw * 0.5, vy + vh * 0.5);

    const double fittedW = (hi.x - lo.x) * p.scale_, fittedH = (hi.y - lo.y) * p.scale_;
    p.fitted_ = ScreenRect{static_cast<float>(p.screenCentre_.x - fittedW * 0.5),
                           static_cast<float>(p.screenCentre_.y - fittedH * 0.5), static_cast<float>(fittedW),
                           static_cast<float>(fittedH)};
    return p;
}

glm::vec2 MapProjection::toScreen(glm::dvec2 lonLat) const {
    const glm::dvec2 m = mercator(lonLat) - mercatorCentre_;
    return {static_cast<float>(screenCentre_.x + m.x * scale_), static_cast<float>(screenCentre_.y - m.y * scale_)};
}

glm::dvec2 MapProjection::toLonLat(glm::vec2 screen) const {
    if (scale_ <= 0.0) return inverseMercator(mercatorCentre_);
    const glm::dvec2 d(finiteOr(screen.x, screenCentre_.x) - screenCentre_.x,
                       finiteOr(screen.y, screenCentre_.y) - screenCentre_.y);
    return inverseMercator(mercatorCentre_ + glm::dvec2(d.x / scale_, -d.y / scale_));
}

}  // namespace exhibit
