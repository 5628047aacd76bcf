#include "core/geojson.hpp"

#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"

namespace exhibit {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::filesystem::path kData = std::filesystem::path(EXHIBIT_TEST_DATA) / "geo";
const std::filesystem::path kGeo = std::filesystem::path(EXHIBIT_ASSETS) / "shows/guizhou/geo";

std::string errorOf(std::string_view text) {
    try {
        parseGeoJson(text, "t.geojson");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

std::string errorLoading(const std::filesystem::path& path) {
    try {
        loadGeoJson(path);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

// A FeatureCollection with one feature whose geometry is `geometry` and properties `props`.
std::string oneFeature(const std::string& geometry,
                       const std::string& props = R"({"name": "甲", "adcode": "520101"})") {
    return R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": )" + props +
           R"(, "geometry": )" + geometry + "}]}";
}

const std::string kSquare = R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]})";

void expectSingleLine(const std::string& message) { EXPECT_EQ(message.find('\n'), std::string::npos) << message; }

TEST(GeoBounds, StartsEmptyAndGrows) {
    GeoBounds b;
    EXPECT_TRUE(b.empty());
    b.add({106.0, 26.0});
    EXPECT_FALSE(b.empty());
    EXPECT_EQ(b.size(), glm::dvec2(0.0));
    b.add({104.0, 28.0});
    EXPECT_EQ(b.min, glm::dvec2(104.0, 26.0));
    EXPECT_EQ(b.max, glm::dvec2(106.0, 28.0));
    EXPECT_TRUE(b.contains({105.0, 27.0}));
    EXPECT_FALSE(b.contains({103.0, 27.0}));
}

TEST(GeoJson, ParsesPolygonWithHoleAndMultiPolygon) {
    const GeoCollection c = loadGeoJson(kData / "two_squares.geojson");
    ASSERT_EQ(c.features.size(), 2u);

    const GeoFeature& a = c.features[0];
    EXPECT_EQ(a.name, "甲县");
    EXPECT_EQ(a.adcode, "520101");
    EXPECT_EQ(a.parentAdcode, "520100");  // integer in the file
    ASSERT_EQ(a.polygons.size(), 1u);
    // Closing duplicate dropped: 5 positions written, 4 points kept.
    ASSERT_EQ(a.polygons[0].exterior.points.size(), 4u);
    EXPECT_EQ(a.polygons[0].exterior.points[0], glm::dvec2(100, 20));
    EXPECT_EQ(a.polygons[0].exterior.points[3], glm::dvec2(100, 21));
    ASSERT_EQ(a.polygons[0].holes.size(), 1u);
    EXPECT_EQ(a.polygons[0].holes[0].points.size(), 4u);
    ASSERT_TRUE(a.labelPoint.has_value());
    EXPECT_EQ(*a.labelPoint, glm::dvec2(100.5, 20.5));
    ASSERT_TRUE(a.centroid.has_value());
    EXPECT_EQ(a.bounds.min, glm::dvec2(100, 20));
    EXPECT_EQ(a.bounds.max, glm::dvec2(101, 21));

    const GeoFeature& b = c.features[1];
    EXPECT_EQ(b.adcode, "520102");  // integer adcode
    EXPECT_TRUE(b.parentAdcode.empty());
    EXPECT_FALSE(b.labelPoint.has_value());
    EXPECT_FALSE(b.centroid.has_value());
    ASSERT_EQ(b.polygons.size(), 2u);
    EXPECT_EQ(b.polygons[0].exterior.points.size(), 3u);  // triangle
    EXPECT_EQ(b.polygons[1].exterior.points.size(), 4u);  // altitude ignored
    EXPECT_EQ(b.bounds.min, glm::dvec2(102, 22));
    EXPECT_EQ(b.bounds.max, glm::dvec2(105, 25));

    EXPECT_EQ(c.bounds.min, glm::dvec2(100, 20));
    EXPECT_EQ(c.bounds.max, glm::dvec2(105, 25));
    EXPECT_EQ(c.find("520102"), &c.features[1]);
    EXPECT_EQ(c.find("999999"), nullptr);
}

TEST(GeoJson, AcceptsSingleFeatureAtRoot) {
    const GeoCollection c = parseGeoJson(
        R"({"type": "Feature", "properties": {"name": "x", "adcode": "1"}, "geometry": )" + kSquare + "}", "f");
    ASSERT_EQ(c.features.size(), 1u);
    EXPECT_EQ(c.features[0].polygons[0].exterior.points.size(), 4u);
}

TEST(GeoJson, KeepsUnclosedRingAsWritten) {
    const GeoCollection c =
        parseGeoJson(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]})"), "t");
    EXPECT_EQ(c.features[0].polygons[0].exterior.points.size(), 4u);
}

