// Where the operator console appears: in its own window (--operator-window; headless, an offscreen
// image of its own) or over the wall, shown and hidden with F1 (--console shows it from the start).
// Routes input: the second window's events go to the console; on the wall, while the overlay is
// shown, pointer contacts that begin on a console panel go to it (until they lift) instead of to
// the visitors' touch. Commands the operator gives go into the same queue as the control API's.
//
//   ConsoleHost host(*platform, options, regularFont, session.commands(), session.status());
//   for (auto& e : events) if (!host.event(e)) touch.platformEvent(e);
//   ...wall drawn...  host.drawOverlay(platform->frameTarget(), size, dt);   // before present
//   ...wall presented...  host.drawWindow(dt);
//
// Does not: build the console's UI (OperatorConsole) or apply commands (OperatorSession).
#pragma once

#include <memory>
#include <optional>

#include "app/control_channel.hpp"
#include "app/operator_console.hpp"
#include "app/options.hpp"
#include "renderer/font.hpp"
#include "renderer/image.hpp"
#include "renderer/platform/platform.hpp"

namespace exhibit {

class ConsoleHost {
public:
    // Opens the operator window when asked (StartupError when it cannot).
    ConsoleHost(Platform& platform, const Options& options, const Font& font, CommandQueue& commands,
                const StatusBoard& status);
    ~ConsoleHost();

    // True when the event was the console's (F1, the operator window's, or a contact on the overlay).
    bool event(const PlatformEvent& e);
    void drawOverlay(unsigned framebuffer, glm::ivec2 size, double dt);
    // Draws and presents the operator window; `capture` (optional) receives the frame (screenshots).
    void drawWindow(double dt, Image* capture = nullptr);
    bool overlayShown() const { return overlayShown_; }
    bool hasWindow() const { return window_ != nullptr; }

private:
    OperatorConsole& console(float uiScale);
    void give(const std::vector<ControlCommand>& commands);

    Platform& platform_;
    const Font& font_;
    CommandQueue& commands_;
    const StatusBoard& status_;
    std::unique_ptr<Surface> window_;
    std::unique_ptr<OperatorConsole> console_;
    bool overlayShown_ = false;
    std::optional<std::int64_t> capturedFinger_;  // a contact that began on the overlay
    bool capturedMouse_ = false;
};

}  // namespace exhibit
