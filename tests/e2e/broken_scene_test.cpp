// End to end: a broken asset does not black out the wall. A private copy of the bundled show runs
// in a headless `exhibit --control 127.0.0.1:0`: with the dashboard's history facts corrupt at
// start it shows the map instead (no exit 2), says over the API which scene is unavailable and why,
// refuses a switch to it, and switches once the file is repaired; with assets deleted after start
// both scenes keep being presented.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "renderer/image.hpp"
#include "tests/support/control_access.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"

namespace exhibit::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr double kWaitSeconds = kEventuallySeconds;
const char* const kHistory = "facts/poverty_population_by_year.csv";  // read by the dashboard only

class BrokenSceneE2E : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        root = fs::path(EXHIBIT_BINARY_DIR) / ("broken-scene-e2e-" + name);
        fs::remove_all(root);
        fs::create_directories(root / "state");
        fs::copy(fs::path(EXHIBIT_ASSETS) / "shows/guizhou", root / "show", fs::copy_options::recursive);
        logFile = (root / "exhibit.log").string();
    }

    // Starts the exhibit on the show copy and waits for its API and first frame. Show time runs
    // 50 ms a frame, so the retry interval (5 s of show time) passes in 100 frames.
    void start() {
        exhibit = std::make_unique<BackgroundProcess>(
            std::vector<std::string>{EXHIBIT_EXE, "--headless", "--size", "640x360", "--show",
                                     (root / "show/show.json").string(), "--control", "127.0.0.1:0",
                                     "--state-dir", (root / "state").string(), "--tuio", "0", "--frames",
                                     "100000000", "--fixed-dt", "50"},
            logFile);
        ControlAccess api;
        ASSERT_TRUE(waitForControlApi(*exhibit, root / "state", api));
        port = api.port;
        token = api.token;
        ASSERT_TRUE(eventually([&] { return framesTotal() > 0; })) << exhibit->log();
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(30, 0);
        return c;
    }
    json get(const std::string& path) {
        auto r = client().Get(path);
        if (!r || r->status != 200) return json();
        return json::parse(r->body);
    }
    // The answer's status and body (null when it was not JSON).
    std::pair<int, json> switchTo(const std::string& scene) {
        auto r = client().Post("/api/scene", {{"Authorization", "Bearer " + token}}, json{{"id", scene}}.dump(),
                               "application/json");
        if (!r) return {-1, json()};
        return {r->status, json::parse(r->body, nullptr, false)};
    }
    long framesTotal() {
        const json s = get("/api/status");
        return s.is_object() ? s["frames"]["total"].get<long>() : -1;
    }
    std::string scene() { return get("/api/status").value("scene", ""); }
    json sceneInfo(const std::string& id) {
        for (const json& s : get("/api/scenes"))
            if (s["id"] == id) return s;
        return json();
    }
    // Frames still advance: the total grows by `frames` (the wall did not stall or stop).
    bool framesAdvance(long frames = 30) {
        const long from = framesTotal();
        return from >= 0 && eventually([&] { return framesTotal() >= from + frames; });
    }
    // The wall's next frame as the API returns it, with how many different colours it has.
    std::size_t screenshotColours() {
        auto r = client().Get("/api/screenshot.png", {{"Authorization", "Bearer " + token}});
        if (!r || r->status != 200) return 0;
        const fs::path png = root / "screenshot.png";
        std::ofstream(png, std::ios::binary) << r->body;
        const Image image = readPng(png);
        std::set<std::uint32_t> colours;
        for (int y = 0; y < image.height; y += 4)
            for (int x = 0; x < image.width; x += 4) {
                const std::uint8_t* p = image.pixel(x, y);
                colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
            }
        return colours.size();
    }

    fs::path root;
    std::string logFile;
    std::unique_ptr<BackgroundProcess> exhibit;
    int port = 0;
    std::string token;
};

