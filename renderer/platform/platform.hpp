// Where frames go: a window on a display (SDL2) or nothing visible at all (headless EGL).
// A Platform owns the GL context, makes it current on creation and loads GL through GLAD. Every
// frame renders into frameTarget() at drawableSize() pixels; present() shows it (window) or
// finishes it (headless). The window platform is the only code in the project that includes SDL.
//
// Headless order of attempts: EGL surfaceless (Mesa, no display needed), EGL device platform
// (NVIDIA without X), EGL default display, then an SDL window that is never shown (needs $DISPLAY,
// e.g. Xvfb). The first that gives a GL 3.3 core context wins; if none does, StartupError lists
// why each failed.
//
// More outputs (the operator console's window, --operator-window; a video wall's other displays):
// openSecondWindow() returns a Surface that shares the platform's GL context; several may be open. Draw into it between makeCurrent() and present():
//   auto operatorWindow = platform->openSecondWindow({.size = {1280, 800}, .title = "exhibit 中控"});
//   each frame, after platform->present() (or before the wall's drawing starts, never in between):
//                                        operatorWindow->makeCurrent();
//                                        draw into operatorWindow->frameTarget() at its drawableSize();
//                                        operatorWindow->present();   // the wall's surface is current again
// Windowed (SDL): a second window, made current with the same context (GL objects are shared: they
// are the same context); vsync is turned off for it where the driver keeps vsync per window, so two
// swaps a frame do not halve the frame rate; its close button minimises it (the show goes on). Never
// switch surfaces in the middle of the wall's frame: with Mesa under Xvfb the wall's half-drawn back
// buffer reads black after switching back. Headless: an offscreen RenderTarget of the asked size, so
// tests and screenshots work; makeCurrent() and present() only bind and finish. Events from a
// window carry its Surface::window() index (1, 2, ... in the order opened); the platform must
// outlive its Surfaces.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <cstdint>

#include <glm/vec2.hpp>

namespace exhibit {

struct PlatformEvent {
    // Finger*: a touch screen contact; Mouse*: the left mouse button (never the mouse events SDL
    // synthesises from touches); FocusLost: the window lost input focus (release every contact).
    enum class Type { Quit, KeyDown, Resized, FingerDown, FingerMove, FingerUp, MouseDown, MouseMove, MouseUp, FocusLost };
    Type type = Type::Quit;
    int key = 0;              // KeyDown: see platform Key codes below
    std::int64_t finger = 0;  // Finger*: the contact id within its touch device
    glm::vec2 pos{0, 0};      // Finger*, Mouse*: drawable pixels
    int window = 0;           // 0 = the wall's window, 1 = the second window (openSecondWindow)
};

namespace keys {
inline constexpr int Escape = 27;
inline constexpr int Q = 'q';
inline constexpr int F = 'f';
inline constexpr int Space = ' ';
inline constexpr int Backspace = 8;
inline constexpr int Return = 13;
inline constexpr int F1 = (1 << 30) | 58;  // SDL keycode of F1
inline constexpr int Right = (1 << 30) | 79;  // SDL keycodes of the arrow keys
inline constexpr int Left = (1 << 30) | 80;
}  // namespace keys

struct WindowOptions {
    glm::ivec2 size{1920, 1080};
    bool fullscreen = false;  // borderless full screen at the display's native resolution
    int display = 0;
    bool vsync = true;
    std::string title = "exhibit";
};

// A second output sharing the platform's GL context (see the top of this file).
class Surface {
public:
    virtual ~Surface() = default;
    virtual glm::ivec2 drawableSize() const = 0;
    virtual unsigned frameTarget() const = 0;  // GL framebuffer name to render into while current
    virtual void makeCurrent() = 0;            // GL now draws to this surface
    virtual void present() = 0;                // shows (or finishes) it; the wall's surface is current again
    virtual int window() const = 0;            // PlatformEvent::window of its events; -1: offscreen, none
};

class Platform {
public:
    virtual ~Platform() = default;
    virtual glm::ivec2 drawableSize() const = 0;
    virtual unsigned frameTarget() const = 0;  // GL framebuffer name to render into
    virtual void pollEvents(std::vector<PlatformEvent>& out) = 0;
    virtual void present() = 0;
    virtual bool headless() const = 0;
    virtual std::string description() const = 0;  // e.g. "headless EGL surfaceless; OpenGL 4.5 ... llvmpipe"
    // Another output of options.size (options.fullscreen/display place a window on another
    // display). StartupError when the window cannot be opened.
    virtual std::unique_ptr<Surface> openSecondWindow(const WindowOptions& options) = 0;
};

std::unique_ptr<Platform> createHeadlessPlatform(glm::ivec2 size, bool debugContext = false);
std::unique_ptr<Platform> createWindowPlatform(const WindowOptions& options, bool debugContext = false);

// True when a window system is reachable ($DISPLAY or $WAYLAND_DISPLAY set).
bool displayAvailable();

}  // namespace exhibit
