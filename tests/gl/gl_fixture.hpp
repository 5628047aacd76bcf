// GoogleTest fixture for tests that need a GL context (label `gl`).
//
// One headless platform (256 x 256, createHeadlessPlatform) is created lazily for the whole test
// process and kept until it exits; the shared CanvasRenderer and the CJK font live as long. When no
// GL 3.3 core context can be made (StartupError), every GlTest skips with
//   no GL context: <why each attempt failed>
// so the suite passes cleanly on machines without GL.
//
// Use:
//   class CanvasTest : public GlTest {};
//   TEST_F(CanvasTest, Rect) {
//       Canvas canvas;
//       canvas.begin({64, 64}, kBlack);
//       canvas.rect({10, 10, 20, 20}, kWhite);
//       const Image image = render(canvas);          // RenderTarget of the canvas size, read back
//       EXPECT_EQ(pixelAt(image, 15, 15), (Rgba{255, 255, 255, 255}));
//   }
// Images are top-down (row 0 = top), like canvas coordinates. Pixel (x, y) covers [x, x+1) x [y, y+1).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "core/color.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/font.hpp"
#include "renderer/image.hpp"
#include "renderer/platform/platform.hpp"

namespace exhibit {

inline constexpr Color kBlack{0, 0, 0, 1};
inline constexpr Color kWhite{1, 1, 1, 1};
inline constexpr Color kRed{1, 0, 0, 1};
inline constexpr Color kBlue{0, 0, 1, 1};

// One pixel as 0..255 channels.
struct Rgba {
    int r = 0, g = 0, b = 0, a = 0;
    friend bool operator==(const Rgba&, const Rgba&) = default;
};
std::ostream& operator<<(std::ostream& out, const Rgba& p);

// Half-open pixel rectangle [x0, x1) x [y0, y1), clipped to the image by the helpers.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

Rgba pixelAt(const Image& image, int x, int y);
// Largest per-channel difference between the pixel and `expected` (alpha included).
int channelDistance(Rgba pixel, Rgba expected);
Rgba toRgba(Color c);  // rounded 0..255, straight (what an opaque colour reads back as)

// Number of pixels inside `rect` for which `predicate` holds.
int countPixels(const Image& image, PixelRect rect, const std::function<bool(Rgba)>& predicate);
// Sum over `rect` of channel (0 = r, 1 = g, 2 = b, 3 = a) / 255: the covered area in pixels when
// a white shape is drawn on black.
double coverageSum(const Image& image, PixelRect rect, int channel = 0);
// Fraction (0..1) of pixels inside `rect` within `tolerance` of `color` on every channel.
double fractionNear(const Image& image, PixelRect rect, Rgba color, int tolerance);
// Pixels that differ from `background` by more than `tolerance` on any channel.
int countDifferent(const Image& image, PixelRect rect, Rgba background, int tolerance);
PixelRect wholeImage(const Image& image);

// Writes the image into the build tree (tests/gl-output/<name>.png) so a failing case can be viewed.
void saveForInspection(const Image& image, const std::string& name);

class GlTest : public ::testing::Test {
protected:
    void SetUp() override;

    // The process-wide platform, renderer and font (created on first use; the platform in SetUp).
    static Platform& platform();
    static CanvasRenderer& renderer();
    static const Font& cjkFont();  // Font::find("Noto Sans CJK SC", true)

    // Renders the canvas with `with` (default: the shared renderer) into a new RenderTarget of the
    // canvas size and reads it back. `stats` receives the execute() statistics when given.
    static Image render(const Canvas& canvas, RenderStats* stats = nullptr);
    static Image render(CanvasRenderer& with, const Canvas& canvas, RenderStats* stats = nullptr);
};

}  // namespace exhibit
