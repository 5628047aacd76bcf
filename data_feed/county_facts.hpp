// County facts shown on the map: which of Guizhou's 88 county-level divisions were poverty
// counties and in which annual batch each exited, with the source of every row.
//
// Use:
//   CountyFacts facts = loadCountyFacts(assets / "shows/guizhou/facts/guizhou_counties.csv");
//   if (const CountyFact* f = facts.find(feature.adcode); f && f->exitYear) colourByYear(*f->exitYear);
//   for (auto [year, count] : facts.exitsByYear()) ...   // {2016: 1, 2017: 14, ...}
//
// Columns read: adcode, name, prefecture_adcode, prefecture, poverty_county (yes|no),
// exit_year_annual_batch, source, source_url; exit_announced is optional. Other columns are
// ignored. exitYear is the assessment year (年度); the announcement usually came a year later.
// Validation: adcodes are 6 digits and unique, poverty_county is yes or no, an exit year is present
// exactly when poverty_county is yes and lies in 2000..2100. Errors throw ContentError:
//   guizhou_counties.csv:14: poverty_county: expected yes or no, got "maybe"
//
// Does NOT: read the GeoJSON (match by adcode with core/geojson.hpp), watch the file for changes,
// or check the facts against the outside world (see assets/shows/guizhou/facts/README.md).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exhibit {

struct CountyFact {
    std::string adcode;
    std::string name;
    std::string prefectureAdcode;
    std::string prefecture;
    bool povertyCounty = false;
    std::optional<int> exitYear;  // annual batch (assessment year), only for poverty counties
    std::string exitAnnounced;    // as written, e.g. "2019-04-25"; may be empty
    std::string source;
    std::string sourceUrl;
};

struct CountyFacts {
    std::vector<CountyFact> counties;  // in file order

    const CountyFact* find(std::string_view adcode) const;
    std::map<int, int> exitsByYear() const;  // year -> number of counties that exited
};

CountyFacts loadCountyFacts(const std::filesystem::path& countiesCsv);
CountyFacts parseCountyFacts(std::string_view csvText, const std::string& displayName);

}  // namespace exhibit
