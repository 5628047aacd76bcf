// CanvasView (renderer/canvas_view.hpp): which canvas pixels land where in an output's framebuffer,
// for every quarter turn, and that the clip-space map the shaders use agrees with it.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "renderer/canvas_view.hpp"

namespace exhibit::test {
namespace {

glm::vec2 clipToTarget(const CanvasView& v, glm::vec2 canvasPx) {
    const ClipTransform c = v.clip();
    const glm::vec3 p(canvasPx, 1);
    const float x = glm::dot(c.x, p), y = glm::dot(c.y, p);
    return {(x + 1) / 2 * static_cast<float>(v.target.x), (1 - y) / 2 * static_cast<float>(v.target.y)};
}

void expectNear(glm::vec2 a, glm::vec2 b, const char* what) {
    EXPECT_NEAR(a.x, b.x, 1e-3) << what;
    EXPECT_NEAR(a.y, b.y, 1e-3) << what;
}

TEST(CanvasView, WholeIsTheIdentity) {
    const CanvasView v = CanvasView::whole({1920, 1080});
    expectNear(v.toTarget({100, 200}), {100, 200}, "toTarget");
    expectNear(v.toCanvas({100, 200}), {100, 200}, "toCanvas");
    expectNear(clipToTarget(v, {1920, 0}), {1920, 0}, "clip");
}

TEST(CanvasView, ATileShowsItsRectangleAtNativePixels) {
    const CanvasView v{{1960, 0, 1920, 1080}, {1920, 1080}, 0};
    expectNear(v.toTarget({1960, 0}), {0, 0}, "tile's top left");
    expectNear(v.toTarget({1960 + 1920, 1080}), {1920, 1080}, "bottom right");
    expectNear(v.toCanvas({10, 20}), {1970, 20}, "back");
    expectNear(clipToTarget(v, {2500, 300}), v.toTarget({2500, 300}), "clip agrees");
}

// A panel mounted turned 90° clockwise: the framebuffer turned clockwise shows the canvas upright,
// so the canvas rectangle's top-left corner is at the framebuffer's bottom left.
TEST(CanvasView, QuarterTurnsPlaceCornersSoThatTurningTheFramebufferShowsTheCanvasUpright) {
    const glm::vec4 rect{100, 50, 1080, 1920};
    const CanvasView one{rect, {1920, 1080}, 1};
    expectNear(one.toTarget({100, 50}), {0, 1080}, "k=1 top left");
    expectNear(one.toTarget({100 + 1080, 50}), {0, 0}, "k=1 top right");
    const CanvasView two{{0, 0, 1920, 1080}, {1920, 1080}, 2};
    expectNear(two.toTarget({0, 0}), {1920, 1080}, "k=2 top left");
    const CanvasView three{rect, {1920, 1080}, 3};
    expectNear(three.toTarget({100, 50}), {1920, 0}, "k=3 top left");
    expectNear(three.toTarget({100, 50 + 1920}), {0, 0}, "k=3 bottom left");
}

TEST(CanvasView, EveryTurnRoundTripsAndAgreesWithTheClipMap) {
    for (int k = 0; k < 4; ++k) {
        const glm::vec4 rect{3000, 700, 1080, 1920};
        const glm::ivec2 target = k % 2 ? glm::ivec2(1920, 1080) : glm::ivec2(1080, 1920);
        const CanvasView v{rect, target, k};
        for (const glm::vec2 p : {glm::vec2(3000, 700), glm::vec2(3500.5f, 1234.25f), glm::vec2(4080, 2620)}) {
            expectNear(v.toCanvas(v.toTarget(p)), p, "round trip");
            expectNear(clipToTarget(v, p), v.toTarget(p), "clip agrees");
        }
        const glm::vec4 r = v.targetRect({3000, 700, 100, 50});
        EXPECT_NEAR(r.z * r.w, 100.0f * 50.0f, 1e-2) << "a clip rect keeps its area, k=" << k;
    }
}

}  // namespace
}  // namespace exhibit::test
