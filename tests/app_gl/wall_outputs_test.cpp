// A video wall's outputs on one machine (app/wall_outputs.hpp): one frame of a real scene drawn
// once into the canvas, shown by three outputs with bezel gaps, one of them on a panel mounted
// turned 90°, each at its own pixels. Every output's image, turned back upright, must match the
// crop of the same canvas rendered whole: the same pixel grid, so within the golden tolerance
// (a channel off by more than 5/255 on at most 0.1 % of pixels). Touches map back to canvas px.
#include <gtest/gtest.h>

#include "app/wall_outputs.hpp"
#include "core/json_reader.hpp"
#include "tests/gl/gl_fixture.hpp"
#include "tests/support/dashboard_fixture.hpp"

namespace exhibit {
namespace {

class WallOutputsTest : public GlTest {};

// The image turned clockwise by k quarter turns.
Image turnClockwise(const Image& in, int k) {
    Image out = in;
    for (int t = 0; t < (k & 3); ++t) {
        Image next(out.height, out.width);
        for (int y = 0; y < next.height; ++y)
            for (int x = 0; x < next.width; ++x)
                std::copy_n(out.pixel(y, out.height - 1 - x), 4, next.pixel(x, y));
        out = std::move(next);
    }
    return out;
}

// Pixels of `tile` that differ from the crop of `whole` at `rect` by more than 5/255.
int differingPixels(const Image& whole, glm::ivec4 rect, const Image& tile) {
    EXPECT_EQ(tile.width, rect.z);
    EXPECT_EQ(tile.height, rect.w);
    int differing = 0;
    for (int y = 0; y < rect.w; ++y)
        for (int x = 0; x < rect.z; ++x)
            if (channelDistance(pixelAt(tile, x, y), pixelAt(whole, rect.x + x, rect.y + y)) > 5) ++differing;
    return differing;
}

WallLayout threeOutputs(glm::ivec2 first) {
    // The first output is the platform's own (the fixture's headless target); the third panel is
    // portrait, mounted turned 90° clockwise.
    const std::string json = R"({"name": "test wall", "canvas": [)" + std::to_string(first.x + 16 + 256 + 16 + 200) +
                             ", " + std::to_string(first.y) + R"(], "outputs": [
        {"name": "a", "rect": [0, 0, )" + std::to_string(first.x) + ", " + std::to_string(first.y) + R"(]},
        {"name": "b", "display": 1, "rect": [)" + std::to_string(first.x + 16) + ", 0, 256, " + std::to_string(first.y) + R"(]},
        {"name": "c", "display": 2, "rotation": 90, "rect": [)" + std::to_string(first.x + 16 + 256 + 16) + ", 0, 200, " +
                             std::to_string(first.y) + "]}]}";
    const JsonDocument doc = JsonDocument::parse(json, "test-wall.json");
    return parseWallLayout(doc.root());
}

TEST_F(WallOutputsTest, EveryOutputMatchesItsCropOfTheWholeCanvas) {
    const WallLayout layout = threeOutputs(platform().drawableSize());
    WallOutputs outputs(platform(), &layout, 0, "test");
    ASSERT_EQ(outputs.count(), 3u);
    EXPECT_EQ(outputs.canvasSize(), layout.canvas);
    EXPECT_EQ(outputs.view(2).target, glm::ivec2(layout.canvas.y, 200)) << "the portrait panel's framebuffer is landscape";

    test::DashboardFixture fixture("map");
    fixture.run(90);
    Canvas canvas;
    canvas.begin(layout.canvas, fixture.show.theme.background);
    fixture.scene->draw(canvas);

    const Image whole = render(canvas);
    outputs.draw(renderer(), canvas.list());
    const auto images = outputs.capture();
    ASSERT_EQ(images.size(), 3u);
    saveForInspection(whole, "wall-whole");
    for (std::size_t i = 0; i < 3; ++i) {
        const WallOutput& out = layout.outputs[i];
        const Image upright = turnClockwise(images[i], out.quarterTurns());
        saveForInspection(upright, "wall-" + out.name);
        const int differing = differingPixels(whole, out.rect, upright);
        EXPECT_LE(differing, out.rect.z * out.rect.w / 1000) << "output " << out.name;
        // Not a blank tile: the map reaches every output.
        EXPECT_GT(countDifferent(upright, wholeImage(upright), toRgba(fixture.show.theme.background), 8),
                  out.rect.z * out.rect.w / 20)
            << out.name;
    }
    EXPECT_EQ(outputs.screenshotPath("/tmp/wall.png", 2), std::filesystem::path("/tmp/wall-c.png"));
}

TEST_F(WallOutputsTest, TouchesOnAnyOutputLandOnTheCanvas) {
    const WallLayout layout = threeOutputs(platform().drawableSize());
    WallOutputs outputs(platform(), &layout, 0, "test");
    PlatformEvent e;
    e.type = PlatformEvent::Type::FingerDown;
    e.pos = {10, 20};
    e.window = 0;
    EXPECT_EQ(outputs.toCanvas(e), glm::vec2(10, 20));
    // The portrait panel: its framebuffer's bottom-left corner is the rectangle's top left.
    const CanvasView portrait = outputs.view(2);
    const glm::vec2 c = portrait.toCanvas({0, static_cast<float>(portrait.target.y)});
    EXPECT_EQ(c, glm::vec2(layout.outputs[2].rect.x, 0));
}

TEST_F(WallOutputsTest, WithoutALayoutThereIsOneOutputTheSizeOfTheWindow) {
    WallOutputs outputs(platform(), nullptr, 0, "test");
    EXPECT_EQ(outputs.count(), 1u);
    EXPECT_EQ(outputs.canvasSize(), platform().drawableSize());
    EXPECT_EQ(outputs.screenshotPath("/tmp/x.png", 0), std::filesystem::path("/tmp/x.png"));
}

}  // namespace
}  // namespace exhibit
