#include "core/show.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>

#include "core/error.hpp"

namespace exhibit {
namespace {

using nlohmann::json;

const std::filesystem::path showsDir = std::filesystem::path(EXHIBIT_TEST_DATA) / "shows";

constexpr const char* minimalShow = R"({
  "format": "exhibit-show",
  "version": 1,
  "name": "t",
  "title": "标题",
  "scenes": [{
    "id": "map",
    "type": "map",
    "title": "地图",
    "geo": {"province": "p.geojson", "prefectures": "f.geojson", "counties": "c.geojson"},
    "facts": {"counties": "c.csv", "sources": "s.csv"},
    "layers": [{"type": "borders", "level": "county", "color": "#000000", "width": 1}]
  }]
})";

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

std::string errorOfText(std::string_view text) {
    return errorOf([&] { parseShowFile(text, "show.json", "/shows/x"); });
}

// The error for the minimal show after edit changed it.
std::string errorAfter(const std::function<void(json&)>& edit) {
    json j = json::parse(minimalShow);
    edit(j);
    return errorOfText(j.dump(2));
}

json& scene0(json& j) { return j["scenes"][0]; }
json& layer0(json& j) { return j["scenes"][0]["layers"][0]; }

json withRegions(json j) {
    j["layout"]["regions"] = {{"map", {0, 0, 0.7, 1}}, {"side", {0.7, 0, 0.3, 1}}};
    return j;
}

// ---- good files ------------------------------------------------------------------------------

