#include "xr/xr_instance.hpp"

#define XR_USE_GRAPHICS_API_OPENGL
#include <openxr/openxr_platform.h>

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <cstring>
#include <sstream>

#include "xr/xr_check.hpp"

namespace exhibit::xr {
namespace {

XRAPI_ATTR XrBool32 XRAPI_CALL onDebugMessage(XrDebugUtilsMessageSeverityFlagsEXT severity, XrDebugUtilsMessageTypeFlagsEXT,
                                              const XrDebugUtilsMessengerCallbackDataEXT* data, void* user) {
    auto* count = static_cast<std::atomic<long>*>(user);
    const char* id = data && data->messageId ? data->messageId : "";
    const char* function = data && data->functionName ? data->functionName : "";
    const char* message = data && data->message ? data->message : "";
    if (severity & (XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)) {
        count->fetch_add(1);
        spdlog::warn("[xr.validation] {} {}: {}", id, function, message);
    } else {
        spdlog::debug("[xr.debug] {} {}: {}", id, function, message);
    }
    return XR_FALSE;
}

bool offered(const std::vector<XrExtensionProperties>& extensions, const char* name) {
    for (const auto& e : extensions)
        if (std::strcmp(e.extensionName, name) == 0) return true;
    return false;
}

}  // namespace

std::string runtimeSearchDescription() {
    if (const char* json = std::getenv("XR_RUNTIME_JSON"); json && *json)
        return std::string("XR_RUNTIME_JSON=") + json;
    std::vector<std::string> dirs;
    const char* configHome = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    if (configHome && *configHome) dirs.emplace_back(configHome);
    else if (home && *home) dirs.push_back(std::string(home) + "/.config");
    const char* configDirs = std::getenv("XDG_CONFIG_DIRS");
    std::stringstream list(configDirs && *configDirs ? configDirs : "/etc/xdg");
    for (std::string dir; std::getline(list, dir, ':');)
        if (!dir.empty()) dirs.push_back(dir);
    dirs.emplace_back("/etc");
    std::string text = "XR_RUNTIME_JSON is not set; the loader looked for ";
    for (std::size_t i = 0; i < dirs.size(); ++i) text += (i ? ", " : "") + dirs[i] + "/openxr/1/active_runtime.json";
    return text;
}

std::unique_ptr<Instance> Instance::create(const std::string& applicationName) {
    uint32_t count = 0;
    const XrResult listed = xrEnumerateInstanceExtensionProperties(nullptr, 0, &count, nullptr);
    if (XR_FAILED(listed))
        throw Unavailable("no OpenXR runtime (" + resultName(listed) + "): " + runtimeSearchDescription() +
                          ". Start SteamVR or Monado, or point XR_RUNTIME_JSON at a runtime's manifest.");
    std::vector<XrExtensionProperties> extensions(count, {XR_TYPE_EXTENSION_PROPERTIES});
    CHECK_XRCMD(xrEnumerateInstanceExtensionProperties(nullptr, count, &count, extensions.data()));
    if (!offered(extensions, XR_KHR_OPENGL_ENABLE_EXTENSION_NAME))
        throw Unavailable("the OpenXR runtime (" + runtimeSearchDescription() + ") does not offer " +
                          XR_KHR_OPENGL_ENABLE_EXTENSION_NAME + ", which VR mode draws with");
    std::vector<const char*> enabled{XR_KHR_OPENGL_ENABLE_EXTENSION_NAME};
    const bool debugUtils = offered(extensions, XR_EXT_DEBUG_UTILS_EXTENSION_NAME);
    if (debugUtils) enabled.push_back(XR_EXT_DEBUG_UTILS_EXTENSION_NAME);

    std::unique_ptr<Instance> self(new Instance);
    XrInstanceCreateInfo info{XR_TYPE_INSTANCE_CREATE_INFO};
    std::snprintf(info.applicationInfo.applicationName, XR_MAX_APPLICATION_NAME_SIZE, "%s", applicationName.c_str());
    info.applicationInfo.applicationVersion = 1;
    std::snprintf(info.applicationInfo.engineName, XR_MAX_ENGINE_NAME_SIZE, "exhibit");
    info.applicationInfo.engineVersion = 1;
    info.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, XR_VERSION_PATCH(XR_CURRENT_API_VERSION));
    info.enabledExtensionCount = static_cast<uint32_t>(enabled.size());
    info.enabledExtensionNames = enabled.data();
    const XrResult created = xrCreateInstance(&info, &self->instance_);
    if (XR_FAILED(created))
        throw Unavailable("the OpenXR runtime would not start (xrCreateInstance: " + resultName(created) +
                          "): " + runtimeSearchDescription());
    setResultNameInstance(self->instance_);

