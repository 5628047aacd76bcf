// The VR tour: the show file's "tour" section (with the errors bad input gets) and the director
// that runs a visit: guided path and auto-advance, narration, fades, free-mode teleport and snap
// turn, pause when the headset comes off or nobody moves, reset for the next visitor, visit limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <set>
#include <string>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "core/error.hpp"
#include "core/show.hpp"
#include "renderer/gltf_model.hpp"
#include "scenes/tour_director.hpp"

namespace exhibit {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

json tourShow() {
    return json::parse(R"({
  "format": "exhibit-show", "version": 1, "name": "t", "title": "标题",
  "scenes": [{"id": "credits", "type": "credits", "title": "来源",
              "credits": {"sections": [{"title": "三维模型", "items": [], "empty": "暂无"}]}}],
  "tour": {
    "fadeSeconds": 0.5, "visitSeconds": 300, "idleSeconds": 20, "resetSeconds": 30,
    "comfort": {"snapTurnDegrees": 45, "vignette": 0.8},
    "stops": [
      {"id": "village", "title": "搬迁安置点", "place": "黔东南州从江县",
       "models": [{"model": "models/house.glb", "at": [[0, 0, -5], [4, 0, -5, 90], [8, 0, -5, 180, 1.5]]}],
       "start": {"position": [0, 0, 0], "yaw": 0}, "bounds": [-10, -10, 10, 10],
       "waypoints": [{"position": [0, 1.6, -2], "lookAt": [0, 1, -5], "seconds": 4},
                     {"position": [2, 1.6, -2], "lookAt": [4, 1, -5], "seconds": 4}],
       "seconds": 12,
       "narration": [{"at": 0, "text": "第一句"}, {"at": 5, "text": "第二句"}],
       "panel": {"title": "今日", "position": [1, 0, -3], "yaw": 20, "width": 2,
                 "stats": [{"label": "电商订单", "metric": "ecommerce_orders", "adcode": "522633", "unit": "单"}]}},
      {"id": "clinic", "title": "村卫生室",
       "models": [{"model": "models/clinic.gltf", "at": [[0, 0, -4]]}],
       "start": {"position": [0, 0, 0]}, "bounds": [-5, -5, 5, 5],
       "waypoints": [{"position": [0, 1.6, -1], "lookAt": [0, 1, -4]}]}
    ]
  }
})");
}

std::string errorAfter(const std::function<void(json&)>& edit) {
    json j = tourShow();
    edit(j);
    try {
        parseShowFile(j.dump(), "show.json", "/shows/x");
    } catch (const ContentError& e) {
        return e.what();
    }
    return "<no error>";
}

json& stop0(json& j) { return j["tour"]["stops"][0]; }

TEST(ShowTour, ReadsStopsWithDefaults) {
    const ShowFile show = parseShowFile(tourShow().dump(), "show.json", "/shows/x");
    ASSERT_TRUE(show.tour);
    const TourSpec& t = *show.tour;
    EXPECT_EQ(t.mode, TourMode::Guided);
    EXPECT_DOUBLE_EQ(t.fadeSeconds, 0.5);
    EXPECT_FLOAT_EQ(t.snapTurnDegrees, 45);
    EXPECT_FLOAT_EQ(t.eyeHeight, 1.6f);
    ASSERT_EQ(t.stops.size(), 2u);
    const TourStop& v = t.stops[0];
    EXPECT_EQ(v.place, "黔东南州从江县");
    ASSERT_EQ(v.models[0].at.size(), 3u);
    EXPECT_FLOAT_EQ(v.models[0].at[1].yawDegrees, 90);
    EXPECT_FLOAT_EQ(v.models[0].at[2].scale, 1.5f);
    EXPECT_FLOAT_EQ(v.models[0].at[0].scale, 1);
    ASSERT_TRUE(v.panel);
    EXPECT_EQ(v.panel->stats[0].adcode, "522633");
    EXPECT_EQ(v.narration[1].text, "第二句");
    // Without "seconds" a stop lasts as long as its waypoints (6 s by default each).
    EXPECT_DOUBLE_EQ(t.stops[1].seconds, 6);
    EXPECT_EQ(t.findStop("clinic"), &t.stops[1]);
    EXPECT_FALSE(parseShowFile(R"({"format": "exhibit-show", "version": 1, "name": "t", "title": "x",
        "scenes": [{"id": "c", "type": "credits", "title": "c", "credits": {"sections": [{"title": "s", "items": [], "empty": "e"}]}}]})",
                               "show.json", "/x").tour);
}