TEST(GeoJsonBundled, ProvincePrefecturesCounties) {
    const GeoCollection province = loadGeoJson(kGeo / "guizhou_province.geojson");
    const GeoCollection prefectures = loadGeoJson(kGeo / "guizhou_prefectures.geojson");
    const auto start = std::chrono::steady_clock::now();
    const GeoCollection counties = loadGeoJson(kGeo / "guizhou_counties.geojson");
    const auto elapsed = std::chrono::steady_clock::now() - start;
    std::printf("counties parsed in %.0f ms\n", std::chrono::duration<double, std::milli>(elapsed).count());

    EXPECT_EQ(province.features.size(), 1u);
    EXPECT_EQ(prefectures.features.size(), 9u);
    EXPECT_EQ(counties.features.size(), 88u);

    for (const GeoCollection* c : {&province, &prefectures, &counties}) {
        EXPECT_GE(c->bounds.min.x, 103.6);
        EXPECT_LE(c->bounds.max.x, 109.6);
        EXPECT_GE(c->bounds.min.y, 24.6);
        EXPECT_LE(c->bounds.max.y, 29.3);
        EXPECT_LT(c->bounds.min.x, 103.7);
        EXPECT_GT(c->bounds.max.x, 109.5);
    }

    std::set<std::string> prefectureCodes;
    for (const GeoFeature& p : prefectures.features) prefectureCodes.insert(p.adcode);
    EXPECT_TRUE(prefectureCodes.count("520100"));  // 贵阳市
    EXPECT_TRUE(prefectureCodes.count("522700"));  // 黔南州

    std::set<std::string> countyCodes;
    std::size_t rings = 0;
    for (const GeoFeature& f : counties.features) {
        countyCodes.insert(f.adcode);
        EXPECT_EQ(f.adcode.size(), 6u);
        EXPECT_FALSE(f.name.empty());
        EXPECT_TRUE(prefectureCodes.count(f.parentAdcode)) << f.adcode << " parent " << f.parentAdcode;
        ASSERT_TRUE(f.labelPoint.has_value()) << f.adcode;
        EXPECT_TRUE(f.bounds.contains(*f.labelPoint)) << f.adcode;
        EXPECT_TRUE(f.centroid.has_value()) << f.adcode;
        for (const GeoPolygon& p : f.polygons) {
            rings += 1 + p.holes.size();
            EXPECT_NE(p.exterior.points.front(), p.exterior.points.back());
        }
    }
    EXPECT_EQ(countyCodes.size(), 88u);
    EXPECT_EQ(rings, 178u);  // as in shared/data/geo/validation-report.json
    const GeoFeature* nanming = counties.find("520102");
    ASSERT_NE(nanming, nullptr);
    EXPECT_EQ(nanming->name, "南明区");
    EXPECT_EQ(nanming->parentAdcode, "520100");
}

TEST(GeoJsonErrors, MissingFileNamesBasenameAndReason) {
    const std::string m = errorLoading(kData / "no_such_file.geojson");
    EXPECT_THAT(m, StartsWith("no_such_file.geojson: cannot open: "));
    EXPECT_THAT(m, HasSubstr("No such file"));
}

