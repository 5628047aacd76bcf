// Dashboard scenes, their widgets and live map layers, and layout variants in the show file.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "core/error.hpp"
#include "core/show.hpp"

namespace exhibit {
namespace {

using nlohmann::json;

json dashboardShow() {
    return json::parse(R"({
  "format": "exhibit-show", "version": 1, "name": "t", "title": "标题",
  "layout": {"regions": {"map": [0, 0, 0.5, 1], "a": [0.5, 0, 0.5, 0.5]},
             "variants": [{"name": "32:9", "minAspect": 2.9, "regions": {"map": [0, 0, 0.3, 1], "a": [0.3, 0, 0.3, 1], "wide": [0.6, 0, 0.4, 1]}}]},
  "scenes": [{
    "id": "dash", "type": "dashboard", "title": "实时", "region": "map",
    "geo": {"province": "p.geojson", "prefectures": "f.geojson", "counties": "c.geojson"},
    "facts": {"counties": "c.csv", "sources": "s.csv"},
    "layers": [
      {"type": "choropleth", "metric": "ecommerce_orders", "ramp": ["#000000", "#FFFFFF"], "scale": "sqrt", "otherColor": "#111111"},
      {"type": "ripples", "metric": "telemedicine_consults", "color": "#FFB547"},
      {"type": "flylines", "events": ["order_shipped"], "color": "#7FFFD4", "maxLines": 50}
    ],
    "widgets": [{"type": "kpi", "region": "a", "title": "订单", "metric": "ecommerce_orders"}]
  }]
})");
}

std::string errorAfter(const std::function<void(json&)>& edit) {
    json j = dashboardShow();
    edit(j);
    try {
        parseShowFile(j.dump(), "show.json", "/shows/x");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

json& widget0(json& j) { return j["scenes"][0]["widgets"][0]; }

TEST(ShowDashboard, ReadsLiveLayersWidgetsAndVariants) {
    const ShowFile show = parseShowFile(dashboardShow().dump(), "show.json", "/shows/x");
    const SceneSpec& s = show.scenes[0];
    ASSERT_EQ(s.type, "dashboard");
    ASSERT_TRUE(s.map);
    const auto& choropleth = std::get<ChoroplethLayer>(s.map->layers[0]);
    EXPECT_TRUE(choropleth.isFeedMetric());
    EXPECT_EQ(choropleth.ramp.size(), 2u);
    EXPECT_EQ(choropleth.scale, RampScale::Sqrt);
    const auto& ripples = std::get<RipplesLayer>(s.map->layers[1]);
    EXPECT_EQ(ripples.metric, "telemedicine_consults");
    EXPECT_EQ(ripples.rings, 2);
    const auto& flylines = std::get<FlylinesLayer>(s.map->layers[2]);
    EXPECT_EQ(flylines.events, std::vector<std::string>{"order_shipped"});
    EXPECT_EQ(flylines.maxLines, 50);
    ASSERT_EQ(s.widgets.size(), 1u);
    EXPECT_EQ(s.widgets[0].kind, WidgetKind::Kpi);
    EXPECT_EQ(s.widgets[0].adcode, "520000");

    EXPECT_EQ(show.regionsFor(16.0f / 9.0f).size(), 2u);
    EXPECT_EQ(show.regionsFor(2.89f).size(), 2u);
    EXPECT_EQ(show.regionsFor(32.0f / 9.0f).size(), 3u);
    EXPECT_EQ(show.regionsFor(48.0f / 9.0f).size(), 3u);
}

TEST(ShowDashboard, EveryWidgetKindReadsItsOwnFields) {
    json j = dashboardShow();
    j["scenes"][0]["widgets"] = json::parse(R"([
      {"type": "line", "region": "a", "title": "t", "metric": "ecommerce_orders", "mode": "perMinute", "window": 120},
      {"type": "bar", "region": "a", "title": "t", "metric": "online_classes", "by": "prefecture", "vertical": true, "maxBars": 9},
      {"type": "donut", "region": "a", "title": "t", "parts": [{"label": "心电", "metric": "remote_ecg"}]},
      {"type": "donut", "region": "a", "title": "t", "metric": "ecommerce_sales", "by": "prefecture"},
      {"type": "ticker", "region": "wide", "title": "t", "events": ["order_shipped", "class_held"], "capacity": 20},
      {"type": "history", "region": "a", "title": "t", "population": "facts/p.csv", "batches": "facts/b.csv", "secondsPerYear": 2}
    ])");
    const ShowFile show = parseShowFile(j.dump(), "show.json", "/shows/x");
    const auto& w = show.scenes[0].widgets;
    ASSERT_EQ(w.size(), 6u);
    EXPECT_EQ(w[0].mode, LineMode::PerMinute);
    EXPECT_EQ(w[0].windowSeconds, 120);
    EXPECT_EQ(w[1].by, GroupBy::Prefecture);
    EXPECT_TRUE(w[1].vertical);
    EXPECT_EQ(w[2].parts.at(0).adcode, "520000");
    EXPECT_EQ(w[3].metric, "ecommerce_sales");
    EXPECT_EQ(w[4].capacity, 20);
    EXPECT_EQ(w[5].population, "facts/p.csv");
}

TEST(ShowDashboardErrors, WidgetsNameWhatIsWrong) {
    EXPECT_EQ(errorAfter([](json& j) { widget0(j)["metric"] = "orders"; }),
              "show.json: scenes[0].widgets[0].metric: unknown metric \"orders\"; the metrics are listed in "
              "docs/feed-format.md");
    EXPECT_EQ(errorAfter([](json& j) { widget0(j)["window"] = 60; }),
              "show.json: scenes[0].widgets[0].window: unknown field \"window\" for a kpi widget");
    EXPECT_EQ(errorAfter([](json& j) { widget0(j)["adcod"] = "520100"; }),
              "show.json: scenes[0].widgets[0].adcod: unknown field \"adcod\" for a kpi widget (did you mean "
              "\"adcode\"?)");
    EXPECT_EQ(errorAfter([](json& j) { widget0(j)["adcode"] = "5201"; }),
              "show.json: scenes[0].widgets[0].adcode: expected a 6-digit adcode such as \"520000\", got \"5201\"");
    EXPECT_EQ(errorAfter([](json& j) { widget0(j)["region"] = "wdie"; }),
              "show.json: scenes[0].widgets[0].region: no region \"wdie\" in layout.regions or its variants (did "
              "you mean \"wide\"?)");
    EXPECT_EQ(errorAfter([](json& j) { widget0(j)["type"] = "pie"; }),
              "show.json: scenes[0].widgets[0].type: expected one of \"kpi\", \"line\", \"bar\", \"donut\", "
              "\"ticker\", \"history\", \"flow\", \"list\", \"trace\", \"progress\", got \"pie\"");
    EXPECT_EQ(errorAfter([](json& j) { widget0(j) = {{"type", "donut"}, {"region", "a"}, {"title", "t"}}; }),
              "show.json: scenes[0].widgets[0]: a donut takes either \"parts\" (one metric per segment) or "
              "\"metric\" with \"by\"");
    EXPECT_EQ(errorAfter([](json& j) {
                  widget0(j) = {{"type", "ticker"}, {"region", "a"}, {"title", "t"}, {"events", {"order_sent"}}};
              }),
              "show.json: scenes[0].widgets[0].events[0]: unknown event kind \"order_sent\"");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][0]["widgets"] = json::array(); }),
              "show.json: scenes[0].widgets: expected 1 to 32 items, got 0");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][0]["type"] = "map"; }),
              "show.json: scenes[0].widgets: only scenes of type \"dashboard\" have widgets");
}

