// xr::Program against the test OpenXR runtime through the real loader and the core validation
// layer (label xr): the session reaches FOCUSED and renders, every acquired swapchain image is
// released, the validation layer reports nothing (and does report misuse), headset removal pauses
// and resumes, session loss restarts, instance loss ends, scripted controllers reach the input
// state for every bound profile, and the eye and quad images are what the callbacks drew.
#include <gtest/gtest.h>

#include <openxr/openxr.h>

#include <algorithm>
#include <cstring>

#include "renderer/gl.hpp"
#include "renderer/image.hpp"
#include "tests/xr/xr_fixture.hpp"
#include "xr/xr_check.hpp"
#include "xr/xr_instance.hpp"

namespace exhibit::test {
namespace {

// Eye 0 red, eye 1 green, each with a blue square in the lower left quarter; quads yellow.
class TestRenderer final : public xr::ViewRenderer {
public:
    struct Call {
        int eye;
        xr::Pose pose;
        glm::ivec2 size;
    };
    std::vector<Call> calls;
    int quads = 0;
    bool srgb = false;

    void renderView(int eye, const xr::Pose& pose, const xr::Fov&, const xr::EyeTarget& target) override {
        calls.push_back({eye, pose, target.size});
        srgb = target.srgb;
        glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
        glViewport(0, 0, target.size.x, target.size.y);
        glDisable(GL_FRAMEBUFFER_SRGB);
        glClearColor(eye == 0 ? 1.0f : 0.0f, eye == 0 ? 0.0f : 1.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        glEnable(GL_SCISSOR_TEST);
        glScissor(target.size.x / 4, target.size.y / 4, target.size.x / 4, target.size.y / 4);
        glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }
    void renderQuad(int, const xr::EyeTarget& target) override {
        ++quads;
        glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
        glViewport(0, 0, target.size.x, target.size.y);
        glClearColor(1.0f, 1.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
};

void expectPixel(const Image& image, int x, int y, std::uint8_t r, std::uint8_t g, std::uint8_t b, const char* what) {
    const std::uint8_t* p = image.pixel(x, y);
    EXPECT_EQ(p[0], r) << what << " at " << x << "," << y;
    EXPECT_EQ(p[1], g) << what << " at " << x << "," << y;
    EXPECT_EQ(p[2], b) << what << " at " << x << "," << y;
}

void expectAllReleased(const XrRun& result) {
    EXPECT_GT(result.report.at("acquired").get<long>(), 0);
    EXPECT_EQ(result.report.at("acquired"), result.report.at("released")) << result.report.dump(2);
    EXPECT_TRUE(result.report.at("problems").empty()) << result.report.dump(2);
}

bool sawState(const XrRun& result, xr::SessionState state) {
    return std::any_of(result.statuses.begin(), result.statuses.end(), [&](const xr::Status& s) { return s.state == state; });
}

using XrProgramTest = XrTest;

TEST_F(XrProgramTest, ValidationLayerIsLoaded) {
    uint32_t count = 0;
    ASSERT_EQ(xrEnumerateApiLayerProperties(0, &count, nullptr), XR_SUCCESS);
    std::vector<XrApiLayerProperties> layers(count, {XR_TYPE_API_LAYER_PROPERTIES});
    ASSERT_EQ(xrEnumerateApiLayerProperties(count, &count, layers.data()), XR_SUCCESS);
    const bool found = std::any_of(layers.begin(), layers.end(), [](const XrApiLayerProperties& l) {
        return std::strcmp(l.layerName, "XR_APILAYER_LUNARG_core_validation") == 0;
    });
    EXPECT_TRUE(found) << "install openxr-layer-corevalidation (scripts/setup.sh): the xr tests check the "
                          "program through it";
}

// The count the other tests expect to stay 0 does count: misuse through the layer is reported.
TEST_F(XrProgramTest, ValidationLayerReportsMisuse) {
    const long before = validationMessages();
    auto instance = xr::Instance::create("exhibit-xr-test");
    XrSystemProperties wrong{XR_TYPE_INSTANCE_PROPERTIES};  // the wrong structure type on purpose
    EXPECT_TRUE(XR_FAILED(xrGetSystemProperties(instance->handle(), instance->system(), &wrong)));
    EXPECT_GT(validationMessages(), before);
    EXPECT_NE(validationLog().find("VUID-XrSystemProperties-type-type"), std::string::npos) << validationLog();
}

TEST_F(XrProgramTest, ReachesFocusedRendersFramesAndReleasesEveryImage) {
    TestRenderer renderer;
    const XrRun result = run(renderer, 30);
    EXPECT_TRUE(sawState(result, xr::SessionState::Focused));
    EXPECT_GE(result.last.frames, 30);
    EXPECT_GE(result.last.renderedFrames, 29);  // the first frame is submitted before the session is visible
    EXPECT_EQ(newValidationMessages(), 0) << validationLog();
    EXPECT_EQ(result.last.validationMessages, 0);
    EXPECT_EQ(result.last.sessionRestarts, 0);
    EXPECT_EQ(result.report.at("rendered_frames").get<long>(), result.last.renderedFrames);
    EXPECT_EQ(static_cast<long>(renderer.calls.size()), 2 * result.last.renderedFrames);
    EXPECT_TRUE(renderer.srgb) << "the runtime offers GL_SRGB8_ALPHA8: the eyes should use it";
    expectAllReleased(result);
    const auto& states = result.report.at("states");
    EXPECT_EQ(states.back(), "XR_SESSION_STATE_EXITING") << states.dump();
}

TEST_F(XrProgramTest, EyeImagesAreWhatRenderViewDrew) {
    TestRenderer renderer;
    const XrRun result = run(renderer, 5);
    ASSERT_FALSE(renderer.calls.empty());
    const glm::ivec2 size = renderer.calls.front().size;
    EXPECT_EQ(size, glm::ivec2(320, 320));  // the runtime's recommended size
    for (int eye = 0; eye < 2; ++eye) {
        const Image image = readPng(result.out / ("eye-" + std::to_string(eye) + ".png"));
        ASSERT_EQ(image.width, size.x);
        ASSERT_EQ(image.height, size.y);
        // PNG rows are top-down: GL's lower left quarter square is near the bottom of the image.
        expectPixel(image, size.x * 3 / 8, size.y - 1 - size.y * 3 / 8, 0, 0, 255, "blue square");
        expectPixel(image, size.x * 3 / 4, size.y / 4, eye == 0 ? 255 : 0, eye == 0 ? 0 : 255, 0, "eye colour");
    }
    // The eyes are 64 mm apart at the scripted head (0, 1.6, 0).
    const auto& left = renderer.calls[0].pose.position;
    const auto& right = renderer.calls[1].pose.position;
    EXPECT_NEAR(right.x - left.x, 0.064f, 1e-4f);
    EXPECT_NEAR(left.y, 1.6f, 1e-4f);
}

TEST_F(XrProgramTest, QuadLayersAreSubmittedAndDrawn) {
    TestRenderer renderer;
    const XrRun result = run(renderer, 10, [](xr::Program& program) {
        if (program.status().frames == 1) program.setQuads({{{glm::quat(1, 0, 0, 0), {0, 1.5f, -2}}, {1.0f, 0.5f}, {128, 64}}});
    });
    EXPECT_GT(renderer.quads, 0);
    const Image quad = readPng(result.out / "quad-0.png");
    ASSERT_EQ(quad.width, 128);
    expectPixel(quad, 64, 32, 255, 255, 0, "quad");
    EXPECT_EQ(newValidationMessages(), 0) << validationLog();
    EXPECT_EQ(result.last.validationMessages, 0);
    expectAllReleased(result);
}

TEST_F(XrProgramTest, HeadsetRemovalPausesAndResumes) {
    script({{"timeline", {{{"frame", 20}, {"headset", "off"}}, {{"frame", 40}, {"headset", "on"}}}}});
    TestRenderer renderer;
    const XrRun result = run(renderer, 60);
    ASSERT_GE(result.statuses.size(), 60u);
    // Focused before, paused (SYNCHRONIZED: nothing shown, no input) while off, focused again after.
    EXPECT_TRUE(result.statuses[10].focused);
    EXPECT_FALSE(result.statuses[10].paused());
    EXPECT_TRUE(result.statuses[30].paused());
    EXPECT_EQ(result.statuses[30].state, xr::SessionState::Synchronized);
    EXPECT_FALSE(result.statuses[30].visible);
    EXPECT_FALSE(result.inputs[30].hands[1].active);
    EXPECT_TRUE(result.statuses[50].focused);
    EXPECT_TRUE(result.inputs[50].hands[1].active);
    // No views are drawn while the headset is off (shouldRender false), and xrEndFrame still runs.
    EXPECT_LE(result.last.renderedFrames, result.last.frames - 18);
    EXPECT_EQ(newValidationMessages(), 0) << validationLog();
    EXPECT_EQ(result.last.validationMessages, 0);
    expectAllReleased(result);
}

TEST_F(XrProgramTest, SessionLossRestartsCleanly) {
    script({{"timeline", {{{"frame", 15}, {"loss", true}}}}});
    TestRenderer renderer;
    const XrRun result = run(renderer, 40);
    EXPECT_EQ(result.last.sessionRestarts, 1);
    EXPECT_EQ(result.report.at("sessions"), 2);
    EXPECT_TRUE(result.statuses.back().focused || result.last.state == xr::SessionState::Exiting);
    EXPECT_GE(result.last.frames, 40);
    EXPECT_EQ(newValidationMessages(), 0) << validationLog();
    EXPECT_EQ(result.last.validationMessages, 0);
    const auto& states = result.report.at("states");
    EXPECT_NE(std::find(states.begin(), states.end(), "XR_SESSION_STATE_LOSS_PENDING"), states.end());
    expectAllReleased(result);
}

TEST_F(XrProgramTest, InstanceLossEndsTheProgram) {
    script({{"timeline", {{{"frame", 10}, {"instance_loss", true}}}}});
    TestRenderer renderer;
    const XrRun result = run(renderer, 1000);
    EXPECT_TRUE(result.last.exitRequested);
    EXPECT_LT(result.last.frames, 20);
    EXPECT_EQ(result.report.at("acquired"), result.report.at("released"));
}

TEST_F(XrProgramTest, ScriptedControllersReachTheInputState) {
    script({{"profile", "/interaction_profiles/oculus/touch_controller"},
            {"timeline",
             {{{"frame", 5}, {"right", {{"position", {0.3, 1.1, -0.4}}}}},
              {{"frame", 10},
               {"input", {{"/user/hand/right/input/trigger/value", 1.0}, {"/user/hand/left/input/thumbstick", {0.9, -0.5}}}}},
              {{"frame", 20}, {"input", {{"/user/hand/right/input/trigger/value", 0.0}}}},
              {{"frame", 22}, {"input", {{"/user/hand/left/input/menu/click", true}}}}}}});
    TestRenderer renderer;
    bool hapticSent = false;
    const XrRun result = run(renderer, 30, [&](xr::Program& program) {
        if (program.status().focused && !hapticSent) {
            program.haptic(1, 0.5f, 0.1f);
            hapticSent = true;
        }
    });
    ASSERT_GE(result.inputs.size(), 30u);
    const auto& before = result.inputs[5];   // frame 6
    const auto& during = result.inputs[14];  // frame 15
    const auto& after = result.inputs[25];   // frame 26
    EXPECT_EQ(before.profile[1], "/interaction_profiles/oculus/touch_controller");
    EXPECT_FALSE(before.hands[1].select);
    EXPECT_TRUE(during.hands[1].select);
    EXPECT_FALSE(after.hands[1].select);
    EXPECT_TRUE(result.inputs[9].hands[1].selectPressed);  // frame 10: the press edge, once
    EXPECT_EQ(std::count_if(result.inputs.begin(), result.inputs.end(), [](const xr::InputState& s) { return s.hands[1].selectPressed; }), 1);
    EXPECT_EQ(std::count_if(result.inputs.begin(), result.inputs.end(), [](const xr::InputState& s) { return s.hands[1].selectReleased; }), 1);
    EXPECT_NEAR(during.hands[0].thumbstick.x, 0.9f, 1e-5f);
    EXPECT_NEAR(during.hands[0].thumbstick.y, -0.5f, 1e-5f);
    EXPECT_EQ(during.hands[1].thumbstick, glm::vec2(0, 0));
    EXPECT_TRUE(after.hands[0].menu);
    EXPECT_FALSE(after.hands[1].menu);
    ASSERT_TRUE(during.hands[1].aimValid);
    ASSERT_TRUE(during.hands[1].gripValid);
    EXPECT_NEAR(during.hands[1].aim.position.x, 0.3f, 1e-5f);
    EXPECT_NEAR(during.hands[1].aim.position.y, 1.1f, 1e-5f);
    EXPECT_NEAR(during.hands[1].aim.position.z, -0.4f, 1e-5f);
    EXPECT_EQ(result.report.at("haptic_pulses"), 1);
    EXPECT_FLOAT_EQ(result.report.at("last_haptic_amplitude").get<float>(), 0.5f);
    EXPECT_EQ(newValidationMessages(), 0) << validationLog();
    EXPECT_EQ(result.last.validationMessages, 0);
    expectAllReleased(result);
}

// Every suggested profile works when the runtime holds that controller: select (and the
// thumbstick where the profile has one, the trackpad on a Vive) reach the input state.
struct ProfileCase {
    const char* profile;
    const char* select;      // the scripted input path select is bound to
    const char* thumbstick;  // "" when the profile has none
};

void PrintTo(const ProfileCase& c, std::ostream* out) { *out << c.profile; }

class XrProfiles : public XrTest, public ::testing::WithParamInterface<ProfileCase> {};

TEST_P(XrProfiles, SelectAndThumbstickReachTheApp) {
    const ProfileCase& c = GetParam();
    nlohmann::json input{{c.select, 1.0}};
    if (*c.thumbstick) input[c.thumbstick] = {0.0, 0.75};
    script({{"profile", c.profile}, {"timeline", {{{"frame", 5}, {"input", input}}}}});
    TestRenderer renderer;
    const XrRun result = run(renderer, 10);
    ASSERT_GE(result.inputs.size(), 10u);
    const auto& state = result.inputs[8];
    EXPECT_EQ(state.profile[1], c.profile);
    EXPECT_TRUE(state.hands[1].select);
    EXPECT_FALSE(state.hands[0].select);
    EXPECT_NEAR(state.hands[1].thumbstick.y, *c.thumbstick ? 0.75f : 0.0f, 1e-5f);
    EXPECT_TRUE(state.hands[1].aimValid);
    EXPECT_EQ(newValidationMessages(), 0) << validationLog();
    EXPECT_EQ(result.last.validationMessages, 0);
    expectAllReleased(result);
}

INSTANTIATE_TEST_SUITE_P(
    Controllers, XrProfiles,
    ::testing::Values(
        ProfileCase{"/interaction_profiles/khr/simple_controller", "/user/hand/right/input/select/click", ""},
        ProfileCase{"/interaction_profiles/oculus/touch_controller", "/user/hand/right/input/trigger/value",
                    "/user/hand/right/input/thumbstick"},
        ProfileCase{"/interaction_profiles/valve/index_controller", "/user/hand/right/input/trigger/click",
                    "/user/hand/right/input/thumbstick"},
        ProfileCase{"/interaction_profiles/htc/vive_controller", "/user/hand/right/input/trigger/click",
                    "/user/hand/right/input/trackpad"},
        ProfileCase{"/interaction_profiles/microsoft/motion_controller", "/user/hand/right/input/trigger/value",
                    "/user/hand/right/input/thumbstick"}),
    [](const ::testing::TestParamInfo<ProfileCase>& param) {
        std::string name = param.param.profile;
        name = name.substr(name.find_last_of('/') + 1);
        std::erase(name, '_');
        return name;
    });

TEST_F(XrProgramTest, CheckXrCmdNamesTheCallTheResultAndTheLine) {
    try {
        CHECK_XRCMD(XR_ERROR_HANDLE_INVALID);
        FAIL() << "no throw";
    } catch (const xr::Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("XR_ERROR_HANDLE_INVALID failed: XR_ERROR_HANDLE_INVALID"), std::string::npos) << what;
        EXPECT_NE(what.find("session_test.cpp:"), std::string::npos) << what;
        EXPECT_EQ(e.result(), XR_ERROR_HANDLE_INVALID);
    }
}

}  // namespace
}  // namespace exhibit::test