TEST(ShowFile, GoodFileLoadsWithEveryField) {
    ShowFile show = loadShowFile(showsDir / "good.json");
    EXPECT_EQ(show.path, showsDir / "good.json");
    EXPECT_EQ(show.baseDir, showsDir);
    EXPECT_EQ(show.name, "guizhou_test-1");
    EXPECT_EQ(show.title, "大数据助力贵州脱贫攻坚");

    const Theme& t = show.theme;
    EXPECT_EQ(t.background, Color::rgba8(0x01, 0x02, 0x03));
    EXPECT_EQ(t.backgroundTop, Color::rgba8(0x04, 0x05, 0x06));
    EXPECT_EQ(t.panel, Color::rgba8(0x0D, 0x1B, 0x30, 0xCC));
    EXPECT_EQ(t.text, Color::rgba8(0xE8, 0xF1, 0xFF));
    EXPECT_EQ(t.textMuted, Color::rgba8(0x8F, 0xA6, 0xC8));
    EXPECT_EQ(t.accent, Color::rgba8(0x38, 0xD6, 0xFF));
    EXPECT_EQ(t.font, "Noto Sans CJK SC");
    EXPECT_EQ(t.fontBold, "Noto Sans CJK SC:style=Black");
    EXPECT_FLOAT_EQ(t.designHeight, 2160);

    ASSERT_EQ(show.regions.size(), 4u);
    const LayoutRegion* side = show.findRegion("side");
    ASSERT_NE(side, nullptr);
    EXPECT_EQ(side->name, "side");
    EXPECT_FLOAT_EQ(side->x, 0.74f);
    EXPECT_FLOAT_EQ(side->y, 0.14f);
    EXPECT_FLOAT_EQ(side->w, 0.24f);
    EXPECT_FLOAT_EQ(side->h, 0.76f);
    EXPECT_NE(show.findRegion("header"), nullptr);
    EXPECT_NE(show.findRegion("footer"), nullptr);
    EXPECT_EQ(show.findRegion("nope"), nullptr);

    EXPECT_EQ(show.startScene, "detail");
    ASSERT_EQ(show.scenes.size(), 2u);
    EXPECT_EQ(show.findScene("detail"), &show.scenes[1]);
    EXPECT_EQ(show.findScene("nope"), nullptr);

    const SceneSpec& s = show.scenes[0];
    EXPECT_EQ(s.id, "overview");
    EXPECT_EQ(s.type, "map");
    EXPECT_EQ(s.title, "贵州省66个贫困县全部脱贫摘帽");
    EXPECT_EQ(s.subtitle, "2016—2020年");
    EXPECT_EQ(s.region, "map");
    EXPECT_EQ(s.source, "数据来源：贵州省人民政府");
    ASSERT_TRUE(s.map);
    const MapSceneSpec& m = *s.map;
    EXPECT_EQ(m.geo.province, "geo/guizhou_province.geojson");
    EXPECT_EQ(m.geo.prefectures, "geo/guizhou_prefectures.geojson");
    EXPECT_EQ(m.geo.counties, "geo/guizhou_counties.geojson");
    EXPECT_EQ(show.resolve(m.geo.counties), showsDir / "geo/guizhou_counties.geojson");
    EXPECT_EQ(m.facts.counties, "facts/guizhou_counties.csv");
    EXPECT_EQ(m.facts.sources, "facts/sources.csv");
    EXPECT_EQ(m.notice, "地图数据仅供开发");
    ASSERT_TRUE(m.legend);
    EXPECT_EQ(m.legend->region, "side");
    EXPECT_EQ(m.legend->title, "脱贫摘帽年度");

    ASSERT_EQ(m.layers.size(), 4u);
    const auto* choropleth = std::get_if<ChoroplethLayer>(&m.layers[0]);
    ASSERT_NE(choropleth, nullptr);
    EXPECT_EQ(choropleth->metric, "exit_year");
    ASSERT_EQ(choropleth->classes.size(), 2u);
    EXPECT_EQ(choropleth->classes[0].value, 2016);
    EXPECT_EQ(choropleth->classes[0].color, Color::rgba8(0x1F, 0x4E, 0x79));
    EXPECT_EQ(choropleth->classes[0].label, "2016年度");
    EXPECT_EQ(choropleth->classes[1].value, 2020);
    EXPECT_EQ(choropleth->classes[1].color, Color::rgba8(0xFF, 0xB0, 0x00));
    EXPECT_EQ(choropleth->classes[1].label, "2020年度");
    EXPECT_EQ(choropleth->otherColor, Color::rgba8(0x22, 0x32, 0x4A));
    EXPECT_EQ(choropleth->otherLabel, "非贫困县");

    const auto* borders = std::get_if<BordersLayer>(&m.layers[1]);
    ASSERT_NE(borders, nullptr);
    EXPECT_EQ(borders->level, MapLevel::County);
    EXPECT_EQ(borders->color, Color::rgba8(0x0A, 0x16, 0x28));
    EXPECT_FLOAT_EQ(borders->width, 0.8f);

    const auto* outline = std::get_if<OutlineLayer>(&m.layers[2]);
    ASSERT_NE(outline, nullptr);
    EXPECT_EQ(outline->color, Color::rgba8(0x38, 0xD6, 0xFF));
    EXPECT_FLOAT_EQ(outline->width, 2.5f);
    EXPECT_EQ(outline->glow, Color::rgba8(0x38, 0xD6, 0xFF, 0x55));
    EXPECT_FLOAT_EQ(outline->glowWidth, 14);

    const auto* labels = std::get_if<LabelsLayer>(&m.layers[3]);
    ASSERT_NE(labels, nullptr);
    EXPECT_EQ(labels->level, MapLevel::Prefecture);
    EXPECT_FLOAT_EQ(labels->size, 22);
    EXPECT_EQ(labels->color, Color::rgba8(0xFF, 0xFF, 0xFF));
    EXPECT_EQ(labels->outline, Color::rgba8(0, 0, 0, 0xAA));
    EXPECT_TRUE(labels->bold);

    // The second scene leaves the optional fields out and uses range limits.
    const SceneSpec& d = show.scenes[1];
    EXPECT_EQ(d.subtitle, "");
    EXPECT_EQ(d.region, "");
    EXPECT_EQ(d.source, "");
    ASSERT_TRUE(d.map);
    EXPECT_FALSE(d.map->legend);
    EXPECT_EQ(d.map->notice, "");
    EXPECT_EQ(d.map->geo.prefectures, "./geo/pre.geojson");
    EXPECT_EQ(d.map->geo.counties, "geo/c..d.geojson");  // ".." inside a name is fine
    ASSERT_EQ(d.map->layers.size(), 3u);
    EXPECT_EQ(std::get<BordersLayer>(d.map->layers[0]).level, MapLevel::Prefecture);
    EXPECT_FLOAT_EQ(std::get<BordersLayer>(d.map->layers[0]).width, 50);
    EXPECT_FALSE(std::get<OutlineLayer>(d.map->layers[1]).glow);
    EXPECT_FLOAT_EQ(std::get<OutlineLayer>(d.map->layers[1]).width, 0.1f);
    EXPECT_EQ(std::get<LabelsLayer>(d.map->layers[2]).level, MapLevel::County);
    EXPECT_FALSE(std::get<LabelsLayer>(d.map->layers[2]).outline);
    EXPECT_FALSE(std::get<LabelsLayer>(d.map->layers[2]).bold);
}

TEST(ShowFile, MinimalShowGetsDefaults) {
    ShowFile show = parseShowFile(minimalShow, "show.json", "/shows/x");
    EXPECT_EQ(show.path, std::filesystem::path("/shows/x/show.json"));
    EXPECT_EQ(show.baseDir, std::filesystem::path("/shows/x"));
    EXPECT_EQ(show.resolve("geo/a.geojson"), std::filesystem::path("/shows/x/geo/a.geojson"));
    EXPECT_EQ(show.theme.background, Color::rgba8(0x06, 0x0D, 0x1A));
    EXPECT_EQ(show.theme.backgroundTop, Color::rgba8(0x0B, 0x1B, 0x33));
    EXPECT_EQ(show.theme.panel, Color::rgba8(0x0D, 0x1B, 0x30, 0xCC));
    EXPECT_EQ(show.theme.text, Color::rgba8(0xE8, 0xF1, 0xFF));
    EXPECT_EQ(show.theme.textMuted, Color::rgba8(0x8F, 0xA6, 0xC8));
    EXPECT_EQ(show.theme.accent, Color::rgba8(0x38, 0xD6, 0xFF));
    EXPECT_EQ(show.theme.font, "Noto Sans CJK SC");
    EXPECT_EQ(show.theme.fontBold, "Noto Sans CJK SC:style=Bold");
    EXPECT_FLOAT_EQ(show.theme.designHeight, 1080);
    EXPECT_TRUE(show.regions.empty());
    EXPECT_EQ(show.startScene, "map");
}

