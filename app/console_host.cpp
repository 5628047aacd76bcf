#include "app/console_host.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "renderer/render_target.hpp"

namespace exhibit {

ConsoleHost::ConsoleHost(Platform& platform, const Options& options, const Font& font, CommandQueue& commands,
                         const StatusBoard& status)
    : platform_(platform), font_(font), commands_(commands), status_(status), overlayShown_(options.console) {
    if (options.operatorWindow) {
        window_ = platform.openSecondWindow({.size = {1280, 800}, .vsync = false, .title = "exhibit 中控台 operator"});
        console(1.0f);
        spdlog::info("[app.console] operator window {}x{}", window_->drawableSize().x, window_->drawableSize().y);
    }
}

ConsoleHost::~ConsoleHost() = default;

OperatorConsole& ConsoleHost::console(float uiScale) {
    if (!console_) console_ = std::make_unique<OperatorConsole>(font_.file(), font_.faceIndex(), uiScale);
    return *console_;
}

bool ConsoleHost::event(const PlatformEvent& e) {
    using T = PlatformEvent::Type;
    if (window_ && e.window == window_->window()) {
        if (console_) console_->event(e);
        return true;
    }
    if (e.type == T::KeyDown && e.key == keys::F1 && !window_) {
        overlayShown_ = !overlayShown_;
        capturedFinger_.reset();
        capturedMouse_ = false;
        spdlog::info("[app.console] overlay {}", overlayShown_ ? "shown" : "hidden");
        return true;
    }
    if (!overlayShown_ || !console_) return false;
    if (e.window != 0 && e.type != T::KeyDown) return false;  // the overlay is on the first output only
    switch (e.type) {
        case T::MouseDown:
            capturedMouse_ = console_->wantsInput(e.pos);
            if (capturedMouse_) console_->event(e);
            return capturedMouse_;
        case T::MouseMove:
            console_->event(e);  // hover; the visitors' touch sees the move too unless captured
            return capturedMouse_;
        case T::MouseUp:
            if (!capturedMouse_) return false;
            capturedMouse_ = false;
            console_->event(e);
            return true;
        case T::FingerDown:
            if (capturedFinger_ || !console_->wantsInput(e.pos)) return false;
            capturedFinger_ = e.finger;
            console_->event(e);
            return true;
        case T::FingerMove:
        case T::FingerUp:
            if (capturedFinger_ != e.finger) return false;
            console_->event(e);
            if (e.type == T::FingerUp) capturedFinger_.reset();
            return true;
        case T::KeyDown:
            console_->event(e);
            return false;
        default: return false;
    }
}

void ConsoleHost::give(const std::vector<ControlCommand>& commands) {
    for (const ControlCommand& c : commands)
        if (!commands_.push(c)) spdlog::warn("[app.console] command dropped: the queue is full");
}

void ConsoleHost::drawOverlay(unsigned framebuffer, glm::ivec2 size, double dt) {
    if (!overlayShown_ || window_) return;
    // Console sizes follow a 1080-line output, so the panels keep their physical size on a 4K wall.
    OperatorConsole& c = console(std::max(1.0f, static_cast<float>(size.y) / 1080.0f));
    give(c.frame(*status_.latest(), size, dt));
    c.render(framebuffer, size);
}

void ConsoleHost::drawWindow(double dt, Image* capture) {
    if (!window_) return;
    window_->makeCurrent();
    const glm::ivec2 size = window_->drawableSize();
    give(console_->frame(*status_.latest(), size, dt));
    console_->render(window_->frameTarget(), size, true);
    if (capture) *capture = readFramebuffer(window_->frameTarget(), size);
    window_->present();
}

}  // namespace exhibit
