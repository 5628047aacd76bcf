// Golden images of the desktop tour (scenes/tour_scene.hpp) on the bundled show: each stop after
// the guided camera has reached its first waypoint (the site, the narration's second line and the
// live panel), at 960x540, rendered in process through the canvas with the 3D layer. The feed is
// the simulator on a manual clock (tests/support/dashboard_fixture.hpp), so every run is the same.
// Goldens: tests/golden/tour-<stop>-960x540.png. Tolerances as in golden_test.cpp.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "scenes/tour_scene.hpp"
#include "tests/support/dashboard_fixture.hpp"
#include "tests/support/golden.hpp"

namespace exhibit::test {
namespace {

TEST(GoldenTour, EveryStopAtItsFirstWaypoint) {
    std::unique_ptr<Platform> platform;
    try {
        platform = createHeadlessPlatform({64, 64});
    } catch (const StartupError& e) {
        GTEST_SKIP() << "no GL context: " << e.what();
    }
    DashboardFixture f("tour");
    auto& tour = static_cast<TourScene&>(*f.scene);
    const glm::ivec2 size{960, 540};
    CanvasRenderer renderer;
    RenderTarget target(size);
    const TourSpec& spec = *f.show.tour;
    for (std::size_t i = 0; i < spec.stops.size(); ++i) {
        if (i > 0) tour.keyDown(keys::Right);
        f.run(static_cast<int>((spec.fadeSeconds + spec.stops[i].waypoints[0].seconds) * 60) + 6);
        ASSERT_EQ(tour.director().stopIndex(), i);
        ASSERT_FLOAT_EQ(tour.director().fade(), 0);
        Canvas canvas;
        canvas.begin(size, f.show.theme.background);
        tour.draw(canvas);
        renderer.execute(canvas.list(), target.framebuffer());
        const auto golden = compareWithGolden("tour-" + spec.stops[i].id + "-960x540", readFramebuffer(target.framebuffer(), size));
        EXPECT_TRUE(golden.passed) << golden.message;
    }
}

}  // namespace
}  // namespace exhibit::test