TEST(ShowFile, EmptyThemeAndLayoutAreAllowed) {
    json j = json::parse(minimalShow);
    j["theme"] = json::object();
    j["layout"] = json::object();
    ShowFile show = parseShowFile(j.dump(), "show.json", "/s");
    EXPECT_FLOAT_EQ(show.theme.designHeight, 1080);
    EXPECT_TRUE(show.regions.empty());
}

TEST(ShowFile, GlowWidthDefaultsWhenGlowIsGiven) {
    json j = json::parse(minimalShow);
    layer0(j) = {{"type", "outline"}, {"color", "#FFFFFF"}, {"width", 2}, {"glow", "#38D6FF55"}};
    ShowFile show = parseShowFile(j.dump(), "show.json", "/s");
    EXPECT_FLOAT_EQ(std::get<OutlineLayer>(show.scenes[0].map->layers[0]).glowWidth, 12);
}

// ---- bad files on disk -----------------------------------------------------------------------

TEST(ShowFileErrors, BadColourInFile) {
    EXPECT_EQ(errorOf([] { loadShowFile(showsDir / "bad_color.json"); }),
              "bad_color.json: scenes[0].layers[1].color: expected \"#RRGGBB\" or \"#RRGGBBAA\", got \"red\"");
}

TEST(ShowFileErrors, TruncatedFileNamesLineAndColumn) {
    EXPECT_EQ(errorOf([] { loadShowFile(showsDir / "truncated.json"); }),
              "truncated.json:8:1: invalid JSON: unexpected end of input; expected string literal");
}

TEST(ShowFileErrors, EmptyFile) {
    EXPECT_EQ(errorOf([] { loadShowFile(showsDir / "empty.json"); }), "empty.json: file is empty");
}

TEST(ShowFileErrors, MissingFile) {
    EXPECT_EQ(errorOf([] { loadShowFile(showsDir / "missing.json"); }),
              "missing.json: cannot open: No such file or directory");
}

// ---- bad content -----------------------------------------------------------------------------

TEST(ShowFileErrors, NotAnObject) {
    EXPECT_EQ(errorOfText("[1, 2]"), "show.json: expected a JSON object at the top level, got array");
    EXPECT_EQ(errorOfText("\"show\""), "show.json: expected a JSON object at the top level, got string");
}

TEST(ShowFileErrors, FormatAndVersion) {
    EXPECT_EQ(errorAfter([](json& j) { j["format"] = "exhibit-shw"; }),
              "show.json: format: expected \"exhibit-show\", got \"exhibit-shw\"");
    EXPECT_EQ(errorAfter([](json& j) { j.erase("format"); }), "show.json: format: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { j["version"] = 2; }),
              "show.json: version: unsupported version 2 (this program reads version 1)");
    EXPECT_EQ(errorAfter([](json& j) { j["version"] = 1.5; }),
              "show.json: version: unsupported version 1.5 (this program reads version 1)");
    EXPECT_EQ(errorAfter([](json& j) { j["version"] = "1"; }), "show.json: version: expected a number, got string");
    EXPECT_EQ(errorAfter([](json& j) { j.erase("version"); }), "show.json: version: missing required field");
}

TEST(ShowFileErrors, OtherJsonFilesAreToldApartByFormat) {
    EXPECT_EQ(errorOfText(R"({"type": "FeatureCollection", "features": []})"),
              "show.json: format: missing required field");
}

TEST(ShowFileErrors, NameAndTitle) {
    EXPECT_EQ(errorAfter([](json& j) { j["name"] = "Guizhou"; }),
              "show.json: name: expected 1 to 32 characters a-z, 0-9, \"_\" or \"-\", got \"Guizhou\"");
    EXPECT_EQ(errorAfter([](json& j) { j["name"] = std::string(33, 'a'); }),
              "show.json: name: expected 1 to 32 characters a-z, 0-9, \"_\" or \"-\", got \"" + std::string(33, 'a') + "\"");
    EXPECT_EQ(errorAfter([](json& j) { j["name"] = ""; }),
              "show.json: name: expected 1 to 32 characters a-z, 0-9, \"_\" or \"-\", got \"\"");
    EXPECT_EQ(errorAfter([](json& j) { j["title"] = "  "; }), "show.json: title: must not be empty");
    EXPECT_EQ(errorAfter([](json& j) { j["title"] = 5; }), "show.json: title: expected a string, got number");
    EXPECT_EQ(errorAfter([](json& j) { j.erase("title"); }), "show.json: title: missing required field");
}

