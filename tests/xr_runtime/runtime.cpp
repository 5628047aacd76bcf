// The test OpenXR runtime's entry points: every OpenXR 1.0 core function and XR_KHR_opengl_enable,
// handed to the loader by xrGetInstanceProcAddr. See runtime_state.hpp for what it simulates.
//
// Script ($EXHIBIT_TEST_XR_SCRIPT), a JSON object:
//   {"profile": "/interaction_profiles/oculus/touch_controller",   // the controllers "held"
//    "no_hmd": false,                                              // true: xrGetSystem finds no headset
//    "timeline": [                                                  // applied at the xrWaitFrame of "frame" (1 = first)
//      {"frame": 5, "head": {"position": [0, 1.6, 0], "yaw": 30, "pitch": 0}},
//      {"frame": 5, "right": {"position": [0.2, 1.2, -0.3], "yaw": 0}},
//      {"frame": 10, "input": {"/user/hand/right/input/trigger/value": 1.0,
//                              "/user/hand/left/input/thumbstick": [0.9, 0.0]}},   // kept until changed
//      {"frame": 20, "headset": "off"}, {"frame": 30, "headset": "on"},
//      {"frame": 40, "loss": true},     // LOSS_PENDING: the app must destroy the session and make a new one
//      {"frame": 50, "instance_loss": true},  // XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING: the runtime goes away
//      {"frame": 60, "exit": true}]}    // the runtime asks the session to end (STOPPING)
#define XR_USE_GRAPHICS_API_OPENGL
#define XR_USE_PLATFORM_XLIB
#include <GL/gl.h>
#include <GL/glext.h>
#include <GL/glx.h>
#include <X11/Xlib.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>
#include <openxr/openxr_reflection.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string_view>

#include "tests/xr_runtime/profiles.hpp"
#include "tests/xr_runtime/runtime_internal.hpp"

// Debian's libopenxr-dev does not ship loader_interfaces.h: the negotiation structs of the
// loader/runtime interface, version 1 (OpenXR loader design document, "Runtime Negotiation").
extern "C" {
enum XrLoaderInterfaceStructs {
    XR_LOADER_INTERFACE_STRUCT_UNINTIALIZED = 0,
    XR_LOADER_INTERFACE_STRUCT_LOADER_INFO,
    XR_LOADER_INTERFACE_STRUCT_API_LAYER_REQUEST,
    XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST,
};
struct XrNegotiateLoaderInfo {
    XrLoaderInterfaceStructs structType;
    uint32_t structVersion;
    size_t structSize;
    uint32_t minInterfaceVersion;
    uint32_t maxInterfaceVersion;
    XrVersion minApiVersion;
    XrVersion maxApiVersion;
};
struct XrNegotiateRuntimeRequest {
    XrLoaderInterfaceStructs structType;
    uint32_t structVersion;
    size_t structSize;
    uint32_t runtimeInterfaceVersion;
    XrVersion runtimeApiVersion;
    PFN_xrGetInstanceProcAddr getInstanceProcAddr;
};
}

