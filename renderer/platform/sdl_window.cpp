// Window platform on SDL2: a resizable window or borderless full screen on a chosen display, with a
// GL 3.3 core context. Also the last headless fallback: a hidden window (e.g. under Xvfb) whose
// frames go to an offscreen target.
#include <SDL2/SDL.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "renderer/gl.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"

namespace exhibit {
namespace {

class SdlWindow final : public Platform {
public:
    SdlWindow(SDL_Window* window, SDL_GLContext context, bool hidden, glm::ivec2 hiddenSize)
        : window_(window), context_(context), hidden_(hidden) {
        if (hidden_) target_ = RenderTarget(hiddenSize);
    }
    ~SdlWindow() override {
        target_ = RenderTarget();
        SDL_GL_DeleteContext(context_);
        SDL_DestroyWindow(window_);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
    glm::ivec2 drawableSize() const override {
        if (hidden_) return target_.size();
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(window_, &w, &h);
        return {w, h};
    }
    unsigned frameTarget() const override { return hidden_ ? target_.framebuffer() : 0; }
    void pollEvents(std::vector<PlatformEvent>& out) override {
        SDL_Event event;
        while (SDL_PollEvent(&event)) {
            switch (event.type) {
                case SDL_QUIT: out.push_back({PlatformEvent::Type::Quit, 0}); break;
                case SDL_KEYDOWN:
                    out.push_back({PlatformEvent::Type::KeyDown, static_cast<int>(event.key.keysym.sym)});
                    break;
                case SDL_WINDOWEVENT:
                    if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                        out.push_back({PlatformEvent::Type::Resized, 0});
                    if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
                        out.push_back({PlatformEvent::Type::FocusLost, 0});
                    break;
                case SDL_FINGERDOWN:
                case SDL_FINGERMOTION:
                case SDL_FINGERUP: {
                    // Finger positions are normalised to the window.
                    const glm::vec2 size = drawableSize();
                    const auto type = event.type == SDL_FINGERDOWN     ? PlatformEvent::Type::FingerDown
                                      : event.type == SDL_FINGERMOTION ? PlatformEvent::Type::FingerMove
                                                                       : PlatformEvent::Type::FingerUp;
                    out.push_back({type, 0, static_cast<std::int64_t>(event.tfinger.fingerId),
                                   {event.tfinger.x * size.x, event.tfinger.y * size.y}});
                    break;
                }
                case SDL_MOUSEBUTTONDOWN:
                case SDL_MOUSEBUTTONUP:
                    if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) break;
                    out.push_back({event.type == SDL_MOUSEBUTTONDOWN ? PlatformEvent::Type::MouseDown
                                                                     : PlatformEvent::Type::MouseUp,
                                   0, 0, toDrawable(event.button.x, event.button.y)});
                    break;
                case SDL_MOUSEMOTION:
                    if (event.motion.which == SDL_TOUCH_MOUSEID) break;
                    out.push_back({PlatformEvent::Type::MouseMove, 0, 0, toDrawable(event.motion.x, event.motion.y)});
                    break;
                default: break;
            }
        }
    }
    // Window coordinates (points) to drawable pixels (they differ on high-DPI displays).
    glm::vec2 toDrawable(int x, int y) const {
        int w = 1, h = 1;
        SDL_GetWindowSize(window_, &w, &h);
        const glm::vec2 size = drawableSize();
        return {static_cast<float>(x) * size.x / static_cast<float>(std::max(w, 1)),
                static_cast<float>(y) * size.y / static_cast<float>(std::max(h, 1))};
    }
    void present() override {
        if (hidden_)
            glFinish();
        else
            SDL_GL_SwapWindow(window_);
    }
    bool headless() const override { return hidden_; }
    std::string description() const override {
        return std::string(hidden_ ? "headless hidden SDL window" : "SDL window") + " (" +
               SDL_GetCurrentVideoDriver() + "); " + gl::describeContext();
    }

private:
    SDL_Window* window_;
    SDL_GLContext context_;
    bool hidden_;
    RenderTarget target_;
};

std::unique_ptr<Platform> openWindow(const WindowOptions& options, bool hidden, bool debugContext, std::string& whyNot) {
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        whyNot = std::string("SDL video: ") + SDL_GetError();
        return nullptr;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, debugContext ? SDL_GL_CONTEXT_DEBUG_FLAG : 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = options.size.x, h = options.size.y;
    if (hidden) {
        flags |= SDL_WINDOW_HIDDEN;
        w = h = 64;
    } else if (options.fullscreen) {
        int displays = SDL_GetNumVideoDisplays();
        if (options.display < 0 || options.display >= displays) {
            whyNot = "display " + std::to_string(options.display) + " does not exist (" + std::to_string(displays) +
                     " display(s) found)";
            SDL_QuitSubSystem(SDL_INIT_VIDEO);
            return nullptr;
        }
        SDL_Rect bounds;
        SDL_GetDisplayBounds(options.display, &bounds);
        x = bounds.x;
        y = bounds.y;
        w = bounds.w;
        h = bounds.h;
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_ShowCursor(SDL_DISABLE);
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
        x = SDL_WINDOWPOS_CENTERED_DISPLAY(options.display);
        y = SDL_WINDOWPOS_CENTERED_DISPLAY(options.display);
    }
    SDL_Window* window = SDL_CreateWindow(options.title.c_str(), x, y, w, h, flags);
    if (!window) {
        whyNot = std::string("SDL window: ") + SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return nullptr;
    }
    SDL_GLContext context = SDL_GL_CreateContext(window);
    if (!context) {
        whyNot = std::string("SDL OpenGL 3.3 core context: ") + SDL_GetError();
        SDL_DestroyWindow(window);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return nullptr;
    }
    SDL_GL_MakeCurrent(window, context);
    if (!hidden && SDL_GL_SetSwapInterval(options.vsync ? 1 : 0) != 0)
        spdlog::warn("[platform.vsync] could not set vsync {}: {}", options.vsync ? "on" : "off", SDL_GetError());
    try {
        gl::loadFunctions(reinterpret_cast<gl::ProcLoader>(SDL_GL_GetProcAddress));
        if (debugContext) gl::enableDebugOutput();
        return std::make_unique<SdlWindow>(window, context, hidden, options.size);
    } catch (const std::exception& e) {
        whyNot = e.what();
        SDL_GL_DeleteContext(context);
        SDL_DestroyWindow(window);
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return nullptr;
    }
}

}  // namespace

std::unique_ptr<Platform> createHiddenSdlPlatform(glm::ivec2 size, bool debugContext, std::string& whyNot) {
    WindowOptions options;
    options.size = size;
    return openWindow(options, true, debugContext, whyNot);
}

std::unique_ptr<Platform> createWindowPlatform(const WindowOptions& options, bool debugContext) {
    std::string why;
    if (auto platform = openWindow(options, false, debugContext, why)) return platform;
    throw StartupError("cannot open a window: " + why + " (use --headless on machines without a display)");
}

}  // namespace exhibit
