// The timeline's year -> county logic on the real Guizhou facts (which counties are on the list or
// have left it in each year, by the five batches), its source ids, the checks between the facts
// files, and the timeline scene's map colours and playhead.
#include "scenes/poverty_timeline.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "core/text_file.hpp"
#include "renderer/platform/platform.hpp"
#include "scenes/timeline_scene.hpp"
#include "tests/support/bundled_show.hpp"

namespace exhibit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::filesystem::path kFacts = std::filesystem::path(EXHIBIT_ASSETS) / "shows/guizhou/facts";

PovertyTimeline realTimeline() {
    PovertyHistory history;
    history.years = parsePovertyYears(readTextFile(kFacts / "poverty_population_by_year.csv", 1 << 20), "poverty_population_by_year.csv");
    history.batches = parseExitBatches(readTextFile(kFacts / "poverty_county_exit_batches.csv", 1 << 20), "poverty_county_exit_batches.csv");
    return PovertyTimeline(loadCountyFacts(kFacts / "guizhou_counties.csv"), std::move(history),
                           loadSourceList(kFacts / "sources.csv"), 2012, 2020);
}

TEST(PovertyTimeline, CountiesOnTheListYearByYear) {
    const PovertyTimeline t = realTimeline();
    EXPECT_EQ(t.povertyCounties(), 66);
    for (int year : {2012, 2013, 2014, 2015}) EXPECT_EQ(t.onList(year), 66) << year;
    EXPECT_EQ(t.onList(2016), 65);  // 赤水市 first
    EXPECT_EQ(t.onList(2017), 51);  // 14 more
    EXPECT_EQ(t.onList(2018), 33);  // 18 more: "33 counties still to exit" (Xinhua, 2019-04-26)
    EXPECT_EQ(t.onList(2019), 9);   // 24 more
    EXPECT_EQ(t.onList(2020), 0);   // the last 9
    EXPECT_THAT(t.exitedIn(2016), ElementsAre("520381"));
    EXPECT_EQ(t.exitedIn(2015).size(), 0u);
    EXPECT_EQ(t.exitedIn(2017).size(), 14u);
    EXPECT_EQ(t.exitedIn(2018).size(), 18u);
    EXPECT_EQ(t.exitedIn(2019).size(), 24u);
    EXPECT_EQ(t.exitedIn(2020).size(), 9u);
}

TEST(PovertyTimeline, StageAndExitProgressOfCounties) {
    const PovertyTimeline t = realTimeline();
    EXPECT_EQ(t.stage("520381", 2015), CountyStage::OnList);  // 赤水市, batch 1 (2016)
    EXPECT_EQ(t.stage("520381", 2016), CountyStage::Exited);
    EXPECT_EQ(t.stage("522633", 2019), CountyStage::OnList);  // 从江县, batch 5 (2020)
    EXPECT_EQ(t.stage("522633", 2020), CountyStage::Exited);
    EXPECT_EQ(t.stage("520102", 2012), CountyStage::NotPoverty);  // 南明区, never on the list
    EXPECT_EQ(t.stage("999999", 2018), CountyStage::NotPoverty);
    EXPECT_FLOAT_EQ(t.exitProgress("520381", 2014.9), 0.0f);
    EXPECT_FLOAT_EQ(t.exitProgress("520381", 2015.5), 0.5f);
    EXPECT_FLOAT_EQ(t.exitProgress("520381", 2016.0), 1.0f);
    EXPECT_FLOAT_EQ(t.exitProgress("520381", 2019.0), 1.0f);
    EXPECT_FLOAT_EQ(t.exitProgress("520102", 2020.0), 0.0f);
}

TEST(PovertyTimeline, FiguresCarryTheirSourceIds) {
    const PovertyTimeline t = realTimeline();
    ASSERT_NE(t.population(2012), nullptr);
    EXPECT_EQ(*t.population(2012)->population10k, 923);
    EXPECT_THAT(t.populationSources(2012), ElementsAre("CNS-2020-11-23", "GZSTV-2021-02-25", "BJREVIEW-2021-03"));
    ASSERT_NE(t.population(2013), nullptr);
    EXPECT_FALSE(t.population(2013)->population10k);  // not found: no figure, nothing guessed
    EXPECT_EQ(t.population(2015)->populationQualifier, Qualifier::Approximate);
    EXPECT_THAT(t.populationSources(2017), ElementsAre("XINHUA-2018-01-26"));  // no URL: matched by title
    EXPECT_EQ(t.population(2011), nullptr);  // outside 2012-2020
    EXPECT_TRUE(t.populationSources(2011).empty());
    EXPECT_THAT(t.batchSources(2017), ElementsAre("9JIAOYU"));
    EXPECT_THAT(t.batchSources(2018), ElementsAre("GOVCN-2019-04-26"));
    EXPECT_THAT(t.batchSources(2020), ElementsAre("WORKER-2020-11-24", "CGTN-2020-11-23"));
    EXPECT_EQ(t.batch(2015), nullptr);
    EXPECT_EQ(t.batch(2018)->batch, 3);
}

