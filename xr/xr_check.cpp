#include "xr/xr_check.hpp"

#include <openxr/openxr_reflection.h>

namespace exhibit::xr {
namespace {
XrInstance resultInstance = XR_NULL_HANDLE;
}

void setResultNameInstance(XrInstance instance) { resultInstance = instance; }

std::string resultName(XrResult result) {
    char buffer[XR_MAX_RESULT_STRING_SIZE] = {};
    if (resultInstance != XR_NULL_HANDLE && XR_SUCCEEDED(xrResultToString(resultInstance, result, buffer)))
        return buffer;
    switch (result) {
#define EXHIBIT_XR_RESULT_NAME(name, value) \
    case name: return #name;
        XR_LIST_ENUM_XrResult(EXHIBIT_XR_RESULT_NAME)
#undef EXHIBIT_XR_RESULT_NAME
        default: return "XrResult " + std::to_string(static_cast<int>(result));
    }
}

XrResult check(XrResult result, const char* call, const char* file, int line) {
    if (XR_SUCCEEDED(result)) return result;
    std::string where = file;
    if (const auto xr = where.rfind("xr/"); xr != std::string::npos) where = where.substr(xr);
    throw Error(std::string(call) + " failed: " + resultName(result) + " (" + where + ":" + std::to_string(line) + ")",
                result);
}

}  // namespace exhibit::xr