TEST(ShowFileErrors, Scenes) {
    EXPECT_EQ(errorAfter([](json& j) { j.erase("scenes"); }), "show.json: scenes: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"] = json::array(); }),
              "show.json: scenes: expected 1 to 64 items, got 0");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"] = json::object(); }), "show.json: scenes: expected an array, got object");
    EXPECT_EQ(errorAfter([](json& j) {
                  json s = scene0(j);
                  j["scenes"] = json::array();
                  for (int i = 0; i < 65; ++i) {
                      s["id"] = "s" + std::to_string(i);
                      j["scenes"].push_back(s);
                  }
              }),
              "show.json: scenes: expected 1 to 64 items, got 65");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"][0] = "map"; }), "show.json: scenes[0]: expected an object, got string");
}

TEST(ShowFileErrors, DuplicateSceneIdsNameBothIndexes) {
    EXPECT_EQ(errorAfter([](json& j) {
                  json s = scene0(j);
                  s["id"] = "other";
                  j["scenes"].push_back(s);
                  s["id"] = "map";
                  j["scenes"].push_back(s);
              }),
              "show.json: scenes[2].id: duplicate id \"map\" (also used by scenes[0])");
}

TEST(ShowFileErrors, SceneFields) {
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["id"] = "1st"; }),
              "show.json: scenes[0].id: expected 1 to 32 characters a-z, 0-9, \"_\" or \"-\" starting with a letter, "
              "got \"1st\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j).erase("id"); }), "show.json: scenes[0].id: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["type"] = 3; }),
              "show.json: scenes[0].type: expected one of \"map\", \"dashboard\", \"timeline\", \"credits\", \"tour\", got number");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["type"] = "chart"; }),
              "show.json: scenes[0].type: expected one of \"map\", \"dashboard\", \"timeline\", \"credits\", \"tour\", got \"chart\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["title"] = ""; }), "show.json: scenes[0].title: must not be empty");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["subtitle"] = false; }),
              "show.json: scenes[0].subtitle: expected a string, got boolean");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j).erase("geo"); }), "show.json: scenes[0].geo: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["geo"].erase("counties"); }),
              "show.json: scenes[0].geo.counties: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["facts"] = "facts.csv"; }),
              "show.json: scenes[0].facts: expected an object, got string");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j).erase("layers"); }),
              "show.json: scenes[0].layers: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["layers"] = "borders"; }),
              "show.json: scenes[0].layers: expected an array, got string");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["layers"] = json::array(); }),
              "show.json: scenes[0].layers: expected 1 to 32 items, got 0");
}

TEST(ShowFileErrors, UnknownFieldsSuggestTheIntendedOne) {
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["titel"] = "x"; }),
              "show.json: scenes[0].titel: unknown field (did you mean \"title\"?)");
    EXPECT_EQ(errorAfter([](json& j) { j["scene"] = json::array(); }),
              "show.json: scene: unknown field (did you mean \"scenes\"?)");
    EXPECT_EQ(errorAfter([](json& j) { j["theme"] = {{"backgroud", "#000000"}}; }),
              "show.json: theme.backgroud: unknown field (did you mean \"background\"?)");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["colour"] = "#000000"; }),
              "show.json: scenes[0].layers[0].colour: unknown field (did you mean \"color\"?)");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["glow"] = "#000000"; }),
              "show.json: scenes[0].layers[0].glow: unknown field");
    EXPECT_EQ(errorAfter([](json& j) { j["extra"] = 1; }), "show.json: extra: unknown field");
    EXPECT_EQ(errorAfter([](json& j) { j["layout"] = {{"region", json::object()}}; }),
              "show.json: layout.region: unknown field (did you mean \"regions\"?)");
}

TEST(ShowFileErrors, MisspeltLayerTypeIsReportedAsSuch) {
    EXPECT_EQ(errorAfter([](json& j) {
                  layer0(j).erase("type");
                  layer0(j)["tpye"] = "borders";
              }),
              "show.json: scenes[0].layers[0].tpye: unknown field (did you mean \"type\"?)");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j).erase("type"); }),
              "show.json: scenes[0].layers[0].type: missing required field");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["type"] = "border"; }),
              "show.json: scenes[0].layers[0].type: expected one of \"choropleth\", \"borders\", \"outline\", \"labels\", "
              "\"ripples\", \"flylines\", \"network\", got \"border\"");
}

