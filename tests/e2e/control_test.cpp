// End to end: the control API of a running headless `exhibit --control 127.0.0.1:0 --state-dir DIR`,
// spoken to over real HTTP as an operator's tablet or curl would. The port comes from the exhibit's
// log, the token from DIR/control-token; what the wall did is read from its log and /api/status.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
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

class ControlE2E : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        stateDir = fs::path(EXHIBIT_BINARY_DIR) / (std::string("control-e2e-") + info->name());
        fs::remove_all(stateDir);
        fs::create_directories(stateDir);
    }

    // Starts the exhibit on the state dir and waits for its API and first frame.
    void start(const std::string& logName) {
        const std::string logFile = (fs::path(EXHIBIT_BINARY_DIR) / logName).string();
        exhibit = std::make_unique<BackgroundProcess>(
            std::vector<std::string>{EXHIBIT_EXE, "--headless", "--size", "640x360", "--control", "127.0.0.1:0",
                                     "--state-dir", stateDir.string(), "--tuio", "0", "--frames", "100000000",
                                     "--screenshot", (stateDir / "last-frame.png").string()},
            logFile);
        ControlAccess api;
        ASSERT_TRUE(waitForControlApi(*exhibit, stateDir, api));
        port = api.port;
        token = api.token;
    }

    void stop() {
        EXPECT_EQ(exhibit->stop(), 0) << exhibit->log();
        EXPECT_EQ(exhibit->log().find("[error]"), std::string::npos) << exhibit->log();
        exhibit.reset();
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_url_encode(false);
        c.set_read_timeout(30, 0);
        return c;
    }
    httplib::Headers bearer() const { return {{"Authorization", "Bearer " + token}}; }

    json get(const std::string& path) {
        auto r = client().Get(path);
        if (!r || r->status != 200) return json();
        return json::parse(r->body);
    }
    int post(const std::string& path, const std::string& body, bool withToken = true) {
        auto cli = client();
        auto r = withToken ? cli.Post(path, bearer(), body, "application/json") : cli.Post(path, body, "application/json");
        return r ? r->status : -1;
    }

    fs::path stateDir;
    std::unique_ptr<BackgroundProcess> exhibit;
    int port = 0;
    std::string token;
};

TEST_F(ControlE2E, SwitchSceneAndStandbyThroughTheApi) {
    start("control-e2e-switch.log");
    // The status is published a few times a second; the first one after the first frame has the output.
    EXPECT_TRUE(eventually([&] { return get("/api/status")["output"] == json{{"width", 640}, {"height", 360}}; }))
        << get("/api/status");
    EXPECT_EQ(get("/api/status")["scene"], "dashboard");

    EXPECT_EQ(post("/api/scene", R"({"id": "map"})", false), 401);
    EXPECT_EQ(post("/api/scene", R"({"id": "atlantis"})"), 404);
    EXPECT_EQ(post("/api/scene", R"({"id": "map",})"), 400);

    EXPECT_EQ(post("/api/scene", R"({"id": "map"})"), 202);
    ASSERT_TRUE(exhibit->waitForLog("[app.scenes] map (", kWaitSeconds)) << exhibit->log();
    EXPECT_TRUE(eventually([&] { return get("/api/status")["scene"] == "map"; })) << exhibit->log();
    const json scenes = get("/api/scenes");
    ASSERT_TRUE(scenes.is_array());
    EXPECT_TRUE(std::any_of(scenes.begin(), scenes.end(), [](const json& s) { return s["id"] == "map" && s["current"] == true; }))
        << scenes;

    EXPECT_EQ(post("/api/standby", R"({"on": true})"), 202);
    ASSERT_TRUE(exhibit->waitForLog("[app.mode] standby (", kWaitSeconds)) << exhibit->log();
    EXPECT_TRUE(eventually([&] { return get("/api/status")["mode"] == "standby"; })) << exhibit->log();
    EXPECT_EQ(post("/api/standby", R"({"on": false})"), 202);
    ASSERT_TRUE(exhibit->waitForLog("[app.mode] show (", kWaitSeconds)) << exhibit->log();
    EXPECT_TRUE(eventually([&] { return get("/api/status")["mode"] == "show"; })) << exhibit->log();

    // Limits and the file system, against the real binary too.
    auto cli = client();
    auto big = cli.Post("/api/scene", bearer(), std::string(100 * 1024, ' '), "application/json");
    ASSERT_TRUE(big);
    EXPECT_EQ(big->status, 413);
    for (const char* path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                             "/assets/shows/guizhou/show.json", "/shows/guizhou/show.json"}) {
        auto r = cli.Get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 404) << path;
        EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
        EXPECT_EQ(r->body.find("startScene"), std::string::npos) << path;
    }
    auto metrics = cli.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_EQ(metrics->status, 200);
    EXPECT_EQ(metrics->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_NE(metrics->body.find("exhibit_frames_total"), std::string::npos) << metrics->body;
    auto page = cli.Get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("remote.js"), std::string::npos);
    stop();
}

