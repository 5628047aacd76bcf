// The story scenes in the show file: "timeline" (facts, timing, colours, regions, an exit_year map)
// and "credits" (sections of sources files or items), with the errors bad input gets.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "core/error.hpp"
#include "core/show.hpp"

namespace exhibit {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

json storyShow() {
    return json::parse(R"({
  "format": "exhibit-show", "version": 1, "name": "t", "title": "标题",
  "layout": {"regions": {"map": [0, 0, 0.5, 0.7], "chart": [0, 0.7, 1, 0.3], "panel": [0.5, 0, 0.5, 0.7]}},
  "scenes": [
    {
      "id": "timeline", "type": "timeline", "title": "时间线", "region": "map",
      "geo": {"province": "p.geojson", "prefectures": "f.geojson", "counties": "c.geojson"},
      "facts": {"counties": "c.csv", "sources": "s.csv"},
      "layers": [{"type": "choropleth", "metric": "exit_year", "classes": [{"value": 2016, "color": "#2EE6C5", "label": "第1批"}],
                  "otherColor": "#1B2C47"}],
      "timeline": {"population": "facts/pop.csv", "batches": "facts/batches.csv", "poorColor": "#B0404E",
                   "chart": "chart", "panel": "panel", "chartTitle": "贫困人口", "unit": "万人"}
    },
    {
      "id": "credits", "type": "credits", "title": "来源",
      "credits": {"sections": [
        {"title": "数据来源", "note": "编号", "sources": "facts/sources.csv"},
        {"title": "字体", "items": [{"name": "Noto Sans CJK SC", "by": "Adobe, Google", "licence": "OFL-1.1", "url": "https://x"}]},
        {"title": "三维模型", "items": [], "empty": "暂无"}
      ]}
    }
  ]
})");
}

std::string errorAfter(const std::function<void(json&)>& edit) {
    json j = storyShow();
    edit(j);
    try {
        parseShowFile(j.dump(), "show.json", "/shows/x");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

json& timeline(json& j) { return j["scenes"][0]["timeline"]; }
json& sections(json& j) { return j["scenes"][1]["credits"]["sections"]; }

TEST(ShowStory, ReadsTimelineWithDefaults) {
    const ShowFile show = parseShowFile(storyShow().dump(), "show.json", "/shows/x");
    const SceneSpec& s = show.scenes[0];
    EXPECT_EQ(s.type, "timeline");
    ASSERT_TRUE(s.map);
    ASSERT_TRUE(s.timeline);
    EXPECT_FALSE(s.credits);
    EXPECT_EQ(s.timeline->population, "facts/pop.csv");
    EXPECT_EQ(s.timeline->batches, "facts/batches.csv");
    EXPECT_EQ(s.timeline->firstYear, 2012);
    EXPECT_EQ(s.timeline->lastYear, 2020);
    EXPECT_DOUBLE_EQ(s.timeline->secondsPerYear, 2.0);
    EXPECT_DOUBLE_EQ(s.timeline->holdSeconds, 5.0);
    EXPECT_EQ(s.timeline->poorColor, Color::rgba8(0xB0, 0x40, 0x4E));
    EXPECT_EQ(s.timeline->chartRegion, "chart");
    EXPECT_EQ(s.timeline->panelRegion, "panel");
    EXPECT_EQ(s.timeline->chartTitle, "贫困人口");
    EXPECT_EQ(s.timeline->unit, "万人");
}

TEST(ShowStory, ReadsCreditsSections) {
    const ShowFile show = parseShowFile(storyShow().dump(), "show.json", "/shows/x");
    const SceneSpec& s = show.scenes[1];
    EXPECT_EQ(s.type, "credits");
    EXPECT_FALSE(s.map);
    ASSERT_TRUE(s.credits);
    ASSERT_EQ(s.credits->sections.size(), 3u);
    EXPECT_DOUBLE_EQ(s.credits->pageSeconds, 15.0);
    EXPECT_EQ(s.credits->sections[0].sources, "facts/sources.csv");
    EXPECT_EQ(s.credits->sections[0].note, "编号");
    ASSERT_EQ(s.credits->sections[1].items.size(), 1u);
    const CreditItem& font = s.credits->sections[1].items[0];
    EXPECT_EQ(font.name, "Noto Sans CJK SC");
    EXPECT_EQ(font.by, "Adobe, Google");
    EXPECT_EQ(font.licence, "OFL-1.1");
    EXPECT_EQ(font.url, "https://x");
    EXPECT_TRUE(s.credits->sections[2].items.empty());
    EXPECT_EQ(s.credits->sections[2].empty, "暂无");
}

TEST(ShowStory, TimelineErrorsNameTheField) {
    EXPECT_EQ(errorAfter([](json& j) { timeline(j).erase("population"); }),
              "show.json: scenes[0].timeline.population: missing required field");
    EXPECT_THAT(errorAfter([](json& j) { timeline(j)["batches"] = "../outside.csv"; }),
                HasSubstr("show.json: scenes[0].timeline.batches:"));
    EXPECT_THAT(errorAfter([](json& j) { timeline(j)["lastYear"] = 2010; }),
                HasSubstr("scenes[0].timeline.lastYear: the timeline needs lastYear after firstYear"));
    EXPECT_THAT(errorAfter([](json& j) { timeline(j)["secondsPerYear"] = 0; }),
                HasSubstr("scenes[0].timeline.secondsPerYear: expected a number in [0.2, 60]"));
    EXPECT_THAT(errorAfter([](json& j) { timeline(j)["poorColor"] = "red"; }),
                HasSubstr("scenes[0].timeline.poorColor: expected \"#RRGGBB\""));
    EXPECT_THAT(errorAfter([](json& j) { timeline(j)["chart"] = "chrat"; }),
                HasSubstr("scenes[0].timeline.chart: no region \"chrat\" in layout.regions (did you mean \"chart\"?)"));
    EXPECT_THAT(errorAfter([](json& j) { timeline(j)["speed"] = 2; }), HasSubstr("scenes[0].timeline.speed: unknown field"));
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][0].erase("timeline"); }),
              "show.json: scenes[0].timeline: missing required field");
    EXPECT_THAT(errorAfter([](json& j) {
                    j["scenes"][0]["layers"] = json::parse(R"([{"type": "borders", "level": "county", "color": "#000000", "width": 1}])");
                }),
                HasSubstr("scenes[0].layers: a timeline needs a choropleth layer with metric \"exit_year\""));
    EXPECT_THAT(errorAfter([](json& j) { j["scenes"][1]["timeline"] = timeline(j); }),
                HasSubstr("scenes[1].timeline: only scenes of type \"timeline\" have \"timeline\""));
}