TEST_F(BrokenSceneE2E, CorruptAssetAtStartLeavesTheOtherSceneOnTheWallAndRecoversOnceRepaired) {
    const fs::path history = root / "show" / kHistory;
    std::ofstream(history, std::ios::binary) << "year,rural_poor_population_10k_persons\n\"2011,1149\n";  // unterminated quote
    start();
    if (HasFatalFailure()) return;

    // The show runs on the map; the log names the scene, the file and the problem.
    const std::string startLog = exhibit->log();
    EXPECT_NE(startLog.find("[app.scenes] scene \"dashboard\" unavailable: "), std::string::npos) << startLog;
    EXPECT_NE(startLog.find("poverty_population_by_year.csv"), std::string::npos) << startLog;
    EXPECT_NE(startLog.find("start scene \"dashboard\" is unavailable: starting on \"map\""), std::string::npos)
        << startLog;
    EXPECT_EQ(scene(), "map");
    EXPECT_TRUE(framesAdvance()) << exhibit->log();

    const json dashboard = sceneInfo("dashboard");
    EXPECT_EQ(dashboard["available"], false) << dashboard;
    EXPECT_NE(dashboard["problem"].get<std::string>().find("poverty_population_by_year.csv"), std::string::npos)
        << dashboard;
    EXPECT_EQ(sceneInfo("map")["available"], true);
    EXPECT_EQ(sceneInfo("map")["problem"], "");
    EXPECT_EQ(sceneInfo("map")["current"], true);

    // A switch to it is accepted for a new attempt, then refused: the wall stays on the map.
    const auto [status, answer] = switchTo("dashboard");
    EXPECT_EQ(status, 202);
    EXPECT_EQ(answer["available"], false) << answer;
    EXPECT_NE(answer.value("problem", "").find("poverty_population_by_year.csv"), std::string::npos) << answer;
    ASSERT_TRUE(exhibit->waitForLog("switch refused", kWaitSeconds)) << exhibit->log();
    EXPECT_TRUE(framesAdvance()) << exhibit->log();
    EXPECT_EQ(scene(), "map");
    const json status1 = get("/api/status");
    const std::string recent = status1["recentLog"].dump();
    EXPECT_NE(recent.find("switch refused"), std::string::npos) << recent;  // the operator sees why

    // Repaired: the next switch after the retry interval loads it, without a restart.
    fs::copy_file(fs::path(EXHIBIT_ASSETS) / "shows/guizhou" / kHistory, history, fs::copy_options::overwrite_existing);
    EXPECT_TRUE(eventually([&] {
        if (scene() == "dashboard") return true;
        switchTo("dashboard");
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return false;
    })) << exhibit->log();
    EXPECT_NE(exhibit->log().find("scene \"dashboard\" loaded on a second attempt"), std::string::npos) << exhibit->log();
    EXPECT_NE(exhibit->log().find("[app.scenes] dashboard (operator)"), std::string::npos) << exhibit->log();
    EXPECT_TRUE(eventually([&] { return sceneInfo("dashboard")["available"] == true; })) << get("/api/scenes");
    EXPECT_EQ(sceneInfo("dashboard")["problem"], "");
    EXPECT_TRUE(framesAdvance()) << exhibit->log();
    EXPECT_GT(screenshotColours(), 16u);  // the dashboard drawn, not a cleared frame
    EXPECT_EQ(exhibit->stop(), 0) << exhibit->log();
}

TEST_F(BrokenSceneE2E, AssetsDeletedAfterStartDoNotAffectLoadedScenes) {
    start();
    if (HasFatalFailure()) return;
    EXPECT_EQ(scene(), "dashboard");
    fs::remove_all(root / "show/geo");
    fs::remove_all(root / "show/facts");

    EXPECT_EQ(switchTo("map").first, 202);
    ASSERT_TRUE(exhibit->waitForLog("[app.scenes] map (operator)", kWaitSeconds)) << exhibit->log();
    EXPECT_TRUE(eventually([&] { return scene() == "map"; })) << exhibit->log();
    EXPECT_TRUE(framesAdvance()) << exhibit->log();
    EXPECT_GT(screenshotColours(), 16u);

    EXPECT_EQ(switchTo("dashboard").first, 202);
    ASSERT_TRUE(exhibit->waitForLog("[app.scenes] dashboard (operator)", kWaitSeconds)) << exhibit->log();
    EXPECT_TRUE(eventually([&] { return scene() == "dashboard"; })) << exhibit->log();
    EXPECT_TRUE(framesAdvance()) << exhibit->log();
    EXPECT_GT(screenshotColours(), 16u);
    EXPECT_EQ(sceneInfo("map")["available"], true);
    EXPECT_EQ(sceneInfo("dashboard")["available"], true);

    EXPECT_EQ(exhibit->stop(), 0) << exhibit->log();
    EXPECT_EQ(exhibit->log().find("[error]"), std::string::npos) << exhibit->log();
}

}  // namespace
}  // namespace exhibit::test
