// renderer/gltf_animation over the test models in tests/data/gltf and small hand-made samplers:
// key values exactly at key times, hand-computed midpoints (slerp, linear, cubic spline, step),
// looping and clamping, world matrices over the hierarchy and skin joint matrices.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <vector>

#include "renderer/gltf_animation.hpp"

namespace exhibit {
namespace {

namespace fs = std::filesystem;
const fs::path kGltf = fs::path(EXHIBIT_TEST_DATA) / "gltf";

void expectQuat(glm::quat q, glm::quat expected, const char* what) {
    // q and -q are the same rotation.
    const float d = std::abs(glm::dot(q, expected));
    EXPECT_NEAR(d, 1.0f, 1e-6f) << what << ": got (" << q.x << ", " << q.y << ", " << q.z << ", " << q.w << ")";
}

glm::vec3 apply(const glm::mat4& m, glm::vec3 p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

void expectVec(glm::vec3 v, glm::vec3 e, float tol, const char* what) {
    EXPECT_NEAR(v.x, e.x, tol) << what;
    EXPECT_NEAR(v.y, e.y, tol) << what;
    EXPECT_NEAR(v.z, e.z, tol) << what;
}

// A scalar sampler over the given keys.
GltfAnimationSampler scalar(std::vector<float> input, std::vector<float> output, GltfInterpolation interpolation) {
    GltfAnimationSampler s;
    s.input = std::move(input);
    s.output = std::move(output);
    s.interpolation = interpolation;
    return s;
}

float sampleScalar(const GltfAnimationSampler& s, float t) {
    float v = -1.0f;
    sampleAnimation(s, false, t, std::span<float>(&v, 1));
    return v;
}

TEST(GltfAnimation, AnimationTimeLoopsAndClamps) {
    EXPECT_FLOAT_EQ(animationTime(5.75f, 5.5f, true), 0.25f);
    EXPECT_FLOAT_EQ(animationTime(-0.25f, 5.5f, true), 5.25f);
    EXPECT_FLOAT_EQ(animationTime(7.0f, 5.5f, false), 5.5f);
    EXPECT_FLOAT_EQ(animationTime(-1.0f, 5.5f, false), 0.0f);
    EXPECT_FLOAT_EQ(animationTime(3.0f, 0.0f, true), 0.0f);
    EXPECT_FLOAT_EQ(animationTime(NAN, 2.0f, true), 0.0f);
}

TEST(GltfAnimation, LinearScalarKeysAndMidpoints) {
    const auto s = scalar({0, 1, 3}, {0, 10, 30}, GltfInterpolation::Linear);
    EXPECT_EQ(sampleScalar(s, 0), 0);
    EXPECT_EQ(sampleScalar(s, 1), 10);
    EXPECT_EQ(sampleScalar(s, 3), 30);
    EXPECT_FLOAT_EQ(sampleScalar(s, 0.5f), 5);
    EXPECT_FLOAT_EQ(sampleScalar(s, 2), 20);
    EXPECT_EQ(sampleScalar(s, -1), 0) << "before the first key the first value holds";
    EXPECT_EQ(sampleScalar(s, 4), 30) << "after the last key the last value holds";
}

TEST(GltfAnimation, StepHoldsEachKeyUntilTheNext) {
    const auto s = scalar({0, 1, 2}, {0, 10, 20}, GltfInterpolation::Step);
    EXPECT_EQ(sampleScalar(s, 0.5f), 0);
    EXPECT_EQ(sampleScalar(s, 1.0f), 10);
    EXPECT_EQ(sampleScalar(s, 1.99f), 10);
    EXPECT_EQ(sampleScalar(s, 2.0f), 20);
    EXPECT_EQ(sampleScalar(s, 2.5f), 20);
}

TEST(GltfAnimation, CubicSplineIsHermite) {
    // Keys at 0 and 2 (dt = 2): value 0 with out-tangent 3, value 1 with in-tangent 0.
    // p(s) = h00*0 + h10*dt*3 + h01*1 + h11*dt*0; s = 0.25: 0.140625*6 + 0.15625 = 1.0;
    // s = 0.5: 0.125*6 + 0.5 = 1.25.
    const auto s = scalar({0, 2}, {/*in*/ 0, /*v*/ 0, /*out*/ 3, /*in*/ 0, /*v*/ 1, /*out*/ 0},
                          GltfInterpolation::CubicSpline);
    EXPECT_EQ(sampleScalar(s, 0), 0);
    EXPECT_FLOAT_EQ(sampleScalar(s, 0.5f), 1.0f);
    EXPECT_FLOAT_EQ(sampleScalar(s, 1.0f), 1.25f);
    EXPECT_EQ(sampleScalar(s, 2), 1);
}

TEST(GltfAnimation, CubicSplineRotationIsNormalised) {
    GltfAnimationSampler s;
    s.interpolation = GltfInterpolation::CubicSpline;
    s.input = {0, 1};
    s.output = {0, 0, 0, 0, /*v0*/ 0, 0, 0, 1, 0, 0, 0, 0,
                0, 0, 0, 0, /*v1*/ 0, 0, 1, 0, 0, 0, 0, 0};  // identity -> 180 degrees about z
    float q[4];
    sampleAnimation(s, true, 0.5f, q);
    // Hermite midpoint of the values: (0, 0, 0.5, 0.5) normalised: 90 degrees about z.
    expectQuat(glm::quat(q[3], q[0], q[1], q[2]), glm::quat(std::sqrt(0.5f), 0, 0, std::sqrt(0.5f)), "cubic rotation");
}

TEST(GltfAnimation, SimpleSkinRotationSlerpsAndLoops) {
    const GltfModel m = loadGltf(kGltf / "SimpleSkin/glTF-Embedded/SimpleSkin.gltf");
    ASSERT_EQ(m.animations.size(), 1u);
    EXPECT_FLOAT_EQ(m.animations[0].duration, 5.5f);
    GltfPose pose;
    // Keys (file): 0: identity, 0.5: (0, 0, 0.383, 0.924), 1.0 and 1.5: (0, 0, 0.707, 0.707), ...
    evaluatePose(m, 0, 1.0f, pose);
    expectQuat(pose.rotation[2], glm::quat(std::sqrt(0.5f), 0, 0, std::sqrt(0.5f)), "key at t = 1");
    evaluatePose(m, 0, 1.25f, pose);
    expectQuat(pose.rotation[2], glm::quat(std::sqrt(0.5f), 0, 0, std::sqrt(0.5f)), "between equal keys");
    // The slerp midpoint of unit-ish q0 and q1 is normalize(q0 + q1).
    const glm::quat mid = glm::normalize(glm::quat(1.924f, 0, 0, 0.383f));
    evaluatePose(m, 0, 0.25f, pose);
    expectQuat(pose.rotation[2], mid, "midpoint of the first two keys");
    evaluatePose(m, 0, 5.75f, pose);
    expectQuat(pose.rotation[2], mid, "t = 5.75 loops to 0.25");
    evaluatePose(m, 0, -0.25f, pose);
    expectQuat(pose.rotation[2], glm::normalize(glm::quat(1.924f, 0, 0, -0.383f)), "t = -0.25 loops to 5.25");
    evaluatePose(m, 0, 7.0f, pose, false);
    expectQuat(pose.rotation[2], glm::quat(1, 0, 0, 0), "clamped past the end: the last key");
}

TEST(GltfAnimation, SimpleSkinWorldAndJointMatrices) {
    const GltfModel m = loadGltf(kGltf / "SimpleSkin/glTF-Embedded/SimpleSkin.gltf");
    GltfPose pose;
    evaluatePose(m, -1, 0.0f, pose);
    ASSERT_EQ(pose.joints.size(), 1u);
    ASSERT_EQ(pose.joints[0].size(), 2u);
    // Rest pose: node 1 at (0, 1, 0), node 2 (no translation of its own) at the same place. Both
    // inverse bind matrices of the file are T(-0.5, -1, 0), so at rest both joints move the mesh
    // (x in 0..1) by -0.5 in x: centred on the origin.
    expectVec(apply(pose.world[1], {0, 0, 0}), {0, 1, 0}, 1e-6f, "node 1 world origin");
    expectVec(apply(pose.world[2], {0, 0, 0}), {0, 1, 0}, 1e-6f, "node 2 world origin");
    expectVec(apply(pose.joints[0][1], {0.5f, 2, 0}), {0, 2, 0}, 1e-6f, "rest pose centres the mesh");

    // t = 1: joint 1 (node 2) turned 90 degrees about z around its origin (0, 1, 0).
    // Joint matrix = T(0,1,0) * Rz(90) * T(-0.5,-1,0): (0.5, 2, 0) -> (0, 1, 0) -> (-1, 0, 0) -> (-1, 1, 0).
    evaluatePose(m, 0, 1.0f, pose);
    expectVec(apply(pose.joints[0][1], {0.5f, 2, 0}), {-1, 1, 0}, 1e-5f, "joint 1 at t = 1");
    expectVec(apply(pose.joints[0][0], {0.5f, 2, 0}), {0, 2, 0}, 1e-6f, "joint 0 does not move");
}

TEST(GltfAnimation, BoxRestPoseUsesTheNodeMatrix) {
    const GltfModel m = loadGltf(kGltf / "Box/glTF/Box.gltf");
    GltfPose pose;
    evaluatePose(m, 0, 1.0f, pose);  // no animation: the rest pose
    ASSERT_EQ(pose.world.size(), 2u);
    // Node 0 turns -90 degrees about x (Z-up to Y-up): (0, 1, 0) -> (0, 0, -1); node 1 inherits it.
    expectVec(apply(pose.world[1], {0, 1, 0}), {0, 0, -1}, 1e-6f, "child inherits the parent matrix");
    expectVec(apply(pose.world[1], {0, 0, 1}), {0, 1, 0}, 1e-6f, "z up becomes y up");
}

TEST(GltfAnimation, AnimatedMorphCubeWeights) {
    const GltfModel m = loadGltf(kGltf / "AnimatedMorphCube/glTF/AnimatedMorphCube.gltf");
    GltfPose pose;
    evaluatePose(m, -1, 0.0f, pose);
    ASSERT_EQ(pose.weights[0].size(), 2u);
    EXPECT_EQ(pose.weights[0][0], 0.0f);
    // Keys 60 and 61 of the file: t = 1.9999994 (0.8055561, 0.19444391), t = 2.0333328 (0.77859, 0.22140998).
    const GltfAnimationSampler& s = m.animations[0].samplers[0];
    const float t60 = s.input[60], t61 = s.input[61];
    evaluatePose(m, 0, t60, pose);
    EXPECT_FLOAT_EQ(pose.weights[0][0], 0.8055561184883118f);
    EXPECT_FLOAT_EQ(pose.weights[0][1], 0.19444391131401062f);
    evaluatePose(m, 0, 0.5f * (t60 + t61), pose);
    EXPECT_NEAR(pose.weights[0][0], 0.5 * (0.8055561184883118 + 0.7785900235176086), 1e-5);
    EXPECT_NEAR(pose.weights[0][1], 0.5 * (0.19444391131401062 + 0.22140997648239136), 1e-5);
}

// Every channel of every animation of the animated test models: at each key time the pose holds
// exactly that key's value.
TEST(GltfAnimation, KeyValuesAtKeyTimesForEveryChannel) {
    for (const char* file : {"CesiumMan/glTF/CesiumMan.gltf", "MorphStressTest/glTF/MorphStressTest.gltf",
                             "AnimatedMorphCube/glTF/AnimatedMorphCube.gltf", "SimpleSkin/glTF-Embedded/SimpleSkin.gltf"}) {
        SCOPED_TRACE(file);
        const GltfModel m = loadGltf(kGltf / file);
        ASSERT_FALSE(m.animations.empty());
        GltfPose pose;
        int checked = 0;
        for (std::size_t a = 0; a < m.animations.size(); ++a) {
            const GltfAnimation& anim = m.animations[a];
            for (const GltfAnimationChannel& c : anim.channels) {
                const GltfAnimationSampler& s = anim.samplers[static_cast<std::size_t>(c.sampler)];
                for (std::size_t k = 0; k < s.input.size(); k += 7) {
                    evaluatePose(m, static_cast<int>(a), s.input[k], pose, false);
                    const auto node = static_cast<std::size_t>(c.node);
                    const std::size_t n = c.path == GltfAnimationPath::Rotation ? 4
                                          : c.path == GltfAnimationPath::Weights ? pose.weights[node].size()
                                                                                 : 3;
                    const float* v = s.output.data() + k * n;
                    switch (c.path) {
                        case GltfAnimationPath::Translation:
                            expectVec(pose.translation[node], {v[0], v[1], v[2]}, 1e-6f, "translation");
                            break;
                        case GltfAnimationPath::Scale:
                            expectVec(pose.scale[node], {v[0], v[1], v[2]}, 1e-6f, "scale");
                            break;
                        case GltfAnimationPath::Rotation:
                            expectQuat(pose.rotation[node], glm::normalize(glm::quat(v[3], v[0], v[1], v[2])), "rotation");
                            break;
                        case GltfAnimationPath::Weights:
                            for (std::size_t i = 0; i < n; ++i) EXPECT_FLOAT_EQ(pose.weights[node][i], v[i]);
                            break;
                    }
                    ++checked;
                }
            }
        }
        EXPECT_GT(checked, 0);
    }
}

TEST(GltfAnimation, CesiumManJointsStayFiniteAndMove) {
    const GltfModel m = loadGltf(kGltf / "CesiumMan/glTF/CesiumMan.gltf");
    ASSERT_EQ(m.skins.size(), 1u);
    GltfPose rest, moving;
    evaluatePose(m, -1, 0, rest);
    evaluatePose(m, 0, 0.5f, moving);
    ASSERT_EQ(moving.joints[0].size(), m.skins[0].joints.size());
    int moved = 0;
    for (std::size_t j = 0; j < moving.joints[0].size(); ++j) {
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 4; ++r) ASSERT_TRUE(std::isfinite(moving.joints[0][j][c][r]));
        if (glm::length(apply(moving.joints[0][j], {0, 0, 0}) - apply(rest.joints[0][j], {0, 0, 0})) > 1e-3f) ++moved;
    }
    EXPECT_GT(moved, 5) << "the walk moves most joints";
    // Reusing a pose allocates nothing new: capacities stay.
    const auto* before = moving.world.data();
    evaluatePose(m, 0, 0.7f, moving);
    EXPECT_EQ(moving.world.data(), before);
}

}  // namespace
}  // namespace exhibit