TEST(ShowFileErrors, LayerValues) {
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["color"] = "red"; }),
              "show.json: scenes[0].layers[0].color: expected \"#RRGGBB\" or \"#RRGGBBAA\", got \"red\"");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["width"] = 60; }),
              "show.json: scenes[0].layers[0].width: expected a number in [0.1, 50], got 60");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["width"] = 0; }),
              "show.json: scenes[0].layers[0].width: expected a number in [0.1, 50], got 0");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["width"] = "1px"; }),
              "show.json: scenes[0].layers[0].width: expected a number in [0.1, 50], got string");
    EXPECT_EQ(errorAfter([](json& j) { layer0(j)["level"] = "city"; }),
              "show.json: scenes[0].layers[0].level: expected \"county\" or \"prefecture\", got \"city\"");
    EXPECT_EQ(errorAfter([](json& j) {
                  layer0(j) = {{"type", "labels"}, {"level", "county"}, {"size", 401}, {"color", "#FFFFFF"}};
              }),
              "show.json: scenes[0].layers[0].size: expected a number in [6, 400], got 401");
    EXPECT_EQ(errorAfter([](json& j) {
                  layer0(j) = {{"type", "labels"}, {"level", "county"}, {"size", 20}, {"color", "#FFFFFF"}, {"bold", "yes"}};
              }),
              "show.json: scenes[0].layers[0].bold: expected true or false, got string");
    EXPECT_EQ(errorAfter([](json& j) {
                  layer0(j) = {{"type", "outline"}, {"color", "#FFFFFF"}, {"width", 2}, {"glowWidth", 14}};
              }),
              "show.json: scenes[0].layers[0].glowWidth: glowWidth needs a glow colour");
    EXPECT_EQ(errorAfter([](json& j) {
                  layer0(j) = {{"type", "outline"}, {"color", "#FFFFFF"}, {"width", 2}, {"glow", "#FFF"}};
              }),
              "show.json: scenes[0].layers[0].glow: expected \"#RRGGBB\" or \"#RRGGBBAA\", got \"#FFF\"");
}

TEST(ShowFileErrors, Choropleth) {
    auto choropleth = [](json& j) -> json& {
        layer0(j) = {{"type", "choropleth"},
                     {"metric", "exit_year"},
                     {"classes", {{{"value", 2016}, {"color", "#111111"}, {"label", "2016年度"}}}},
                     {"otherColor", "#222222"}};
        return layer0(j);
    };
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j)["metric"] = "population"; }),
              "show.json: scenes[0].layers[0].metric: unknown metric \"population\"; the metrics are listed in "
              "docs/feed-format.md");
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j)["metric"] = "ecommerce_order"; }),
              "show.json: scenes[0].layers[0].metric: unknown metric \"ecommerce_order\" (did you mean "
              "\"ecommerce_orders\"?); the metrics are listed in docs/feed-format.md");
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j)["metric"] = "ecommerce_orders"; }),
              "show.json: scenes[0].layers[0].classes: classes are for metric \"exit_year\"; a feed metric takes a "
              "\"ramp\"");
    EXPECT_EQ(errorAfter([&](json& j) {
                  json& c = choropleth(j);
                  c["metric"] = "ecommerce_orders";
                  c.erase("classes");
                  c["ramp"] = {"#000000"};
              }),
              "show.json: scenes[0].layers[0].ramp: expected 2 to 8 items, got 1");
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j)["ramp"] = {"#000000", "#FFFFFF"}; }),
              "show.json: scenes[0].layers[0].ramp: metric \"exit_year\" takes \"classes\", not a ramp");
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j)["classes"] = json::array(); }),
              "show.json: scenes[0].layers[0].classes: expected 1 to 16 items, got 0");
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j)["classes"][0]["value"] = 2016.5; }),
              "show.json: scenes[0].layers[0].classes[0].value: expected a whole number in [1900, 2100], got 2016.5");
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j)["classes"][0].erase("label"); }),
              "show.json: scenes[0].layers[0].classes[0].label: missing required field");
    EXPECT_EQ(errorAfter([&](json& j) {
                  json& layer = choropleth(j);
                  layer["classes"].push_back({{"value", 2017}, {"color", "#333333"}, {"label", "b"}});
                  layer["classes"].push_back({{"value", 2016}, {"color", "#444444"}, {"label", "c"}});
              }),
              "show.json: scenes[0].layers[0].classes[2].value: duplicate value 2016 (also in classes[0])");
    EXPECT_EQ(errorAfter([&](json& j) { choropleth(j).erase("otherColor"); }),
              "show.json: scenes[0].layers[0].otherColor: missing required field");
}

TEST(ShowFileErrors, HugeNumbers) {
    EXPECT_EQ(errorAfter([](json& j) { j["theme"]["designHeight"] = 1e300; }),
              "show.json: theme.designHeight: expected a number in [200, 10000], got 1e+300");
    EXPECT_EQ(errorAfter([](json& j) { j["theme"]["designHeight"] = 12; }),
              "show.json: theme.designHeight: expected a number in [200, 10000], got 12");
    json j = json::parse(minimalShow);
    std::string text = j.dump();
    text.replace(text.find("\"width\":1"), 9, "\"width\":1e999");
    // Keys are dumped sorted, so no Chinese text comes before the width: byte offset = column - 1.
    EXPECT_EQ(errorOfText(text), "show.json:1:" + std::to_string(text.find("1e999") + 1) +
                                     ": invalid JSON: number overflow parsing '1e999'");
}

