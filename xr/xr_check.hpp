// OpenXR call checking in the style of hello_xr's CHECK_XRCMD: a failed call throws xr::Error
// whose message names the call, the XrResult (xrResultToString) and the source line, e.g.
//   xrCreateSwapchain(session, &info, &handle) failed: XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED (xr/xr_swapchain.cpp:41)
// Success codes (XR_SESSION_LOSS_PENDING, XR_FRAME_DISCARDED, ...) pass and are returned.
// Internal to xr/: callers see xr::Error and xr::Unavailable only.
#pragma once

#include <openxr/openxr.h>

#include <string>

#include "core/error.hpp"

namespace exhibit::xr {

// An OpenXR call failed. result() says how (XR_ERROR_INSTANCE_LOST: the runtime went away).
class Error : public StartupError {
public:
    Error(const std::string& what, XrResult result) : StartupError(what), result_(result) {}
    XrResult result() const { return result_; }

private:
    XrResult result_;
};

// No OpenXR runtime, or a runtime without a headset: the message says what was looked for.
// exhibit --xr exits 2 with it.
class Unavailable : public StartupError {
public:
    using StartupError::StartupError;
};

// The instance xrResultToString asks (XR_NULL_HANDLE: names from openxr_reflection.h).
void setResultNameInstance(XrInstance instance);
std::string resultName(XrResult result);

XrResult check(XrResult result, const char* call, const char* file, int line);

}  // namespace exhibit::xr

#define CHECK_XRCMD(cmd) ::exhibit::xr::check((cmd), #cmd, __FILE__, __LINE__)
