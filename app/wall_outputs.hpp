// The outputs this process shows the canvas on. Without a wall layout: one, the platform's whole
// drawable (a window that may be resized, or the headless target), and the canvas is its size.
// With one (core/wall_layout.hpp): every output of this process's rank, each showing its part of
// the layout's canvas at its own native pixels: windowed, one borderless full-screen window per
// output on its display; headless, one offscreen target per output.
//
//   auto platform = openOutputsPlatform(layout, rank, options, title);
//   WallOutputs outputs(*platform, layout, rank, title);
//   canvas.begin(outputs.canvasSize(), ...);  ...scene draws...
//   outputs.draw(renderer, canvas.list());     // every output, none presented yet
//   ...overlay into platform->frameTarget(), captures...
//   outputs.present();                         // all outputs show the frame
//   glm::vec2 p = outputs.toCanvas(event);     // a touch on any output, in canvas px
//
// Output 0 is the platform's own surface, so everything that works on the platform (the operator
// overlay, window events with window = 0) works on the wall's first output. The others are drawn
// into offscreen targets and copied to their windows at present(), so drawing never switches
// windows in the middle of a frame (with Mesa under Xvfb that leaves the first window black).
// Screenshots of a wall get the output's name in the file name: wall.png -> wall-r1c2.png.
// Does not: decide what is drawn, or keep ranks in step (app/wall_sync.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "core/wall_layout.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/canvas_view.hpp"
#include "renderer/image.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"

namespace exhibit {

// The platform for output 0: headless at its size, or a full-screen window on its display.
// `layout` null: the plain window or headless target the options describe.
std::unique_ptr<Platform> openOutputsPlatform(const WallLayout* layout, int rank, const Options& options,
                                              const std::string& title);

// Where a headless run writes its last frame when --screenshot is not given:
// ./exhibit-<scene>-<W>x<H>.png (the canvas size; a wall's outputs add their names).
std::filesystem::path defaultScreenshotPath(const std::string& scene, glm::ivec2 canvasSize);
// Writes the PNG and says so on stdout ("exhibit: wrote screenshot PATH (WxH)"), which scripts read.
void saveScreenshot(const std::filesystem::path& path, const Image& image);

class WallOutputs {
public:
    // Opens outputs 1..n of `rank` beside the platform's (StartupError when a window cannot open).
    WallOutputs(Platform& platform, const WallLayout* layout, int rank, const std::string& title);
    ~WallOutputs();

    bool isWall() const { return layout_ != nullptr; }
    glm::ivec2 canvasSize() const;
    std::size_t count() const { return 1 + others_.size(); }
    const std::string& name(std::size_t index) const;
    CanvasView view(std::size_t index) const;

    // Draws the list into every output (output 0's statistics returned); presents nothing. A wall
    // over several ranks calls CanvasRenderer::finish() before it reports ready.
    RenderStats draw(CanvasRenderer& renderer, const DrawList& list);
    // Every output's frame as drawn (output 0's with whatever was drawn over it since).
    std::vector<Image> capture() const;
    void present();

    // The whole canvas in one image at most kOverviewSide px on its longer side (the operator's
    // screenshot); a plain window's is its frame as drawn. Call after draw().
    static constexpr int kOverviewSide = 3840;
    Image overview(CanvasRenderer& renderer, const DrawList& list) const;
    // Canvas px of a window event's position (output px of the window it came from).
    glm::vec2 toCanvas(const PlatformEvent& event) const;
    // The screenshot file of output `index`: `base` itself for a plain window.
    std::filesystem::path screenshotPath(const std::filesystem::path& base, std::size_t index) const;
    // capture() written to screenshotPath(base, i) for every output.
    void saveScreenshots(const std::filesystem::path& base) const;

private:
    struct Other {
        const WallOutput* output;
        RenderTarget target;               // drawn here
        std::unique_ptr<Surface> window;   // copied here at present(); null headless
    };
    Platform& platform_;
    const WallLayout* layout_;
    std::vector<const WallOutput*> mine_;  // this rank's outputs; [0] is the platform's
    std::vector<Other> others_;
};

}  // namespace exhibit
