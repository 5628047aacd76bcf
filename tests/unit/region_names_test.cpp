#include "scenes/region_names.hpp"

#include <gtest/gtest.h>

namespace exhibit {
namespace {

TEST(RegionNames, AutonomousPrefecturesAndCountiesLoseTheirPeoples) {
    EXPECT_EQ(shortRegionName("黔东南苗族侗族自治州"), "黔东南州");
    EXPECT_EQ(shortRegionName("黔南布依族苗族自治州"), "黔南州");
    EXPECT_EQ(shortRegionName("黔西南布依族苗族自治州"), "黔西南州");
    EXPECT_EQ(shortRegionName("三都水族自治县"), "三都县");
    EXPECT_EQ(shortRegionName("威宁彝族回族苗族自治县"), "威宁县");
    EXPECT_EQ(shortRegionName("务川仡佬族苗族自治县"), "务川县");
    EXPECT_EQ(shortRegionName("印江土家族苗族自治县"), "印江县");
}

TEST(RegionNames, OtherNamesStayAsTheyAre) {
    EXPECT_EQ(shortRegionName("南明区"), "南明区");
    EXPECT_EQ(shortRegionName("贵阳市"), "贵阳市");
    EXPECT_EQ(shortRegionName("水族自治县"), "水族县");  // nothing left to name: the people stays
}

TEST(RegionNames, ShippedFactsGiveEveryCountyAndPrefectureAName) {
    const CountyFacts facts = loadCountyFacts(EXHIBIT_ASSETS "/shows/guizhou/facts/guizhou_counties.csv");
    const RegionNames names(facts);
    EXPECT_EQ(names.shortName("520000"), "贵州省");
    EXPECT_EQ(names.shortName("522600"), "黔东南州");
    EXPECT_EQ(names.prefectureOf("522633"), "522600");
    EXPECT_EQ(names.shortName("999999"), "999999");
    EXPECT_EQ(names.prefectureOf("520100"), "");
    for (const auto& c : facts.counties) {
        EXPECT_NE(names.shortName(c.adcode), c.adcode);
        EXPECT_EQ(names.shortName(c.adcode).find("族"), std::string::npos) << c.name;
    }
}

}  // namespace
}  // namespace exhibit