TEST(ShowTour, BadContentNamesTheField) {
    EXPECT_EQ(errorAfter([](json& j) { stop0(j)["start"]["position"] = {20, 0, 0}; }),
              "show.json: tour.stops[0].start.position: the start is outside the stop's teleport area (bounds)");
    EXPECT_EQ(errorAfter([](json& j) { stop0(j)["seconds"] = 5; }),
              "show.json: tour.stops[0].seconds: the stop is shorter than its waypoints take (8 s)");
    EXPECT_EQ(errorAfter([](json& j) { stop0(j)["narration"][1]["at"] = 0; }),
              "show.json: tour.stops[0].narration[1].at: narration lines must be in order of \"at\"");
    EXPECT_EQ(errorAfter([](json& j) { stop0(j)["narration"][1]["at"] = 12; }),
              "show.json: tour.stops[0].narration[1].at: the line starts after the stop ends (12 s)");
    EXPECT_EQ(errorAfter([](json& j) { stop0(j)["models"][0]["model"] = "models/house.obj"; }),
              "show.json: tour.stops[0].models[0].model: expected a glTF model (.glb or .gltf), got \"models/house.obj\"");
    EXPECT_THAT(errorAfter([](json& j) { stop0(j)["models"][0]["model"] = "../../etc/x.glb"; }),
                HasSubstr("tour.stops[0].models[0].model"));
    EXPECT_THAT(errorAfter([](json& j) { stop0(j)["models"][0]["at"][0] = {1, 2}; }),
                HasSubstr("tour.stops[0].models[0].at[0]: expected [x, y, z]"));
    EXPECT_THAT(errorAfter([](json& j) { stop0(j)["panel"]["stats"][0]["metric"] = "ecommerce_order"; }),
                HasSubstr("tour.stops[0].panel.stats[0].metric"));
    EXPECT_EQ(errorAfter([](json& j) { j["tour"]["stops"][1]["id"] = "village"; }),
              "show.json: tour.stops[1].id: another stop already has the id \"village\"");
    EXPECT_EQ(errorAfter([](json& j) { j["tour"]["comfort"]["snapTurnDegrees"] = 20; }),
              "show.json: tour.comfort.snapTurnDegrees: expected 30 or 45 (comfortable snap turns), got 20");
    EXPECT_EQ(errorAfter([](json& j) { stop0(j)["bounds"] = {0, 0, 0.5, 3}; }),
              "show.json: tour.stops[0].bounds: the teleport area must be at least 1 m each way (maxX > minX, maxZ > minZ)");
    EXPECT_EQ(errorAfter([](json& j) { stop0(j)["waypoints"][0]["lookAt"] = {0, 1.6, -2}; }),
              "show.json: tour.stops[0].waypoints[0].lookAt: the camera cannot look at the point it stands on");
    EXPECT_THAT(errorAfter([](json& j) { j["tour"]["stops"] = json::array(); }), HasSubstr("tour.stops"));
    EXPECT_THAT(errorAfter([](json& j) { j["tour"]["speed"] = 1; }), HasSubstr("speed"));
    // A "tour" scene shows the show's tour: without one it has nothing to show.
    EXPECT_EQ(errorAfter([](json& j) {
                  j["scenes"].push_back({{"id", "tour"}, {"type", "tour"}, {"title", "导览"}});
                  j.erase("tour");
              }),
              "show.json: scenes[1].type: a tour scene needs the show's \"tour\" section (its stops)");
    EXPECT_EQ(errorAfter([](json& j) { j["scenes"].push_back({{"id", "tour"}, {"type", "tour"}, {"title", "导览"}, {"layers", 1}}); }),
              "show.json: scenes[1].layers: a tour scene has no map (its stops are in the show's \"tour\")");
}

// The bundled show's tour: every stop's models load without a warning, and its start and panel
// stand inside the teleport area.
TEST(BundledTour, EveryModelLoadsAndEveryStopFits) {
    const ShowFile show = loadShowFile(EXHIBIT_ASSETS "/shows/guizhou/show.json");
    ASSERT_TRUE(show.tour);
    EXPECT_GE(show.tour->stops.size(), 4u);
    std::set<std::string> loaded;
    for (const TourStop& stop : show.tour->stops) {
        EXPECT_TRUE(stop.panel) << stop.id;
        for (const TourPlacement& p : stop.models) {
            if (!loaded.insert(p.model).second) continue;
            const GltfModel model = loadGltf(show.resolve(p.model));
            EXPECT_TRUE(model.warnings.empty()) << p.model << ": " << model.warnings.front();
            EXPECT_FALSE(model.meshes.empty()) << p.model;
        }
    }
}

class TourDirectorTest : public ::testing::Test {
protected:
    TourDirectorTest() : show_(parseShowFile(tourShow().dump(), "show.json", "/shows/x")), tour_(*show_.tour) {}

