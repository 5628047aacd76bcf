#define XR_USE_GRAPHICS_API_OPENGL
#define XR_USE_PLATFORM_XLIB
#include <X11/Xlib.h>
#include <GL/glx.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include "xr/gl_binding.hpp"

namespace exhibit::xr {

std::shared_ptr<const void> currentGlxBinding(std::string& whyNot) {
    Display* display = glXGetCurrentDisplay();
    GLXContext context = glXGetCurrentContext();
    if (!display || !context) {
        whyNot = "the current OpenGL context is not a GLX context (VR mode needs an X11 window, not EGL or Wayland)";
        return nullptr;
    }
    int fbConfigId = 0, screen = 0;
    if (glXQueryContext(display, context, GLX_FBCONFIG_ID, &fbConfigId) != Success ||
        glXQueryContext(display, context, GLX_SCREEN, &screen) != Success) {
        whyNot = "glXQueryContext cannot tell the context's FB config";
        return nullptr;
    }
    const int attributes[] = {GLX_FBCONFIG_ID, fbConfigId, None};
    int count = 0;
    GLXFBConfig* configs = glXChooseFBConfig(display, screen, attributes, &count);
    if (!configs || count < 1) {
        whyNot = "no GLX FB config with the context's id " + std::to_string(fbConfigId);
        if (configs) XFree(configs);
        return nullptr;
    }
    auto binding = std::make_shared<XrGraphicsBindingOpenGLXlibKHR>();
    *binding = {XR_TYPE_GRAPHICS_BINDING_OPENGL_XLIB_KHR};
    binding->xDisplay = display;
    binding->glxFBConfig = configs[0];
    binding->glxDrawable = glXGetCurrentDrawable();
    binding->glxContext = context;
    int visual = 0;
    glXGetFBConfigAttrib(display, configs[0], GLX_VISUAL_ID, &visual);
    binding->visualid = static_cast<uint32_t>(visual);
    XFree(configs);
    return binding;
}

}  // namespace exhibit::xr
