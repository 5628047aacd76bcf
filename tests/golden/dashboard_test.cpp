// Golden images of the dashboard scene on the bundled show: the simulator feeds it through a hub on
// a manual clock (tests/support/dashboard_fixture.hpp) for 20 s of fixed 1/60 s frames, then the
// frame is rendered in process on a 32:9 wall (3840x1080, its own layout), and once drilled into a
// county by touch at 1080p. Tolerances as in golden_test.cpp.
#include <gtest/gtest.h>

#include <functional>

#include "core/error.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "tests/support/dashboard_fixture.hpp"
#include "tests/support/golden.hpp"

namespace exhibit::test {
namespace {

// Before the final frame, `interact` may touch the scene (it gets the fixture and a way to run
// frames that are drawn, so the map is laid out and rebuilt where the camera rests).
using Interaction = std::function<void(DashboardFixture&, const std::function<void(double)>&)>;

void expectDashboard(glm::ivec2 size, const std::string& name, const Interaction& interact = {}) {
    std::unique_ptr<Platform> platform;
    try {
        platform = createHeadlessPlatform({64, 64});
    } catch (const StartupError& e) {
        GTEST_SKIP() << "no GL context: " << e.what();
    }
    DashboardFixture f;
    Canvas canvas;
    canvas.begin(size, f.show.theme.background);
    f.scene->draw(canvas);  // lays the map out, so the live layers know their anchors
    f.run(60 * 20);
    if (interact)
        interact(f, [&](double seconds) {
            for (int i = 0; i < static_cast<int>(seconds * 60); ++i) {
                f.run(1);
                canvas.begin(size, f.show.theme.background);
                f.scene->draw(canvas);
            }
        });
    canvas.begin(size, f.show.theme.background);
    f.scene->draw(canvas);
    RenderTarget target(size);
    CanvasRenderer renderer;
    renderer.execute(canvas.list(), target.framebuffer());
    const auto golden = compareWithGolden(name, readFramebuffer(target.framebuffer(), size));
    EXPECT_TRUE(golden.passed) << golden.message;
}

// 1080p and 4K: tests/golden/scenes_test.cpp (scene-dashboard-<lang>-<W>x<H>.png).
TEST(GoldenDashboard, On32To9Wall) { expectDashboard({3840, 1080}, "dashboard-3840x1080"); }

// A visitor tapped 黔东南州, then 从江县: the map flew in, names the prefecture's counties and
// shows the county's card beside it, with the back control.
TEST(GoldenDashboard, DrilledIntoACountyAt1080p) {
    expectDashboard({1920, 1080}, "dashboard-drill-1920x1080", [](DashboardFixture& f, const auto& run) {
        auto tapCounty = [&](const std::string& adcode) {
            Gesture tap;
            tap.pos = *f.dashboard().map().countyAnchor(adcode);
            tap.target = f.scene->hitTarget(tap.pos);
            f.scene->gesture(tap);
        };
        tapCounty("522633");
        run(1.0);
        tapCounty("522633");
        run(1.0);
    });
}

}  // namespace
}  // namespace exhibit::test