    // Runs `seconds` of 10 ms frames with the same input (a visitor who keeps moving, by default).
    void run(double seconds, TourInput input = worn()) {
        for (int i = 0; i < static_cast<int>(std::lround(seconds * 100)); ++i) tour_.update(0.01, input);
    }
    static TourInput worn() {
        TourInput in;
        in.present = true;
        in.active = true;
        return in;
    }

    ShowFile show_;
    TourDirector tour_;
};

TEST_F(TourDirectorTest, WaitsForAVisitorThenFadesInAtTheFirstStop) {
    EXPECT_EQ(tour_.phase(), TourPhase::Paused);
    TourInput off;
    off.present = false;
    run(1, off);
    EXPECT_EQ(tour_.phase(), TourPhase::Paused);
    EXPECT_EQ(tour_.visits(), 0u);
    EXPECT_FLOAT_EQ(tour_.fade(), 1);
    TourInput putOn = worn();  // putting the headset on starts the visit, even before any motion
    putOn.active = false;
    run(0.25, putOn);
    EXPECT_EQ(tour_.phase(), TourPhase::Touring);
    EXPECT_EQ(tour_.visits(), 1u);
    EXPECT_NEAR(tour_.fade(), 0.5, 0.03);
    run(0.3);
    EXPECT_FLOAT_EQ(tour_.fade(), 0);
    ASSERT_NE(tour_.subtitle(), nullptr);
    EXPECT_EQ(tour_.subtitle()->text, "第一句");
}

TEST_F(TourDirectorTest, GuidedModeWalksTheWaypointsAndMovesOnAfterTheStop) {
    tour_.setHeadset(false);
    tour_.resume();
    run(0.01);
    TourCamera c = tour_.camera();
    EXPECT_NEAR(c.eye.y, 1.6, 1e-4);  // at the start, eye height above it
    EXPECT_NEAR(c.eye.z, 0, 0.01);
    run(4);
    c = tour_.camera();  // at the first waypoint
    EXPECT_NEAR(c.eye.x, 0, 0.01);
    EXPECT_NEAR(c.eye.z, -2, 0.01);
    run(2);
    c = tour_.camera();  // half way to the second (smoothstep: the middle is the middle)
    EXPECT_NEAR(c.eye.x, 1, 0.02);
    EXPECT_EQ(tour_.subtitle()->text, "第二句");
    run(6.1);  // the stop's 12 s are up: fade out, next stop, fade in
    EXPECT_EQ(tour_.stopIndex(), 0u);
    EXPECT_GT(tour_.fade(), 0);
    EXPECT_EQ(tour_.subtitle(), nullptr);
    run(0.5);
    EXPECT_EQ(tour_.stopIndex(), 1u);
    EXPECT_LT(tour_.timeAtStop(), 0.1);  // the stop's clock starts on arrival
    run(7);  // the last stop ends: the end card, then (unattended) a new visit
    EXPECT_EQ(tour_.phase(), TourPhase::Ended);
    run(8.1);
    EXPECT_EQ(tour_.phase(), TourPhase::Touring);
    EXPECT_EQ(tour_.stopIndex(), 0u);
    EXPECT_EQ(tour_.visits(), 2u);
}

TEST_F(TourDirectorTest, InAHeadsetGuidedModeMovesTheVisitorWaypointToWaypointBehindFades) {
    run(1);
    EXPECT_FLOAT_EQ(tour_.origin().position.z, 0);
    run(3.05);  // the first waypoint is due: fade out...
    EXPECT_GT(tour_.fade(), 0);
    run(0.5);  // ...moved there, facing what it looks at (straight ahead: -Z)
    EXPECT_FLOAT_EQ(tour_.origin().position.z, -2);
    EXPECT_FLOAT_EQ(tour_.origin().position.y, 0);  // on the ground; the headset adds the eye height
    EXPECT_NEAR(tour_.origin().yaw, 0, 1e-5);
    run(4.5);
    EXPECT_FLOAT_EQ(tour_.origin().position.x, 2);
    EXPECT_NEAR(tour_.origin().yaw, -std::atan2(2.0, 3.0), 1e-4);  // clockwise, towards (4, -5) from (2, -2)
}

