// Turns projected GeoJSON features into static meshes for the Canvas: filled regions (GLU
// tessellation) and anti-aliased borders. Rings are simplified after projection (Douglas-Peucker
// to a quarter pixel), so geometry stays proportional to the output's pixels (Tracy's rule: fold
// what is smaller than a pixel before drawing). GL-free.
#pragma once

#include <vector>

#include "core/color.hpp"
#include "core/geojson.hpp"
#include "core/projection.hpp"
#include "renderer/draw_list.hpp"

namespace exhibit {

// Rings of one polygon in screen pixels: [0] exterior, then holes.
using ScreenPolygon = std::vector<std::vector<glm::vec2>>;

inline constexpr float kSimplifyTolerancePx = 0.25f;

// Rings with fewer than three points left after simplification (sub-pixel islands) are dropped.
std::vector<ScreenPolygon> projectFeature(const GeoFeature& feature, const MapProjection& projection,
                                          float tolerancePx = kSimplifyTolerancePx);

// Where a feature is named and marked: its label point, else its centroid (lon/lat).
glm::dvec2 labelAnchor(const GeoFeature& feature);

// One feature's fill in one colour (white, to be tinted per frame by Canvas::mesh).
Mesh2DRef buildFeatureFillMesh(const GeoFeature& feature, const MapProjection& projection, Color color);

// Whether a longitude/latitude lies inside the feature (in an exterior ring and in none of its holes).
bool featureContains(const GeoFeature& feature, glm::dvec2 lonLat);

// One mesh of every ring's border (exteriors and holes) at `widthPx`; soft = a glow profile.
Mesh2DRef buildBorderMesh(const GeoCollection& features, const MapProjection& projection, float widthPx, Color color,
                          bool soft = false);

}  // namespace exhibit