TEST(ShowDashboardErrors, LiveLayersAndVariants) {
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][0]["layers"][1]["rings"] = 9; }),
              "show.json: scenes[0].layers[1].rings: expected a whole number in [1, 4], got 9");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][0]["layers"][2]["events"] = {"shipped"}; }),
              "show.json: scenes[0].layers[2].events[0]: unknown event kind \"shipped\"");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][0]["layers"][0]["scale"] = "cubic"; }),
              "show.json: scenes[0].layers[0].scale: expected one of \"linear\", \"sqrt\", \"log\", got \"cubic\"");
    EXPECT_EQ(errorAfter([](json& j) {
                  j["layout"]["variants"].push_back({{"name", "x"}, {"minAspect", 2}, {"regions", json::object()}});
              }),
              "show.json: layout.variants[1].minAspect: variants must be listed by increasing minAspect, got 2 after "
              "2.9");
}

TEST(ShowDashboard, BundledShowStartsWithTheDashboard) {
    const ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    EXPECT_EQ(show.startScene, "dashboard");
    const SceneSpec* dash = show.findScene("dashboard");
    ASSERT_NE(dash, nullptr);
    EXPECT_GE(dash->widgets.size(), 10u);
    EXPECT_EQ(show.layoutVariants.size(), 2u);
    // Every widget region exists in every layout (no widget disappears on a wall shape).
    for (float aspect : {16.0f / 9.0f, 32.0f / 9.0f, 48.0f / 9.0f})
        for (const auto& w : dash->widgets) {
            const auto& regions = show.regionsFor(aspect);
            EXPECT_TRUE(std::any_of(regions.begin(), regions.end(), [&](const LayoutRegion& r) { return r.name == w.region; }))
                << w.region << " at aspect " << aspect;
        }
}

}  // namespace
}  // namespace exhibit
