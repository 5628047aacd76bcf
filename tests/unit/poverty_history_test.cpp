#include "data_feed/poverty_history.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "data_feed/county_facts.hpp"

namespace exhibit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::filesystem::path kFacts = std::filesystem::path(EXHIBIT_ASSETS) / "shows/guizhou/facts";

const std::string kYearsHeader =
    "year,rural_poor_population_10k_persons,poverty_incidence_pct,confidence,note,source,source_url\n";
const std::string kBatchesHeader =
    "batch,exit_year_annual_batch,announced,county_count,counties,confidence,note,source,source_url\n";

template <typename Parse>
std::string errorOf(Parse parse, const std::string& text, const std::string& name) {
    try {
        parse(text, name);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

std::string yearsError(const std::string& rows) {
    return errorOf(parsePovertyYears, kYearsHeader + rows, "poverty_population_by_year.csv");
}

std::string batchesError(const std::string& rows) {
    return errorOf(parseExitBatches, kBatchesHeader + rows, "b.csv");
}

TEST(PovertyHistory, QualifiedFigures) {
    auto figure = [](std::string_view cell) { return parseQualifiedFigure(cell); };
    ASSERT_TRUE(figure("923"));
    EXPECT_EQ(figure("923")->value, 923);
    EXPECT_EQ(figure("923")->qualifier, Qualifier::Exact);
    EXPECT_EQ(figure("372.2")->value, 372.2);
    EXPECT_EQ(figure("0")->value, 0);
    EXPECT_EQ(figure("~500")->value, 500);
    EXPECT_EQ(figure("~500")->qualifier, Qualifier::Approximate);
    EXPECT_EQ(figure("<8")->value, 8);
    EXPECT_EQ(figure("<8")->qualifier, Qualifier::Below);
    EXPECT_EQ(figure("<0.5")->value, 0.5);
    ASSERT_TRUE(figure(""));
    EXPECT_FALSE(figure("")->value.has_value());
    for (const char* bad : {"abc", "~", "<", "-3", "1e3", " 12", "12 ", "1.2.3", ".5", "5.", "~<5", "inf", "nan", "+4"})
        EXPECT_FALSE(figure(bad).has_value()) << bad;
}

TEST(PovertyHistory, ShippedYears) {
    const PovertyHistory h = loadPovertyHistory(kFacts);
    ASSERT_EQ(h.years.size(), 10u);
    EXPECT_EQ(h.years.front().year, 2011);
    EXPECT_EQ(h.years.back().year, 2020);
    for (std::size_t i = 1; i < h.years.size(); ++i) EXPECT_GT(h.years[i].year, h.years[i - 1].year);

    const PovertyYear* y2012 = h.find(2012);
    ASSERT_NE(y2012, nullptr);
    EXPECT_EQ(y2012->population10k, 923);
    EXPECT_EQ(y2012->populationQualifier, Qualifier::Exact);
    EXPECT_EQ(y2012->incidencePct, 26.8);
    EXPECT_EQ(y2012->confidence, "high");
    EXPECT_THAT(y2012->sourceUrl, HasSubstr("tellerreport.com"));

    const PovertyYear* y2013 = h.find(2013);  // not found: no figures at all
    ASSERT_NE(y2013, nullptr);
    EXPECT_FALSE(y2013->population10k.has_value());
    EXPECT_FALSE(y2013->incidencePct.has_value());
    EXPECT_EQ(y2013->confidence, "not found");

    EXPECT_EQ(h.find(2015)->population10k, 500);
    EXPECT_EQ(h.find(2015)->populationQualifier, Qualifier::Approximate);
    EXPECT_EQ(h.find(2016)->population10k, 372.2);
    EXPECT_FALSE(h.find(2016)->incidencePct.has_value());

    const PovertyYear* y2017 = h.find(2017);  // population not found, incidence only bounded
    ASSERT_NE(y2017, nullptr);
    EXPECT_FALSE(y2017->population10k.has_value());
    EXPECT_EQ(y2017->incidencePct, 8);
    EXPECT_EQ(y2017->incidenceQualifier, Qualifier::Below);
    EXPECT_TRUE(y2017->sourceUrl.empty());

    EXPECT_EQ(h.find(2018)->populationQualifier, Qualifier::Approximate);
    EXPECT_EQ(h.find(2019)->incidencePct, 0.85);
    EXPECT_EQ(h.find(2020)->population10k, 0);
    EXPECT_EQ(h.find(2010), nullptr);
    for (const PovertyYear& y : h.years) EXPECT_FALSE(y.source.empty()) << y.year;
}

TEST(PovertyHistory, ShippedBatchesAgreeWithTheCountyTable) {
    const PovertyHistory h = loadPovertyHistory(kFacts);
    ASSERT_EQ(h.batches.size(), 5u);
    int total = 0;
    for (const PovertyExitBatch& b : h.batches) {
        EXPECT_EQ(static_cast<int>(b.counties.size()), b.countyCount) << b.batch;
        total += b.countyCount;
    }
    EXPECT_EQ(total, 66);
    const PovertyExitBatch* first = h.batchForYear(2016);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->batch, 1);
    EXPECT_THAT(first->counties, ElementsAre("赤水市"));
    EXPECT_EQ(first->announced, "2017-10-31");
    EXPECT_EQ(h.batchForYear(2017)->countyCount, 14);
    EXPECT_EQ(h.batchForYear(2017)->counties.front(), "桐梓县");
    EXPECT_EQ(h.batchForYear(2017)->confidence, "low-medium");
    EXPECT_EQ(h.batchForYear(2020)->counties.back(), "望谟县");
    EXPECT_EQ(h.batchForYear(2015), nullptr);

    // The batch counts per year are the county table's exit years.
    const CountyFacts facts = loadCountyFacts(kFacts / "guizhou_counties.csv");
    std::map<int, int> byYear;
    for (const PovertyExitBatch& b : h.batches) byYear[b.exitYear] = b.countyCount;
    EXPECT_EQ(byYear, facts.exitsByYear());
}

TEST(PovertyHistory, ShortSourceNames) {
    EXPECT_THAT(shortSourceNames("China News Service (via tellerreport.com), \"All 66\", 2020-11-23 | 动静/Guizhou TV, "
                                 "\"这是贵州的脱贫时间线\", 2021-02-25 | China News Service (via x), y"),
                ElementsAre("China News Service", "动静/Guizhou TV"));
    EXPECT_THAT(shortSourceNames("中国新闻图片网 [贵州这五年] (citing 中国新闻周刊, 贵州日报), c. 2017"),
                ElementsAre("中国新闻图片网"));
    EXPECT_THAT(shortSourceNames("Xinhua"), ElementsAre("Xinhua"));
    EXPECT_TRUE(shortSourceNames("").empty());
    const PovertyHistory h = loadPovertyHistory(kFacts);
    const auto names = shortSourceNames(h.years);
    EXPECT_EQ(names.front(), "China Daily Guizhou channel");  // 2011's source comes first
    EXPECT_NE(std::find(names.begin(), names.end(), "CGTN"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "Xinhua"), names.end());
}

TEST(PovertyHistory, BadFigureNamesFileLineAndColumn) {
    EXPECT_EQ(yearsError("2012,923,26.8,high,n,s,u\n"
                         "2013,,,not found,n,s,u\n"
                         "2014,623,,medium,n,s,u\n"
                         "2015,abc,14.3,medium,n,s,u\n"),
              "poverty_population_by_year.csv:5: rural_poor_population_10k_persons: expected a number, ~number or "
              "<number, got \"abc\"");
    EXPECT_EQ(yearsError("2012,923,~x,high,n,s,u\n"),
              "poverty_population_by_year.csv:2: poverty_incidence_pct: expected a number, ~number or <number, got "
              "\"~x\"");
    EXPECT_EQ(yearsError("2012,923,-1,high,n,s,u\n"),
              "poverty_population_by_year.csv:2: poverty_incidence_pct: expected a number, ~number or <number, got "
              "\"-1\"");
    EXPECT_EQ(yearsError("2012,923,126.8,high,n,s,u\n"),
              "poverty_population_by_year.csv:2: poverty_incidence_pct: value 126.8 above 100");
}

TEST(PovertyHistory, YearsMustBeUniqueAndIncreasing) {
    EXPECT_EQ(yearsError("2012,923,,high,n,s,u\n2012,900,,high,n,s,u\n"),
              "poverty_population_by_year.csv:3: year: duplicate year 2012 after 2012");
    EXPECT_EQ(yearsError("2014,623,,high,n,s,u\n2012,900,,high,n,s,u\n"),
              "poverty_population_by_year.csv:3: year: year out of order: 2012 after 2014");
    EXPECT_EQ(yearsError("12,923,,high,n,s,u\n"),
              "poverty_population_by_year.csv:2: year: expected a year (4 digits), got \"12\"");
    EXPECT_EQ(yearsError("1850,923,,high,n,s,u\n"), "poverty_population_by_year.csv:2: year: year 1850 outside 1900..2100");
    EXPECT_EQ(yearsError(""), "poverty_population_by_year.csv: no years (header only)");
}

TEST(PovertyHistory, ConfidenceAndSourceAreChecked) {
    EXPECT_EQ(yearsError("2013,~745,,not found,n,s,u\n"),
              "poverty_population_by_year.csv:2: confidence: \"not found\" but the row has a figure");
    EXPECT_EQ(yearsError("2013,745,,,n,s,u\n"), "poverty_population_by_year.csv:2: confidence: empty");
    EXPECT_EQ(yearsError("2013,745,,high,n,,u\n"), "poverty_population_by_year.csv:2: source: empty for a figure");
    EXPECT_EQ(yearsError("2013,,,not found,n,,\n"), "<no error>");  // nothing claimed, nothing to cite
    EXPECT_EQ(errorOf(parsePovertyYears, "year,confidence\n2012,high\n", "p.csv"),
              "p.csv: missing column \"rural_poor_population_10k_persons\"");
}

TEST(PovertyHistory, BatchValidation) {
    const std::string ok = "1,2016,2017-10-31,1,赤水市,high,n,s,u\n";
    EXPECT_EQ(batchesError(ok + "2,2017,2018,2,桐梓县、凤冈县,high,n,s,u\n"), "<no error>");
    EXPECT_EQ(batchesError(ok + "2,2017,2018,3,桐梓县、凤冈县,high,n,s,u\n"),
              "b.csv:3: counties: 2 listed but county_count is 3");
    EXPECT_EQ(batchesError(ok + "3,2017,2018,1,桐梓县,high,n,s,u\n"), "b.csv:3: batch: expected batch 2, got 3");
    EXPECT_EQ(batchesError(ok + "2,2016,2018,1,桐梓县,high,n,s,u\n"),
              "b.csv:3: exit_year_annual_batch: year 2016 not after the previous batch's 2016");
    EXPECT_EQ(batchesError(ok + "2,2017,2018,x,桐梓县,high,n,s,u\n"), "b.csv:3: county_count: expected a count, got \"x\"");
    EXPECT_EQ(batchesError(ok + "2,2017,2018,2,桐梓县、,high,n,s,u\n"),
              "b.csv:3: counties: empty county name in \"桐梓县、\"");
    EXPECT_EQ(batchesError("1,2016,2017,1,赤水市,high,n,,u\n"), "b.csv:2: source: empty");
    EXPECT_EQ(batchesError(""), "b.csv: no batches (header only)");
    const auto batches = parseExitBatches(kBatchesHeader + ok + "2,2017,2018,2,桐梓县、 凤冈县,high,n,s,u\n", "b.csv");
    EXPECT_THAT(batches[1].counties, ElementsAre("桐梓县", "凤冈县"));
}

}  // namespace
}  // namespace exhibit
