// renderer/camera3d: symmetric and asymmetric (OpenXR eye) projections map the frustum's edge
// directions to the clip-space edges and the near / far planes to depth -1 / 1; the symmetric case
// equals glm::perspective; lookAtView's eye comes back from Camera3d::position(); viewFromPose
// inverts an OpenXR-style eye pose. Also the
// KHR_texture_transform matrix (renderer/gltf_gpu_model.hpp) on the extension's own examples.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "renderer/camera3d.hpp"
#include "renderer/gltf_gpu_model.hpp"

namespace exhibit {
namespace {

glm::vec3 ndc(const glm::mat4& projection, glm::vec3 eyeSpace) {
    const glm::vec4 c = projection * glm::vec4(eyeSpace, 1.0f);
    return glm::vec3(c) / c.w;
}

TEST(Camera3d, SymmetricEqualsGlmPerspective) {
    const glm::mat4 ours = perspectiveProjection(glm::radians(60.0f), 16.0f / 9.0f, 0.1f, 100.0f);
    const glm::mat4 glmOne = glm::perspective(glm::radians(60.0f), 16.0f / 9.0f, 0.1f, 100.0f);
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) EXPECT_NEAR(ours[c][r], glmOne[c][r], 1e-5f) << c << "," << r;
}

TEST(Camera3d, AsymmetricEyeFrustumEdges) {
    // A typical left eye: wider to the left than to the right, a little more down than up.
    const FovAngles fov{-0.90f, 0.70f, 0.80f, -0.85f};
    const float nearZ = 0.05f, farZ = 200.0f;
    const glm::mat4 p = projectionFromFov(fov, nearZ, farZ);
    const float z = -3.0f;  // 3 m ahead
    EXPECT_NEAR(ndc(p, {std::tan(fov.left) * 3.0f, 0, z}).x, -1.0f, 1e-5f);
    EXPECT_NEAR(ndc(p, {std::tan(fov.right) * 3.0f, 0, z}).x, 1.0f, 1e-5f);
    EXPECT_NEAR(ndc(p, {0, std::tan(fov.up) * 3.0f, z}).y, 1.0f, 1e-5f);
    EXPECT_NEAR(ndc(p, {0, std::tan(fov.down) * 3.0f, z}).y, -1.0f, 1e-5f);
    EXPECT_GT(ndc(p, {0, 0, z}).x, 0.0f) << "straight ahead is right of centre when the left half-angle is wider";
    EXPECT_NEAR(ndc(p, {0, 0, -nearZ}).z, -1.0f, 1e-4f);
    EXPECT_NEAR(ndc(p, {0, 0, -farZ}).z, 1.0f, 1e-4f);
    // Infinite far plane: depth approaches 1 and never passes it.
    const glm::mat4 inf = projectionFromFov(fov, nearZ, 0.0f);
    EXPECT_NEAR(ndc(inf, {0, 0, -nearZ}).z, -1.0f, 1e-4f);
    EXPECT_LT(ndc(inf, {0, 0, -1e5f}).z, 1.0f);
    EXPECT_GT(ndc(inf, {0, 0, -1e5f}).z, 0.999f);
}

TEST(Camera3d, PositionFromView) {
    Camera3d camera;
    camera.view = lookAtView({3, 2, 5}, {0, 1, 0});
    const glm::vec3 eye = camera.position();
    EXPECT_NEAR(eye.x, 3, 1e-5f);
    EXPECT_NEAR(eye.y, 2, 1e-5f);
    EXPECT_NEAR(eye.z, 5, 1e-5f);
}

TEST(Camera3d, ViewFromPoseInvertsThePose) {
    // An eye at (1, 1.6, 2) turned 90 degrees left (about +y): it looks down world -x.
    const glm::quat left = glm::angleAxis(glm::radians(90.0f), glm::vec3(0, 1, 0));
    Camera3d camera;
    camera.view = viewFromPose({1, 1.6f, 2}, left);
    const glm::vec3 eye = camera.position();
    EXPECT_NEAR(eye.x, 1, 1e-5f);
    EXPECT_NEAR(eye.y, 1.6f, 1e-5f);
    EXPECT_NEAR(eye.z, 2, 1e-5f);
    const glm::vec3 ahead = glm::vec3(camera.view * glm::vec4(-2, 1.6f, 2, 1));  // 3 m along world -x
    EXPECT_NEAR(ahead.x, 0, 1e-5f);
    EXPECT_NEAR(ahead.y, 0, 1e-5f);
    EXPECT_NEAR(ahead.z, -3, 1e-5f) << "in front of the eye is eye-space -z";
}

glm::vec2 transformUv(const GltfTextureRef& ref, glm::vec2 uv) { return glm::vec2(textureTransformMatrix(ref) * glm::vec3(uv, 1.0f)); }

TEST(TextureTransform, ExtensionExamples) {
    GltfTextureRef none;
    EXPECT_EQ(transformUv(none, {0.3f, 0.7f}), glm::vec2(0.3f, 0.7f));
    // "Only the lower left quadrant of the source image, rotated clockwise 90 degrees":
    // offset (0, 1), rotation pi/2, scale 0.5: uv (0,0) -> (0, 1), (1,0) -> (0, 0.5), (0,1) -> (0.5, 1).
    GltfTextureRef quadrant;
    quadrant.hasTransform = true;
    quadrant.offset = {0, 1};
    quadrant.rotation = 1.57079632679f;
    quadrant.scale = {0.5f, 0.5f};
    auto near = [](glm::vec2 a, glm::vec2 b) { return glm::length(a - b) < 1e-6f; };
    EXPECT_TRUE(near(transformUv(quadrant, {0, 0}), {0, 1}));
    EXPECT_TRUE(near(transformUv(quadrant, {1, 0}), {0, 0.5f}));
    EXPECT_TRUE(near(transformUv(quadrant, {0, 1}), {0.5f, 1}));
    // "Inverts the T axis": offset (0, 1), scale (1, -1).
    GltfTextureRef flip;
    flip.hasTransform = true;
    flip.offset = {0, 1};
    flip.scale = {1, -1};
    EXPECT_TRUE(near(transformUv(flip, {0.25f, 0.25f}), {0.25f, 0.75f}));
}

}  // namespace
}  // namespace exhibit
