// Map projection: lon/lat degrees to screen pixels, fitted to a viewport.
//
// Use:
//   MapProjection proj = MapProjection::fit(counties.bounds, {0, 0, 1920, 1080}, 40.0f);
//   glm::vec2 px = proj.toScreen({106.71, 26.57});   // pixels, y down, north up, east right
//   glm::dvec2 lonLat = proj.toLonLat(touchPoint);    // inverse, for picking
//
// Spherical Mercator: it is conformal, so at province scale shapes and angles look the way people
// know them from web maps (which use the same projection); area distortion across Guizhou's 4.6
// degrees of latitude is about 10 %, which the eye does not notice. An equal-area Albers would also
// do for choropleths; it is not needed here.
//
// fit() scales uniformly (aspect kept) so that the bounds fill the viewport minus the margin on the
// limiting axis and are centred on the other. Degenerate input stays finite: an empty or zero-size
// bounds box is treated as a tiny box around its centre, a zero-size viewport maps everything to its
// centre. Latitudes are clamped to +-85.05113 (the Mercator square).
//
// Does NOT: handle the antimeridian, datum shifts (GCJ-02 vs WGS84), rotation, or animated zoom and
// pan (build a new projection per frame, or transform the pixels afterwards).
#pragma once

#include <glm/vec2.hpp>

#include "core/geojson.hpp"

namespace exhibit {

struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;  // pixels, y down
};

inline constexpr double kMercatorMaxLatitude = 85.05113;

class MapProjection {
public:
    MapProjection() = default;  // identity-like: scale 1 around the origin

    static MapProjection fit(const GeoBounds& bounds, ScreenRect viewport, float marginPx);

    glm::vec2 toScreen(glm::dvec2 lonLat) const;
    glm::dvec2 toLonLat(glm::vec2 screen) const;

    double pixelsPerMercatorUnit() const { return scale_; }
    ScreenRect fittedRect() const { return fitted_; }

    // Mercator units: x = lon in radians, y = ln(tan(pi/4 + lat/2)), y up.
    static glm::dvec2 mercator(glm::dvec2 lonLat);
    static glm::dvec2 inverseMercator(glm::dvec2 m);

private:
    double scale_ = 1.0;             // pixels per Mercator unit
    glm::dvec2 mercatorCentre_{0.0};  // Mercator point at the screen centre
    glm::dvec2 screenCentre_{0.0};    // pixels
    ScreenRect fitted_{};
};

}  // namespace exhibit