    if (debugUtils) {
        PFN_xrCreateDebugUtilsMessengerEXT createMessenger = nullptr;
        CHECK_XRCMD(xrGetInstanceProcAddr(self->instance_, "xrCreateDebugUtilsMessengerEXT",
                                          reinterpret_cast<PFN_xrVoidFunction*>(&createMessenger)));
        XrDebugUtilsMessengerCreateInfoEXT messenger{XR_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
        messenger.messageSeverities = XR_DEBUG_UTILS_MESSAGE_SEVERITY_VERBOSE_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_INFO_BIT_EXT |
                                      XR_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
        messenger.messageTypes = XR_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                                 XR_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT | XR_DEBUG_UTILS_MESSAGE_TYPE_CONFORMANCE_BIT_EXT;
        messenger.userCallback = onDebugMessage;
        messenger.userData = &self->messages_;
        CHECK_XRCMD(createMessenger(self->instance_, &messenger, &self->messenger_));
    }

    XrInstanceProperties properties{XR_TYPE_INSTANCE_PROPERTIES};
    CHECK_XRCMD(xrGetInstanceProperties(self->instance_, &properties));
    XrSystemGetInfo systemInfo{XR_TYPE_SYSTEM_GET_INFO};
    systemInfo.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
    const XrResult system = xrGetSystem(self->instance_, &systemInfo, &self->system_);
    if (system == XR_ERROR_FORM_FACTOR_UNAVAILABLE || system == XR_ERROR_FORM_FACTOR_UNSUPPORTED)
        throw Unavailable(std::string("the OpenXR runtime \"") + properties.runtimeName + "\" (" +
                          runtimeSearchDescription() + ") has no headset connected (" + resultName(system) + ")");
    CHECK_XRCMD(system);
    XrSystemProperties systemProperties{XR_TYPE_SYSTEM_PROPERTIES};
    CHECK_XRCMD(xrGetSystemProperties(self->instance_, self->system_, &systemProperties));

    CHECK_XRCMD(xrEnumerateViewConfigurationViews(self->instance_, self->system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                                  0, &count, nullptr));
    self->views_.assign(count, {XR_TYPE_VIEW_CONFIGURATION_VIEW});
    CHECK_XRCMD(xrEnumerateViewConfigurationViews(self->instance_, self->system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                                  count, &count, self->views_.data()));
    CHECK_XRCMD(xrEnumerateEnvironmentBlendModes(self->instance_, self->system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                                 0, &count, nullptr));
    std::vector<XrEnvironmentBlendMode> modes(count);
    CHECK_XRCMD(xrEnumerateEnvironmentBlendModes(self->instance_, self->system_, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                                 count, &count, modes.data()));
    if (!modes.empty()) self->blendMode_ = modes.front();  // the runtime's preferred mode comes first

    uint32_t layerCount = 0;
    CHECK_XRCMD(xrEnumerateApiLayerProperties(0, &layerCount, nullptr));
    std::vector<XrApiLayerProperties> layers(layerCount, {XR_TYPE_API_LAYER_PROPERTIES});
    CHECK_XRCMD(xrEnumerateApiLayerProperties(layerCount, &layerCount, layers.data()));
    const char* enabledLayers = std::getenv("XR_ENABLE_API_LAYERS");
    self->description_ = std::string(properties.runtimeName) + " " +
                         std::to_string(XR_VERSION_MAJOR(properties.runtimeVersion)) + "." +
                         std::to_string(XR_VERSION_MINOR(properties.runtimeVersion)) + "." +
                         std::to_string(XR_VERSION_PATCH(properties.runtimeVersion)) + ", system \"" +
                         systemProperties.systemName + "\", " + std::to_string(self->views_.size()) + " views of " +
                         std::to_string(self->views_.empty() ? 0 : self->views_[0].recommendedImageRectWidth) + "x" +
                         std::to_string(self->views_.empty() ? 0 : self->views_[0].recommendedImageRectHeight) +
                         ", API layers enabled: " + (enabledLayers && *enabledLayers ? enabledLayers : "none") +
                         (debugUtils ? ", debug messenger on" : "");
    return self;
}

Instance::~Instance() {
    if (instance_ == XR_NULL_HANDLE) return;
    if (messenger_ != XR_NULL_HANDLE) {
        PFN_xrDestroyDebugUtilsMessengerEXT destroyMessenger = nullptr;
        if (XR_SUCCEEDED(xrGetInstanceProcAddr(instance_, "xrDestroyDebugUtilsMessengerEXT",
                                               reinterpret_cast<PFN_xrVoidFunction*>(&destroyMessenger))) &&
            destroyMessenger)
            destroyMessenger(messenger_);
    }
    setResultNameInstance(XR_NULL_HANDLE);
    xrDestroyInstance(instance_);
}

XrPath Instance::path(const char* text) const {
    XrPath p = XR_NULL_PATH;
    CHECK_XRCMD(xrStringToPath(instance_, text, &p));
    return p;
}

std::string Instance::pathString(XrPath path) const {
    if (path == XR_NULL_PATH) return {};
    uint32_t count = 0;
    CHECK_XRCMD(xrPathToString(instance_, path, 0, &count, nullptr));
    std::string text(count, '\0');
    CHECK_XRCMD(xrPathToString(instance_, path, count, &count, text.data()));
    if (!text.empty() && text.back() == '\0') text.pop_back();
    return text;
}

}  // namespace exhibit::xr