TEST(GeoJsonErrors, EmptyFile) {
    EXPECT_EQ(errorLoading(kData / "empty.geojson"), "empty.geojson: empty file");
    EXPECT_EQ(errorOf("  \n "), "t.geojson: empty file");
}

TEST(GeoJsonErrors, MalformedJsonGivesLineAndColumn) {
    EXPECT_EQ(errorLoading(kData / "malformed.geojson"), "malformed.geojson: invalid JSON at line 3 column 16");
    EXPECT_EQ(errorOf("{\"type\": \"FeatureCollection\",\n\"features\": [}"), "t.geojson: invalid JSON at line 2 column 14");
}

TEST(GeoJsonErrors, WrongRoot) {
    EXPECT_EQ(errorOf("[1, 2]"), "t.geojson: expected a GeoJSON object at the top level, got array");
    EXPECT_EQ(errorOf(R"({"type": "Polygon", "coordinates": []})"),
              "t.geojson: type: expected \"FeatureCollection\" or \"Feature\", got \"Polygon\"");
    EXPECT_EQ(errorOf(R"({"features": []})"), "t.geojson: type: missing");
    EXPECT_EQ(errorOf(R"({"type": "FeatureCollection"})"), "t.geojson: features: missing");
    EXPECT_EQ(errorOf(R"({"type": "FeatureCollection", "features": {}})"),
              "t.geojson: features: expected an array, got object");
}

TEST(GeoJsonErrors, EmptyFeatureCollection) {
    EXPECT_EQ(errorOf(R"({"type": "FeatureCollection", "features": []})"), "t.geojson: no features");
}

TEST(GeoJsonErrors, UnsupportedGeometryType) {
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "LineString", "coordinates": [[0, 0], [1, 1]]})")),
              "t.geojson: features[0].geometry.type: unsupported geometry type \"LineString\" (need Polygon or "
              "MultiPolygon)");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Point", "coordinates": [0, 0]})")),
              "t.geojson: features[0].geometry.type: unsupported geometry type \"Point\" (need Polygon or "
              "MultiPolygon)");
    EXPECT_EQ(errorOf(oneFeature("null")), "t.geojson: features[0].geometry: missing (need Polygon or MultiPolygon)");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": 5, "coordinates": []})")),
              "t.geojson: features[0].geometry.type: expected a string, got number");
}

TEST(GeoJsonErrors, MissingOrMistypedCoordinates) {
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon"})")), "t.geojson: features[0].geometry.coordinates: missing");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": "x"})")),
              "t.geojson: features[0].geometry.coordinates: expected an array, got string");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": []})")),
              "t.geojson: features[0].geometry.coordinates: polygon has no rings");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "MultiPolygon", "coordinates": [[[[0,0],[1,0],[1,1],[0,0]]], 7]})")),
              "t.geojson: features[0].geometry.coordinates[1]: expected an array of rings, got number");
}

TEST(GeoJsonErrors, StringCoordinates) {
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], ["1", "1"], [0, 0]]]})")),
              "t.geojson: features[0].geometry.coordinates[0][2]: expected [lon, lat] numbers");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [1], [1, 1], [0, 0]]]})")),
              "t.geojson: features[0].geometry.coordinates[0][1]: expected [lon, lat] numbers");
    EXPECT_EQ(
        errorOf(oneFeature(R"({"type": "MultiPolygon", "coordinates": [[[[0,0],[1,0],[1,1],[0,0]]], [[[0,0],[1,0],[1,1],null]]]})")),
        "t.geojson: features[0].geometry.coordinates[1][0][3]: expected [lon, lat] numbers");
}

