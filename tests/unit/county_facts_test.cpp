#include "data_feed/county_facts.hpp"

#include <filesystem>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/geojson.hpp"

namespace exhibit {
namespace {

using ::testing::StartsWith;

const std::filesystem::path kShow = std::filesystem::path(EXHIBIT_ASSETS) / "shows/guizhou";

const std::string kHeader =
    "adcode,name,prefecture_adcode,prefecture,poverty_county,exit_year_annual_batch,source,source_url\n";

std::string errorOf(const std::string& rows) {
    try {
        parseCountyFacts(kHeader + rows, "c.csv");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(CountyFacts, BundledCounts) {
    const CountyFacts facts = loadCountyFacts(kShow / "facts/guizhou_counties.csv");
    EXPECT_EQ(facts.counties.size(), 88u);
    int poverty = 0;
    for (const CountyFact& c : facts.counties) {
        if (c.povertyCounty) ++poverty;
        EXPECT_EQ(c.povertyCounty, c.exitYear.has_value()) << c.adcode;
        EXPECT_FALSE(c.source.empty()) << c.adcode;
        EXPECT_THAT(c.sourceUrl, StartsWith("http")) << c.adcode;
    }
    EXPECT_EQ(poverty, 66);
    EXPECT_EQ(facts.exitsByYear(), (std::map<int, int>{{2016, 1}, {2017, 14}, {2018, 18}, {2019, 24}, {2020, 9}}));

    const CountyFact* chishui = facts.find("520381");
    ASSERT_NE(chishui, nullptr);
    EXPECT_EQ(chishui->name, "赤水市");
    EXPECT_EQ(chishui->exitYear, 2016);
    EXPECT_EQ(chishui->prefecture, "遵义市");
    EXPECT_EQ(chishui->prefectureAdcode, "520300");
    EXPECT_EQ(chishui->exitAnnounced, "2017-10-31");

    const CountyFact* nanming = facts.find("520102");
    ASSERT_NE(nanming, nullptr);
    EXPECT_FALSE(nanming->povertyCounty);
    EXPECT_FALSE(nanming->exitYear.has_value());
    EXPECT_EQ(facts.find("000000"), nullptr);
}

TEST(CountyFacts, MatchesBundledCountyBoundaries) {
    const CountyFacts facts = loadCountyFacts(kShow / "facts/guizhou_counties.csv");
    const GeoCollection geo = loadGeoJson(kShow / "geo/guizhou_counties.geojson");
    for (const GeoFeature& f : geo.features) {
        const CountyFact* fact = facts.find(f.adcode);
        ASSERT_NE(fact, nullptr) << f.adcode << " " << f.name << " has no fact";
        EXPECT_EQ(fact->name, f.name) << f.adcode;
        EXPECT_EQ(fact->prefectureAdcode, f.parentAdcode) << f.adcode;
    }
    for (const CountyFact& c : facts.counties) {
        EXPECT_NE(geo.find(c.adcode), nullptr) << c.adcode << " " << c.name << " has no boundary";
    }
}

TEST(CountyFacts, ParsesMinimalTable) {
    const CountyFacts f = parseCountyFacts(kHeader + "520381,赤水市,520300,遵义市,yes,2016,src,http://a\n"
                                                     "520102,南明区,520100,贵阳市,no,,src,http://b\n",
                                           "c.csv");
    ASSERT_EQ(f.counties.size(), 2u);
    EXPECT_TRUE(f.counties[0].povertyCounty);
    EXPECT_EQ(f.counties[0].exitYear, 2016);
    EXPECT_TRUE(f.counties[0].exitAnnounced.empty());  // column absent
    EXPECT_EQ(f.counties[1].sourceUrl, "http://b");
    EXPECT_EQ(f.exitsByYear(), (std::map<int, int>{{2016, 1}}));
}

TEST(CountyFactsErrors, NameFileLineAndField) {
    EXPECT_EQ(errorOf("52038,赤水市,520300,遵义市,yes,2016,s,u\n"),
              "c.csv:2: adcode: expected 6 digits, got \"52038\"");
    EXPECT_EQ(errorOf("52038a,赤水市,520300,遵义市,yes,2016,s,u\n"),
              "c.csv:2: adcode: expected 6 digits, got \"52038a\"");
    EXPECT_EQ(errorOf("520381,赤水市,520300,遵义市,yes,2016,s,u\n520381,赤水市,520300,遵义市,yes,2016,s,u\n"),
              "c.csv:3: adcode: duplicate 520381");
    EXPECT_EQ(errorOf("520381,赤水市,520300,遵义市,maybe,2016,s,u\n"),
              "c.csv:2: poverty_county: expected yes or no, got \"maybe\"");
    EXPECT_EQ(errorOf("520381,赤水市,520300,遵义市,yes,,s,u\n"),
              "c.csv:2: exit_year_annual_batch: missing for a poverty county");
    EXPECT_EQ(errorOf("520102,南明区,520100,贵阳市,no,2016,s,u\n"),
              "c.csv:2: exit_year_annual_batch: set to \"2016\" but poverty_county is no");
    EXPECT_EQ(errorOf("520381,赤水市,520300,遵义市,yes,1999,s,u\n"),
              "c.csv:2: exit_year_annual_batch: year 1999 outside 2000..2100");
    EXPECT_EQ(errorOf("520381,赤水市,520300,遵义市,yes,99999999999999999999,s,u\n"),
              "c.csv:2: exit_year_annual_batch: expected a year, got \"99999999999999999999\"");
    EXPECT_EQ(errorOf("520381,赤水市,520300,遵义市,yes,20l6,s,u\n"),
              "c.csv:2: exit_year_annual_batch: expected a year, got \"20l6\"");
    EXPECT_EQ(errorOf("520381,,520300,遵义市,yes,2016,s,u\n"), "c.csv:2: name: empty");
    EXPECT_EQ(errorOf("520381,赤水市,5203,遵义市,yes,2016,s,u\n"),
              "c.csv:2: prefecture_adcode: expected 6 digits, got \"5203\"");
    EXPECT_EQ(errorOf(""), "c.csv: no counties (header only)");
}

TEST(CountyFactsErrors, MissingColumnOrFile) {
    try {
        parseCountyFacts("adcode,name\n520381,赤水市\n", "c.csv");
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_STREQ(e.what(), "c.csv: missing column \"prefecture_adcode\"");
    }
    try {
        loadCountyFacts(kShow / "facts/missing.csv");
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_THAT(e.what(), StartsWith("missing.csv: cannot open: "));
    }
}

}  // namespace
}  // namespace exhibit
