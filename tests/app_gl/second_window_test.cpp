// Platform::openSecondWindow on the headless platform: an offscreen output of its own size in the
// same context, drawn between makeCurrent() and present() without touching the wall's target.
#include <gtest/gtest.h>

#include "app/operator_console.hpp"
#include "core/error.hpp"
#include "renderer/render_target.hpp"
#include "tests/gl/gl_fixture.hpp"
#include "tests/support/operator_status_fixture.hpp"

namespace exhibit {
namespace {

class SecondWindowTest : public GlTest {};

TEST_F(SecondWindowTest, HeadlessSecondOutputIsAnOffscreenTargetOfItsOwnSize) {
    WindowOptions options;
    options.size = {640, 400};
    auto second = platform().openSecondWindow(options);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->drawableSize(), glm::ivec2(640, 400));
    EXPECT_NE(second->frameTarget(), 0u);
    EXPECT_NE(second->frameTarget(), platform().frameTarget());

    options.size = {0, 400};
    EXPECT_THROW(platform().openSecondWindow(options), StartupError);
}

TEST_F(SecondWindowTest, ConsoleDrawsIntoTheSecondOutputAndLeavesTheWallAlone) {
    const glm::ivec2 wallSize = platform().drawableSize();
    const Image wallBefore = readFramebuffer(platform().frameTarget(), wallSize);

    WindowOptions options;
    options.size = {800, 600};
    auto second = platform().openSecondWindow(options);
    OperatorConsole console(cjkFont().file(), cjkFont().faceIndex(), 1.0f);
    const OperatorStatus status = test::fixedOperatorStatus();
    for (int i = 0; i < 2; ++i) console.frame(status, second->drawableSize(), 1.0 / 60.0);
    second->makeCurrent();
    console.render(second->frameTarget(), second->drawableSize(), true);
    const Image drawn = readFramebuffer(second->frameTarget(), second->drawableSize());
    second->present();

    // The scene buttons are there (text on button faces), at the positions the console reports.
    const auto button = console.itemRect("scene:map");
    ASSERT_TRUE(button.has_value());
    EXPECT_LT(button->max.x, 800.0f);
    const PixelRect r{static_cast<int>(button->min.x), static_cast<int>(button->min.y), static_cast<int>(button->max.x),
                      static_cast<int>(button->max.y)};
    EXPECT_GT(countPixels(drawn, r, [](Rgba p) { return p.r > 180 && p.g > 180 && p.b > 180; }), 40);

    const Image wallAfter = readFramebuffer(platform().frameTarget(), wallSize);
    EXPECT_EQ(wallAfter.rgba, wallBefore.rgba);
}

}  // namespace
}  // namespace exhibit
