// Golden image of the operator console (app/operator_console.hpp) at 1280x800, Chinese, on the
// fixed status of tests/support/operator_status_fixture.hpp, after three frames of 1/60 s and no
// input (nothing hovered). Tolerances as in golden_test.cpp: the text is FreeType-rasterised glyphs
// drawn by ImGui's OpenGL backend, the same on every Mesa llvmpipe, within antialiasing noise.
#include <gtest/gtest.h>

#include <memory>

#include "app/operator_console.hpp"
#include "core/error.hpp"
#include "renderer/font.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/operator_status_fixture.hpp"

namespace exhibit::test {
namespace {

TEST(GoldenConsole, ChineseAt1280x800) {
    std::unique_ptr<Platform> platform;
    try {
        platform = createHeadlessPlatform({64, 64});
    } catch (const StartupError& e) {
        GTEST_SKIP() << "no GL context: " << e.what();
    }
    const Font font = Font::find("Noto Sans CJK SC", true);
    const glm::ivec2 size{1280, 800};
    const OperatorStatus status = fixedOperatorStatus();
    {
        OperatorConsole console(font.file(), font.faceIndex(), 1.0f);
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(console.frame(status, size, 1.0 / 60.0).empty());
        const RenderTarget target(size);
        console.render(target.framebuffer(), size, true);
        const auto golden = compareWithGolden("console-1280x800", readFramebuffer(target.framebuffer(), size));
        EXPECT_TRUE(golden.passed) << golden.message;
    }
}

}  // namespace
}  // namespace exhibit::test
