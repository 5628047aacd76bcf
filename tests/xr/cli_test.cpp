// exhibit --xr as a user runs it (label xr): no runtime or no headset gives one message and exit 2;
// with the test OpenXR runtime and the core validation layer it runs N frames of the placeholder
// view and exits 0, every image released, the eye images showing sky and grid.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "renderer/image.hpp"
#include "renderer/platform/platform.hpp"
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
    const auto result = runProcess({EXHIBIT_EXE, "--xr", "--frames", "20", "--size", "320x180", "--no-debug-gl"},
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
    const std::uint8_t* sky = left.pixel(160, 20);
    EXPECT_NEAR(sky[0], 143, 2);  // 0.56 * 255
    EXPECT_NEAR(sky[1], 181, 2);
    EXPECT_NEAR(sky[2], 219, 2);
    std::set<std::uint32_t> floorColours;
    for (int y = left.height * 3 / 4; y < left.height; ++y)
        for (int x = 0; x < left.width; ++x) {
            const std::uint8_t* p = left.pixel(x, y);
            floorColours.insert(static_cast<std::uint32_t>(p[0] << 16 | p[1] << 8 | p[2]));
        }
    EXPECT_GT(floorColours.size(), 3u) << "no grid below the horizon";
    EXPECT_NE(left.rgba, right.rgba);
}

}  // namespace
}  // namespace exhibit::test
