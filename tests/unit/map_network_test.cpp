// The network map layer (scenes/map_network.hpp): its show-file parsing with the errors bad input
// gets, the deterministic schematic village points, and pulses from feed events (new events launch
// pulses along the right levels, old ones never again, at most maxPulses alive).
#include "scenes/map_network.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

#include "core/error.hpp"
#include "scenes/map_geometry.hpp"

namespace exhibit {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

// A minimal show with one network layer; tests edit the layer.
json showWith(const json& layer) {
    return {{"format", "exhibit-show"},
            {"version", 1},
            {"name", "t"},
            {"title", "标题"},
            {"scenes",
             {{{"id", "net"},
               {"type", "map"},
               {"title", "网络"},
               {"geo", {{"province", "p.geojson"}, {"prefectures", "f.geojson"}, {"counties", "c.geojson"}}},
               {"facts", {{"counties", "c.csv"}, {"sources", "s.csv"}}},
               {"layers", {layer}}}}}};
}

json healthLayer() {
    return json::parse(R"({
      "type": "network",
      "tiers": {"province": "省级医院", "prefecture": "市级医院", "county": "县级医院", "village": "村卫生室"},
      "hub": [106.71, 26.58],
      "villages": 3,
      "color": "#6FC3FF",
      "pulses": [
        {"event": "diagnosis_requested", "route": "up", "color": "#FFB547", "label": "申请"},
        {"event": "diagnosis_returned", "route": "down", "color": "#7FFFD4"},
        {"event": "class_held", "route": "fan", "color": "#FFFFFF"}
      ],
      "live": {"metric": "classes_live", "color": "#38D6FF"},
      "seconds": 0.5,
      "maxPulses": 50,
      "note": "示意位置"
    })");
}

