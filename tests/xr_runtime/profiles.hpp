// The interaction profiles the test runtime knows and the input/output paths each one has, from
// the OpenXR 1.0 specification (6.4 "Interaction Profiles"). A suggested binding to any other path
// is refused with XR_ERROR_PATH_UNSUPPORTED, as a real runtime does.
#pragma once

#include <string>
#include <string_view>

namespace xrt {

// True when `profile` is one of the known interaction profiles.
bool knownProfile(std::string_view profile);
// True when `binding` (e.g. "/user/hand/left/input/trigger/value") exists on `profile`.
bool bindingExists(std::string_view profile, std::string_view binding);

}  // namespace xrt