TEST(GeoJsonErrors, HugeAndOutOfRangeCoordinates) {
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [1e308, 0], [1, 1], [0, 0]]]})")),
              "t.geojson: features[0].geometry.coordinates[0][1]: coordinate out of range: [1e+308, 0]");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [400, 95], [1, 1], [0, 0]]]})")),
              "t.geojson: features[0].geometry.coordinates[0][1]: coordinate out of range: [400, 95]");
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [0, -90.5], [1, 1], [0, 0]]]})")),
              "t.geojson: features[0].geometry.coordinates[0][1]: coordinate out of range: [0, -90.5]");
    // Overflows a double: must still be rejected, not stored as infinity.
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [1e999, 0], [1, 1], [0, 0]]]})")),
              "t.geojson: invalid JSON: a number is too large for a double");
    EXPECT_THAT(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [NaN, 0], [1, 1], [0, 0]]]})")),
                StartsWith("t.geojson: invalid JSON at line 1 column "));
    EXPECT_THAT(errorOf(oneFeature(kSquare, R"({"name": "a", "adcode": "1", "label_point": [181, 0]})")),
                HasSubstr("features[0].properties.label_point: coordinate out of range: [181, 0]"));
}

TEST(GeoJsonErrors, ShortRings) {
    EXPECT_EQ(errorOf(oneFeature(R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0]]]})")),
              "t.geojson: features[0].geometry.coordinates[0]: ring has 2 points, need at least 4");
    EXPECT_EQ(errorOf(oneFeature(
                  R"({"type": "Polygon", "coordinates": [[[0,0],[3,0],[3,3],[0,0]], [[1,1],[2,1],[1,1]]]})")),
              "t.geojson: features[0].geometry.coordinates[1]: ring has 3 points, need at least 4");
}

TEST(GeoJsonErrors, MissingNameOrAdcode) {
    EXPECT_EQ(errorOf(oneFeature(kSquare, R"({"adcode": "1"})")), "t.geojson: features[0].properties.name: missing");
    EXPECT_EQ(errorOf(oneFeature(kSquare, R"({"name": "a"})")), "t.geojson: features[0].properties.adcode: missing");
    EXPECT_EQ(errorOf(oneFeature(kSquare, R"({"name": 3, "adcode": "1"})")),
              "t.geojson: features[0].properties.name: expected a string, got number");
    EXPECT_EQ(errorOf(oneFeature(kSquare, R"({"name": "a", "adcode": 1.5})")),
              "t.geojson: features[0].properties.adcode: expected a string or a non-negative integer, got number 1.5");
    EXPECT_EQ(errorOf(oneFeature(kSquare, R"({"name": "a", "adcode": true})")),
              "t.geojson: features[0].properties.adcode: expected a string or a non-negative integer, got boolean");
    EXPECT_EQ(errorOf(oneFeature(kSquare, "null")),
              "t.geojson: features[0].properties: missing (need name and adcode)");
    EXPECT_EQ(errorOf(R"({"type": "FeatureCollection", "features": [42]})"),
              "t.geojson: features[0]: expected a Feature object, got number");
}

TEST(GeoJsonErrors, DeepNestingRefused) {
    std::string deep = R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"x": )";
    deep += std::string(100, '[') + std::string(100, ']') + "}}]}";
    const std::string m = errorOf(deep);
    EXPECT_THAT(m, StartsWith("t.geojson: nesting deeper than 64 levels at line 1 column "));
    // Brackets inside strings do not count.
    const std::string inString = oneFeature(kSquare, R"({"name": ")" + std::string(100, '[') + R"(", "adcode": "1"})");
    EXPECT_EQ(parseGeoJson(inString, "t").features[0].name, std::string(100, '['));
}

TEST(GeoJsonErrors, TooLargeRefused) {
    const std::string big(kMaxGeoJsonBytes + 1, ' ');
    EXPECT_THAT(errorOf(big), StartsWith("t.geojson: file too large"));
}

TEST(GeoJsonErrors, AllMessagesAreOneLine) {
    for (const std::string& m :
         {errorOf("{\n\n,"), errorOf(oneFeature("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0]]]}")),
          errorLoading(kData / "malformed.geojson")}) {
        expectSingleLine(m);
    }
}

}  // namespace
}  // namespace exhibit
