// The XR_KHR_opengl_enable graphics binding of the current GL context: on X11 SDL makes GLX
// contexts, so this is an XrGraphicsBindingOpenGLXlibKHR filled from glXGetCurrent* (display,
// context, drawable) and the context's FB config (glXQueryContext GLX_FBCONFIG_ID). Kept apart
// because GLX's headers and GLAD's cannot meet in one file. Does not support EGL or Wayland
// contexts (XR_MNDX_egl_enable is not in Debian's loader yet): the reason comes back instead.
#pragma once

#include <memory>
#include <string>

namespace exhibit::xr {

// The binding struct to chain into XrSessionCreateInfo::next, or null with `whyNot` filled.
std::shared_ptr<const void> currentGlxBinding(std::string& whyNot);

}  // namespace exhibit::xr