TEST_F(TourDirectorTest, FreeModeTeleportsInsideTheAreaAndSnapTurnsAboutTheHead) {
    run(1);
    tour_.setMode(TourMode::Free);
    run(1);
    TourInput aim = worn();
    aim.thumbstick = {0, 1};
    aim.head = {0, 1.6f, 0};
    aim.aim = TourRay{{0, 1.2f, 0}, glm::normalize(glm::vec3{0, 0, -1})};
    run(0.1, aim);
    ASSERT_TRUE(tour_.arc());
    EXPECT_TRUE(tour_.arc()->valid);
    const glm::vec3 landing = tour_.arc()->landing;
    EXPECT_NEAR(landing.y, 0, 1e-5);
    EXPECT_NEAR(landing.z, -7 * std::sqrt(2 * 1.2 / 9.81), 0.05);  // horizontal throw from 1.2 m
    TourInput release = aim;
    release.thumbstick = {0, 0};
    run(0.01, release);
    EXPECT_FALSE(tour_.arc());
    EXPECT_GT(tour_.vignette(), 0);
    run(1, release);
    EXPECT_NEAR(tour_.origin().position.z, landing.z, 1e-4);  // the head lands where the arc did

    // Aimed outside the area (20 m away, the area ends at 10): no jump.
    TourInput far = aim;
    far.aim = TourRay{{0, 30, 0}, glm::normalize(glm::vec3{0, 0.3f, -1})};
    run(0.1, far);
    ASSERT_TRUE(tour_.arc());
    EXPECT_FALSE(tour_.arc()->valid);
    run(1, release);
    EXPECT_NEAR(tour_.origin().position.z, landing.z, 1e-4);

    // Snap turn right: 45° clockwise about the head, once per flick.
    const TourOrigin before = tour_.origin();
    TourInput right = worn();
    right.head = {before.position.x + 1, 1.6f, before.position.z};
    right.thumbstick = {1, 0};
    run(0.5, right);
    EXPECT_NEAR(tour_.origin().yaw, before.yaw - glm::radians(45.0f), 1e-5);
    const glm::vec3 offset = tour_.origin().position - glm::vec3{right.head.x, 0, right.head.z};
    EXPECT_NEAR(std::hypot(offset.x, offset.z), 1, 1e-4);  // the head stays put
    run(0.1);
    run(0.1, right);
    EXPECT_NEAR(tour_.origin().yaw, before.yaw - glm::radians(90.0f), 1e-5);
    // Free mode waits for the visitor: no auto-advance.
    run(30);
    EXPECT_EQ(tour_.stopIndex(), 0u);
}

TEST_F(TourDirectorTest, HeadsetOffPausesAndAfterTheTimeoutResetsForTheNextVisitor) {
    run(14);  // into the second stop (the clock stands still while fading to a waypoint)
    ASSERT_EQ(tour_.stopIndex(), 1u);
    TourInput off;
    off.present = false;
    run(0.1, off);
    EXPECT_EQ(tour_.phase(), TourPhase::Paused);
    const double at = tour_.timeAtStop();
    run(10, off);
    EXPECT_DOUBLE_EQ(tour_.timeAtStop(), at);
    run(0.1);  // back on within the timeout: the same visit goes on
    EXPECT_EQ(tour_.phase(), TourPhase::Touring);
    EXPECT_EQ(tour_.stopIndex(), 1u);
    EXPECT_EQ(tour_.visits(), 1u);
    run(31, off);  // off for longer than resetSeconds: back to the start, waiting
    EXPECT_EQ(tour_.phase(), TourPhase::Paused);
    EXPECT_EQ(tour_.stopIndex(), 0u);
    run(0.1);
    EXPECT_EQ(tour_.visits(), 2u);
}

TEST_F(TourDirectorTest, NobodyMovingPausesAndTheVisitEndsAtTheLimit) {
    TourInput still = worn();
    still.active = false;
    tour_.setMode(TourMode::Free);  // stays at a stop as long as the visitor likes...
    run(1);
    run(19.9, still);
    EXPECT_EQ(tour_.phase(), TourPhase::Touring);
    run(0.2, still);
    EXPECT_EQ(tour_.phase(), TourPhase::Paused);
    run(0.1);
    run(300);
    EXPECT_EQ(tour_.phase(), TourPhase::Ended);  // ...until the visit's 300 s are up
    run(5);
    EXPECT_EQ(tour_.phase(), TourPhase::Ended);  // the end card stays while the headset is on
    TourInput off;
    off.present = false;
    run(0.1, off);
    EXPECT_EQ(tour_.phase(), TourPhase::Paused);
    EXPECT_EQ(tour_.stopIndex(), 0u);
}

TEST_F(TourDirectorTest, NextAndPreviousSkipStops) {
    run(1);
    TourInput next = worn();
    next.next = true;
    run(0.01, next);
    run(0.6);
    EXPECT_EQ(tour_.stopIndex(), 1u);
    TourInput previous = worn();
    previous.previous = true;
    run(0.01, previous);
    run(0.6);
    EXPECT_EQ(tour_.stopIndex(), 0u);
}

}  // namespace
}  // namespace exhibit
