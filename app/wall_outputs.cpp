#include "app/wall_outputs.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>

#include <glm/common.hpp>

#include "core/error.hpp"

namespace exhibit {
namespace {

WindowOptions windowFor(const WallOutput& output, bool vsync, const std::string& title) {
    WindowOptions window;
    window.size = output.size;
    window.fullscreen = true;
    window.display = output.display;
    window.vsync = vsync;
    window.title = title + " [" + output.name + "]";
    return window;
}

}  // namespace

std::filesystem::path defaultScreenshotPath(const std::string& scene, glm::ivec2 size) {
    return std::filesystem::current_path() /
           ("exhibit-" + scene + "-" + std::to_string(size.x) + "x" + std::to_string(size.y) + ".png");
}

void saveScreenshot(const std::filesystem::path& path, const Image& image) {
    writePng(path, image);
    std::printf("exhibit: wrote screenshot %s (%dx%d)\n", std::filesystem::absolute(path).c_str(), image.width,
                image.height);
    std::fflush(stdout);
}

void WallOutputs::saveScreenshots(const std::filesystem::path& base) const {
    const auto images = capture();
    for (std::size_t i = 0; i < images.size(); ++i) saveScreenshot(screenshotPath(base, i), images[i]);
}

std::unique_ptr<Platform> openOutputsPlatform(const WallLayout* layout, int rank, const Options& options,
                                              const std::string& title) {
    const bool headless = options.headless || !displayAvailable();
    if (!options.headless && headless) spdlog::warn("[app.display] no display found: rendering headless");
    if (!layout) {
        if (headless) return createHeadlessPlatform(options.size, options.debugGl);
        WindowOptions window;
        window.size = options.size;
        window.fullscreen = options.fullscreen;
        window.display = options.display;
        window.vsync = options.vsync;
        window.title = title;
        return createWindowPlatform(window, options.debugGl);
    }
    const WallOutput& first = *layout->outputsOf(rank).front();
    if (headless) return createHeadlessPlatform(first.size, options.debugGl);
    return createWindowPlatform(windowFor(first, options.vsync, title), options.debugGl);
}

WallOutputs::WallOutputs(Platform& platform, const WallLayout* layout, int rank, const std::string& title)
    : platform_(platform), layout_(layout) {
    if (!layout_) return;
    mine_ = layout_->outputsOf(rank);
    for (std::size_t i = 1; i < mine_.size(); ++i) {
        Other other{mine_[i], RenderTarget(mine_[i]->size), nullptr};
        if (!platform_.headless()) {
            try {
                other.window = platform_.openSecondWindow(windowFor(*mine_[i], false, title));  // output 0 paces
            } catch (const StartupError& e) {
                throw StartupError("wall output \"" + mine_[i]->name + "\": " + e.what());
            }
            if (other.window->drawableSize() != mine_[i]->size)
                other.target = RenderTarget(other.window->drawableSize());
        }
        others_.push_back(std::move(other));
    }
    std::string names;
    for (const auto* o : mine_) names += (names.empty() ? "" : ", ") + o->name;
    spdlog::info("[app.wall] rank {} drives {} of the {} outputs ({}) of \"{}\", a {}x{} canvas", rank, mine_.size(),
                 layout_->outputs.size(), names, layout_->name, layout_->canvas.x, layout_->canvas.y);
}

WallOutputs::~WallOutputs() = default;

glm::ivec2 WallOutputs::canvasSize() const { return layout_ ? layout_->canvas : platform_.drawableSize(); }

const std::string& WallOutputs::name(std::size_t index) const {
    static const std::string plain = "main";
    return layout_ ? mine_[index]->name : plain;
}

CanvasView WallOutputs::view(std::size_t index) const {
    if (!layout_) return CanvasView::whole(platform_.drawableSize());
    const glm::ivec2 target = index == 0 ? platform_.drawableSize() : others_[index - 1].target.size();
    return {glm::vec4(mine_[index]->rect), target, mine_[index]->quarterTurns()};
}

RenderStats WallOutputs::draw(CanvasRenderer& renderer, const DrawList& list) {
    renderer.prepare(list);
    const RenderStats first = renderer.draw(list, platform_.frameTarget(), view(0));
    for (std::size_t i = 0; i < others_.size(); ++i) renderer.draw(list, others_[i].target.framebuffer(), view(i + 1));
    return first;
}

std::vector<Image> WallOutputs::capture() const {
    std::vector<Image> images;
    images.push_back(readFramebuffer(platform_.frameTarget(), platform_.drawableSize()));
    for (const Other& o : others_) images.push_back(readFramebuffer(o.target.framebuffer(), o.target.size()));
    return images;
}

void WallOutputs::present() {
    platform_.present();
    for (Other& o : others_) {
        if (!o.window) continue;
        o.window->makeCurrent();
        copyTarget(o.target, o.window->frameTarget());
        o.window->present();
    }
}

Image WallOutputs::overview(CanvasRenderer& renderer, const DrawList& list) const {
    if (!layout_) return readFramebuffer(platform_.frameTarget(), platform_.drawableSize());
    const glm::vec2 canvas(layout_->canvas);
    const float scale = std::min(1.0f, static_cast<float>(kOverviewSide) / std::max(canvas.x, canvas.y));
    const glm::ivec2 size = glm::max(glm::ivec2(glm::round(canvas * scale)), glm::ivec2(1));
    const RenderTarget target(size);
    renderer.draw(list, target.framebuffer(), {{0, 0, canvas.x, canvas.y}, size, 0});
    return readFramebuffer(target.framebuffer(), size);
}

glm::vec2 WallOutputs::toCanvas(const PlatformEvent& event) const {
    if (!layout_) return event.pos;
    for (std::size_t i = 0; i < others_.size(); ++i)
        if (others_[i].window && others_[i].window->window() == event.window) return view(i + 1).toCanvas(event.pos);
    return view(0).toCanvas(event.pos);
}

std::filesystem::path WallOutputs::screenshotPath(const std::filesystem::path& base, std::size_t index) const {
    if (!layout_) return base;
    return base.parent_path() / (base.stem().string() + "-" + mine_[index]->name + base.extension().string());
}

}  // namespace exhibit
