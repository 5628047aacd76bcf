// What the XR module hands to its callers: poses and fields of view of the eyes, the render target
// of an eye's swapchain image, the controllers' state, the session's state, and the interface
// through which the caller draws (ViewRenderer). Plain data; nothing here calls OpenXR.
//
// Conventions: OpenXR's. Metres; right-handed, +Y up, -Z forward; poses are in the app's
// reference space (STAGE: origin on the floor at the play area's centre; LOCAL when the runtime
// has no stage: origin near the head's start position, so the floor is about 1.6 m below).
#pragma once

#include <string>

#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace exhibit::xr {

struct Pose {
    glm::quat orientation{1, 0, 0, 0};
    glm::vec3 position{0, 0, 0};
};

// Angles in radians from the view direction: left and down are negative.
struct Fov {
    float left = -0.78f, right = 0.78f, up = 0.78f, down = -0.78f;
};

// One acquired swapchain image, ready to draw into: bind `framebuffer` and draw at `size`.
// The colour image holds sRGB-encoded values when `srgb` (the renderer's usual output: leave
// GL_FRAMEBUFFER_SRGB off; turn it on only to write linear colours). A depth texture of the same
// size is attached (from the runtime's depth swapchain, or one of the module's own).
struct EyeTarget {
    unsigned framebuffer = 0;
    glm::ivec2 size{0, 0};
    unsigned colorTexture = 0;
    bool srgb = false;
};

// The usual matrices for a view: projection from an (asymmetric) field of view, and the view
// matrix (reference space -> eye) from the eye's pose.
glm::mat4 projectionMatrix(const Fov& fov, float nearZ, float farZ);
glm::mat4 viewMatrix(const Pose& eye);

// One hand's controller after the frame's xrSyncActions. Inactive (all zero) while the session is
// not focused, or when the held controller has no such input (khr/simple_controller has no
// thumbstick). Pressed/released: the edge in this frame.
struct Hand {
    bool active = false;  // a controller is bound to this hand
    bool aimValid = false, gripValid = false;
    Pose aim, grip;       // aim: the pointing ray (-Z); grip: where the hand holds it
    bool select = false, selectPressed = false, selectReleased = false;
    glm::vec2 thumbstick{0, 0};  // x right, y forward, -1..1 (a Vive trackpad is read as one)
    bool menu = false, menuPressed = false;
};

struct InputState {
    Hand hands[2];            // 0 = left, 1 = right
    std::string profile[2];   // e.g. "/interaction_profiles/oculus/touch_controller"; empty when none
};

enum class SessionState { Unknown, Idle, Ready, Synchronized, Visible, Focused, Stopping, LossPending, Exiting };
const char* toString(SessionState state);

struct Status {
    SessionState state = SessionState::Unknown;
    bool running = false;   // between xrBeginSession and xrEndSession: call frame()
    bool visible = false;   // VISIBLE or FOCUSED: frames are shown
    bool focused = false;   // FOCUSED: the visitor wears the headset and input arrives
    bool paused() const { return !focused; }  // the tour pauses: headset off, system menu, ...
    bool exitRequested = false;  // EXITING or instance loss: end the program
    long frames = 0;             // xrEndFrame calls
    long renderedFrames = 0;     // frames with views drawn
    long sessionRestarts = 0;    // sessions made again after LOSS_PENDING
    long validationMessages = 0; // XR_EXT_debug_utils messages of warning or error severity
};

// A world-space panel submitted as a quad composition layer: the caller draws `pixels` into it
// through ViewRenderer::renderQuad. `pose` is the centre in the reference space (the quad faces +Z).
struct QuadLayer {
    Pose pose;
    glm::vec2 sizeMeters{1, 0.5f};
    glm::ivec2 pixels{512, 256};
};

// What the caller draws with. renderView runs once per eye per frame the runtime wants shown (and
// only when the eyes' poses are valid); renderQuad once per quad layer per frame.
class ViewRenderer {
public:
    virtual ~ViewRenderer() = default;
    virtual void renderView(int eye, const Pose& pose, const Fov& fov, const EyeTarget& target) = 0;
    virtual void renderQuad(int /*quad*/, const EyeTarget& /*target*/) {}
};

}  // namespace exhibit::xr
