#include <gtest/gtest.h>

#include "app/operator_json.hpp"
#include "core/error.hpp"

using namespace exhibit;

namespace {

OperatorSettings parse(std::string_view text) {
    return settingsFromJson(JsonDocument::parse(text, "body").root());
}

std::string errorOf(std::string_view text) {
    try {
        parse(text);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(OperatorJson, SettingsRoundTrip) {
    OperatorSettings s;
    s.scene = "map";
    s.mode = WallMode::Standby;
    s.playlist = {"dashboard", "map"};
    s.rotationSeconds = 60;
    s.schedule = {{9 * 60, WallMode::Show}, {18 * 60, WallMode::Standby}};
    s.language = "en";
    EXPECT_EQ(parse(settingsToJson(s).dump()), s);
    EXPECT_EQ(settingsToJson(s)["schedule"][1]["at"], "18:00");
}

TEST(OperatorJson, MissingKeysKeepDefaultsAndScheduleIsSorted) {
    const OperatorSettings s = parse(R"({"schedule": [{"at": "18:00", "mode": "standby"}, {"at": "9:05", "mode": "show"}]})");
    EXPECT_EQ(s.mode, WallMode::Show);
    EXPECT_EQ(s.language, "zh");
    ASSERT_EQ(s.schedule.size(), 2u);
    EXPECT_EQ(s.schedule[0].minuteOfDay, 545);
    EXPECT_EQ(s.schedule[1].mode, WallMode::Standby);
}

TEST(OperatorJson, BadFieldsAreNamed) {
    EXPECT_EQ(errorOf(R"({"schedule": [{"at": "25:00", "mode": "show"}]})"),
              "body: schedule[0].at: expected \"HH:MM\" (00:00 to 23:59), got \"25:00\"");
    EXPECT_NE(errorOf(R"({"mode": "sleep"})").find("mode"), std::string::npos);
    EXPECT_NE(errorOf(R"({"rotationSeconds": 2})").find("rotationSeconds: expected 0 (no rotation)"), std::string::npos);
    EXPECT_NE(errorOf(R"({"language": "fr"})").find("language"), std::string::npos);
    EXPECT_NE(errorOf(R"({"colour": 1})").find("colour"), std::string::npos);
    EXPECT_NE(errorOf(R"({"schedule": [{"at": "09:00", "mode": "show"}, {"at": "09:00", "mode": "standby"}]})")
                  .find("two entries at 09:00"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"playlist": [""]})").find("playlist[0]"), std::string::npos);
}

TEST(OperatorJson, UnknownScenesAreListedOnce) {
    OperatorSettings s;
    s.scene = "nowhere";
    s.playlist = {"map", "nowhere", "gone"};
    const std::vector<SceneInfo> scenes{{"map", "Map"}, {"dashboard", "Dashboard"}};
    EXPECT_EQ(unknownScenes(s, scenes), (std::vector<std::string>{"nowhere", "gone"}));
}

TEST(OperatorJson, MinuteOfDay) {
    EXPECT_EQ(parseMinuteOfDay("00:00"), 0);
    EXPECT_EQ(parseMinuteOfDay("23:59"), 1439);
    EXPECT_FALSE(parseMinuteOfDay("24:00"));
    EXPECT_FALSE(parseMinuteOfDay("12:5"));
    EXPECT_FALSE(parseMinuteOfDay("-1:00"));
    EXPECT_FALSE(parseMinuteOfDay("12:60"));
    EXPECT_EQ(formatMinuteOfDay(545), "09:05");
}

TEST(OperatorJson, StatusCarriesScenesModeAndFeeds) {
    OperatorStatus st;
    st.scene = "map";
    st.mode = WallMode::Blackout;
    st.scenes = {{"map", "地图"}};
    st.feeds.push_back({"simulator", "ok", 0.5, 2, 10, 0, ""});
    const auto j = statusToJson(st);
    EXPECT_EQ(j["mode"], "blackout");
    EXPECT_EQ(j["scenes"][0]["title"], "地图");
    EXPECT_EQ(j["feeds"][0]["state"], "ok");
    EXPECT_EQ(j["scenes"][0]["available"], true);
    EXPECT_EQ(j["scenes"][0]["problem"], "");
}

TEST(OperatorJson, StatusSaysWhichScenesAreUnavailableAndWhy) {
    OperatorStatus st;
    st.scene = "dashboard";
    st.scenes = {{"dashboard", "大屏"}, {"map", "地图", false, "guizhou_counties.geojson: line 1, column 44: unexpected end"}};
    const auto j = statusToJson(st);
    EXPECT_EQ(j["scenes"][0]["available"], true);
    EXPECT_EQ(j["scenes"][1]["available"], false);
    EXPECT_EQ(j["scenes"][1]["problem"], "guizhou_counties.geojson: line 1, column 44: unexpected end");
}

namespace exhibit {
namespace {

TEST(OperatorJson, StatusSaysWhichRanksOfTheWallAreLost) {
    OperatorStatus st;
    EXPECT_EQ(statusToJson(st)["wall"]["ranks"], 1) << "a plain window is one rank";
    st.wall = {"3 x 2 4K", 11542, 4331, 6, 3, {2}, 1.5, 0.8, 900};
    const auto j = statusToJson(st);
    EXPECT_EQ(j["wall"]["layout"], "3 x 2 4K");
    EXPECT_EQ(j["wall"]["canvas"]["width"], 11542);
    EXPECT_EQ(j["wall"]["outputs"], 6);
    EXPECT_EQ(j["wall"]["lostRanks"], nlohmann::json::array({2}));
    EXPECT_EQ(j["wall"]["skewP99Ms"], 0.8);
}

}  // namespace
}  // namespace exhibit