TEST_F(ControlE2E, SettingsAndSceneChoicePersistAcrossARestart) {
    start("control-e2e-persist-1.log");
    const json wanted = {{"playlist", {"map", "dashboard"}},
                         {"rotationSeconds", 600},
                         {"schedule", {{{"at", "09:00"}, {"mode", "show"}}, {{"at", "18:30"}, {"mode", "standby"}}}},
                         {"language", "en"}};
    auto r = client().Put("/api/settings", bearer(), wanted.dump(), "application/json");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 202) << r->body;
    EXPECT_EQ(post("/api/scene", R"({"id": "map"})"), 202);
    auto applied = [&](const json& settings) {
        return settings.is_object() && settings["playlist"] == wanted["playlist"] &&
               settings["rotationSeconds"] == wanted["rotationSeconds"] && settings["schedule"] == wanted["schedule"] &&
               settings["language"] == "en" && settings["scene"] == "map";
    };
    ASSERT_TRUE(eventually([&] { return applied(get("/api/settings")); })) << get("/api/settings") << exhibit->log();
    const json before = get("/api/settings");
    const std::string firstToken = token;
    stop();

    start("control-e2e-persist-2.log");
    EXPECT_EQ(token, firstToken);  // the token is kept in the state dir, not made anew
    // The schedule decides the mode at start (it depends on the time of day): compare the rest.
    json after = get("/api/settings");
    after.erase("mode");
    json expected = before;
    expected.erase("mode");
    EXPECT_EQ(after, expected);
    EXPECT_EQ(get("/api/status")["scene"], "map");
    stop();
}

TEST_F(ControlE2E, BlackoutPersistsAcrossARestart) {
    start("control-e2e-blackout-1.log");
    EXPECT_EQ(post("/api/mode", R"({"mode": "blackout"})"), 202);
    ASSERT_TRUE(exhibit->waitForLog("[app.mode] blackout (", kWaitSeconds)) << exhibit->log();
    ASSERT_TRUE(eventually([&] { return get("/api/settings")["mode"] == "blackout"; })) << exhibit->log();
    stop();

    start("control-e2e-blackout-2.log");
    EXPECT_TRUE(eventually([&] { return get("/api/status")["mode"] == "blackout"; })) << exhibit->log();
    EXPECT_EQ(post("/api/mode", R"({"mode": "show"})"), 202);
    ASSERT_TRUE(exhibit->waitForLog("[app.mode] show (", kWaitSeconds)) << exhibit->log();
    stop();
}

