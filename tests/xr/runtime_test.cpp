// The test OpenXR runtime itself (label xr), opened with dlopen as the loader opens it: the
// negotiation, and xrGetInstanceProcAddr handing out every OpenXR 1.0 core function (the loader
// may call any of them), with FUNCTION_UNSUPPORTED for what it does not offer.
#include <gtest/gtest.h>

#include <dlfcn.h>
#include <openxr/openxr.h>

#include <cstring>
#include <fstream>

#include <nlohmann/json.hpp>

namespace {

// Debian ships no loader_interfaces.h: the version 1 negotiation structs, as the runtime has them.
struct NegotiateLoaderInfo {
    int structType;
    uint32_t structVersion;
    size_t structSize;
    uint32_t minInterfaceVersion, maxInterfaceVersion;
    XrVersion minApiVersion, maxApiVersion;
};
struct NegotiateRuntimeRequest {
    int structType;
    uint32_t structVersion;
    size_t structSize;
    uint32_t runtimeInterfaceVersion;
    XrVersion runtimeApiVersion;
    PFN_xrGetInstanceProcAddr getInstanceProcAddr;
};
using Negotiate = XrResult (*)(const NegotiateLoaderInfo*, NegotiateRuntimeRequest*);

// openxr.h, section XR_VERSION_1_0: all 55 commands.
const char* const kCore[] = {
    "xrGetInstanceProcAddr", "xrEnumerateApiLayerProperties", "xrEnumerateInstanceExtensionProperties",
    "xrCreateInstance", "xrDestroyInstance", "xrGetInstanceProperties", "xrPollEvent", "xrResultToString",
    "xrStructureTypeToString", "xrGetSystem", "xrGetSystemProperties", "xrEnumerateEnvironmentBlendModes",
    "xrCreateSession", "xrDestroySession", "xrEnumerateReferenceSpaces", "xrCreateReferenceSpace",
    "xrGetReferenceSpaceBoundsRect", "xrCreateActionSpace", "xrLocateSpace", "xrDestroySpace",
    "xrEnumerateViewConfigurations", "xrGetViewConfigurationProperties", "xrEnumerateViewConfigurationViews",
    "xrEnumerateSwapchainFormats", "xrCreateSwapchain", "xrDestroySwapchain", "xrEnumerateSwapchainImages",
    "xrAcquireSwapchainImage", "xrWaitSwapchainImage", "xrReleaseSwapchainImage", "xrBeginSession", "xrEndSession",
    "xrRequestExitSession", "xrWaitFrame", "xrBeginFrame", "xrEndFrame", "xrLocateViews", "xrStringToPath",
    "xrPathToString", "xrCreateActionSet", "xrDestroyActionSet", "xrCreateAction", "xrDestroyAction",
    "xrSuggestInteractionProfileBindings", "xrAttachSessionActionSets", "xrGetCurrentInteractionProfile",
    "xrGetActionStateBoolean", "xrGetActionStateFloat", "xrGetActionStateVector2f", "xrGetActionStatePose",
    "xrSyncActions", "xrEnumerateBoundSourcesForAction", "xrGetInputSourceLocalizedName", "xrApplyHapticFeedback",
    "xrStopHapticFeedback"};
static_assert(std::size(kCore) == 55);

TEST(XrTestRuntime, ManifestNamesTheLibraryAndEveryCoreFunctionIsThere) {
    std::ifstream in(EXHIBIT_XR_RUNTIME_JSON);
    ASSERT_TRUE(in.good()) << EXHIBIT_XR_RUNTIME_JSON;
    const auto manifest = nlohmann::json::parse(in);
    const std::string library = manifest.at("runtime").at("library_path");
    void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle, nullptr) << dlerror();
    auto negotiate = reinterpret_cast<Negotiate>(dlsym(handle, "xrNegotiateLoaderRuntimeInterface"));
    ASSERT_NE(negotiate, nullptr);
    const NegotiateLoaderInfo info{1, 1, sizeof(NegotiateLoaderInfo), 1, 1, XR_MAKE_VERSION(1, 0, 0),
                                   XR_MAKE_VERSION(1, 0x3ff, 0xfff)};
    NegotiateRuntimeRequest request{3, 1, sizeof(NegotiateRuntimeRequest), 0, 0, nullptr};
    ASSERT_EQ(negotiate(&info, &request), XR_SUCCESS);
    EXPECT_EQ(request.runtimeInterfaceVersion, 1u);
    ASSERT_NE(request.getInstanceProcAddr, nullptr);

    PFN_xrVoidFunction function = nullptr;
    ASSERT_EQ(request.getInstanceProcAddr(XR_NULL_HANDLE, "xrCreateInstance", &function), XR_SUCCESS);
    auto createInstance = reinterpret_cast<PFN_xrCreateInstance>(function);
    XrInstanceCreateInfo create{XR_TYPE_INSTANCE_CREATE_INFO, nullptr, 0, {}, 0, nullptr, 0, nullptr};
    std::strcpy(create.applicationInfo.applicationName, "runtime-test");
    create.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
    XrInstance instance = XR_NULL_HANDLE;
    ASSERT_EQ(createInstance(&create, &instance), XR_SUCCESS);

    for (const char* name : kCore) {
        function = nullptr;
        EXPECT_EQ(request.getInstanceProcAddr(instance, name, &function), XR_SUCCESS) << name;
        EXPECT_NE(function, nullptr) << name;
    }
    EXPECT_EQ(request.getInstanceProcAddr(instance, "xrGetOpenGLGraphicsRequirementsKHR", &function), XR_SUCCESS);
    EXPECT_EQ(request.getInstanceProcAddr(instance, "xrCreateHandTrackerEXT", &function), XR_ERROR_FUNCTION_UNSUPPORTED);
    EXPECT_EQ(function, nullptr);
    // Before an instance exists only the three global functions are handed out.
    EXPECT_EQ(request.getInstanceProcAddr(XR_NULL_HANDLE, "xrGetSystem", &function), XR_ERROR_HANDLE_INVALID);

    ASSERT_EQ(request.getInstanceProcAddr(instance, "xrDestroyInstance", &function), XR_SUCCESS);
    EXPECT_EQ(reinterpret_cast<PFN_xrDestroyInstance>(function)(instance), XR_SUCCESS);
    dlclose(handle);
}

}  // namespace
