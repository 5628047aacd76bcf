// GeoJSON boundaries (provinces, prefectures, counties) parsed into plain structs.
//
// Use:
//   GeoCollection counties = loadGeoJson(assets / "shows/guizhou/geo/guizhou_counties.geojson");
//   const GeoFeature* f = counties.find("520102");   // by adcode
//   for (const GeoPolygon& p : f->polygons) ... p.exterior.points ... p.holes ...
//   MapProjection::fit(counties.bounds, ...)          // see core/projection.hpp
//
// Accepts a FeatureCollection (or a single Feature) whose geometries are Polygon or MultiPolygon,
// positions [lon, lat] or [lon, lat, alt] in degrees (altitude ignored). Each feature needs the
// properties "name" (string) and "adcode" (string or integer); "label_point", "centroid" ([lon, lat])
// and "prefecture_adcode" are optional. Other properties are ignored.
//
// Rings: GeoJSON repeats the first position at the end of a ring. The parser DROPS that closing
// duplicate, so ring.points.front() != ring.points.back() and a triangle has 3 points. A ring must
// have at least 4 positions as written (RFC 7946); an unclosed ring is accepted as written.
//
// Errors throw ContentError with one line naming the file (basename) and the place, e.g.
//   guizhou_counties.geojson: features[12].geometry.coordinates[0][3]: expected [lon, lat] numbers
// Longitudes must lie in [-180, 180], latitudes in [-90, 90]. Files over 64 MiB and JSON nested
// deeper than 64 levels are refused.
//
// Does NOT: triangulate, simplify, fix winding or self-intersections, check topology, convert
// datums (the bundled Guizhou data is GCJ-02), or read other geometry types (points, lines).
#pragma once

#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

namespace exhibit {

// Axis-aligned lon/lat box. Starts empty (min > max); add() grows it.
struct GeoBounds {
    glm::dvec2 min{std::numeric_limits<double>::infinity()};
    glm::dvec2 max{-std::numeric_limits<double>::infinity()};

    bool empty() const { return !(min.x <= max.x && min.y <= max.y); }
    void add(glm::dvec2 lonLat);
    void add(const GeoBounds& other);
    glm::dvec2 size() const { return empty() ? glm::dvec2(0.0) : max - min; }
    bool contains(glm::dvec2 lonLat) const;
};

struct GeoRing {
    std::vector<glm::dvec2> points;  // lon, lat degrees; closing duplicate dropped
};

struct GeoPolygon {
    GeoRing exterior;
    std::vector<GeoRing> holes;
};

struct GeoFeature {
    std::string name;
    std::string adcode;
    std::vector<GeoPolygon> polygons;
    std::optional<glm::dvec2> labelPoint;  // a point inside the polygon, for labels
    std::optional<glm::dvec2> centroid;
    std::string parentAdcode;  // "prefecture_adcode" when present, else empty
    GeoBounds bounds;          // of the exterior rings
};

struct GeoCollection {
    std::vector<GeoFeature> features;
    GeoBounds bounds;

    // Linear search: collections are small (tens to hundreds of features).
    const GeoFeature* find(std::string_view adcode) const;
};

inline constexpr std::size_t kMaxGeoJsonBytes = std::size_t{64} << 20;
inline constexpr int kMaxGeoJsonDepth = 64;

GeoCollection loadGeoJson(const std::filesystem::path& path);
GeoCollection parseGeoJson(std::string_view text, const std::string& displayName);

}  // namespace exhibit
