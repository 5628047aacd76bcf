// Headless platform: a GL 3.3 core context without any window system, rendering into an offscreen
// RenderTarget. See platform.hpp for the order of attempts.
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "renderer/gl.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"

namespace exhibit {

std::unique_ptr<Platform> createHiddenSdlPlatform(glm::ivec2 size, bool debugContext, std::string& whyNot);
std::unique_ptr<Surface> createOffscreenSurface(glm::ivec2 size);

namespace {

// The headless second output: an offscreen target in the one context (nothing to make current).
class OffscreenSurface final : public Surface {
public:
    explicit OffscreenSurface(glm::ivec2 size) : target_(size) {}
    glm::ivec2 drawableSize() const override { return target_.size(); }
    unsigned frameTarget() const override { return target_.framebuffer(); }
    void makeCurrent() override {}
    void present() override { glFinish(); }
    int window() const override { return -1; }

private:
    RenderTarget target_;
};

std::string eglErrorName(EGLint error) {
    switch (error) {
        case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
        case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
        case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
        case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
        case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
        case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
        default: return "EGL error " + std::to_string(error);
    }
}

class EglHeadless final : public Platform {
public:
    EglHeadless(EGLDisplay display, EGLContext context, EGLSurface surface, std::string how, glm::ivec2 size)
        : display_(display), context_(context), surface_(surface), how_(std::move(how)), size_(size) {}
    ~EglHeadless() override {
        target_ = RenderTarget();
        eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (surface_ != EGL_NO_SURFACE) eglDestroySurface(display_, surface_);
        eglDestroyContext(display_, context_);
        eglTerminate(display_);
    }
    void createTarget() { target_ = RenderTarget(size_); }
    glm::ivec2 drawableSize() const override { return size_; }
    unsigned frameTarget() const override { return target_.framebuffer(); }
    void pollEvents(std::vector<PlatformEvent>&) override {}
    void present() override { glFinish(); }
    bool headless() const override { return true; }
    std::string description() const override { return "headless " + how_ + "; " + gl::describeContext(); }
    std::unique_ptr<Surface> openSecondWindow(const WindowOptions& options) override {
        return createOffscreenSurface(options.size);
    }

private:
    EGLDisplay display_;
    EGLContext context_;
    EGLSurface surface_;
    std::string how_;
    glm::ivec2 size_;
    RenderTarget target_;
};

template <typename Fn>
Fn eglProc(const char* name) {
    return reinterpret_cast<Fn>(eglGetProcAddress(name));
}

// Tries one EGL display; returns a platform or sets whyNot.
std::unique_ptr<EglHeadless> tryDisplay(EGLDisplay display, const std::string& how, glm::ivec2 size, bool debugContext,
                                        std::string& whyNot) {
    if (display == EGL_NO_DISPLAY) {
        whyNot = how + ": no display";
        return nullptr;
    }
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) {
        whyNot = how + ": eglInitialize failed (" + eglErrorName(eglGetError()) + ")";
        return nullptr;
    }
    auto fail = [&](const std::string& what) {
        whyNot = how + ": " + what + " (" + eglErrorName(eglGetError()) + ")";
        eglTerminate(display);
        return nullptr;
    };
    if (!eglBindAPI(EGL_OPENGL_API)) return fail("eglBindAPI(OpenGL) failed");
    const char* extensions = eglQueryString(display, EGL_EXTENSIONS);
    const bool surfaceless = extensions && std::string(extensions).find("EGL_KHR_surfaceless_context") != std::string::npos;

    const EGLint configAttribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE,
                                    surfaceless ? 0 : EGL_PBUFFER_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8,
                                    EGL_BLUE_SIZE, 8, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    eglChooseConfig(display, configAttribs, &config, 1, &count);
    if (count == 0) {
        if (!surfaceless) return fail("no pbuffer-capable OpenGL config");
        config = nullptr;  // EGL_KHR_no_config_context: Mesa's surfaceless platform has no configs
    }
    const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                     EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                     EGL_CONTEXT_OPENGL_DEBUG, debugContext ? EGL_TRUE : EGL_FALSE, EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttribs);
    if (context == EGL_NO_CONTEXT) return fail("no OpenGL 3.3 core context");
    EGLSurface surface = EGL_NO_SURFACE;
    if (!surfaceless) {
        const EGLint pbufferAttribs[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
        surface = eglCreatePbufferSurface(display, config, pbufferAttribs);
        if (surface == EGL_NO_SURFACE) {
            eglDestroyContext(display, context);
            return fail("no pbuffer surface");
        }
    }
    if (!eglMakeCurrent(display, surface, surface, context)) {
        if (surface != EGL_NO_SURFACE) eglDestroySurface(display, surface);
        eglDestroyContext(display, context);
        return fail("eglMakeCurrent failed");
    }
    auto platform = std::make_unique<EglHeadless>(display, context, surface, how, size);
    try {
        gl::loadFunctions(reinterpret_cast<gl::ProcLoader>(eglGetProcAddress));
        if (debugContext) gl::enableDebugOutput();
        platform->createTarget();
    } catch (const std::exception& e) {
        whyNot = how + ": " + e.what();
        return nullptr;
    }
    return platform;
}

}  // namespace

std::unique_ptr<Surface> createOffscreenSurface(glm::ivec2 size) {
    if (size.x <= 0 || size.y <= 0 || size.x > 16384 || size.y > 16384)
        throw StartupError("second output size " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                           " is outside 1..16384");
    return std::make_unique<OffscreenSurface>(size);
}

std::unique_ptr<Platform> createHeadlessPlatform(glm::ivec2 size, bool debugContext) {
    if (size.x <= 0 || size.y <= 0 || size.x > 16384 || size.y > 16384)
        throw StartupError("headless size " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                           " is outside 1..16384");
    std::string reasons;
    auto note = [&](const std::string& why) { reasons += (reasons.empty() ? "" : "; ") + why; };
    auto getPlatformDisplay = eglProc<PFNEGLGETPLATFORMDISPLAYEXTPROC>("eglGetPlatformDisplayEXT");
    std::string why;
    if (getPlatformDisplay) {
        EGLDisplay display = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (auto p = tryDisplay(display, "EGL surfaceless", size, debugContext, why)) return p;
        note(why);
        auto queryDevices = eglProc<PFNEGLQUERYDEVICESEXTPROC>("eglQueryDevicesEXT");
        EGLDeviceEXT devices[8];
        EGLint deviceCount = 0;
        if (queryDevices && queryDevices(8, devices, &deviceCount)) {
            for (EGLint i = 0; i < deviceCount; ++i) {
                display = getPlatformDisplay(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
                if (auto p = tryDisplay(display, "EGL device " + std::to_string(i), size, debugContext, why)) return p;
                note(why);
            }
        }
    }
    if (auto p = tryDisplay(eglGetDisplay(EGL_DEFAULT_DISPLAY), "EGL default display", size, debugContext, why)) return p;
    note(why);
    if (displayAvailable()) {
        if (auto p = createHiddenSdlPlatform(size, debugContext, why)) return p;
        note(why);
    }
    throw StartupError("no headless OpenGL 3.3 context: " + reasons +
                       " (install Mesa: apt-get install libegl-mesa0 libgl1-mesa-dri, or run under Xvfb)");
}

bool displayAvailable() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

}  // namespace exhibit
