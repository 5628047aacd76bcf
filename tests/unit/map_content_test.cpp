// scenes/map_content.hpp: the maps of a show share one parsed copy of their GeoJSON and facts; a
// file changed since (fixed, corrupted, deleted) is read anew with the errors of loadGeoJson() and
// loadCountyFacts(), and content already handed out stays as it was parsed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "core/error.hpp"
#include "scenes/map_content.hpp"
#include "tests/support/temp_dir.hpp"

namespace exhibit::test {
namespace {

namespace fs = std::filesystem;

const char* const kOneCounty = R"({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"name": "A", "adcode": "520102"},
  "geometry": {"type": "Polygon", "coordinates": [[[106, 26], [107, 26], [107, 27], [106, 26]]]}}]})";
const char* const kTwoCounties = R"({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"name": "A", "adcode": "520102"},
  "geometry": {"type": "Polygon", "coordinates": [[[106, 26], [107, 26], [107, 27], [106, 26]]]}},
  {"type": "Feature", "properties": {"name": "B", "adcode": "520103"},
  "geometry": {"type": "Polygon", "coordinates": [[[105, 25], [106, 25], [106, 26], [105, 25]]]}}]})";
const char* const kCorrupt = R"({"type": "FeatureCollection", "features": [)";

void writeFile(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string errorOf(const std::function<void()>& load) {
    try {
        load();
    } catch (const ContentError& e) {
        return e.what();
    }
    return "no ContentError";
}

TEST(MapContent, TheMapsOfTheBundledShowShareOneParsedCopy) {
    const ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    const MapContent a = loadMapContent(show, *show.findScene("dashboard")->map);
    const MapContent b = loadMapContent(show, *show.findScene("map")->map);
    EXPECT_EQ(a.counties, b.counties);
    EXPECT_EQ(a.prefectures, b.prefectures);
    EXPECT_EQ(a.province, b.province);
    EXPECT_EQ(a.facts, b.facts);
    EXPECT_EQ(a.counties->features.size(), 88u);
    EXPECT_EQ(a.facts->counties.size(), 88u);
    EXPECT_NE(a.counties, a.prefectures);
}

TEST(MapContent, AChangedFileIsParsedAnewAndWhatWasHandedOutStays) {
    TempDir dir("map-content");
    const fs::path file = dir.path() / "counties.geojson";
    writeFile(file, kOneCounty);
    const auto first = sharedGeoJson(file);
    EXPECT_EQ(sharedGeoJson(file), first);
    EXPECT_EQ(sharedGeoJson(dir.path() / "." / "counties.geojson"), first) << "the same file by another path";

    writeFile(file, kTwoCounties);
    const auto second = sharedGeoJson(file);
    EXPECT_NE(second, first);
    EXPECT_EQ(second->features.size(), 2u);
    EXPECT_EQ(first->features.size(), 1u) << "content handed out does not change";

    writeFile(file, kCorrupt);
    EXPECT_EQ(errorOf([&] { sharedGeoJson(file); }), errorOf([&] { loadGeoJson(file); }));
    EXPECT_NE(errorOf([&] { sharedGeoJson(file); }).find("counties.geojson: invalid JSON"), std::string::npos);
    EXPECT_EQ(second->features.size(), 2u);

    fs::remove(file);
    EXPECT_NE(errorOf([&] { sharedGeoJson(file); }).find("counties.geojson: cannot open"), std::string::npos);

    writeFile(file, kOneCounty);  // fixed: the same bytes as at first
    const auto fixed = sharedGeoJson(file);
    EXPECT_EQ(fixed->features.size(), 1u);
    EXPECT_EQ(fixed->features[0].adcode, "520102");
}

TEST(MapContent, FactsAreSharedAndReadAnewTheSameWay) {
    TempDir dir("map-content");
    fs::copy_file(EXHIBIT_ASSETS "/shows/guizhou/facts/guizhou_counties.csv", dir.path() / "counties.csv");
    const fs::path file = dir.path() / "counties.csv";
    const auto facts = sharedCountyFacts(file);
    EXPECT_EQ(sharedCountyFacts(file), facts);
    EXPECT_EQ(facts->counties.size(), 88u);

    writeFile(file, "garbage\n");
    EXPECT_EQ(errorOf([&] { sharedCountyFacts(file); }), errorOf([&] { loadCountyFacts(file); }));
    EXPECT_NE(errorOf([&] { sharedCountyFacts(file); }).find("counties.csv"), std::string::npos);
    EXPECT_EQ(facts->counties.size(), 88u);
}

}  // namespace
}  // namespace exhibit::test