std::string errorWith(const std::function<void(json&)>& edit) {
    json layer = healthLayer();
    edit(layer);
    try {
        parseShowFile(showWith(layer).dump(), "show.json", "/shows/x");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(NetworkLayerSpec, ReadsEveryField) {
    const ShowFile show = parseShowFile(showWith(healthLayer()).dump(), "show.json", "/shows/x");
    const auto& layer = std::get<NetworkLayer>(show.scenes[0].map->layers[0]);
    EXPECT_EQ(layer.province, "省级医院");
    EXPECT_EQ(layer.village, "村卫生室");
    EXPECT_TRUE(layer.partner.empty());
    EXPECT_DOUBLE_EQ(layer.hubLon, 106.71);
    EXPECT_EQ(layer.villages, 3);
    ASSERT_EQ(layer.pulses.size(), 3u);
    EXPECT_EQ(layer.pulses[0].route, PulseRoute::Up);
    EXPECT_EQ(layer.pulses[1].route, PulseRoute::Down);
    EXPECT_EQ(layer.pulses[2].route, PulseRoute::Fan);
    EXPECT_EQ(layer.pulses[0].label, "申请");
    ASSERT_TRUE(layer.live);
    EXPECT_EQ(layer.live->metric, "classes_live");
    EXPECT_EQ(layer.maxPulses, 50);
    EXPECT_EQ(layer.maxPartners, 24);
    EXPECT_EQ(layer.note, "示意位置");
}

TEST(NetworkLayerSpec, BadInputNamesTheField) {
    EXPECT_THAT(errorWith([](json& l) { l["pulses"][0]["event"] = "diagnosis_request"; }),
                HasSubstr("scenes[0].layers[0].pulses[0].event: unknown event kind \"diagnosis_request\" (did you mean "
                          "\"diagnosis_requested\"?)"));
    EXPECT_THAT(errorWith([](json& l) { l["pulses"][0]["route"] = "sideways"; }),
                HasSubstr("scenes[0].layers[0].pulses[0].route: expected"));
    EXPECT_THAT(errorWith([](json& l) { l["tiers"].erase("village"); l.erase("villages"); l.erase("live"); }),
                HasSubstr("scenes[0].layers[0].pulses[2].route: route \"fan\" runs from a county to its villages"));
    EXPECT_THAT(errorWith([](json& l) { l.erase("hub"); }), HasSubstr("scenes[0].layers[0].hub: missing required field"));
    EXPECT_THAT(errorWith([](json& l) { l["tiers"].erase("province"); }),
                HasSubstr("scenes[0].layers[0].hub: hub places the province tier"));
    EXPECT_THAT(errorWith([](json& l) { l["hub"] = {106.7}; }), HasSubstr("scenes[0].layers[0].hub"));
    EXPECT_THAT(errorWith([](json& l) { l["tiers"]["town"] = "乡镇"; }), HasSubstr("scenes[0].layers[0].tiers"));
    EXPECT_THAT(errorWith([](json& l) { l["tiers"]["town"] = "乡镇"; }), HasSubstr("town"));
    EXPECT_THAT(errorWith([](json& l) { l["tiers"] = json::object(); }),
                HasSubstr("scenes[0].layers[0].tiers: expected at least one tier"));
    EXPECT_THAT(errorWith([](json& l) { l["villages"] = 9; }), HasSubstr("scenes[0].layers[0].villages"));
    EXPECT_THAT(errorWith([](json& l) { l["live"]["metric"] = "classes_now"; }),
                HasSubstr("scenes[0].layers[0].live.metric: unknown metric \"classes_now\""));
    EXPECT_THAT(errorWith([](json& l) { l["pulses"][0]["route"] = "partner"; }),
                HasSubstr("scenes[0].layers[0].pulses[0].route: route \"partner\" links partners to counties"));
    EXPECT_THAT(errorWith([](json& l) { l["pulses"] = json::array(); }), HasSubstr("scenes[0].layers[0].pulses"));
    EXPECT_THAT(errorWith([](json& l) { l["color"] = "blue"; }), HasSubstr("scenes[0].layers[0].color"));
    EXPECT_THAT(errorWith([](json& l) { l["maxPulse"] = 3; }), HasSubstr("maxPulse"));
}

// The bundled Guizhou geometry and facts, laid out at 1920x1080 with the anchors a MapView makes.
struct Guizhou {
    ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    GeoCollection counties = loadGeoJson(show.resolve("geo/guizhou_counties.geojson"));
    GeoCollection prefectures = loadGeoJson(show.resolve("geo/guizhou_prefectures.geojson"));
    CountyFacts facts = loadCountyFacts(show.resolve("facts/guizhou_counties.csv"));
    MapAnchors countyAnchors, prefectureAnchors;
    MapProjection projection;
    Rect area{0, 0, 1920, 1080};
    Layout layout{show, {1920, 1080}};

    Guizhou() {
        GeoBounds bounds = counties.bounds;
        projection = MapProjection::fit(bounds, {0, 0, 1700, 1080}, 24);
        for (const auto& c : counties.features) countyAnchors[c.adcode] = projection.toScreen(labelAnchor(c));
        for (const auto& p : prefectures.features) prefectureAnchors[p.adcode] = projection.toScreen(labelAnchor(p));
    }
    std::unique_ptr<MapNetwork> network(const NetworkLayer& spec) {
        auto net = std::make_unique<MapNetwork>(spec, counties, facts, countyAnchors, prefectureAnchors);
        net->layout(projection, area, layout);
        return net;
    }
};

NetworkLayer readLayer(const json& layer) {
    static std::vector<ShowFile> keep;  // the layer refers into its show
    keep.push_back(parseShowFile(showWith(layer).dump(), "show.json", "/shows/x"));
    return std::get<NetworkLayer>(keep.back().scenes[0].map->layers[0]);
}

TEST(MapNetwork, VillagePointsAreInsideTheirCountyAndTheSameEveryRun) {
    Guizhou g;
    int inside = 0, total = 0;
    for (const auto& county : g.counties.features) {
        const auto a = MapNetwork::placeVillages(county, 3);
        const auto b = MapNetwork::placeVillages(county, 3);
        ASSERT_EQ(a.size(), 3u);
        EXPECT_EQ(a, b) << county.adcode;
        for (const auto& p : a) {
            ++total;
            inside += featureContains(county, p) ? 1 : 0;
            EXPECT_NE(p, labelAnchor(county)) << county.adcode << " kept a village on its label point";
        }
    }
    EXPECT_EQ(inside, total);
    // Two counties do not share a pattern: the generator is seeded by the adcode.
    const auto first = MapNetwork::placeVillages(g.counties.features[0], 3);
    const auto second = MapNetwork::placeVillages(g.counties.features[1], 3);
    EXPECT_NE(first[0] - labelAnchor(g.counties.features[0]), second[0] - labelAnchor(g.counties.features[1]));
    // And a layer gives each county exactly these points.
    const NetworkLayer spec = readLayer(healthLayer());
    auto net = g.network(spec);
    EXPECT_EQ(net->villages("522633"), MapNetwork::placeVillages(*std::find_if(g.counties.features.begin(),
                                                                                g.counties.features.end(),
                                                                                [](const auto& c) { return c.adcode == "522633"; }),
                                                                  3));
}

FeedEvent event(std::uint64_t serial, const std::string& kind, const std::string& from, const std::string& toAdcode = "",
                const std::string& toName = "") {
    FeedEvent e;
    e.serial = serial;
    e.kind = kind;
    e.fromAdcode = from;
    e.toAdcode = toAdcode;
    e.toName = toName;
    return e;
}

TEST(MapNetwork, PulsesClimbAndDescendTheLevels) {
    Guizhou g;
    const NetworkLayer spec = readLayer(healthLayer());
    auto net = g.network(spec);
    Snapshot feed;
    feed.events.push_back(event(1, "order_shipped", "522633"));  // another kind: ignored
    FrameTime t{10, 1.0 / 60, 1};
    net->update(t, feed);
    EXPECT_EQ(net->launched(), 0u);

    // 从江县 (黔东南州): a village clinic's request read at the province, and the report back down.
    feed.events.push_back(event(2, "diagnosis_requested", "522633", "520000"));
    feed.events.push_back(event(3, "diagnosis_returned", "522600", "522633"));
    feed.events.push_back(event(4, "class_held", "522633"));
    t.seconds += 1;
    net->update(t, feed);
    EXPECT_EQ(net->launched(), 3u);
    ASSERT_EQ(net->pulses().size(), 5u);  // up, down, and the class fanned out to 3 villages
    EXPECT_EQ(net->pulses()[0].path, (std::vector<std::string>{"522633#2", "522633", "522600", "province"}));
    EXPECT_EQ(net->pulses()[1].path, (std::vector<std::string>{"522600", "522633", "522633#0"}));
    EXPECT_EQ(net->pulses()[2].path, (std::vector<std::string>{"522633", "522633#0"}));
    EXPECT_EQ(net->pulses()[4].path, (std::vector<std::string>{"522633", "522633#2"}));
    for (const auto& p : net->pulses())
        for (const auto& node : p.path) EXPECT_TRUE(net->position(node)) << node;

    // The same events again launch nothing; a new one launches one more.
    t.seconds += 0.1;
    net->update(t, feed);
    EXPECT_EQ(net->launched(), 3u);
    feed.events.push_back(event(5, "diagnosis_requested", "522633", "522633"));  // read at the county
    t.seconds += 0.1;
    net->update(t, feed);
    EXPECT_EQ(net->launched(), 4u);
    EXPECT_EQ(net->pulses().back().path, (std::vector<std::string>{"522633#2", "522633"}));

    // An event from nowhere the layer knows is skipped, not drawn.
    feed.events.push_back(event(6, "diagnosis_requested", "999999"));
    t.seconds += 0.1;
    net->update(t, feed);
    EXPECT_EQ(net->skipped(), 1u);

    // Pulses end: after every hop and the fade, none is left.
    t.seconds += 60;
    net->update(t, feed);
    EXPECT_TRUE(net->pulses().empty());
}

TEST(MapNetwork, AtMostMaxPulsesAreAlive) {
    Guizhou g;
    const NetworkLayer spec = readLayer(healthLayer());  // maxPulses 50
    auto net = g.network(spec);
    Snapshot feed;
    FrameTime t{5, 1.0 / 60, 1};
    std::uint64_t serial = 0;
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 200; ++i) feed.events.push_back(event(++serial, "diagnosis_requested", "520102"));
        t.seconds += 0.2;
        net->update(t, feed);
        EXPECT_LE(net->pulses().size(), 50u);
    }
    EXPECT_EQ(net->pulses().size(), 50u);
    EXPECT_EQ(net->pulses().back().serial, serial);  // the newest are kept
}

