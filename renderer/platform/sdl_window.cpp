// Window platform on SDL2: a resizable window or borderless full screen on a chosen display, with a
// GL 3.3 core context. Also the last headless fallback: a hidden window (e.g. under Xvfb) whose
// frames go to an offscreen target. More windows (openSecondWindow: the operator's, a video
// wall's outputs) share the context; their events carry window = 1, 2, ... in the order opened.
#include <SDL2/SDL.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "renderer/gl.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"

namespace exhibit {

std::unique_ptr<Surface> createOffscreenSurface(glm::ivec2 size);

namespace {

// Where a window goes: the whole display, borderless, when full screen; else centred on the
// display and resizable.
struct WindowPlacement {
    int x, y, w, h;
    Uint32 flags;
};

WindowPlacement placeWindow(const WindowOptions& options) {
    const int centred = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(options.display));
    WindowPlacement p{centred, centred, options.size.x, options.size.y, SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI};
    if (options.fullscreen) {
        SDL_Rect bounds;
        SDL_GetDisplayBounds(options.display, &bounds);
        p = {bounds.x, bounds.y, bounds.w, bounds.h, p.flags | SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS};
    } else {
        p.flags |= SDL_WINDOW_RESIZABLE;
    }
    return p;
}

glm::ivec2 drawableSizeOf(SDL_Window* window) {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    return {w, h};
}

// Window coordinates (points) to drawable pixels (they differ on high-DPI displays).
glm::vec2 toDrawable(SDL_Window* window, int x, int y) {
    int w = 1, h = 1;
    SDL_GetWindowSize(window, &w, &h);
    const glm::vec2 size = drawableSizeOf(window);
    return {static_cast<float>(x) * size.x / static_cast<float>(std::max(w, 1)),
            static_cast<float>(y) * size.y / static_cast<float>(std::max(h, 1))};
}

class SdlWindow;

// The second window: drawn with the wall window's context made current on it.
class SecondWindow final : public Surface {
public:
    SecondWindow(SdlWindow& owner, SDL_Window* window, int index) : owner_(owner), window_(window), index_(index) {}
    ~SecondWindow() override;
    SecondWindow(const SecondWindow&) = delete;
    SecondWindow& operator=(const SecondWindow&) = delete;
    glm::ivec2 drawableSize() const override { return drawableSizeOf(window_); }
    unsigned frameTarget() const override { return 0; }
    void makeCurrent() override;
    void present() override;
    int window() const override { return index_; }
    SDL_Window* sdlWindow() const { return window_; }

private:
    SdlWindow& owner_;
    SDL_Window* window_;
    int index_;
};

class SdlWindow final : public Platform {
public:
    SdlWindow(SDL_Window* window, SDL_GLContext context, bool hidden, glm::ivec2 hiddenSize, bool vsync)
        : window_(window), context_(context), hidden_(hidden), vsync_(vsync) {
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
        return drawableSizeOf(window_);
    }
    unsigned frameTarget() const override { return hidden_ ? target_.framebuffer() : 0; }
    void pollEvents(std::vector<PlatformEvent>& out) override {
        SDL_Event event;
        while (SDL_PollEvent(&event)) {
            switch (event.type) {
                case SDL_QUIT: out.push_back({PlatformEvent::Type::Quit, 0}); break;
                case SDL_KEYDOWN:
                    out.push_back({PlatformEvent::Type::KeyDown, static_cast<int>(event.key.keysym.sym), 0, {0, 0},
                                   windowIndex(event.key.windowID)});
                    break;
                case SDL_WINDOWEVENT: {
                    const int index = windowIndex(event.window.windowID);
                    if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                        out.push_back({PlatformEvent::Type::Resized, 0, 0, {0, 0}, index});
                    if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
                        out.push_back({PlatformEvent::Type::FocusLost, 0, 0, {0, 0}, index});
                    // With more windows open SDL sends SDL_QUIT only when all are closed: closing
                    // the wall's first window quits, closing another (the operator's, a wall
                    // output's) only minimises it.
                    if (event.window.event == SDL_WINDOWEVENT_CLOSE && !extra_.empty()) {
                        if (index != 0)
                            SDL_MinimizeWindow(sdlWindow(index));
                        else
                            out.push_back({PlatformEvent::Type::Quit, 0});
                    }
                    break;
                }
                case SDL_FINGERDOWN:
                case SDL_FINGERMOTION:
                case SDL_FINGERUP: {
                    // Finger positions are normalised to the window.
                    const int index = windowIndex(event.tfinger.windowID);
                    const glm::vec2 size = drawableSizeOf(sdlWindow(index));
                    const auto type = event.type == SDL_FINGERDOWN     ? PlatformEvent::Type::FingerDown
                                      : event.type == SDL_FINGERMOTION ? PlatformEvent::Type::FingerMove
                                                                       : PlatformEvent::Type::FingerUp;
                    out.push_back({type, 0, static_cast<std::int64_t>(event.tfinger.fingerId),
                                   {event.tfinger.x * size.x, event.tfinger.y * size.y}, index});
                    break;
                }
                case SDL_MOUSEBUTTONDOWN:
                case SDL_MOUSEBUTTONUP: {
                    if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) break;
                    const int index = windowIndex(event.button.windowID);
                    out.push_back({event.type == SDL_MOUSEBUTTONDOWN ? PlatformEvent::Type::MouseDown
                                                                     : PlatformEvent::Type::MouseUp,
                                   0, 0, toDrawable(sdlWindow(index), event.button.x, event.button.y), index});
                    break;
                }
                case SDL_MOUSEMOTION: {
                    if (event.motion.which == SDL_TOUCH_MOUSEID) break;
                    const int index = windowIndex(event.motion.windowID);
                    out.push_back({PlatformEvent::Type::MouseMove, 0, 0,
                                   toDrawable(sdlWindow(index), event.motion.x, event.motion.y), index});
                    break;
                }
                default: break;
            }
        }
    }
    // The index of the surface with this SDL id, else 0 (the wall; also events without a window).
    int windowIndex(Uint32 id) const {
        for (const SecondWindow* w : extra_)
            if (id != 0 && id == SDL_GetWindowID(w->sdlWindow())) return w->window();
        return 0;
    }
    SDL_Window* sdlWindow(int index) const {
        for (const SecondWindow* w : extra_)
            if (w->window() == index) return w->sdlWindow();
        return window_;
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
    std::unique_ptr<Surface> openSecondWindow(const WindowOptions& options) override;

    void makeWallCurrent() { SDL_GL_MakeCurrent(window_, context_); }
    void makeCurrentOn(SDL_Window* window) { SDL_GL_MakeCurrent(window, context_); }
    void forget(const SecondWindow* second) { std::erase(extra_, second); }

private:
    SDL_Window* window_;
    SDL_GLContext context_;
    bool hidden_;
    bool vsync_;
    RenderTarget target_;
    std::vector<SecondWindow*> extra_;
    int nextIndex_ = 1;
};

SecondWindow::~SecondWindow() {
    owner_.forget(this);
    owner_.makeWallCurrent();
    SDL_DestroyWindow(window_);
}

void SecondWindow::makeCurrent() { owner_.makeCurrentOn(window_); }

void SecondWindow::present() {
    SDL_GL_SwapWindow(window_);
    owner_.makeWallCurrent();
}

std::unique_ptr<Surface> SdlWindow::openSecondWindow(const WindowOptions& options) {
    if (hidden_) return createOffscreenSurface(options.size);
    const int displays = SDL_GetNumVideoDisplays();
    if (options.display < 0 || options.display >= displays)
        throw StartupError("cannot open a window on display " + std::to_string(options.display) + ": it" +
                           " does not exist (" + std::to_string(displays) + " display(s) found)");
    const WindowPlacement p = placeWindow(options);
    SDL_Window* window = SDL_CreateWindow(options.title.c_str(), p.x, p.y, p.w, p.h, p.flags);
    if (!window) throw StartupError(std::string("cannot open another window: ") + SDL_GetError());
    if (SDL_GL_MakeCurrent(window, context_) != 0) {
        const std::string why = SDL_GetError();
        SDL_DestroyWindow(window);
        makeWallCurrent();
        throw StartupError("cannot draw into another window with the wall's OpenGL context: " + why);
    }
    // Where the driver keeps vsync per window (GLX_EXT_swap_control) the operator window swaps
    // without waiting; where it is per context the wall's setting, set last, wins.
    SDL_GL_SetSwapInterval(0);
    makeWallCurrent();
    SDL_GL_SetSwapInterval(vsync_ ? 1 : 0);
    auto surface = std::make_unique<SecondWindow>(*this, window, nextIndex_++);
    extra_.push_back(surface.get());
    return surface;
}

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

    WindowPlacement p{SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 64, 64,
                      SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_HIDDEN};
    if (!hidden && options.fullscreen) {
        const int displays = SDL_GetNumVideoDisplays();
        if (options.display < 0 || options.display >= displays) {
            whyNot = "display " + std::to_string(options.display) + " does not exist (" + std::to_string(displays) +
                     " display(s) found)";
            SDL_QuitSubSystem(SDL_INIT_VIDEO);
            return nullptr;
        }
        SDL_ShowCursor(SDL_DISABLE);
    }
    if (!hidden) p = placeWindow(options);
    SDL_Window* window = SDL_CreateWindow(options.title.c_str(), p.x, p.y, p.w, p.h, p.flags);
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
        return std::make_unique<SdlWindow>(window, context, hidden, options.size, options.vsync);
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