namespace xrt {
namespace {

constexpr XrSystemId kSystem = 1;
constexpr XrTime kFirstTime = 1'000'000'000;
constexpr XrDuration kPeriod = 11'111'111;  // 90 Hz
constexpr int kEyeSize = 320;
constexpr int kMaxSize = 2048;
constexpr uint32_t kMaxLayers = 16;
constexpr float kHalfIpd = 0.032f;
const std::int64_t kFormats[] = {GL_SRGB8_ALPHA8, GL_RGBA8, GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT32F};

using Lock = std::lock_guard<std::recursive_mutex>;

template <typename H, typename T>
H handle(T* p) { return reinterpret_cast<H>(p); }

XrTime now(const Runtime& rt) { return kFirstTime + rt.frame * kPeriod; }

Instance* findInstance(XrInstance h) {
    Runtime& rt = runtime();
    return rt.instance && h == handle<XrInstance>(rt.instance.get()) ? rt.instance.get() : nullptr;
}
Session* findSession(XrSession h) {
    Runtime& rt = runtime();
    return rt.instance && rt.instance->session && h == handle<XrSession>(rt.instance->session.get())
               ? rt.instance->session.get()
               : nullptr;
}
Space* findSpace(XrSpace h) {
    Runtime& rt = runtime();
    if (!rt.instance || !rt.instance->session) return nullptr;
    for (auto& s : rt.instance->session->spaces)
        if (h == handle<XrSpace>(s.get())) return s.get();
    return nullptr;
}
Swapchain* findSwapchain(XrSwapchain h) {
    Runtime& rt = runtime();
    if (!rt.instance || !rt.instance->session) return nullptr;
    for (auto& s : rt.instance->session->swapchains)
        if (h == handle<XrSwapchain>(s.get())) return s.get();
    return nullptr;
}
ActionSet* findActionSet(XrActionSet h) {
    Runtime& rt = runtime();
    if (!rt.instance) return nullptr;
    for (auto& s : rt.instance->actionSets)
        if (h == handle<XrActionSet>(s.get())) return s.get();
    return nullptr;
}
Action* findAction(XrAction h) {
    Runtime& rt = runtime();
    if (!rt.instance) return nullptr;
    for (auto& set : rt.instance->actionSets)
        for (auto& a : set->actions)
            if (h == handle<XrAction>(a.get())) return a.get();
    return nullptr;
}

const std::string* pathString(XrPath path) {
    const auto& paths = runtime().paths;
    if (path == XR_NULL_PATH || path > paths.size()) return nullptr;
    return &paths[path - 1];
}
XrPath internPath(std::string_view text) {
    auto& paths = runtime().paths;
    for (std::size_t i = 0; i < paths.size(); ++i)
        if (paths[i] == text) return i + 1;
    paths.emplace_back(text);
    return paths.size();
}

// The two-call idiom: the count always; the items when there is room.
template <typename T, typename Fill>
XrResult twoCall(uint32_t capacity, uint32_t* count, T* out, const std::vector<T>& items, Fill fill) {
    if (!count) return XR_ERROR_VALIDATION_FAILURE;
    *count = static_cast<uint32_t>(items.size());
    if (capacity == 0) return XR_SUCCESS;
    if (capacity < items.size()) return XR_ERROR_SIZE_INSUFFICIENT;
    for (std::size_t i = 0; i < items.size(); ++i) fill(out[i], items[i]);
    return XR_SUCCESS;
}
XrResult twoCallString(uint32_t capacity, uint32_t* count, char* out, const std::string& text) {
    if (!count) return XR_ERROR_VALIDATION_FAILURE;
    *count = static_cast<uint32_t>(text.size() + 1);
    if (capacity == 0) return XR_SUCCESS;
    if (capacity < text.size() + 1) return XR_ERROR_SIZE_INSUFFICIENT;
    std::memcpy(out, text.c_str(), text.size() + 1);
    return XR_SUCCESS;
}

const char* stateName(XrSessionState s) {
    switch (s) {
#define XRT_STATE_NAME(name, value) \
    case name: return #name;
        XR_LIST_ENUM_XrSessionState(XRT_STATE_NAME)
#undef XRT_STATE_NAME
        default: return "XR_SESSION_STATE_?";
    }
}

void pushEvent(Instance& inst, const void* event, std::size_t size) {
    XrEventDataBuffer buffer{};
    std::memcpy(&buffer, event, size);
    inst.events.push_back(buffer);
}

bool focused(const Session& s) { return s.state == XR_SESSION_STATE_FOCUSED; }

// The world pose of a space (the stage is the world), or nothing when it is not tracked now.
std::optional<Pose> worldPose(const Runtime& rt, const Space& space) {
    if (space.action) {
        const Session& s = *space.session;
        if (s.profile == XR_NULL_PATH) return std::nullopt;
        const auto& bound = s.instance->bindings[s.profile];
        for (const auto& [action, path] : bound) {
            if (action != space.action) continue;
            const std::string& p = *pathString(path);
            const std::string* sub = pathString(space.subaction);
            if (sub && !p.starts_with(*sub + "/")) continue;
            const int hand = p.starts_with("/user/hand/left/") ? 0 : 1;
            return compose(rt.hands[hand], space.offset);
        }
        return std::nullopt;
    }
    Pose base;
    if (space.reference == XR_REFERENCE_SPACE_TYPE_VIEW) base = rt.head;
    if (space.reference == XR_REFERENCE_SPACE_TYPE_LOCAL) base.position = {0, 1.6f, 0};
    return compose(base, space.offset);
}

bool poseValid(const XrPosef& p) {
    const auto& q = p.orientation;
    const float len = std::sqrt(q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w);
    return std::abs(len - 1.0f) < 0.01f;
}

}  // namespace

// --- session states ---------------------------------------------------------------------------

void setState(Session& s, XrSessionState state) {
    Runtime& rt = runtime();
    s.state = state;
    XrEventDataSessionStateChanged e{XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED};
    e.session = handle<XrSession>(&s);
    e.state = state;
    e.time = now(rt);
    pushEvent(*s.instance, &e, sizeof e);
    rt.report.states.emplace_back(stateName(state));
}

void headset(Session& s, bool on) {
    runtime().headsetOn = on;
    if (!on && s.state == XR_SESSION_STATE_FOCUSED) {
        setState(s, XR_SESSION_STATE_VISIBLE);
        setState(s, XR_SESSION_STATE_SYNCHRONIZED);
    } else if (on && s.state == XR_SESSION_STATE_SYNCHRONIZED) {
        setState(s, XR_SESSION_STATE_VISIBLE);
        setState(s, XR_SESSION_STATE_FOCUSED);
    }
}

void requestExit(Session& s) {
    if (!s.running || s.exitRequested || s.lost) return;
    s.exitRequested = true;
    if (s.state == XR_SESSION_STATE_FOCUSED) setState(s, XR_SESSION_STATE_VISIBLE);
    if (s.state == XR_SESSION_STATE_VISIBLE) setState(s, XR_SESSION_STATE_SYNCHRONIZED);
    setState(s, XR_SESSION_STATE_STOPPING);
}

// --- instance -----------------------------------------------------------------------------------

namespace {

XRAPI_ATTR XrResult XRAPI_CALL getInstanceProcAddr(XrInstance instance, const char* name, PFN_xrVoidFunction* function);

XRAPI_ATTR XrResult XRAPI_CALL enumerateApiLayerProperties(uint32_t capacity, uint32_t* count, XrApiLayerProperties* out) {
    return twoCall<XrApiLayerProperties>(capacity, count, out, {}, [](auto&, auto&) {});
}

XRAPI_ATTR XrResult XRAPI_CALL enumerateInstanceExtensionProperties(const char* layerName, uint32_t capacity,
                                                                    uint32_t* count, XrExtensionProperties* out) {
    if (layerName && *layerName) return XR_ERROR_API_LAYER_NOT_PRESENT;
    XrExtensionProperties gl{XR_TYPE_EXTENSION_PROPERTIES};
    std::strcpy(gl.extensionName, XR_KHR_OPENGL_ENABLE_EXTENSION_NAME);
    gl.extensionVersion = XR_KHR_opengl_enable_SPEC_VERSION;
    return twoCall<XrExtensionProperties>(capacity, count, out, {gl}, [](XrExtensionProperties& o, const XrExtensionProperties& i) {
        std::memcpy(o.extensionName, i.extensionName, sizeof o.extensionName);
        o.extensionVersion = i.extensionVersion;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL createInstance(const XrInstanceCreateInfo* info, XrInstance* out) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    if (!info || !out) return XR_ERROR_VALIDATION_FAILURE;
    const XrVersion v = info->applicationInfo.apiVersion;
    if (XR_VERSION_MAJOR(v) != 1 || XR_VERSION_MINOR(v) != 0) return XR_ERROR_API_VERSION_UNSUPPORTED;
    if (rt.instance) return XR_ERROR_LIMIT_REACHED;
    auto inst = std::make_unique<Instance>();
    for (uint32_t i = 0; i < info->enabledExtensionCount; ++i) {
        const std::string_view name = info->enabledExtensionNames[i];
        if (name != XR_KHR_OPENGL_ENABLE_EXTENSION_NAME) {
            problem("xrCreateInstance: extension " + std::string(name) + " is not offered");
            return XR_ERROR_EXTENSION_NOT_PRESENT;
        }
        inst->extensions.emplace_back(name);
    }
    if (info->enabledApiLayerCount > 0) return XR_ERROR_API_LAYER_NOT_PRESENT;
    Script script;
    if (!loadScript(script)) return XR_ERROR_RUNTIME_FAILURE;
    // A fresh headset for every instance.
    rt.paths.clear();
    rt.frame = 0;
    rt.head = Pose{glm::quat(1, 0, 0, 0), glm::vec3(0, 1.6f, 0)};
    rt.hands[0] = Pose{glm::quat(1, 0, 0, 0), glm::vec3(-0.2f, 1.2f, -0.3f)};
    rt.hands[1] = Pose{glm::quat(1, 0, 0, 0), glm::vec3(0.2f, 1.2f, -0.3f)};
    rt.inputs = nlohmann::json::object();
    rt.headsetOn = true;
    rt.report = Report{};
    rt.script = script;
    rt.instance = std::move(inst);
    *out = handle<XrInstance>(rt.instance.get());
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL destroySessionLocked(Session& s);

XRAPI_ATTR XrResult XRAPI_CALL destroyInstance(XrInstance instance) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Instance* inst = findInstance(instance);
    if (!inst) return XR_ERROR_HANDLE_INVALID;
    if (inst->session) destroySessionLocked(*inst->session);
    writeReport(rt);
    rt.instance.reset();
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getInstanceProperties(XrInstance instance, XrInstanceProperties* props) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    props->runtimeVersion = XR_MAKE_VERSION(0, 1, 0);
    std::strcpy(props->runtimeName, "exhibit test runtime");
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL pollEvent(XrInstance instance, XrEventDataBuffer* event) {
    Lock lock(runtime().mutex);
    Instance* inst = findInstance(instance);
    if (!inst) return XR_ERROR_HANDLE_INVALID;
    if (inst->events.empty()) return XR_EVENT_UNAVAILABLE;
    *event = inst->events.front();
    inst->events.pop_front();
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL resultToString(XrInstance instance, XrResult value, char buffer[XR_MAX_RESULT_STRING_SIZE]) {
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    const char* name = nullptr;
    switch (value) {
#define XRT_RESULT_NAME(n, v) \
    case n: name = #n; break;
        XR_LIST_ENUM_XrResult(XRT_RESULT_NAME)
#undef XRT_RESULT_NAME
        default: break;
    }
    if (name)
        std::snprintf(buffer, XR_MAX_RESULT_STRING_SIZE, "%s", name);
    else
        std::snprintf(buffer, XR_MAX_RESULT_STRING_SIZE, "%s_%d", value < 0 ? "XR_UNKNOWN_FAILURE" : "XR_UNKNOWN_SUCCESS",
                      static_cast<int>(value));
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL structureTypeToString(XrInstance instance, XrStructureType value,
                                                     char buffer[XR_MAX_STRUCTURE_NAME_SIZE]) {
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    const char* name = nullptr;
    switch (value) {
#define XRT_TYPE_NAME(n, v) \
    case n: name = #n; break;
        XR_LIST_ENUM_XrStructureType(XRT_TYPE_NAME)
#undef XRT_TYPE_NAME
        default: break;
    }
    std::snprintf(buffer, XR_MAX_STRUCTURE_NAME_SIZE, "%s", name ? name : "XR_UNKNOWN_STRUCTURE_TYPE");
    return XR_SUCCESS;
}

// --- system ------------------------------------------------------------------------------------------

XRAPI_ATTR XrResult XRAPI_CALL getSystem(XrInstance instance, const XrSystemGetInfo* info, XrSystemId* id) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    if (info->formFactor != XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY) return XR_ERROR_FORM_FACTOR_UNSUPPORTED;
    if (rt.script.noHmd) return XR_ERROR_FORM_FACTOR_UNAVAILABLE;
    *id = kSystem;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getSystemProperties(XrInstance instance, XrSystemId system, XrSystemProperties* props) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    if (system != kSystem) return XR_ERROR_SYSTEM_INVALID;
    props->systemId = kSystem;
    props->vendorId = 0;
    std::strcpy(props->systemName, "exhibit test headset");
    props->graphicsProperties = {kMaxSize, kMaxSize, kMaxLayers};
    props->trackingProperties = {XR_TRUE, XR_TRUE};
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL enumerateEnvironmentBlendModes(XrInstance instance, XrSystemId system,
                                                              XrViewConfigurationType type, uint32_t capacity,
                                                              uint32_t* count, XrEnvironmentBlendMode* out) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    if (system != kSystem) return XR_ERROR_SYSTEM_INVALID;
    if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
    return twoCall<XrEnvironmentBlendMode>(capacity, count, out, {XR_ENVIRONMENT_BLEND_MODE_OPAQUE},
                                           [](auto& o, const auto& i) { o = i; });
}

XRAPI_ATTR XrResult XRAPI_CALL enumerateViewConfigurations(XrInstance instance, XrSystemId system, uint32_t capacity,
                                                           uint32_t* count, XrViewConfigurationType* out) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    if (system != kSystem) return XR_ERROR_SYSTEM_INVALID;
    return twoCall<XrViewConfigurationType>(capacity, count, out, {XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO},
                                            [](auto& o, const auto& i) { o = i; });
}

XRAPI_ATTR XrResult XRAPI_CALL getViewConfigurationProperties(XrInstance instance, XrSystemId system,
                                                              XrViewConfigurationType type,
                                                              XrViewConfigurationProperties* props) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    if (system != kSystem) return XR_ERROR_SYSTEM_INVALID;
    if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
    props->viewConfigurationType = type;
    props->fovMutable = XR_FALSE;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL enumerateViewConfigurationViews(XrInstance instance, XrSystemId system,
                                                               XrViewConfigurationType type, uint32_t capacity,
                                                               uint32_t* count, XrViewConfigurationView* out) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    if (system != kSystem) return XR_ERROR_SYSTEM_INVALID;
    if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
    XrViewConfigurationView view{XR_TYPE_VIEW_CONFIGURATION_VIEW, nullptr, kEyeSize, kMaxSize, kEyeSize, kMaxSize, 1, 4};
    return twoCall<XrViewConfigurationView>(capacity, count, out, {view, view}, [](XrViewConfigurationView& o, const XrViewConfigurationView& i) {
        o.recommendedImageRectWidth = i.recommendedImageRectWidth;
        o.maxImageRectWidth = i.maxImageRectWidth;
        o.recommendedImageRectHeight = i.recommendedImageRectHeight;
        o.maxImageRectHeight = i.maxImageRectHeight;
        o.recommendedSwapchainSampleCount = i.recommendedSwapchainSampleCount;
        o.maxSwapchainSampleCount = i.maxSwapchainSampleCount;
    });
}

XRAPI_ATTR XrResult XRAPI_CALL getOpenGLGraphicsRequirements(XrInstance instance, XrSystemId system,
                                                             XrGraphicsRequirementsOpenGLKHR* req) {
    Lock lock(runtime().mutex);
    Instance* inst = findInstance(instance);
    if (!inst) return XR_ERROR_HANDLE_INVALID;
    if (system != kSystem) return XR_ERROR_SYSTEM_INVALID;
    req->minApiVersionSupported = XR_MAKE_VERSION(3, 3, 0);
    req->maxApiVersionSupported = XR_MAKE_VERSION(4, 6, 0);
    inst->graphicsRequirementsQueried = true;
    return XR_SUCCESS;
}

// --- session -------------------------------------------------------------------------------------

XRAPI_ATTR XrResult XRAPI_CALL createSession(XrInstance instance, const XrSessionCreateInfo* info, XrSession* out) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Instance* inst = findInstance(instance);
    if (!inst) return XR_ERROR_HANDLE_INVALID;
    if (info->systemId != kSystem) return XR_ERROR_SYSTEM_INVALID;
    if (!inst->graphicsRequirementsQueried) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
    bool binding = false;
    for (auto* next = static_cast<const XrBaseInStructure*>(info->next); next; next = next->next)
        binding = binding || next->type == XR_TYPE_GRAPHICS_BINDING_OPENGL_XLIB_KHR;
    if (!binding) {
        problem("xrCreateSession: no XrGraphicsBindingOpenGLXlibKHR in the next chain");
        return XR_ERROR_GRAPHICS_DEVICE_INVALID;
    }
    if (!glGetString(GL_VERSION)) {
        problem("xrCreateSession: no GL context is current");
        return XR_ERROR_GRAPHICS_DEVICE_INVALID;
    }
    if (inst->session) return XR_ERROR_LIMIT_REACHED;
    inst->session = std::make_unique<Session>();
    Session& s = *inst->session;
    s.instance = inst;
    ++rt.report.sessions;
    setState(s, XR_SESSION_STATE_IDLE);
    setState(s, XR_SESSION_STATE_READY);
    *out = handle<XrSession>(&s);
    return XR_SUCCESS;
}

XrResult destroySwapchainLocked(Swapchain& sc) {
    readBack(sc);
    if (!sc.acquired.empty())
        problem("swapchain " + (sc.role.empty() ? std::string("(unused)") : sc.role) + " destroyed with " +
                std::to_string(sc.acquired.size()) + " image(s) acquired and not released");
    if (glGetString(GL_VERSION)) glDeleteTextures(static_cast<GLsizei>(sc.textures.size()), sc.textures.data());
    auto& list = sc.session->swapchains;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const auto& p) { return p.get() == &sc; }), list.end());
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL destroySessionLocked(Session& s) {
    Runtime& rt = runtime();
    while (!s.swapchains.empty()) destroySwapchainLocked(*s.swapchains.back());
    for (ActionSet* set : s.attached) set->attached = false;
    Instance& inst = *s.instance;
    // Events of the session go with it.
    const XrSession h = handle<XrSession>(&s);
    std::erase_if(inst.events, [&](const XrEventDataBuffer& e) {
        return e.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED &&
               reinterpret_cast<const XrEventDataSessionStateChanged*>(&e)->session == h;
    });
    inst.session.reset();
    writeReport(rt);
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL destroySession(XrSession session) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    return destroySessionLocked(*s);
}

XRAPI_ATTR XrResult XRAPI_CALL beginSession(XrSession session, const XrSessionBeginInfo* info) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (s->lost) return XR_ERROR_SESSION_LOST;
    if (info->primaryViewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
        return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
    if (s->running) return XR_ERROR_SESSION_RUNNING;
    if (s->state != XR_SESSION_STATE_READY) return XR_ERROR_SESSION_NOT_READY;
    s->running = true;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL endSession(XrSession session) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (s->lost) return XR_ERROR_SESSION_LOST;
    if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
    if (s->state != XR_SESSION_STATE_STOPPING) return XR_ERROR_SESSION_NOT_STOPPING;
    s->running = false;
    s->frameBegun = s->frameWaited = false;
    setState(*s, XR_SESSION_STATE_IDLE);
    if (s->exitRequested) setState(*s, XR_SESSION_STATE_EXITING);
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL requestExitSession(XrSession session) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (s->lost) return XR_ERROR_SESSION_LOST;
    if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
    requestExit(*s);
    return XR_SUCCESS;
}

// --- spaces ----------------------------------------------------------------------------------------

XRAPI_ATTR XrResult XRAPI_CALL enumerateReferenceSpaces(XrSession session, uint32_t capacity, uint32_t* count,
                                                        XrReferenceSpaceType* out) {
    Lock lock(runtime().mutex);
    if (!findSession(session)) return XR_ERROR_HANDLE_INVALID;
    return twoCall<XrReferenceSpaceType>(
        capacity, count, out,
        {XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL, XR_REFERENCE_SPACE_TYPE_STAGE},
        [](auto& o, const auto& i) { o = i; });
}

XRAPI_ATTR XrResult XRAPI_CALL createReferenceSpace(XrSession session, const XrReferenceSpaceCreateInfo* info,
                                                    XrSpace* out) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (info->referenceSpaceType != XR_REFERENCE_SPACE_TYPE_VIEW && info->referenceSpaceType != XR_REFERENCE_SPACE_TYPE_LOCAL &&
        info->referenceSpaceType != XR_REFERENCE_SPACE_TYPE_STAGE)
        return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
    if (!poseValid(info->poseInReferenceSpace)) return XR_ERROR_POSE_INVALID;
    auto space = std::make_unique<Space>();
    space->session = s;
    space->reference = info->referenceSpaceType;
    space->offset = toPose(info->poseInReferenceSpace);
    *out = handle<XrSpace>(space.get());
    s->spaces.push_back(std::move(space));
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getReferenceSpaceBoundsRect(XrSession session, XrReferenceSpaceType type, XrExtent2Df* bounds) {
    Lock lock(runtime().mutex);
    if (!findSession(session)) return XR_ERROR_HANDLE_INVALID;
    if (type == XR_REFERENCE_SPACE_TYPE_STAGE) {
        *bounds = {4.0f, 3.0f};
        return XR_SUCCESS;
    }
    if (type != XR_REFERENCE_SPACE_TYPE_VIEW && type != XR_REFERENCE_SPACE_TYPE_LOCAL)
        return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
    *bounds = {0, 0};
    return XR_SPACE_BOUNDS_UNAVAILABLE;
}

XRAPI_ATTR XrResult XRAPI_CALL createActionSpace(XrSession session, const XrActionSpaceCreateInfo* info, XrSpace* out) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    Action* action = findAction(info->action);
    if (!action) return XR_ERROR_HANDLE_INVALID;
    if (action->type != XR_ACTION_TYPE_POSE_INPUT) return XR_ERROR_ACTION_TYPE_MISMATCH;
    if (info->subactionPath != XR_NULL_PATH &&
        std::find(action->subactionPaths.begin(), action->subactionPaths.end(), info->subactionPath) ==
            action->subactionPaths.end())
        return XR_ERROR_PATH_UNSUPPORTED;
    if (!poseValid(info->poseInActionSpace)) return XR_ERROR_POSE_INVALID;
    auto space = std::make_unique<Space>();
    space->session = s;
    space->action = action;
    space->subaction = info->subactionPath;
    space->offset = toPose(info->poseInActionSpace);
    *out = handle<XrSpace>(space.get());
    s->spaces.push_back(std::move(space));
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL locateSpace(XrSpace space, XrSpace baseSpace, XrTime time, XrSpaceLocation* location) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Space* a = findSpace(space);
    Space* b = findSpace(baseSpace);
    if (!a || !b) return XR_ERROR_HANDLE_INVALID;
    if (time <= 0) return XR_ERROR_TIME_INVALID;
    const auto pa = worldPose(rt, *a);
    const auto pb = worldPose(rt, *b);
    if (!pa || !pb) {
        location->locationFlags = 0;
        location->pose = {{0, 0, 0, 1}, {0, 0, 0}};
        return XR_SUCCESS;
    }
    location->locationFlags = XR_SPACE_LOCATION_ORIENTATION_VALID_BIT | XR_SPACE_LOCATION_POSITION_VALID_BIT |
                              XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT | XR_SPACE_LOCATION_POSITION_TRACKED_BIT;
    location->pose = toXr(compose(inverse(*pb), *pa));
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL destroySpace(XrSpace space) {
    Lock lock(runtime().mutex);
    Space* s = findSpace(space);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    std::erase_if(s->session->spaces, [&](const auto& p) { return p.get() == s; });
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL locateViews(XrSession session, const XrViewLocateInfo* info, XrViewState* state,
                                           uint32_t capacity, uint32_t* count, XrView* views) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (info->viewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
        return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
    Space* base = findSpace(info->space);
    if (!base) return XR_ERROR_HANDLE_INVALID;
    if (info->displayTime <= 0) return XR_ERROR_TIME_INVALID;
    const auto world = worldPose(rt, *base);
    if (!count) return XR_ERROR_VALIDATION_FAILURE;
    *count = 2;
    if (capacity == 0) return XR_SUCCESS;
    if (capacity < 2) return XR_ERROR_SIZE_INSUFFICIENT;
    state->viewStateFlags = world ? XR_VIEW_STATE_ORIENTATION_VALID_BIT | XR_VIEW_STATE_POSITION_VALID_BIT |
                                        XR_VIEW_STATE_ORIENTATION_TRACKED_BIT | XR_VIEW_STATE_POSITION_TRACKED_BIT
                                  : 0;
    for (int eye = 0; eye < 2; ++eye) {
        const Pose offset{glm::quat(1, 0, 0, 0), {eye == 0 ? -kHalfIpd : kHalfIpd, 0, 0}};
        views[eye].pose = toXr(world ? compose(inverse(*world), compose(rt.head, offset)) : Pose{});
        views[eye].fov = {-0.8f, 0.8f, 0.75f, -0.75f};
    }
    return s->lost ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
}

// --- swapchains -----------------------------------------------------------------------------------

XRAPI_ATTR XrResult XRAPI_CALL enumerateSwapchainFormats(XrSession session, uint32_t capacity, uint32_t* count,
                                                         int64_t* out) {
    Lock lock(runtime().mutex);
    if (!findSession(session)) return XR_ERROR_HANDLE_INVALID;
    return twoCall<int64_t>(capacity, count, out, std::vector<int64_t>(std::begin(kFormats), std::end(kFormats)),
                            [](auto& o, const auto& i) { o = i; });
}

XRAPI_ATTR XrResult XRAPI_CALL createSwapchain(XrSession session, const XrSwapchainCreateInfo* info, XrSwapchain* out) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (s->lost) return XR_ERROR_SESSION_LOST;
    if (std::find(std::begin(kFormats), std::end(kFormats), info->format) == std::end(kFormats))
        return XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED;
    if (info->width == 0 || info->height == 0 || info->width > kMaxSize || info->height > kMaxSize ||
        info->faceCount != 1 || info->arraySize != 1 || info->mipCount != 1 || info->sampleCount != 1)
        return XR_ERROR_FEATURE_UNSUPPORTED;
    if (!glGetString(GL_VERSION)) {
        problem("xrCreateSwapchain: no GL context is current");
        return XR_ERROR_GRAPHICS_DEVICE_INVALID;
    }
    auto sc = std::make_unique<Swapchain>();
    sc->session = s;
    sc->format = info->format;
    sc->width = static_cast<int>(info->width);
    sc->height = static_cast<int>(info->height);
    sc->depth = info->format == GL_DEPTH_COMPONENT24 || info->format == GL_DEPTH_COMPONENT32F;
    sc->textures.resize(3);
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glGenTextures(3, sc->textures.data());
    for (GLuint t : sc->textures) {
        glBindTexture(GL_TEXTURE_2D, t);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(info->format), sc->width, sc->height, 0,
                     sc->depth ? GL_DEPTH_COMPONENT : GL_RGBA, sc->depth ? GL_FLOAT : GL_UNSIGNED_BYTE, nullptr);
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    *out = handle<XrSwapchain>(sc.get());
    s->swapchains.push_back(std::move(sc));
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL destroySwapchain(XrSwapchain swapchain) {
    Lock lock(runtime().mutex);
    Swapchain* sc = findSwapchain(swapchain);
    if (!sc) return XR_ERROR_HANDLE_INVALID;
    return destroySwapchainLocked(*sc);
}

XRAPI_ATTR XrResult XRAPI_CALL enumerateSwapchainImages(XrSwapchain swapchain, uint32_t capacity, uint32_t* count,
                                                        XrSwapchainImageBaseHeader* images) {
    Lock lock(runtime().mutex);
    Swapchain* sc = findSwapchain(swapchain);
    if (!sc) return XR_ERROR_HANDLE_INVALID;
    if (!count) return XR_ERROR_VALIDATION_FAILURE;
    *count = static_cast<uint32_t>(sc->textures.size());
    if (capacity == 0) return XR_SUCCESS;
    if (capacity < sc->textures.size()) return XR_ERROR_SIZE_INSUFFICIENT;
    if (images[0].type != XR_TYPE_SWAPCHAIN_IMAGE_OPENGL_KHR) return XR_ERROR_VALIDATION_FAILURE;
    auto* gl = reinterpret_cast<XrSwapchainImageOpenGLKHR*>(images);
    for (std::size_t i = 0; i < sc->textures.size(); ++i) gl[i].image = sc->textures[i];
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL acquireSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageAcquireInfo*, uint32_t* index) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Swapchain* sc = findSwapchain(swapchain);
    if (!sc) return XR_ERROR_HANDLE_INVALID;
    if (sc->acquired.size() == sc->textures.size()) return XR_ERROR_CALL_ORDER_INVALID;
    *index = sc->next;
    sc->acquired.push_back(sc->next);
    sc->next = (sc->next + 1) % static_cast<uint32_t>(sc->textures.size());
    ++rt.report.acquired;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL waitSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageWaitInfo* info) {
    Lock lock(runtime().mutex);
    Swapchain* sc = findSwapchain(swapchain);
    if (!sc) return XR_ERROR_HANDLE_INVALID;
    if (info->timeout <= 0) return XR_TIMEOUT_EXPIRED;
    if (sc->waited >= sc->acquired.size()) return XR_ERROR_CALL_ORDER_INVALID;
    ++sc->waited;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL releaseSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageReleaseInfo*) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Swapchain* sc = findSwapchain(swapchain);
    if (!sc) return XR_ERROR_HANDLE_INVALID;
    if (sc->waited == 0) return XR_ERROR_CALL_ORDER_INVALID;
    sc->lastReleased = static_cast<int>(sc->acquired.front());
    sc->acquired.pop_front();
    --sc->waited;
    ++rt.report.released;
    return XR_SUCCESS;
}