TEST(ShowFileErrors, RegionReferences) {
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["region"] = "map"; }),
              "show.json: scenes[0].region: no region \"map\" in layout.regions");
    EXPECT_EQ(errorAfter([](json& j) {
                  j = withRegions(j);
                  scene0(j)["region"] = "maps";
              }),
              "show.json: scenes[0].region: no region \"maps\" in layout.regions (did you mean \"map\"?)");
    EXPECT_EQ(errorAfter([](json& j) {
                  j = withRegions(j);
                  scene0(j)["region"] = "";
              }),
              "show.json: scenes[0].region: no region \"\" in layout.regions");
    EXPECT_EQ(errorAfter([](json& j) {
                  j = withRegions(j);
                  scene0(j)["legend"] = {{"region", "footer"}, {"title", "图例"}};
              }),
              "show.json: scenes[0].legend.region: no region \"footer\" in layout.regions");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["legend"] = {{"title", "图例"}}; }),
              "show.json: scenes[0].legend.region: missing required field");

    json ok = withRegions(json::parse(minimalShow));
    ok["scenes"][0]["region"] = "map";
    ok["scenes"][0]["legend"] = {{"region", "side"}};
    ShowFile show = parseShowFile(ok.dump(), "show.json", "/s");
    EXPECT_EQ(show.scenes[0].region, "map");
    EXPECT_EQ(show.scenes[0].map->legend->region, "side");
    EXPECT_EQ(show.scenes[0].map->legend->title, "");
}

TEST(ShowFileErrors, LayoutRegions) {
    EXPECT_EQ(errorAfter([](json& j) { j["layout"]["regions"] = {{"map", {0.5, 0, 0.6, 1}}}; }),
              "show.json: layout.regions.map: x + w must be at most 1, got 1.1");
    EXPECT_EQ(errorAfter([](json& j) { j["layout"]["regions"] = {{"map", {0, 0, 1}}}; }),
              "show.json: layout.regions.map: expected [x, y, w, h] as 4 numbers in [0, 1], got 3 items");
    EXPECT_EQ(errorAfter([](json& j) { j["layout"]["regions"] = {{"map", {0, -0.1, 1, 1}}}; }),
              "show.json: layout.regions.map[1]: expected a number in [0, 1], got -0.1");
    EXPECT_EQ(errorAfter([](json& j) { j["layout"]["regions"] = {{"Side Panel", {0, 0, 1, 1}}}; }),
              "show.json: layout.regions[\"Side Panel\"]: region name must be 1 to 32 characters a-z, 0-9, \"_\" or "
              "\"-\" starting with a letter, got \"Side Panel\"");
    EXPECT_EQ(errorAfter([](json& j) { j["layout"]["regions"] = json::array(); }),
              "show.json: layout.regions: expected an object, got array");
    // Rounding in the file is tolerated up to 1e-6.
    json ok = json::parse(minimalShow);
    ok["layout"]["regions"] = {{"side", {0.74, 0.14, 0.26, 0.86}}, {"tiny", {0.3, 0.3, 0.7000005, 0.1}}};
    EXPECT_EQ(parseShowFile(ok.dump(), "show.json", "/s").regions.size(), 2u);
}

TEST(ShowFileErrors, StartScene) {
    EXPECT_EQ(errorAfter([](json& j) { j["startScene"] = "mpa"; }),
              "show.json: startScene: no scene with id \"mpa\" (did you mean \"map\"?)");
    EXPECT_EQ(errorAfter([](json& j) { j["startScene"] = "intro"; }), "show.json: startScene: no scene with id \"intro\"");
    EXPECT_EQ(errorAfter([](json& j) { j["startScene"] = 0; }), "show.json: startScene: expected a string, got number");
}

TEST(ShowFile, TouchSectionAndItsDefaults) {
    const ShowFile defaults = parseShowFile(minimalShow, "show.json", "/s");
    EXPECT_FLOAT_EQ(defaults.touch.pixelsPerCm, 20);
    EXPECT_DOUBLE_EQ(defaults.touch.idleSeconds, 90);
    json j = json::parse(minimalShow);
    j["touch"] = {{"pixelsPerCm", 38.5}, {"idleSeconds", 0}, {"attractStepSeconds", 12},
                  {"sensor", {{"columns", 3}, {"bezelX", 60}}}};
    const ShowFile show = parseShowFile(j.dump(), "show.json", "/s");
    EXPECT_FLOAT_EQ(show.touch.pixelsPerCm, 38.5f);
    EXPECT_DOUBLE_EQ(show.touch.idleSeconds, 0);
    EXPECT_DOUBLE_EQ(show.touch.attractStepSeconds, 12);
    EXPECT_EQ(show.touch.sensorColumns, 3);
    EXPECT_EQ(show.touch.sensorRows, 1);
    EXPECT_FLOAT_EQ(show.touch.bezelX, 60);
}

