// The test OpenXR runtime's objects and the simulated headset (tests/xr_runtime). Not part of
// exhibit: a shared library the Khronos loader opens through a runtime manifest (XR_RUNTIME_JSON).
// One HMD system with two views, a stage, scripted head and controller poses, inputs and session
// state changes (script: $EXHIBIT_TEST_XR_SCRIPT), GL texture swapchains made in the caller's
// current context, and at session end a report (report.json) plus the last released image of
// every eye (eye-0.png, eye-1.png) and quad (quad-N.png) in $EXHIBIT_TEST_XR_OUT.
//
// It checks what a real runtime would refuse (call order, handles, binding paths per interaction
// profile), but it does not time frames (xrWaitFrame never sleeps: display time advances 1/90 s a
// frame) and it does not composite anything.
#pragma once

#include <openxr/openxr.h>

#include <glm/gtc/quaternion.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace xrt {

struct Pose {
    glm::quat orientation{1, 0, 0, 0};
    glm::vec3 position{0, 0, 0};
};
Pose compose(const Pose& a, const Pose& b);  // a * b: b expressed in a's frame
Pose inverse(const Pose& p);
Pose toPose(const XrPosef& p);
XrPosef toXr(const Pose& p);

struct Instance;
struct Session;
struct ActionSet;

struct Action {
    ActionSet* set = nullptr;
    std::string name;
    XrActionType type = XR_ACTION_TYPE_BOOLEAN_INPUT;
    std::vector<XrPath> subactionPaths;
    // Per subaction path (XR_NULL_PATH = all): the state at the last xrSyncActions.
    struct State {
        float x = 0, y = 0;  // boolean: x 0/1; float: x; vector2f: x, y
        bool active = false;
        bool changed = false;
        XrTime lastChange = 0;
    };
    std::map<XrPath, State> states;
};

struct ActionSet {
    Instance* instance = nullptr;
    std::string name;
    bool attached = false;
    std::vector<std::unique_ptr<Action>> actions;
};

struct Space {
    Session* session = nullptr;
    XrReferenceSpaceType reference = XR_REFERENCE_SPACE_TYPE_MAX_ENUM;  // MAX_ENUM: an action space
    Action* action = nullptr;
    XrPath subaction = XR_NULL_PATH;
    Pose offset;
};

struct Swapchain {
    Session* session = nullptr;
    std::vector<unsigned> textures;
    std::int64_t format = 0;
    int width = 0, height = 0;
    bool depth = false;
    std::deque<std::uint32_t> acquired;  // acquired, not yet released (oldest first)
    std::size_t waited = 0;              // how many of `acquired` were waited on
    std::uint32_t next = 0;
    int lastReleased = -1;
    std::string role;  // "eye-0", "eye-1", "quad-N" once submitted in a layer
};

struct Session {
    Instance* instance = nullptr;
    XrSessionState state = XR_SESSION_STATE_UNKNOWN;
    bool running = false;
    bool exitRequested = false;
    bool lost = false;
    bool frameWaited = false;
    bool frameBegun = false;
    std::vector<std::unique_ptr<Space>> spaces;
    std::vector<std::unique_ptr<Swapchain>> swapchains;
    std::vector<ActionSet*> attached;
    XrPath profile = XR_NULL_PATH;  // the current interaction profile of both hands
    int quadCount = 0;
};

struct Instance {
    std::vector<std::string> extensions;
    bool graphicsRequirementsQueried = false;
    std::vector<std::unique_ptr<ActionSet>> actionSets;
    std::unique_ptr<Session> session;
    std::deque<XrEventDataBuffer> events;
    // Suggested bindings per interaction profile: (action, binding path).
    std::map<XrPath, std::vector<std::pair<Action*, XrPath>>> bindings;
};

// The scripted headset: a timeline of keyframes by frame number (see runtime.cpp).
struct Script {
    nlohmann::json timeline = nlohmann::json::array();
    std::string profile = "/interaction_profiles/oculus/touch_controller";
    bool noHmd = false;
};

struct Report {
    long frames = 0;           // xrEndFrame calls that succeeded
    long renderedFrames = 0;   // of those, frames with a projection layer
    long acquired = 0, released = 0;
    long hapticPulses = 0;
    float lastHapticAmplitude = 0;
    long sessions = 0;
    std::vector<std::string> states;  // every session state sent, in order
    std::vector<std::string> images;  // files written
    std::vector<std::string> problems;  // what the runtime refused, with the reason
};

struct Runtime {
    std::recursive_mutex mutex;
    std::unique_ptr<Instance> instance;
    std::vector<std::string> paths;  // XrPath n = paths[n - 1]
    Script script;
    long frame = 0;  // xrWaitFrame calls since the instance was created
    Pose head{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.6f, 0)};
    Pose hands[2] = {{glm::quat(1, 0, 0, 0), glm::vec3(-0.2f, 1.2f, -0.3f)},
                     {glm::quat(1, 0, 0, 0), glm::vec3(0.2f, 1.2f, -0.3f)}};
    nlohmann::json inputs = nlohmann::json::object();  // binding path -> value (bool, number, [x, y])
    bool headsetOn = true;
    Report report;
};

Runtime& runtime();

}  // namespace xrt