TEST_F(ControlE2E, ACorruptSettingsFileIsKeptAsideAndTheShowRunsWithDefaults) {
    const std::string corrupt = "{\"playlist\": [\"map\", ";  // as a power cut might leave it
    std::ofstream(stateDir / "settings.json") << corrupt;
    start("control-e2e-corrupt.log");
    const json settings = get("/api/settings");
    EXPECT_EQ(settings["playlist"], json::array());
    EXPECT_EQ(settings["mode"], "show");
    EXPECT_EQ(settings["language"], "zh");
    EXPECT_EQ(get("/api/status")["scene"], "dashboard");
    std::vector<fs::path> aside;
    for (const auto& entry : fs::directory_iterator(stateDir))
        if (entry.path().filename().string().rfind("settings.json.bad-", 0) == 0) aside.push_back(entry.path());
    ASSERT_EQ(aside.size(), 1u) << exhibit->log();
    EXPECT_EQ(readFile(aside[0]), corrupt);
    EXPECT_NE(exhibit->log().find("settings.json"), std::string::npos);

    EXPECT_EQ(post("/api/scene", R"({"id": "map"})"), 202);  // and the operator can work as usual
    ASSERT_TRUE(exhibit->waitForLog("[app.scenes] map (", kWaitSeconds)) << exhibit->log();
    stop();
}

TEST_F(ControlE2E, ScreenshotIsAPngOfTheOutputSize) {
    start("control-e2e-screenshot.log");
    auto cli = client();
    auto denied = cli.Get("/api/screenshot.png");
    ASSERT_TRUE(denied);
    EXPECT_EQ(denied->status, 401);
    auto r = cli.Get("/api/screenshot.png", bearer());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "image/png");
    const fs::path file = fs::path(EXHIBIT_BINARY_DIR) / "control-e2e-screenshot.png";
    std::ofstream(file, std::ios::binary) << r->body;
    const Image image = readPng(file);
    EXPECT_EQ(image.width, 640);
    EXPECT_EQ(image.height, 360);
    stop();
}

// The console's (and the API's) language switches the wall itself, live: the map scene's words change
// to English and back, and nothing else moves (the map scene is still, so zh-en-zh gives the first
// frame again).
TEST_F(ControlE2E, LanguageSwitchesTheWallLive) {
    start("control-e2e-language.log");
    ASSERT_EQ(post("/api/scene", R"({"id": "map"})"), 202);
    ASSERT_TRUE(eventually([&] { return get("/api/status")["scene"] == "map"; }));
    auto screenshot = [&](const std::string& name) {
        auto r = client().Get("/api/screenshot.png", bearer());
        EXPECT_TRUE(r && r->status == 200);
        const fs::path file = fs::path(EXHIBIT_BINARY_DIR) / ("control-e2e-language-" + name + ".png");
        std::ofstream(file, std::ios::binary) << (r ? r->body : std::string());
        return readPng(file);
    };
    auto setLanguage = [&](const std::string& language) {
        json settings = get("/api/settings");
        settings["language"] = language;
        auto r = client().Put("/api/settings", bearer(), settings.dump(), "application/json");
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 202) << r->body;
    };
    auto differingShare = [](const Image& a, const Image& b) {
        if (a.width != b.width || a.height != b.height) return 1.0;
        std::size_t differing = 0;
        for (std::size_t i = 0; i + 3 < a.rgba.size(); i += 4)
            for (std::size_t c = 0; c < 3; ++c)
                if (std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > 5) {
                    ++differing;
                    break;
                }
        return static_cast<double>(differing) / (static_cast<double>(a.rgba.size()) / 4);
    };
    // The frame once the wall is still (the fade into a scene takes frames, and a slow build, such
    // as the sanitizer one, draws few frames a second): two screenshots in a row that agree.
    auto stillFrame = [&](const std::string& name) {
        Image previous = screenshot(name);
        Image current;
        eventually([&] {
            current = screenshot(name);
            const bool still = differingShare(previous, current) < 0.0005;
            previous = current;
            return still;
        });
        return current;
    };
    const Image chinese = stillFrame("zh");
    setLanguage("en");
    const Image english = stillFrame("en");
    EXPECT_GT(differingShare(chinese, english), 0.002) << "the wall's words changed";
    setLanguage("zh");
    const Image again = stillFrame("zh-again");
    EXPECT_LT(differingShare(chinese, again), 0.001) << "back in Chinese, the same frame";
    stop();
}

}  // namespace
}  // namespace exhibit::test
