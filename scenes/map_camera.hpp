// What part of the map is in view: the whole province ("home"), a prefecture flown to after a tap,
// or wherever pan and pinch left it, within limits (at most kMaxZoom times closer than home, the
// view's centre inside the province). Flights ease over a fraction of a second; pans and pinches
// apply at once. The map's static meshes are built for one projection; while the camera moves,
// transform() says how to draw them for the current view (a uniform scale and an offset), and
// settled() tells the map when to rebuild them crisply for where the camera stopped.
//
//   MapCamera camera(province.bounds);
//   camera.flyTo(prefecture.bounds);                     // tap on a prefecture
//   camera.update(dt);
//   MapProjection now = camera.projection(area, margin);
//
// Does not: know features, hit-test, or draw.
#pragma once

#include <cstdint>

#include "core/geojson.hpp"
#include "core/projection.hpp"
#include "renderer/canvas.hpp"

namespace exhibit {

struct MeshTransform {
    float scale = 1;
    glm::vec2 offset{0, 0};
    bool identity() const { return scale == 1 && offset == glm::vec2(0, 0); }
    glm::vec2 apply(glm::vec2 p) const { return p * scale + offset; }
};

class MapCamera {
public:
    static constexpr double kMaxZoom = 8;
    static constexpr double kFlightSeconds = 0.7;

    explicit MapCamera(const GeoBounds& home = {});

    void flyTo(const GeoBounds& target, double seconds = kFlightSeconds);
    void flyHome(double seconds = kFlightSeconds) { flyTo(home_, seconds); }
    // Pans by a screen delta / zooms by a factor about a screen point, given the current projection.
    void panBy(glm::vec2 deltaPx, const MapProjection& now);
    void zoomBy(double factor, glm::vec2 centerPx, const MapProjection& now);
    void update(double dtSeconds);

    const GeoBounds& view() const { return view_; }
    bool flying() const { return t_ < 1; }
    double zoom() const;  // home width / view width, 1 at home
    // Increases whenever the camera comes to rest somewhere new (a flight ended, or a pan or pinch
    // happened since the last call to settle()).
    std::uint64_t restVersion() const { return restVersion_; }
    void settle();  // a gesture ended: the view is at rest

    MapProjection projection(const Rect& area, float marginPx) const;
    // How to draw what was built for `built` so it matches `now` (both fits of the same area).
    static MeshTransform transform(const MapProjection& built, const MapProjection& now);

private:
    void clamp(GeoBounds& b) const;

    GeoBounds home_, view_, from_, to_;
    double t_ = 1, seconds_ = kFlightSeconds;
    bool moved_ = false;
    std::uint64_t restVersion_ = 0;
};

}  // namespace exhibit