TEST(ShowFileErrors, Touch) {
    EXPECT_EQ(errorAfter([](json& j) { j["touch"] = {{"pixelsPerCm", 0}}; }),
              "show.json: touch.pixelsPerCm: expected a number in [1, 1000], got 0");
    EXPECT_EQ(errorAfter([](json& j) { j["touch"] = {{"idleSecs", 30}}; }),
              "show.json: touch.idleSecs: unknown field");
    EXPECT_EQ(errorAfter([](json& j) { j["touch"] = {{"sensor", {{"columns", 2.5}}}}; }),
              "show.json: touch.sensor.columns: expected a whole number, got 2.5");
    EXPECT_EQ(errorAfter([](json& j) { j["touch"] = {{"sensor", {{"bezelX", -1}}}}; }),
              "show.json: touch.sensor.bezelX: expected a number in [0, 2000], got -1");
}

TEST(ShowFileErrors, PathsMustStayInsideTheShowFolder) {
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["geo"]["counties"] = "/etc/passwd"; }),
              "show.json: scenes[0].geo.counties: path must be relative to the show folder, got \"/etc/passwd\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["facts"]["sources"] = "C:/data/s.csv"; }),
              "show.json: scenes[0].facts.sources: path must be relative to the show folder, got \"C:/data/s.csv\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["geo"]["province"] = "../other/p.geojson"; }),
              "show.json: scenes[0].geo.province: path must stay inside the show folder (no \"..\"), got "
              "\"../other/p.geojson\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["geo"]["province"] = "geo/../../p.geojson"; }),
              "show.json: scenes[0].geo.province: path must stay inside the show folder (no \"..\"), got "
              "\"geo/../../p.geojson\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["geo"]["province"] = "geo/.."; }),
              "show.json: scenes[0].geo.province: path must stay inside the show folder (no \"..\"), got \"geo/..\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["geo"]["province"] = "geo\\p.geojson"; }),
              "show.json: scenes[0].geo.province: use \"/\" to separate folders, got \"geo\\\\p.geojson\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["facts"]["counties"] = ""; }),
              "show.json: scenes[0].facts.counties: expected a path relative to the show folder, got \"\"");
    EXPECT_EQ(errorAfter([](json& j) { scene0(j)["facts"]["counties"] = std::string("a\0b", 3); }),
              "show.json: scenes[0].facts.counties: path must not contain a NUL character");
}

TEST(ShowFileErrors, SyntaxAndLimits) {
    EXPECT_EQ(errorOfText("{\"format\": \"exhibit-show\",\n\"version\": 1,\n"),
              "show.json:3:1: invalid JSON: unexpected end of input; expected string literal");
    EXPECT_EQ(errorOfText(""), "show.json: file is empty");
    std::string deep = "{\"format\": \"exhibit-show\", \"x\": " + std::string(100, '[') + std::string(100, ']') + "}";
    EXPECT_EQ(errorOfText(deep), "show.json:1:96: invalid JSON: nesting deeper than 64 levels");
    EXPECT_EQ(errorAfter([](json& j) { j["theme"]["text"] = json::array({json::array({json::array()})}); }),
              "show.json: theme.text: expected \"#RRGGBB\" or \"#RRGGBBAA\", got array");
}

TEST(ShowFileErrors, DuplicateKeysAreNotSilentlyDropped) {
    std::string text = minimalShow;
    text.replace(text.find("\"title\": \"标题\""), 0, "\"title\": \"旧\", ");
    EXPECT_EQ(errorOfText(text), "show.json: title: duplicate field");
}

}  // namespace
}  // namespace exhibit