// --- frames -----------------------------------------------------------------------------------------

XRAPI_ATTR XrResult XRAPI_CALL waitFrame(XrSession session, const XrFrameWaitInfo*, XrFrameState* state) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
    ++rt.frame;
    applyScript(rt, s);
    state->predictedDisplayTime = now(rt);
    state->predictedDisplayPeriod = kPeriod;
    state->shouldRender = s->state == XR_SESSION_STATE_VISIBLE || s->state == XR_SESSION_STATE_FOCUSED ? XR_TRUE : XR_FALSE;
    s->frameWaited = true;
    return s->lost ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL beginFrame(XrSession session, const XrFrameBeginInfo*) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
    if (!s->frameWaited) return XR_ERROR_CALL_ORDER_INVALID;
    s->frameWaited = false;
    if (s->frameBegun) return XR_FRAME_DISCARDED;
    s->frameBegun = true;
    return s->lost ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
}

XrResult checkSubImage(Session& s, const XrSwapchainSubImage& sub, const std::string& role) {
    Swapchain* sc = findSwapchain(sub.swapchain);
    if (!sc || sc->session != &s) return XR_ERROR_HANDLE_INVALID;
    if (sc->lastReleased < 0) {
        problem("xrEndFrame: " + role + "'s swapchain has no released image");
        return XR_ERROR_LAYER_INVALID;
    }
    const auto& r = sub.imageRect;
    if (r.offset.x < 0 || r.offset.y < 0 || r.extent.width <= 0 || r.extent.height <= 0 ||
        r.offset.x + r.extent.width > sc->width || r.offset.y + r.extent.height > sc->height) {
        problem("xrEndFrame: " + role + "'s image rectangle is outside its swapchain");
        return XR_ERROR_SWAPCHAIN_RECT_INVALID;
    }
    if (sub.imageArrayIndex != 0) return XR_ERROR_VALIDATION_FAILURE;
    sc->role = role;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL endFrame(XrSession session, const XrFrameEndInfo* info) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (!s->running) return XR_ERROR_SESSION_NOT_RUNNING;
    if (!s->frameBegun) return XR_ERROR_CALL_ORDER_INVALID;
    if (info->displayTime <= 0) return XR_ERROR_TIME_INVALID;
    if (info->environmentBlendMode != XR_ENVIRONMENT_BLEND_MODE_OPAQUE) return XR_ERROR_ENVIRONMENT_BLEND_MODE_UNSUPPORTED;
    if (info->layerCount > kMaxLayers) return XR_ERROR_LAYER_LIMIT_EXCEEDED;
    bool projection = false;
    int quad = 0;
    for (uint32_t i = 0; i < info->layerCount; ++i) {
        const XrCompositionLayerBaseHeader* layer = info->layers[i];
        if (!layer) return XR_ERROR_LAYER_INVALID;
        if (!findSpace(layer->space)) return XR_ERROR_HANDLE_INVALID;
        if (layer->type == XR_TYPE_COMPOSITION_LAYER_PROJECTION) {
            const auto* p = reinterpret_cast<const XrCompositionLayerProjection*>(layer);
            if (p->viewCount != 2) return XR_ERROR_VALIDATION_FAILURE;
            for (uint32_t v = 0; v < 2; ++v)
                if (XrResult r = checkSubImage(*s, p->views[v].subImage, "eye-" + std::to_string(v)); r != XR_SUCCESS)
                    return r;
            projection = true;
        } else if (layer->type == XR_TYPE_COMPOSITION_LAYER_QUAD) {
            const auto* q = reinterpret_cast<const XrCompositionLayerQuad*>(layer);
            if (XrResult r = checkSubImage(*s, q->subImage, "quad-" + std::to_string(quad++)); r != XR_SUCCESS) return r;
        } else {
            return XR_ERROR_LAYER_INVALID;
        }
    }
    s->frameBegun = false;
    ++rt.report.frames;
    if (projection) ++rt.report.renderedFrames;
    if (s->state == XR_SESSION_STATE_READY && !s->lost) {
        setState(*s, XR_SESSION_STATE_SYNCHRONIZED);
        if (rt.headsetOn) {
            setState(*s, XR_SESSION_STATE_VISIBLE);
            setState(*s, XR_SESSION_STATE_FOCUSED);
        }
    }
    return s->lost ? XR_SESSION_LOSS_PENDING : XR_SUCCESS;
}

