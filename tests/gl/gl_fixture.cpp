#include "tests/gl/gl_fixture.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "renderer/render_target.hpp"

namespace exhibit {

namespace {

// Everything GL-related the test process shares. Members are destroyed in reverse order, so the
// renderer (which owns GL objects) goes before the platform that owns the context.
struct GlProcess {
    bool attempted = false;
    std::unique_ptr<Platform> platform;
    std::string whyNot;
    std::unique_ptr<CanvasRenderer> renderer;
    std::optional<Font> font;
};

GlProcess& process() {
    static GlProcess state;
    return state;
}

Platform* ensurePlatform() {
    GlProcess& p = process();
    if (!p.attempted) {
        p.attempted = true;
        try {
            p.platform = createHeadlessPlatform({256, 256});
        } catch (const StartupError& e) {
            p.whyNot = e.what();
        }
    }
    return p.platform.get();
}

PixelRect clip(const Image& image, PixelRect r) {
    return {std::max(r.x0, 0), std::max(r.y0, 0), std::min(r.x1, image.width), std::min(r.y1, image.height)};
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const Rgba& p) {
    return out << "rgba(" << p.r << ", " << p.g << ", " << p.b << ", " << p.a << ")";
}

Rgba pixelAt(const Image& image, int x, int y) {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) {
        ADD_FAILURE() << "pixel (" << x << ", " << y << ") is outside the " << image.width << "x" << image.height
                      << " image";
        return {};
    }
    const std::uint8_t* p = image.pixel(x, y);
    return {p[0], p[1], p[2], p[3]};
}

int channelDistance(Rgba pixel, Rgba expected) {
    return std::max({std::abs(pixel.r - expected.r), std::abs(pixel.g - expected.g), std::abs(pixel.b - expected.b),
                     std::abs(pixel.a - expected.a)});
}

Rgba toRgba(Color c) {
    auto to8 = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return {to8(c.r), to8(c.g), to8(c.b), to8(c.a)};
}

int countPixels(const Image& image, PixelRect rect, const std::function<bool(Rgba)>& predicate) {
    const PixelRect r = clip(image, rect);
    int count = 0;
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x)
            if (predicate(pixelAt(image, x, y))) ++count;
    return count;
}

double coverageSum(const Image& image, PixelRect rect, int channel) {
    const PixelRect r = clip(image, rect);
    double sum = 0;
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) sum += image.pixel(x, y)[channel] / 255.0;
    return sum;
}

double fractionNear(const Image& image, PixelRect rect, Rgba color, int tolerance) {
    const PixelRect r = clip(image, rect);
    const int total = std::max(0, r.x1 - r.x0) * std::max(0, r.y1 - r.y0);
    if (total == 0) return 0;
    const int near = countPixels(image, r, [&](Rgba p) { return channelDistance(p, color) <= tolerance; });
    return static_cast<double>(near) / total;
}

int countDifferent(const Image& image, PixelRect rect, Rgba background, int tolerance) {
    return countPixels(image, rect, [&](Rgba p) { return channelDistance(p, background) > tolerance; });
}

PixelRect wholeImage(const Image& image) { return {0, 0, image.width, image.height}; }

void saveForInspection(const Image& image, const std::string& name) {
    const auto path = std::filesystem::path(EXHIBIT_BINARY_DIR) / "gl-output" / (name + ".png");
    try {
        writePng(path, image);
    } catch (const std::exception& e) {
        ADD_FAILURE() << "could not write " << path << ": " << e.what();
    }
}

void GlTest::SetUp() {
    if (!ensurePlatform()) GTEST_SKIP() << "no GL context: " << process().whyNot;
}

Platform& GlTest::platform() {
    Platform* p = ensurePlatform();
    if (!p) throw StartupError("no GL context: " + process().whyNot);
    return *p;
}

CanvasRenderer& GlTest::renderer() {
    platform();
    GlProcess& p = process();
    if (!p.renderer) p.renderer = std::make_unique<CanvasRenderer>();
    return *p.renderer;
}

const Font& GlTest::cjkFont() {
    GlProcess& p = process();
    if (!p.font) p.font.emplace(Font::find("Noto Sans CJK SC", true));
    return *p.font;
}

Image GlTest::render(const Canvas& canvas, RenderStats* stats) { return render(renderer(), canvas, stats); }

Image GlTest::render(CanvasRenderer& with, const Canvas& canvas, RenderStats* stats) {
    const RenderTarget target(canvas.size());
    const RenderStats s = with.execute(canvas.list(), target.framebuffer());
    if (stats) *stats = s;
    return readFramebuffer(target.framebuffer(), target.size());
}

}  // namespace exhibit
