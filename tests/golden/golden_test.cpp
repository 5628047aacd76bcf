// Golden images. Tolerances (tests/support/golden.hpp): a pixel fails when a channel differs by more
// than 5/255 (llvmpipe versions round blending and filtering differently by a few levels), and a case
// fails when more than 0.1 % of its pixels fail (room for anti-aliased edges to move by a sub-pixel,
// too little for a missing label, border or legend row).
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/font.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/process.hpp"

namespace exhibit::test {
namespace {

std::filesystem::path outDir() { return std::filesystem::path(EXHIBIT_BINARY_DIR) / "golden-out"; }

void expectMapGolden(const std::string& size) {
    const auto shot = outDir() / ("map-" + size + ".render.png");
    std::filesystem::remove(shot);
    const auto result = runProcess({EXHIBIT_EXE, "--headless", "--scene", "map", "--size", size, "--frames", "2",
                                    "--fixed-dt", "16.667", "--screenshot", shot.string(), "--log-level", "warn"});
    if (result.exitCode == 1 && result.err.find("no headless OpenGL") != std::string::npos)
        GTEST_SKIP() << "no GL context: " << result.err;
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto golden = compareWithGolden("map-" + size, readPng(shot));
    EXPECT_TRUE(golden.passed) << golden.message;
}

TEST(Golden, MapAt1080p) { expectMapGolden("1920x1080"); }
TEST(Golden, MapAt4K) { expectMapGolden("3840x2160"); }

// Chinese and Latin text from 12 px to 400 px, plain, outlined and with a shadow.
TEST(Golden, CjkTextSheet) {
    std::unique_ptr<Platform> platform;
    try {
        platform = createHeadlessPlatform({64, 64});
    } catch (const StartupError& e) {
        GTEST_SKIP() << "no GL context: " << e.what();
    }
    const Font regular = Font::find("Noto Sans CJK SC", true);
    const Font bold = Font::find("Noto Sans CJK SC:style=Bold", true);
    const glm::ivec2 size{2400, 1800};
    Canvas canvas;
    canvas.begin(size, Color::rgba8(6, 13, 26));
    float y = 20;
    const float sizes[] = {12, 14, 16, 20, 24, 32, 48, 72, 120, 200};
    for (float px : sizes) {
        TextStyle style;
        style.sizePx = px;
        style.maxWidth = 2360;
        style.maxLines = 1;
        TextPaint paint;
        paint.color = Color::rgba8(234, 242, 255);
        const auto layout = layoutText(px >= 48 ? bold : regular,
                                       std::to_string(static_cast<int>(px)) + "px 贵州省大数据精准扶贫 Guizhou 2016—2020 黔东南", style);
        canvas.text(px >= 48 ? bold : regular, layout, {20, y}, paint);
        y += layout.height;
    }
    TextStyle big;
    big.sizePx = 400;
    TextPaint outlined;
    outlined.color = Color::rgba8(56, 214, 255);
    outlined.outline = Color::rgba8(255, 255, 255);
    outlined.outlineWidth = 6;
    outlined.shadow = Color{0, 0, 0, 0.8f};
    outlined.shadowOffset = {10, 12};
    outlined.shadowBlur = 12;
    canvas.text(bold, layoutText(bold, "脱贫", big), {20, y}, outlined);
    TextStyle wrapped;
    wrapped.sizePx = 28;
    wrapped.maxWidth = 1100;
    wrapped.maxLines = 3;
    TextPaint muted;
    muted.color = Color::rgba8(142, 165, 198);
    canvas.text(regular,
                layoutText(regular,
                           "对齐与换行：六盘水市、黔西南布依族苗族自治州、黔南布依族苗族自治州，"
                           "中文逐字换行，English words wrap at spaces, and the last line ends with an ellipsis when "
                           "the text is longer than three lines of this box.",
                           wrapped),
                {1250, y + 40}, muted);

    RenderTarget target(size);
    CanvasRenderer renderer;
    renderer.execute(canvas.list(), target.framebuffer());
    const auto golden = compareWithGolden("cjk-text-sheet", readFramebuffer(target.framebuffer(), size));
    EXPECT_TRUE(golden.passed) << golden.message;
}

}  // namespace
}  // namespace exhibit::test
