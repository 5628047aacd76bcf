// Golden images of every scene of the bundled show, in Chinese and in English, at 1920x1080 and
// 3840x2160: each scene is fed by the simulator on a manual clock for 20 s of fixed 1/60 s frames
// (tests/support/dashboard_fixture.hpp), then drawn at both sizes. A scene added to the show gets
// its cases here by itself (and fails until its goldens are made: scripts/update-goldens.sh).
// Goldens: tests/golden/scene-<id>-<lang>-<W>x<H>.png. Tolerances as in golden_test.cpp.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "tests/support/dashboard_fixture.hpp"
#include "tests/support/golden.hpp"

namespace exhibit::test {
namespace {

#ifndef EXHIBIT_SCENES_LANGUAGE
#error "EXHIBIT_SCENES_LANGUAGE (zh or en) is set by tests/golden/CMakeLists.txt"
#endif

class GoldenScene : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenScene, At1080pAnd4K) {
    std::unique_ptr<Platform> platform;
    try {
        platform = createHeadlessPlatform({64, 64});
    } catch (const StartupError& e) {
        GTEST_SKIP() << "no GL context: " << e.what();
    }
    const Language language = *parseLanguage(EXHIBIT_SCENES_LANGUAGE);
    DashboardFixture f(GetParam(), language);
    Canvas canvas;
    canvas.begin({1920, 1080}, f.show.theme.background);
    f.scene->draw(canvas);  // lays the scene out, so live layers know their anchors
    f.run(60 * 20);
    for (const glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}}) {
        canvas.begin(size, f.show.theme.background);
        f.scene->draw(canvas);
        RenderTarget target(size);
        CanvasRenderer renderer;
        renderer.execute(canvas.list(), target.framebuffer());
        const std::string name = "scene-" + GetParam() + "-" + EXHIBIT_SCENES_LANGUAGE + "-" + std::to_string(size.x) +
                                 "x" + std::to_string(size.y);
        const auto golden = compareWithGolden(name, readFramebuffer(target.framebuffer(), size));
        EXPECT_TRUE(golden.passed) << golden.message;
    }
}

INSTANTIATE_TEST_SUITE_P(BundledShow, GoldenScene, ::testing::ValuesIn(bundledSceneIds()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

}  // namespace
}  // namespace exhibit::test