namespace exhibit {
namespace {

std::string minimalShowWithFeeds(const std::string& feeds) {
    return R"({"format": "exhibit-show", "version": 1, "name": "t", "title": "T",
      "scenes": [{"id": "map", "type": "map", "title": "M",
        "geo": {"province": "p.geojson", "prefectures": "f.geojson", "counties": "c.geojson"},
        "facts": {"counties": "c.csv", "sources": "s.csv"},
        "layers": [{"type": "borders", "level": "county", "color": "#000000", "width": 1}]}])" +
           (feeds.empty() ? std::string() : ", \"feeds\": " + feeds) + "}";
}

TEST(ShowFeeds, DefaultIsTheSimulator) {
    const ShowFile show = parseShowFile(minimalShowWithFeeds(""), "show.json", ".");
    ASSERT_EQ(show.feeds.size(), 1u);
    EXPECT_EQ(show.feeds[0].url, "simulator");
}

TEST(ShowFeeds, ReadsEveryKind) {
    const ShowFile show = parseShowFile(minimalShowWithFeeds(R"([
        {"url": "simulator", "seed": 7},
        {"url": "file:recordings/day.ndjson", "speed": 10},
        {"url": "http://127.0.0.1:8080/stats", "interval": 2, "staleAfter": 10, "username": "u", "password": "p"},
        {"url": "mqtts://broker:8883/guizhou/#", "caFile": "/etc/ssl/ca.pem"}])"),
                                       "show.json", ".");
    ASSERT_EQ(show.feeds.size(), 4u);
    EXPECT_EQ(show.feeds[0].seed, 7u);
    EXPECT_DOUBLE_EQ(show.feeds[1].speed, 10);
    EXPECT_DOUBLE_EQ(show.feeds[2].interval, 2);
    EXPECT_DOUBLE_EQ(show.feeds[2].staleAfter, 10);
    EXPECT_EQ(show.feeds[2].username, "u");
    EXPECT_EQ(show.feeds[3].caFile, "/etc/ssl/ca.pem");
}

TEST(ShowFeeds, BadFeedsNameTheField) {
    auto message = [](const std::string& feeds) {
        try {
            parseShowFile(minimalShowWithFeeds(feeds), "show.json", ".");
        } catch (const ContentError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message(R"([{"url": "ftp://x"}])"),
              R"(show.json: feeds[0].url: expected "simulator", "file:PATH", "http(s)://…" or "mqtt(s)://…", got "ftp://x")");
    EXPECT_EQ(message(R"([{"url": "file:../secret"}])"),
              R"(show.json: feeds[0].url: path must stay inside the show folder (no ".."), got "../secret")");
    EXPECT_EQ(message(R"([{"url": "http://h/x", "interval": 0.1}])"),
              "show.json: feeds[0].interval: expected a number in [1, 3600], got 0.1");
    EXPECT_EQ(message(R"([{"url": "simulator", "seed": 1.5}])").find("show.json: feeds[0].seed:"), 0u);
    EXPECT_EQ(message(R"([{"url": "simulator", "sede": 1}])").find("show.json: feeds[0].sede: unknown field"), 0u);
    EXPECT_EQ(message("[]").find("show.json: feeds:"), 0u);
}

}  // namespace
}  // namespace exhibit

// ---- translations and the attract flow ---------------------------------------------------------

namespace exhibit {
namespace {

TEST(ShowFileFlow, TranslationsAndAttractListLoad) {
    json j = json::parse(minimalShow);
    j["translations"] = {{"placeNames", "facts/names_en.csv"}, {"en", {{"地图", "Map"}, {"标题", "Title"}}}};
    j["attract"] = json::array({{{"scene", "map"}, {"seconds", 30}}, {{"scene", "map"}}});
    const ShowFile show = parseShowFile(j.dump(), "show.json", "/shows/x");
    EXPECT_EQ(show.englishPlaceNames, "facts/names_en.csv");
    ASSERT_EQ(show.english.size(), 2u);
    EXPECT_EQ(show.english.at("地图"), "Map");
    ASSERT_EQ(show.attract.size(), 2u);
    EXPECT_EQ(show.attract[0].scene, "map");
    EXPECT_DOUBLE_EQ(show.attract[0].seconds, 30);
    EXPECT_DOUBLE_EQ(show.attract[1].seconds, 0) << "no seconds: as long as the scene's own tour";
}

TEST(ShowFileFlow, BadTranslationsAndAttractEntriesNameTheField) {
    EXPECT_EQ(errorAfter([](json& j) { j["attract"] = json::array({{{"scene", "mpa"}}}); }),
              "show.json: attract[0].scene: no scene with id \"mpa\" (did you mean \"map\"?)");
    EXPECT_EQ(errorAfter([](json& j) { j["attract"] = json::array({{{"scene", "map"}, {"seconds", -1}}}); }),
              "show.json: attract[0].seconds: expected a number in [0, 3600], got -1");
    EXPECT_EQ(errorAfter([](json& j) { j["attract"] = json::array(); }),
              "show.json: attract: expected 1 to 64 items, got 0");
    const std::string empty = errorAfter([](json& j) { j["translations"] = {{"en", {{"地图", ""}}}}; });
    EXPECT_EQ(empty.rfind("show.json: translations.en", 0), 0u) << empty;
    EXPECT_NE(empty.find("must not be empty"), std::string::npos) << empty;
    EXPECT_EQ(errorAfter([](json& j) { j["translations"] = {{"fr", json::object()}}; }),
              "show.json: translations.fr: unknown field");
    EXPECT_EQ(errorAfter([](json& j) { j["translations"] = {{"placeNames", "/etc/passwd"}}; }).rfind("show.json: translations.placeNames: ", 0),
              0u);
}

}  // namespace
}  // namespace exhibit
