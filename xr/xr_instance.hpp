// The OpenXR instance and its head-mounted system, through the Khronos loader: API 1.0 (the
// header's patch), XR_KHR_opengl_enable, and XR_EXT_debug_utils when offered, whose messenger
// logs what the loader, runtime and layers report and counts the warnings and errors. Debian's
// loader 1.0.20 keeps messengers to itself: XR_APILAYER_LUNARG_core_validation never sees them and
// prints its findings on stdout instead (or into XR_CORE_VALIDATION_FILE_NAME with
// XR_CORE_VALIDATION_EXPORT_TYPE=text), which is where the xr tests look.
// create() throws xr::Unavailable when there is no runtime or no headset, naming what the loader
// looked for (XR_RUNTIME_JSON, else the active_runtime.json paths), and xr::Error otherwise.
// Does not make a session (xr_program.hpp does).
#pragma once

#include <openxr/openxr.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace exhibit::xr {

class Instance {
public:
    static std::unique_ptr<Instance> create(const std::string& applicationName);
    ~Instance();
    Instance(const Instance&) = delete;
    Instance& operator=(const Instance&) = delete;

    XrInstance handle() const { return instance_; }
    XrSystemId system() const { return system_; }
    XrPath path(const char* text) const;
    std::string pathString(XrPath path) const;
    const std::string& description() const { return description_; }  // runtime, version, system, layers
    const std::vector<XrViewConfigurationView>& views() const { return views_; }
    XrEnvironmentBlendMode blendMode() const { return blendMode_; }
    long validationMessages() const { return messages_.load(); }

private:
    Instance() = default;
    XrInstance instance_ = XR_NULL_HANDLE;
    XrSystemId system_ = XR_NULL_SYSTEM_ID;
    XrDebugUtilsMessengerEXT messenger_ = XR_NULL_HANDLE;
    std::vector<XrViewConfigurationView> views_;
    XrEnvironmentBlendMode blendMode_ = XR_ENVIRONMENT_BLEND_MODE_OPAQUE;
    std::string description_;
    std::atomic<long> messages_{0};
};

// Where the loader looks for the active runtime: "$XR_RUNTIME_JSON (path)" when set, else the
// active_runtime.json candidates of the XDG config dirs and /etc.
std::string runtimeSearchDescription();

}  // namespace exhibit::xr