const char* kCounties =
    "adcode,name,prefecture_adcode,prefecture,poverty_county,exit_year_annual_batch,source,source_url\n"
    "520381,赤水市,520300,遵义市,yes,2016,S,\n"
    "520322,桐梓县,520300,遵义市,yes,2017,S,\n"
    "520102,南明区,520100,贵阳市,no,,S,\n";
const char* kBatchesHeader = "batch,exit_year_annual_batch,announced,county_count,counties,confidence,note,source,source_url\n";
const char* kSources = "source_id,title,url\nS,Source S,https://s\nB,Batch source,https://b\n";

std::string timelineError(const std::string& batches, const std::string& sources = kSources,
                          const std::string& years = "year,rural_poor_population_10k_persons,poverty_incidence_pct,confidence,note,source,source_url\n2016,10,,high,,Source S,https://s\n") {
    try {
        PovertyHistory h;
        h.years = parsePovertyYears(years, "pop.csv");
        h.batches = parseExitBatches(kBatchesHeader + batches, "batches.csv");
        PovertyTimeline(parseCountyFacts(kCounties, "counties.csv"), std::move(h), parseSourceList(sources, "sources.csv"),
                        2012, 2020, {"counties.csv", "pop.csv", "batches.csv"});
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(PovertyTimeline, FactsFilesMustAgree) {
    const std::string b1 = "1,2016,2017-10-31,1,赤水市,high,,Batch source,https://b\n";
    const std::string b2 = "2,2017,2018,1,桐梓县,high,,Batch source,https://b\n";
    EXPECT_EQ(timelineError(b1 + b2), "<no error>");
    EXPECT_EQ(timelineError(b1 + "2,2017,2018,2,桐梓县、凤冈县,high,,Batch source,https://b\n"),
              "counties.csv: 1 counties exit in 2017, but batches.csv batch 2 lists 2");
    EXPECT_EQ(timelineError(b1), "counties.csv: 1 counties exit in 2017, but batches.csv has no batch for that year");
    EXPECT_EQ(timelineError(b1 + b2 + "3,2018,2019,1,某县,high,,Batch source,https://b\n"),
              "batches.csv: batch 3 (2018) has no county with that exit year in counties.csv");
    EXPECT_EQ(timelineError(b1 + "2,2017,2018,1,桐梓县,high,,Unknown paper,https://elsewhere\n"),
              "batches.csv: batch 2: source \"Unknown paper\" is not in sources.csv");
    // A title that differs but whose address is listed still finds its id.
    EXPECT_EQ(timelineError(b1 + "2,2017,2018,1,桐梓县,high,,Batch source (renamed),https://b\n"), "<no error>");
}

TEST(SourceList, ValidatesRowsAndSplitsCells) {
    auto error = [](const std::string& text) {
        try {
            parseSourceList(text, "sources.csv");
        } catch (const ContentError& e) {
            return std::string(e.what());
        }
        return std::string("<no error>");
    };
    EXPECT_EQ(error("source_id,title,url\nA,T,\n"), "<no error>");
    EXPECT_EQ(error("source_id,title,url\nA,T,\nA,U,\n"), "sources.csv:3: source_id: duplicate id \"A\" (also on line 2)");
    EXPECT_EQ(error("source_id,title,url\nA B,T,\n"), "sources.csv:2: source_id: expected 1 to 64 of A-Z a-z 0-9 - _ ., got \"A B\"");
    EXPECT_EQ(error("source_id,title,url\nA,,\n"), "sources.csv:2: title: is empty");
    EXPECT_EQ(error("source_id,title,url\nA,T,ftp://x\n"), "sources.csv:2: url: expected empty or http(s)://…, got \"ftp://x\"");
    EXPECT_EQ(error("source_id,title,url\n"), "sources.csv: no sources (expected a header and at least one row)");
    EXPECT_EQ(error("source_id,name,url\nA,T,\n"), "sources.csv: missing column \"title\"");
    EXPECT_THAT(splitSourceCell("a | b | c"), ElementsAre("a", "b", "c"));
    EXPECT_TRUE(splitSourceCell("").empty());
}

class TimelineSceneTest : public test::BundledShowTest {};

TEST_F(TimelineSceneTest, MapColoursFollowThePlayhead) {
    auto scene = makeScene("timeline");
    auto* timeline = dynamic_cast<TimelineScene*>(scene.get());
    ASSERT_NE(timeline, nullptr);
    const SceneSpec& spec = *show_->findScene("timeline");
    const auto& layer = std::get<ChoroplethLayer>(spec.map->layers[1]);
    const Color poor = spec.timeline->poorColor;
    EXPECT_EQ(timeline->countyColorAt("520381", 2012), poor);              // 赤水市 still on the list
    EXPECT_EQ(timeline->countyColorAt("520381", 2016), layer.classes[0].color);  // left with batch 1
    EXPECT_EQ(timeline->countyColorAt("522633", 2019), poor);              // 从江县 until 2020
    EXPECT_EQ(timeline->countyColorAt("522633", 2020), layer.classes[4].color);
    EXPECT_EQ(timeline->countyColorAt("520102", 2016), layer.otherColor);  // never a poverty county
    const Color half = timeline->countyColorAt("520381", 2015.8);          // easing in
    EXPECT_NE(half, poor);
    EXPECT_NE(half, layer.classes[0].color);
}

TEST_F(TimelineSceneTest, PlaysByItselfAndKeysScrub) {
    auto scene = makeScene("timeline");
    auto* timeline = dynamic_cast<TimelineScene*>(scene.get());
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->playback().currentYear(), 2012);
    EXPECT_EQ(timeline->playback().firstYear(), 2012);
    EXPECT_EQ(timeline->playback().lastYear(), 2020);
    const Snapshot feed;
    for (int i = 0; i < 60 * 5; ++i) scene->update({i / 60.0, 1 / 60.0}, feed);  // 5 s at 2 s a year
    EXPECT_EQ(timeline->playback().currentYear(), 2014);
    scene->keyDown(keys::Space);
    EXPECT_FALSE(timeline->playback().playing());
    scene->keyDown(keys::Right);
    scene->keyDown(keys::Right);
    EXPECT_EQ(timeline->playback().currentYear(), 2016);
    scene->keyDown(keys::Left);
    EXPECT_EQ(timeline->playback().currentYear(), 2015);
    EXPECT_TRUE(scene->attractStep(0));  // the tour starts it from the first year, playing
    EXPECT_EQ(timeline->playback().currentYear(), 2012);
    EXPECT_TRUE(timeline->playback().playing());
    EXPECT_TRUE(scene->attractStep(1));  // still playing towards 2020
    timeline->playback().scrubTo(2020);
    EXPECT_FALSE(scene->attractStep(2));  // at the last year: the tour moves on
}

TEST_F(TimelineSceneTest, TapPlaysOrPausesAndADragAlongTheChartScrubs) {
    auto scene = makeScene("timeline");
    auto* timeline = dynamic_cast<TimelineScene*>(scene.get());
    ASSERT_NE(timeline, nullptr);
    Canvas canvas;
    canvas.begin({1920, 1080}, {});
    scene->draw(canvas);
    const Rect chart = Layout(*show_, {1920, 1080}).region(show_->findScene("timeline")->timeline->chartRegion);
    EXPECT_EQ(scene->hitTarget(chart.center()), "timeline.chart");
    Gesture g;
    g.kind = GestureKind::Tap;
    g.target = "timeline.chart";
    EXPECT_TRUE(scene->gesture(g));
    EXPECT_FALSE(timeline->playback().playing());
    EXPECT_TRUE(scene->gesture(g));
    EXPECT_TRUE(timeline->playback().playing());
    // A drag of a third of the chart's width moves three of its nine years, and pauses.
    g.kind = GestureKind::PanStart;
    g.translation = g.delta = {10, 0};
    EXPECT_TRUE(scene->gesture(g));
    g.kind = GestureKind::Pan;
    g.translation = {chart.w / 3 + 1, 0};
    g.delta = {chart.w / 3 - 9, 0};
    EXPECT_TRUE(scene->gesture(g));
    EXPECT_EQ(timeline->playback().currentYear(), 2015);
    EXPECT_FALSE(timeline->playback().playing());
    g.kind = GestureKind::Swipe;  // left to the app: it switches scenes
    EXPECT_FALSE(scene->gesture(g));
    g.kind = GestureKind::Pan;
    g.target = "map";  // a drag on the map does not scrub
    EXPECT_FALSE(scene->gesture(g));
}

TEST_F(TimelineSceneTest, DrawsAtEveryOutputInBothLanguages) {
    for (Language language : {Language::Zh, Language::En}) {
        text_->setLanguage(language);
        for (glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}, glm::ivec2{3840, 1080}}) {
            auto scene = makeScene("timeline");
            Canvas canvas;
            canvas.begin(size, {});
            scene->update({0, 0}, Snapshot{});
            scene->draw(canvas);
            EXPECT_EQ(dynamic_cast<TimelineScene*>(scene.get())->map().area().w > 0, true);
        }
    }
    text_->setLanguage(Language::Zh);
}

}  // namespace
}  // namespace exhibit
