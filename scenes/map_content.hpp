// The files a map draws, parsed once and shared: the province, prefecture and county GeoJSON and the
// county facts a MapSceneSpec names. The scenes of a show name the same files, so the first scene
// parses them (about 3 MB of GeoJSON) and the others share its parsed copy.
//
//   MapContent content = loadMapContent(show, *spec.map);   // throws ContentError naming the file
//   content.counties->find("520102"); content.facts->find("520102");
//   std::shared_ptr<const CountyFacts> facts = sharedCountyFacts(show.resolve("facts/x.csv"));
//
// Every call reads each file again and compares its bytes (size and a 64-bit hash) with those the
// shared copy was parsed from: an unchanged file is shared, a changed one is parsed anew, so a file
// fixed since the last call loads as fixed, and a missing or corrupt one throws the same ContentError
// as loadGeoJson() / loadCountyFacts(). What a caller holds never changes: content already handed out
// stays as it was parsed when its files are deleted or corrupted later.
//
// Does not: watch files, or forget them (the newest parsed copy of each file read stays in memory
// until the process ends: a show names a handful). Thread-safe.
#pragma once

#include <filesystem>
#include <memory>

#include "core/geojson.hpp"
#include "core/show.hpp"
#include "data_feed/county_facts.hpp"

namespace exhibit {

struct MapContent {
    std::shared_ptr<const GeoCollection> province, prefectures, counties;
    std::shared_ptr<const CountyFacts> facts;
};

MapContent loadMapContent(const ShowFile& show, const MapSceneSpec& spec);

// One file each, shared the same way (loadMapContent uses these).
std::shared_ptr<const GeoCollection> sharedGeoJson(const std::filesystem::path& path);
std::shared_ptr<const CountyFacts> sharedCountyFacts(const std::filesystem::path& path);

}  // namespace exhibit
