// exhibit --xr as a user runs it (label xr): no runtime or no headset gives one message and exit 2;
// with the test OpenXR runtime and the core validation layer it runs N frames of the tour and exits
// 0, every image released; on a fixed clock the eye images match their goldens (the first stop's
// site in stereo) and the quad layers carry the caption and the stop's live panel.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "renderer/image.hpp"
#include "renderer/platform/platform.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace exhibit::test {
namespace {

const std::string kLayer = "XR_ENABLE_API_LAYERS=XR_APILAYER_LUNARG_core_validation";

TEST(XrCli, NoRuntimeGivesOneMessageAndExit2) {
    const auto result = runProcess({EXHIBIT_EXE, "--xr"}, {"XR_RUNTIME_JSON=/nonexistent/exhibit/runtime.json"});
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_NE(result.err.find("exhibit: VR mode: no OpenXR runtime"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("XR_RUNTIME_JSON=/nonexistent/exhibit/runtime.json"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << "one line: " << result.err;
}

TEST(XrCli, NoRuntimeConfiguredNamesTheActiveRuntimePaths) {
    TempDir home("exhibit-xr-home");
    const auto result = runProcess({"/usr/bin/env", "-u", "XR_RUNTIME_JSON", EXHIBIT_EXE, "--xr"},
                                   {"HOME=" + home.path().string(), "XDG_CONFIG_HOME=" + home.path().string(),
                                    "XDG_CONFIG_DIRS=" + (home.path() / "etc").string()});
    // A machine with a runtime installed system-wide in /etc/openxr would find it.
    if (std::filesystem::exists("/etc/openxr/1/active_runtime.json")) GTEST_SKIP() << "a system runtime is installed";
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_NE(result.err.find(home.path().string() + "/openxr/1/active_runtime.json"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("/etc/openxr/1/active_runtime.json"), std::string::npos) << result.err;
}

TEST(XrCli, NoHeadsetGivesOneMessageAndExit2) {
    const auto result = runProcess({EXHIBIT_EXE, "--xr"}, {std::string("XR_RUNTIME_JSON=") + EXHIBIT_XR_RUNTIME_JSON,
                                                           "EXHIBIT_TEST_XR_NO_HMD=1", kLayer});
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_NE(result.err.find("has no headset connected"), std::string::npos) << result.err;
}

TEST(XrCli, RunsFramesWithTheTestRuntime) {
    if (!displayAvailable()) GTEST_SKIP() << "no display: VR mode needs a GLX window (run under Xvfb)";
    TempDir dir("exhibit-xr-cli");
    const auto out = dir.path() / "out";
    const auto result = runProcess({EXHIBIT_EXE, "--xr", "--frames", "20", "--fixed-dt", "100", "--size", "320x180", "--no-debug-gl"},
                                   {std::string("XR_RUNTIME_JSON=") + EXHIBIT_XR_RUNTIME_JSON, kLayer,
                                    "EXHIBIT_TEST_XR_OUT=" + out.string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("VR mode ended: 20 frames"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("0 validation messages"), std::string::npos) << result.out;
    // Debian's loader does not pass the layer's messages to the program's messenger: the layer
    // prints them on stdout ("[VALID_ERROR | VUID-... | xrCall]: ...").
    const std::string output = result.out + result.err;
    EXPECT_NE(output.find("Core Validation output type: text"), std::string::npos) << "the layer did not load";
    EXPECT_EQ(output.find("[VALID_"), std::string::npos) << output;

    std::ifstream in(out / "report.json");
    ASSERT_TRUE(in.good());
    const auto report = nlohmann::json::parse(in);
    EXPECT_EQ(report.at("frames"), 20);
    EXPECT_GT(report.at("acquired").get<long>(), 0);
    EXPECT_EQ(report.at("acquired"), report.at("released"));
    EXPECT_TRUE(report.at("problems").empty()) << report.dump(2);

    // The placeholder: sky above the horizon, grid lines on the floor below; the eyes differ (stereo).
    const Image left = readPng(out / "eye-0.png");
    const Image right = readPng(out / "eye-1.png");
    ASSERT_EQ(left.width, 320);
    EXPECT_NE(left.rgba, right.rgba);
    for (const auto& [name, image] : {std::pair{"xr-eye-left-320x320", &left}, std::pair{"xr-eye-right-320x320", &right}}) {
        const auto golden = compareWithGolden(name, *image);
        EXPECT_TRUE(golden.passed) << golden.message;
    }
    // The caption (quad 0: the stop and the narration) and the panel (quad 1: live KPI cards and
    // buttons) are text on a dark ground: many shades, not a flat fill.
    for (const char* quad : {"quad-0.png", "quad-1.png"}) {
        const Image image = readPng(out / quad);
        std::set<std::uint32_t> colours;
        for (int y = 0; y < image.height; y += 3)
            for (int x = 0; x < image.width; x += 3) {
                const std::uint8_t* p = image.pixel(x, y);
                colours.insert(static_cast<std::uint32_t>(p[0] << 16 | p[1] << 8 | p[2]));
            }
        EXPECT_GT(colours.size(), 40u) << quad;
    }
}

}  // namespace
}  // namespace exhibit::test

namespace exhibit::test {
namespace {

// The tour driven by scripted controllers and headset, on a fixed clock (0.1 s a frame), with the
// show's reset timeout cut to 5 s: the menu button switches to free mode, the right thumbstick
// snap-turns 30° clockwise, forward aims a teleport (the arc from the right controller, pitched
// down) and releasing jumps there behind a fade; taking the headset off pauses, 5 s later the tour
// resets for the next visitor, and putting it on begins visit 2. The log says each step.
TEST(XrCli, TheTourFollowsTheControllersAndTheHeadset) {
    if (!displayAvailable()) GTEST_SKIP() << "no display: VR mode needs a GLX window (run under Xvfb)";
    TempDir dir("exhibit-xr-tour");
    std::filesystem::copy(std::filesystem::path(EXHIBIT_ASSETS) / "shows/guizhou", dir.path() / "show",
                          std::filesystem::copy_options::recursive);
    const auto showFile = dir.path() / "show/show.json";
    nlohmann::json show = nlohmann::json::parse(std::ifstream(showFile));
    show["tour"]["resetSeconds"] = 5;
    std::ofstream(showFile) << show.dump();
    const nlohmann::json script = {
        {"profile", "/interaction_profiles/oculus/touch_controller"},
        {"timeline",
         {{{"frame", 1}, {"head", {{"position", {0, 1.6, 0}}}}},
          {{"frame", 1}, {"right", {{"position", {0.2, 1.2, -0.3}}, {"pitch", -20}}}},
          {{"frame", 15}, {"input", {{"/user/hand/left/input/menu/click", 1.0}}}},
          {{"frame", 17}, {"input", {{"/user/hand/left/input/menu/click", 0.0}}}},
          {{"frame", 25}, {"input", {{"/user/hand/right/input/thumbstick", {0.9, 0.0}}}}},
          {{"frame", 28}, {"input", {{"/user/hand/right/input/thumbstick", {0.0, 0.0}}}}},
          {{"frame", 35}, {"input", {{"/user/hand/right/input/thumbstick", {0.0, 0.9}}}}},
          {{"frame", 45}, {"input", {{"/user/hand/right/input/thumbstick", {0.0, 0.0}}}}},
          {{"frame", 70}, {"headset", "off"}},
          {{"frame", 135}, {"headset", "on"}}}}};
    const auto scriptFile = dir.path() / "script.json";
    std::ofstream(scriptFile) << script.dump();
    const auto result = runProcess({EXHIBIT_EXE, "--xr", "--show", showFile.string(), "--frames", "150", "--fixed-dt", "100",
                                    "--size", "160x90", "--no-debug-gl"},
                                   {std::string("XR_RUNTIME_JSON=") + EXHIBIT_XR_RUNTIME_JSON, kLayer,
                                    "EXHIBIT_TEST_XR_SCRIPT=" + scriptFile.string(),
                                    "EXHIBIT_TEST_XR_OUT=" + (dir.path() / "out").string()});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::string& log = result.err;
    std::size_t at = 0;
    for (const char* step : {"[xr.tour] visit 1 begins", "[xr.tour] free mode", "[xr.tour] snap turn -30 degrees",
                             "[xr.tour] moved to", "[xr.tour] paused at stop \"village\"", "[xr.tour] reset for the next visitor",
                             "[xr.tour] visit 2 begins"}) {
        const auto found = log.find(step, at);
        ASSERT_NE(found, std::string::npos) << "missing, or out of order: " << step << "\n" << log;
        at = found;
    }
    EXPECT_EQ(log.find("[xr.tour] snap turn", log.find("snap turn -30") + 1), std::string::npos) << "one flick, one turn";
    std::ifstream in(dir.path() / "out/report.json");
    const auto report = nlohmann::json::parse(in);
    EXPECT_EQ(report.at("acquired"), report.at("released"));
    EXPECT_GT(report.at("haptic_pulses").get<long>(), 0) << report.dump(2);  // the teleport pulsed the controller
    EXPECT_EQ(result.out.find("[VALID_"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace exhibit::test