// --- paths ------------------------------------------------------------------------------------------

XRAPI_ATTR XrResult XRAPI_CALL stringToPath(XrInstance instance, const char* text, XrPath* path) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    const std::string_view s = text;
    bool ok = s.size() > 1 && s.front() == '/' && s.back() != '/' && s.find("//") == std::string_view::npos &&
              s.size() < XR_MAX_PATH_LENGTH;
    for (char c : s) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/');
    if (!ok) return XR_ERROR_PATH_FORMAT_INVALID;
    *path = internPath(s);
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL pathToString(XrInstance instance, XrPath path, uint32_t capacity, uint32_t* count, char* out) {
    Lock lock(runtime().mutex);
    if (!findInstance(instance)) return XR_ERROR_HANDLE_INVALID;
    const std::string* s = pathString(path);
    if (!s) return XR_ERROR_PATH_INVALID;
    return twoCallString(capacity, count, out, *s);
}

// --- actions ---------------------------------------------------------------------------------------

bool nameValid(const char* name) {
    const std::string_view s = name;
    if (s.empty()) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

XRAPI_ATTR XrResult XRAPI_CALL createActionSet(XrInstance instance, const XrActionSetCreateInfo* info, XrActionSet* out) {
    Lock lock(runtime().mutex);
    Instance* inst = findInstance(instance);
    if (!inst) return XR_ERROR_HANDLE_INVALID;
    if (!nameValid(info->actionSetName)) return XR_ERROR_PATH_FORMAT_INVALID;
    if (info->localizedActionSetName[0] == '\0') return XR_ERROR_LOCALIZED_NAME_INVALID;
    for (const auto& set : inst->actionSets)
        if (set->name == info->actionSetName) return XR_ERROR_NAME_DUPLICATED;
    auto set = std::make_unique<ActionSet>();
    set->instance = inst;
    set->name = info->actionSetName;
    *out = handle<XrActionSet>(set.get());
    inst->actionSets.push_back(std::move(set));
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL destroyActionSet(XrActionSet actionSet) {
    Lock lock(runtime().mutex);
    ActionSet* set = findActionSet(actionSet);
    if (!set) return XR_ERROR_HANDLE_INVALID;
    Instance& inst = *set->instance;
    for (auto& [profile, list] : inst.bindings)
        std::erase_if(list, [&](const auto& b) { return b.first->set == set; });
    if (inst.session) std::erase(inst.session->attached, set);
    std::erase_if(inst.actionSets, [&](const auto& p) { return p.get() == set; });
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL createAction(XrActionSet actionSet, const XrActionCreateInfo* info, XrAction* out) {
    Lock lock(runtime().mutex);
    ActionSet* set = findActionSet(actionSet);
    if (!set) return XR_ERROR_HANDLE_INVALID;
    if (set->attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
    if (!nameValid(info->actionName)) return XR_ERROR_PATH_FORMAT_INVALID;
    if (info->localizedActionName[0] == '\0') return XR_ERROR_LOCALIZED_NAME_INVALID;
    for (const auto& a : set->actions)
        if (a->name == info->actionName) return XR_ERROR_NAME_DUPLICATED;
    auto action = std::make_unique<Action>();
    action->set = set;
    action->name = info->actionName;
    action->type = info->actionType;
    for (uint32_t i = 0; i < info->countSubactionPaths; ++i) {
        const std::string* p = pathString(info->subactionPaths[i]);
        if (!p) return XR_ERROR_PATH_INVALID;
        if (*p != "/user/hand/left" && *p != "/user/hand/right") return XR_ERROR_PATH_UNSUPPORTED;
        action->subactionPaths.push_back(info->subactionPaths[i]);
    }
    *out = handle<XrAction>(action.get());
    set->actions.push_back(std::move(action));
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL destroyAction(XrAction h) {
    Lock lock(runtime().mutex);
    Action* action = findAction(h);
    if (!action) return XR_ERROR_HANDLE_INVALID;
    for (auto& [profile, list] : action->set->instance->bindings)
        std::erase_if(list, [&](const auto& b) { return b.first == action; });
    std::erase_if(action->set->actions, [&](const auto& p) { return p.get() == action; });
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL suggestInteractionProfileBindings(XrInstance instance,
                                                                 const XrInteractionProfileSuggestedBinding* info) {
    Lock lock(runtime().mutex);
    Instance* inst = findInstance(instance);
    if (!inst) return XR_ERROR_HANDLE_INVALID;
    const std::string* profile = pathString(info->interactionProfile);
    if (!profile) return XR_ERROR_PATH_INVALID;
    if (!knownProfile(*profile)) {
        problem("xrSuggestInteractionProfileBindings: unknown profile " + *profile);
        return XR_ERROR_PATH_UNSUPPORTED;
    }
    std::vector<std::pair<Action*, XrPath>> list;
    for (uint32_t i = 0; i < info->countSuggestedBindings; ++i) {
        Action* action = findAction(info->suggestedBindings[i].action);
        if (!action) return XR_ERROR_HANDLE_INVALID;
        if (action->set->attached) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
        const std::string* binding = pathString(info->suggestedBindings[i].binding);
        if (!binding) return XR_ERROR_PATH_INVALID;
        if (!bindingExists(*profile, *binding)) {
            problem("xrSuggestInteractionProfileBindings: " + *profile + " has no " + *binding);
            return XR_ERROR_PATH_UNSUPPORTED;
        }
        list.emplace_back(action, info->suggestedBindings[i].binding);
    }
    inst->bindings[info->interactionProfile] = std::move(list);
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL attachSessionActionSets(XrSession session, const XrSessionActionSetsAttachInfo* info) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    if (!s->attached.empty()) return XR_ERROR_ACTIONSETS_ALREADY_ATTACHED;
    for (uint32_t i = 0; i < info->countActionSets; ++i) {
        ActionSet* set = findActionSet(info->actionSets[i]);
        if (!set) return XR_ERROR_HANDLE_INVALID;
        set->attached = true;
        s->attached.push_back(set);
    }
    // The controllers held: the script's profile when the application suggested bindings for it,
    // else the first profile it did.
    const XrPath wanted = internPath(rt.script.profile);
    s->profile = XR_NULL_PATH;
    if (s->instance->bindings.count(wanted)) s->profile = wanted;
    else if (!s->instance->bindings.empty()) s->profile = s->instance->bindings.begin()->first;
    XrEventDataInteractionProfileChanged e{XR_TYPE_EVENT_DATA_INTERACTION_PROFILE_CHANGED};
    e.session = session;
    pushEvent(*s->instance, &e, sizeof e);
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getCurrentInteractionProfile(XrSession session, XrPath topLevelUserPath,
                                                            XrInteractionProfileState* state) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    const std::string* user = pathString(topLevelUserPath);
    if (!user) return XR_ERROR_PATH_INVALID;
    if (*user != "/user/hand/left" && *user != "/user/hand/right") return XR_ERROR_PATH_UNSUPPORTED;
    if (s->attached.empty()) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
    state->interactionProfile = s->profile;
    return XR_SUCCESS;
}

// The value of one bound input from the script, as the action's type wants it.
glm::vec2 inputValue(const Runtime& rt, const std::string& path, XrActionType type) {
    const auto it = rt.inputs.find(path);
    if (it == rt.inputs.end()) return {0, 0};
    const auto& v = *it;
    glm::vec2 raw{0, 0};
    if (v.is_boolean()) raw.x = v.get<bool>() ? 1.0f : 0.0f;
    else if (v.is_number()) raw.x = v.get<float>();
    else if (v.is_array() && v.size() == 2) raw = {v[0].get<float>(), v[1].get<float>()};
    switch (type) {
        case XR_ACTION_TYPE_BOOLEAN_INPUT: return {glm::length(raw) > 0.5f ? 1.0f : 0.0f, 0};
        case XR_ACTION_TYPE_FLOAT_INPUT: return {raw.x, 0};
        case XR_ACTION_TYPE_VECTOR2F_INPUT: return raw;
        default: return {0, 0};
    }
}

void syncAction(Runtime& rt, Session& s, Action& action, XrPath subaction, bool active) {
    Action::State next;
    if (active && s.profile != XR_NULL_PATH) {
        const std::string* sub = pathString(subaction);
        for (const auto& [a, path] : s.instance->bindings[s.profile]) {
            if (a != &action) continue;
            const std::string& p = *pathString(path);
            if (sub && !p.starts_with(*sub + "/")) continue;
            next.active = true;
            const glm::vec2 v = inputValue(rt, p, action.type);
            if (glm::length(v) > glm::length(glm::vec2(next.x, next.y))) {
                next.x = v.x;
                next.y = v.y;
            }
        }
    }
    Action::State& st = action.states[subaction];
    next.changed = st.active && next.active && (st.x != next.x || st.y != next.y);
    next.lastChange = next.changed ? now(rt) : st.lastChange;
    st = next;
}

XRAPI_ATTR XrResult XRAPI_CALL syncActions(XrSession session, const XrActionsSyncInfo* info) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    std::vector<ActionSet*> active;
    for (uint32_t i = 0; i < info->countActiveActionSets; ++i) {
        ActionSet* set = findActionSet(info->activeActionSets[i].actionSet);
        if (!set) return XR_ERROR_HANDLE_INVALID;
        if (!set->attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
        active.push_back(set);
    }
    const bool isFocused = focused(*s);
    for (ActionSet* set : s->attached)
        for (auto& action : set->actions) {
            const bool on = isFocused && std::find(active.begin(), active.end(), set) != active.end();
            syncAction(rt, *s, *action, XR_NULL_PATH, on);
            for (XrPath sub : action->subactionPaths) syncAction(rt, *s, *action, sub, on);
        }
    return isFocused ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
}

// The synced state of an action for a subaction path, or an error.
XrResult actionState(XrSession session, const XrActionStateGetInfo* info, XrActionType type, const Action::State** out) {
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    Action* action = findAction(info->action);
    if (!action) return XR_ERROR_HANDLE_INVALID;
    if (action->type != type) return XR_ERROR_ACTION_TYPE_MISMATCH;
    if (!action->set->attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
    if (info->subactionPath != XR_NULL_PATH &&
        std::find(action->subactionPaths.begin(), action->subactionPaths.end(), info->subactionPath) ==
            action->subactionPaths.end())
        return XR_ERROR_PATH_UNSUPPORTED;
    static const Action::State none;
    const auto it = action->states.find(info->subactionPath);
    *out = it == action->states.end() ? &none : &it->second;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getActionStateBoolean(XrSession session, const XrActionStateGetInfo* info,
                                                     XrActionStateBoolean* state) {
    Lock lock(runtime().mutex);
    const Action::State* st = nullptr;
    if (XrResult r = actionState(session, info, XR_ACTION_TYPE_BOOLEAN_INPUT, &st); r != XR_SUCCESS) return r;
    state->currentState = st->x > 0.5f ? XR_TRUE : XR_FALSE;
    state->changedSinceLastSync = st->changed ? XR_TRUE : XR_FALSE;
    state->lastChangeTime = st->lastChange;
    state->isActive = st->active ? XR_TRUE : XR_FALSE;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getActionStateFloat(XrSession session, const XrActionStateGetInfo* info,
                                                   XrActionStateFloat* state) {
    Lock lock(runtime().mutex);
    const Action::State* st = nullptr;
    if (XrResult r = actionState(session, info, XR_ACTION_TYPE_FLOAT_INPUT, &st); r != XR_SUCCESS) return r;
    state->currentState = st->x;
    state->changedSinceLastSync = st->changed ? XR_TRUE : XR_FALSE;
    state->lastChangeTime = st->lastChange;
    state->isActive = st->active ? XR_TRUE : XR_FALSE;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getActionStateVector2f(XrSession session, const XrActionStateGetInfo* info,
                                                      XrActionStateVector2f* state) {
    Lock lock(runtime().mutex);
    const Action::State* st = nullptr;
    if (XrResult r = actionState(session, info, XR_ACTION_TYPE_VECTOR2F_INPUT, &st); r != XR_SUCCESS) return r;
    state->currentState = {st->x, st->y};
    state->changedSinceLastSync = st->changed ? XR_TRUE : XR_FALSE;
    state->lastChangeTime = st->lastChange;
    state->isActive = st->active ? XR_TRUE : XR_FALSE;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL getActionStatePose(XrSession session, const XrActionStateGetInfo* info,
                                                  XrActionStatePose* state) {
    Lock lock(runtime().mutex);
    const Action::State* st = nullptr;
    if (XrResult r = actionState(session, info, XR_ACTION_TYPE_POSE_INPUT, &st); r != XR_SUCCESS) return r;
    state->isActive = st->active ? XR_TRUE : XR_FALSE;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL enumerateBoundSourcesForAction(XrSession session, const XrBoundSourcesForActionEnumerateInfo* info,
                                                              uint32_t capacity, uint32_t* count, XrPath* out) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    Action* action = findAction(info->action);
    if (!action) return XR_ERROR_HANDLE_INVALID;
    if (!action->set->attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
    std::vector<XrPath> sources;
    if (s->profile != XR_NULL_PATH)
        for (const auto& [a, path] : s->instance->bindings[s->profile])
            if (a == action) sources.push_back(path);
    return twoCall<XrPath>(capacity, count, out, sources, [](auto& o, const auto& i) { o = i; });
}

XRAPI_ATTR XrResult XRAPI_CALL getInputSourceLocalizedName(XrSession session, const XrInputSourceLocalizedNameGetInfo* info,
                                                           uint32_t capacity, uint32_t* count, char* out) {
    Lock lock(runtime().mutex);
    if (!findSession(session)) return XR_ERROR_HANDLE_INVALID;
    const std::string* path = pathString(info->sourcePath);
    if (!path) return XR_ERROR_PATH_INVALID;
    if (info->whichComponents == 0) return XR_ERROR_VALIDATION_FAILURE;
    return twoCallString(capacity, count, out, *path);
}

XRAPI_ATTR XrResult XRAPI_CALL applyHapticFeedback(XrSession session, const XrHapticActionInfo* info,
                                                   const XrHapticBaseHeader* haptic) {
    Runtime& rt = runtime();
    Lock lock(rt.mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    Action* action = findAction(info->action);
    if (!action) return XR_ERROR_HANDLE_INVALID;
    if (action->type != XR_ACTION_TYPE_VIBRATION_OUTPUT) return XR_ERROR_ACTION_TYPE_MISMATCH;
    if (!action->set->attached) return XR_ERROR_ACTIONSET_NOT_ATTACHED;
    if (haptic->type != XR_TYPE_HAPTIC_VIBRATION) return XR_ERROR_VALIDATION_FAILURE;
    if (!focused(*s)) return XR_SESSION_NOT_FOCUSED;
    ++rt.report.hapticPulses;
    rt.report.lastHapticAmplitude = reinterpret_cast<const XrHapticVibration*>(haptic)->amplitude;
    return XR_SUCCESS;
}

XRAPI_ATTR XrResult XRAPI_CALL stopHapticFeedback(XrSession session, const XrHapticActionInfo* info) {
    Lock lock(runtime().mutex);
    Session* s = findSession(session);
    if (!s) return XR_ERROR_HANDLE_INVALID;
    Action* action = findAction(info->action);
    if (!action) return XR_ERROR_HANDLE_INVALID;
    if (action->type != XR_ACTION_TYPE_VIBRATION_OUTPUT) return XR_ERROR_ACTION_TYPE_MISMATCH;
    return focused(*s) ? XR_SUCCESS : XR_SESSION_NOT_FOCUSED;
}

// --- dispatch -------------------------------------------------------------------------------------------

struct Entry {
    const char* name;
    PFN_xrVoidFunction function;
};
#define XRT_ENTRY(name, fn) {name, reinterpret_cast<PFN_xrVoidFunction>(fn)}
// Every OpenXR 1.0 core function (55) and XR_KHR_opengl_enable's one.
const Entry kEntries[] = {
    XRT_ENTRY("xrGetInstanceProcAddr", getInstanceProcAddr),
    XRT_ENTRY("xrEnumerateApiLayerProperties", enumerateApiLayerProperties),
    XRT_ENTRY("xrEnumerateInstanceExtensionProperties", enumerateInstanceExtensionProperties),
    XRT_ENTRY("xrCreateInstance", createInstance),
    XRT_ENTRY("xrDestroyInstance", destroyInstance),
    XRT_ENTRY("xrGetInstanceProperties", getInstanceProperties),
    XRT_ENTRY("xrPollEvent", pollEvent),
    XRT_ENTRY("xrResultToString", resultToString),
    XRT_ENTRY("xrStructureTypeToString", structureTypeToString),
    XRT_ENTRY("xrGetSystem", getSystem),
    XRT_ENTRY("xrGetSystemProperties", getSystemProperties),
    XRT_ENTRY("xrEnumerateEnvironmentBlendModes", enumerateEnvironmentBlendModes),
    XRT_ENTRY("xrCreateSession", createSession),
    XRT_ENTRY("xrDestroySession", destroySession),
    XRT_ENTRY("xrEnumerateReferenceSpaces", enumerateReferenceSpaces),
    XRT_ENTRY("xrCreateReferenceSpace", createReferenceSpace),
    XRT_ENTRY("xrGetReferenceSpaceBoundsRect", getReferenceSpaceBoundsRect),
    XRT_ENTRY("xrCreateActionSpace", createActionSpace),
    XRT_ENTRY("xrLocateSpace", locateSpace),
    XRT_ENTRY("xrDestroySpace", destroySpace),
    XRT_ENTRY("xrEnumerateViewConfigurations", enumerateViewConfigurations),
    XRT_ENTRY("xrGetViewConfigurationProperties", getViewConfigurationProperties),
    XRT_ENTRY("xrEnumerateViewConfigurationViews", enumerateViewConfigurationViews),
    XRT_ENTRY("xrEnumerateSwapchainFormats", enumerateSwapchainFormats),
    XRT_ENTRY("xrCreateSwapchain", createSwapchain),
    XRT_ENTRY("xrDestroySwapchain", destroySwapchain),
    XRT_ENTRY("xrEnumerateSwapchainImages", enumerateSwapchainImages),
    XRT_ENTRY("xrAcquireSwapchainImage", acquireSwapchainImage),
    XRT_ENTRY("xrWaitSwapchainImage", waitSwapchainImage),
    XRT_ENTRY("xrReleaseSwapchainImage", releaseSwapchainImage),
    XRT_ENTRY("xrBeginSession", beginSession),
    XRT_ENTRY("xrEndSession", endSession),
    XRT_ENTRY("xrRequestExitSession", requestExitSession),
    XRT_ENTRY("xrWaitFrame", waitFrame),
    XRT_ENTRY("xrBeginFrame", beginFrame),
    XRT_ENTRY("xrEndFrame", endFrame),
    XRT_ENTRY("xrLocateViews", locateViews),
    XRT_ENTRY("xrStringToPath", stringToPath),
    XRT_ENTRY("xrPathToString", pathToString),
    XRT_ENTRY("xrCreateActionSet", createActionSet),
    XRT_ENTRY("xrDestroyActionSet", destroyActionSet),
    XRT_ENTRY("xrCreateAction", createAction),
    XRT_ENTRY("xrDestroyAction", destroyAction),
    XRT_ENTRY("xrSuggestInteractionProfileBindings", suggestInteractionProfileBindings),
    XRT_ENTRY("xrAttachSessionActionSets", attachSessionActionSets),
    XRT_ENTRY("xrGetCurrentInteractionProfile", getCurrentInteractionProfile),
    XRT_ENTRY("xrGetActionStateBoolean", getActionStateBoolean),
    XRT_ENTRY("xrGetActionStateFloat", getActionStateFloat),
    XRT_ENTRY("xrGetActionStateVector2f", getActionStateVector2f),
    XRT_ENTRY("xrGetActionStatePose", getActionStatePose),
    XRT_ENTRY("xrSyncActions", syncActions),
    XRT_ENTRY("xrEnumerateBoundSourcesForAction", enumerateBoundSourcesForAction),
    XRT_ENTRY("xrGetInputSourceLocalizedName", getInputSourceLocalizedName),
    XRT_ENTRY("xrApplyHapticFeedback", applyHapticFeedback),
    XRT_ENTRY("xrStopHapticFeedback", stopHapticFeedback),
    XRT_ENTRY("xrGetOpenGLGraphicsRequirementsKHR", getOpenGLGraphicsRequirements),
};
#undef XRT_ENTRY
static_assert(std::size(kEntries) == 56, "every OpenXR 1.0 core function and xrGetOpenGLGraphicsRequirementsKHR");

XRAPI_ATTR XrResult XRAPI_CALL getInstanceProcAddr(XrInstance instance, const char* name, PFN_xrVoidFunction* function) {
    if (!name || !function) return XR_ERROR_VALIDATION_FAILURE;
    *function = nullptr;
    const std::string_view n = name;
    if (instance == XR_NULL_HANDLE && n != "xrEnumerateInstanceExtensionProperties" &&
        n != "xrEnumerateApiLayerProperties" && n != "xrCreateInstance")
        return XR_ERROR_HANDLE_INVALID;
    for (const Entry& e : kEntries)
        if (n == e.name) {
            *function = e.function;
            return XR_SUCCESS;
        }
    return XR_ERROR_FUNCTION_UNSUPPORTED;
}

}  // namespace
}  // namespace xrt

extern "C" __attribute__((visibility("default"))) XrResult xrNegotiateLoaderRuntimeInterface(
    const XrNegotiateLoaderInfo* loaderInfo, XrNegotiateRuntimeRequest* runtimeRequest) {
    if (!loaderInfo || !runtimeRequest || loaderInfo->structType != XR_LOADER_INTERFACE_STRUCT_LOADER_INFO ||
        loaderInfo->structVersion != 1 || loaderInfo->structSize != sizeof(XrNegotiateLoaderInfo) ||
        runtimeRequest->structType != XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST ||
        runtimeRequest->structVersion != 1 || runtimeRequest->structSize != sizeof(XrNegotiateRuntimeRequest) ||
        loaderInfo->minInterfaceVersion > 1 || loaderInfo->maxInterfaceVersion < 1 ||
        loaderInfo->minApiVersion > XR_CURRENT_API_VERSION || loaderInfo->maxApiVersion < XR_MAKE_VERSION(1, 0, 0))
        return XR_ERROR_INITIALIZATION_FAILED;
    runtimeRequest->runtimeInterfaceVersion = 1;
    runtimeRequest->runtimeApiVersion = XR_CURRENT_API_VERSION;
    runtimeRequest->getInstanceProcAddr = xrt::getInstanceProcAddr;
    return XR_SUCCESS;
}
