// The show file's "flow", "list", "trace" and "progress" widgets: read with their defaults, and
// each bad field fails the load with a message that names it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "core/error.hpp"
#include "core/show.hpp"

namespace exhibit {
namespace {

using nlohmann::json;

json showWith(json widgets) {
    json j = json::parse(R"({
  "format": "exhibit-show", "version": 1, "name": "t", "title": "标题",
  "layout": {"regions": {"map": [0, 0, 0.5, 1], "a": [0.5, 0, 0.5, 0.5], "b": [0.5, 0.5, 0.5, 0.5]}},
  "scenes": [{
    "id": "dash", "type": "dashboard", "title": "实时", "region": "map",
    "geo": {"province": "p.geojson", "prefectures": "f.geojson", "counties": "c.geojson"},
    "facts": {"counties": "c.csv", "sources": "s.csv"},
    "layers": [{"type": "outline", "color": "#FFFFFF", "width": 1}]
  }]
})");
    j["scenes"][0]["widgets"] = std::move(widgets);
    return j;
}

json goodWidgets() {
    return json::parse(R"([
  {"type": "flow", "region": "a", "title": "链路", "stages": [
     {"label": "培训", "metric": "ecommerce_trainees", "unit": "人次/分"},
     {"label": "仓储", "metric": "warehouse_parcels", "adcode": "522633"}]},
  {"type": "list", "region": "b", "title": "活动", "items": [
     {"when": "1月", "title": "年货节", "detail": "展销"},
     {"when": "11月", "title": "直播节", "source": "CNS-2020-11-23"}]},
  {"type": "trace", "region": "a", "title": "溯源", "secondsPerItem": 5, "products": [
     {"id": "kiwi", "name": "猕猴桃", "origin": "520123", "base": "基地", "certifications": ["绿色食品"], "route": ["采摘", "配送"]},
     {"id": "tea", "name": "毛尖", "origin": "522701", "base": "茶园", "route": ["采摘", "加工", "配送"]}]},
  {"type": "progress", "region": "b", "title": "众筹", "metric": "crowdfunding_raised", "goalMetric": "crowdfunding_goal", "by": "prefecture", "maxBars": 6, "unit": "元"}
])");
}

std::string errorAfter(const std::function<void(json&)>& edit) {
    json j = showWith(goodWidgets());
    edit(j);
    try {
        parseShowFile(j.dump(), "show.json", "/shows/x");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

json& widget(json& j, int i) { return j["scenes"][0]["widgets"][i]; }

TEST(ShowChainWidgets, ReadsFlowListTraceAndProgress) {
    const ShowFile show = parseShowFile(showWith(goodWidgets()).dump(), "show.json", "/shows/x");
    const auto& w = show.scenes[0].widgets;
    ASSERT_EQ(w.size(), 4u);

    EXPECT_EQ(w[0].kind, WidgetKind::Flow);
    ASSERT_EQ(w[0].stages.size(), 2u);
    EXPECT_EQ(w[0].stages[0].label, "培训");
    EXPECT_EQ(w[0].stages[0].metric, "ecommerce_trainees");
    EXPECT_EQ(w[0].stages[0].adcode, "520000") << "the province by default";
    EXPECT_EQ(w[0].stages[0].unit, "人次/分");
    EXPECT_EQ(w[0].stages[1].adcode, "522633");
    EXPECT_EQ(w[0].stages[1].unit, "");

    EXPECT_EQ(w[1].kind, WidgetKind::List);
    ASSERT_EQ(w[1].items.size(), 2u);
    EXPECT_EQ(w[1].items[0].when, "1月");
    EXPECT_EQ(w[1].items[0].source, "") << "an example";
    EXPECT_EQ(w[1].items[1].detail, "");
    EXPECT_EQ(w[1].items[1].source, "CNS-2020-11-23");
    EXPECT_EQ(w[1].secondsPerItem, 6);

    EXPECT_EQ(w[2].kind, WidgetKind::Trace);
    ASSERT_EQ(w[2].products.size(), 2u);
    EXPECT_EQ(w[2].products[0].id, "kiwi");
    EXPECT_EQ(w[2].products[0].origin, "520123");
    EXPECT_EQ(w[2].products[0].certifications, (std::vector<std::string>{"绿色食品"}));
    EXPECT_TRUE(w[2].products[1].certifications.empty());
    EXPECT_EQ(w[2].products[1].route.size(), 3u);
    EXPECT_EQ(w[2].secondsPerItem, 5);

    EXPECT_EQ(w[3].kind, WidgetKind::Progress);
    EXPECT_EQ(w[3].metric, "crowdfunding_raised");
    EXPECT_EQ(w[3].goalMetric, "crowdfunding_goal");
    EXPECT_EQ(w[3].by, GroupBy::Prefecture);
    EXPECT_EQ(w[3].maxBars, 6);
}

TEST(ShowChainWidgets, BadFieldsAreNamed) {
    const std::string stages = "show.json: scenes[0].widgets[0].stages";
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 0)["stages"][1]["metric"] = "warehouse_parcel"; }),
              stages + "[1].metric: unknown metric \"warehouse_parcel\" (did you mean \"warehouse_parcels\"?); the "
                       "metrics are listed in docs/feed-format.md");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 0)["stages"].erase(1); }),
              stages + ": expected 2 to 8 items, got 1");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 0)["stages"][0]["adcode"] = "5200"; }),
              stages + "[0].adcode: expected a 6-digit adcode such as \"520000\", got \"5200\"");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 0)["stages"][0]["lable"] = "x"; }),
              stages + "[0].lable: unknown field (did you mean \"label\"?)");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 0)["metric"] = "ecommerce_orders"; }),
              "show.json: scenes[0].widgets[0].metric: unknown field \"metric\" for a flow widget");

    EXPECT_EQ(errorAfter([](json& j) { widget(j, 1)["items"][0]["title"] = "  "; }),
              "show.json: scenes[0].widgets[1].items[0].title: must not be empty");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 1)["items"][0].erase("when"); }),
              "show.json: scenes[0].widgets[1].items[0].when: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 1)["secondsPerItem"] = 0; }),
              "show.json: scenes[0].widgets[1].secondsPerItem: expected a number in [1, 600], got 0");

    const std::string products = "show.json: scenes[0].widgets[2].products";
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 2)["products"][1]["id"] = "kiwi"; }),
              products + "[1].id: duplicate product id \"kiwi\"");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 2)["products"][0]["origin"] = "修文县"; }),
              products + "[0].origin: expected a 6-digit adcode such as \"520000\", got \"修文县\"");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 2)["products"][0]["route"] = json::array({"采摘"}); }),
              products + "[0].route: expected 2 to 6 items, got 1");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 2)["products"][0]["id"] = "520123"; }).rfind(products + "[0].id: ", 0),
              0u) << "an id is no adcode";

    EXPECT_EQ(errorAfter([](json& j) { widget(j, 3).erase("goalMetric"); }),
              "show.json: scenes[0].widgets[3].goalMetric: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 3)["by"] = "city"; }),
              "show.json: scenes[0].widgets[3].by: expected \"county\" or \"prefecture\", got \"city\"");
    EXPECT_EQ(errorAfter([](json& j) { widget(j, 3)["type"] = "progres"; }).rfind("show.json: scenes[0].widgets[3].type: ", 0), 0u);
}

}  // namespace
}  // namespace exhibit