TEST(ShowStory, CreditsErrorsNameTheField) {
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][1].erase("credits"); }),
              "show.json: scenes[1].credits: missing required field");
    EXPECT_THAT(errorAfter([](json& j) { sections(j) = json::array(); }), HasSubstr("scenes[1].credits.sections:"));
    EXPECT_THAT(errorAfter([](json& j) { sections(j)[0]["items"] = json::array(); }),
                HasSubstr("scenes[1].credits.sections[0]: a credits section takes either \"sources\""));
    EXPECT_THAT(errorAfter([](json& j) { sections(j)[1].erase("items"); }),
                HasSubstr("scenes[1].credits.sections[1]: a credits section takes either \"sources\""));
    EXPECT_THAT(errorAfter([](json& j) { sections(j)[2].erase("empty"); }),
                HasSubstr("scenes[1].credits.sections[2].items: a section without items needs an \"empty\" text"));
    EXPECT_THAT(errorAfter([](json& j) { sections(j)[0]["empty"] = "x"; }),
                HasSubstr("scenes[1].credits.sections[0].empty: a sources section is never empty"));
    EXPECT_THAT(errorAfter([](json& j) { sections(j)[1]["items"][0].erase("name"); }),
                HasSubstr("scenes[1].credits.sections[1].items[0].name: missing required field"));
    EXPECT_THAT(errorAfter([](json& j) { sections(j)[1]["items"][0]["license"] = "MIT"; }),
                HasSubstr("scenes[1].credits.sections[1].items[0].license: unknown field (did you mean \"licence\"?)"));
    EXPECT_THAT(errorAfter([](json& j) { sections(j)[0]["sources"] = "/etc/passwd"; }),
                HasSubstr("scenes[1].credits.sections[0].sources:"));
    EXPECT_THAT(errorAfter([](json& j) { j["scenes"][1]["credits"]["pageSeconds"] = 1; }),
                HasSubstr("scenes[1].credits.pageSeconds: expected a number in [3, 600]"));
    EXPECT_THAT(errorAfter([](json& j) { j["scenes"][1]["layers"] = json::array(); }),
                HasSubstr("scenes[1].layers: a credits scene has no map"));
    EXPECT_THAT(errorAfter([](json& j) { j["scenes"][0]["credits"] = j["scenes"][1]["credits"]; }),
                HasSubstr("scenes[0].credits: only scenes of type \"credits\" have \"credits\""));
}

}  // namespace
}  // namespace exhibit