TEST(MapNetwork, PartnersLinkToCountiesAndStandAtTheRight) {
    Guizhou g;
    const NetworkLayer spec = readLayer(json::parse(R"({
      "type": "network", "tiers": {"county": "结对县", "partner": "帮扶方"}, "color": "#C9A7FF", "maxPartners": 2,
      "pulses": [{"event": "partner_paired", "route": "partner", "color": "#C9A7FF"}]
    })"));
    auto net = g.network(spec);
    Snapshot feed;
    auto paired = [&](std::uint64_t serial, const char* county, const char* partner, double lon, double lat) {
        FeedEvent e = event(serial, "partner_paired", county, "", partner);
        e.toLon = lon;
        e.toLat = lat;
        feed.events.push_back(e);
    };
    paired(1, "520323", "上海市", 121.47, 31.23);
    paired(2, "520322", "上海市", 121.47, 31.23);
    paired(3, "522326", "广州市", 113.26, 23.13);
    FrameTime t{1, 1.0 / 60, 1};
    net->update(t, feed);
    ASSERT_EQ(net->partnerLinks().size(), 2u);
    EXPECT_EQ(net->partnerLinks().at("上海市"), (std::vector<std::string>{"520323", "520322"}));
    const auto shanghai = net->position("@上海市"), guangzhou = net->position("@广州市");
    ASSERT_TRUE(shanghai && guangzhou);
    EXPECT_GT(shanghai->x, g.area.x + g.area.w - g.layout.px(170));  // the partners' column
    EXPECT_LT(shanghai->y, guangzhou->y);                            // north above south
    // A third partner: the least recently active one goes.
    t.seconds += 5;
    paired(4, "520323", "上海市", 121.47, 31.23);
    paired(5, "520502", "大连市", 121.61, 38.91);
    net->update(t, feed);
    EXPECT_EQ(net->partnerLinks().size(), 2u);
    EXPECT_FALSE(net->partnerLinks().contains("广州市"));
    EXPECT_TRUE(net->partnerLinks().contains("大连市"));
}

}  // namespace
}  // namespace exhibit
