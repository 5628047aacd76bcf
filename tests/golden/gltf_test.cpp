// Golden images of the glTF renderer (renderer/gltf_renderer.hpp) with the sky and ground
// (renderer/sky_ground.hpp), rendered in process at 320 x 240 without MSAA (deterministic on
// llvmpipe): DamagedHelmet, BoxTextured, TextureTransformTest, an alpha-blend and mask case, SimpleSkin
// and CesiumMan at fixed times, AnimatedMorphCube at a fixed time, 100 instanced boxes, the
// placeholder box, the sky and ground alone, and the tour's stand-ins (a Kenney village, Campground,
// Terrain). Goldens: tests/golden/gltf-<case>.png. Tolerances as
// tests/golden/golden_test.cpp says (5/255 per channel, 0.1 % of pixels).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "core/error.hpp"
#include "renderer/camera3d.hpp"
#include "renderer/gltf_animation.hpp"
#include "renderer/gltf_placeholder.hpp"
#include "renderer/gltf_renderer.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "renderer/sky_ground.hpp"
#include "tests/support/golden.hpp"

namespace exhibit::test {
namespace {

namespace fs = std::filesystem;
const fs::path kGltf = fs::path(EXHIBIT_TEST_DATA) / "gltf";
constexpr glm::ivec2 kSize{320, 240};

class GltfGolden : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        try {
            platform_ = createHeadlessPlatform({64, 64});
            renderer_ = std::make_unique<GltfRenderer>();
            sky_ = std::make_unique<SkyGround>();
        } catch (const StartupError& e) {
            whyNot_ = e.what();
        }
    }
    static void TearDownTestSuite() {
        sky_.reset();
        renderer_.reset();
        platform_.reset();
    }
    void SetUp() override {
        if (!platform_) GTEST_SKIP() << "no GL context: " << whyNot_;
    }

    // A camera looking at the model's bounds from direction `from` (scaled to frame them).
    static Camera3d frame(glm::vec3 lo, glm::vec3 hi, glm::vec3 from, float distance = 2.0f) {
        const glm::vec3 centre = (lo + hi) * 0.5f;
        const float radius = glm::length(hi - lo) * 0.5f;
        Camera3d camera;
        camera.view = lookAtView(centre + glm::normalize(from) * radius * distance, centre);
        camera.projection = perspectiveProjection(glm::radians(45.0f), float(kSize.x) / float(kSize.y), radius * 0.05f,
                                                  radius * 20.0f);
        return camera;
    }

    // Clears, draws the sky (and ground when asked) and what `scene` adds, reads the image back.
    static Image render(const Camera3d& camera, const std::function<void(GltfRenderer&)>& scene, bool ground = false,
                        const Lighting3d& lighting = {}, float groundY = 0.0f) {
        RenderTarget target(kSize, {.depth = true});
        glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer());
        glViewport(0, 0, kSize.x, kSize.y);
        glClearColor(0, 0, 0, 1);
        glClearDepth(1.0);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        SkyStyle style;
        style.ground = ground;
        style.groundCentre.y = groundY;
        sky_->draw(camera, lighting, style, OutputEncoding::EncodeSrgb);
        renderer_->begin(camera, lighting, OutputEncoding::EncodeSrgb);
        scene(*renderer_);
        renderer_->end();
        return readFramebuffer(target.framebuffer(), kSize);
    }

    static void expectGolden(const std::string& name, const Image& image) {
        const auto result = compareWithGolden("gltf-" + name, image);
        EXPECT_TRUE(result.passed) << result.message;
    }

    static inline std::unique_ptr<Platform> platform_;
    static inline std::unique_ptr<GltfRenderer> renderer_;
    static inline std::unique_ptr<SkyGround> sky_;
    static inline std::string whyNot_;
};

TEST_F(GltfGolden, DamagedHelmet) {
    const GltfModel m = loadGltf(kGltf / "DamagedHelmet/glTF-Binary/DamagedHelmet.glb");
    const GltfGpuModel gpu = uploadGltf(m);
    const Image image = render(frame(m.boundsMin, m.boundsMax, {0.35f, 0.15f, 1.0f}, 1.9f),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); });
    expectGolden("damaged-helmet", image);
}

TEST_F(GltfGolden, BoxTextured) {
    const GltfModel m = loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb");
    const GltfGpuModel gpu = uploadGltf(m);
    const Image image = render(frame(m.boundsMin, m.boundsMax, {1.0f, 0.8f, 1.3f}),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); });
    expectGolden("box-textured", image);
}

TEST_F(GltfGolden, TextureTransform) {
    const GltfModel m = loadGltf(kGltf / "TextureTransformTest/glTF/TextureTransformTest.gltf");
    const GltfGpuModel gpu = uploadGltf(m);
    const Image image = render(frame(m.boundsMin, m.boundsMax, {0, 0, 1}, 1.9f),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); });
    expectGolden("texture-transform", image);
}

// An opaque textured box behind a half-transparent red box and a green one drawn nearer; a masked
// placeholder-checker box (the light cells cut out) on the left.
TEST_F(GltfGolden, AlphaBlendAndMask) {
    const GltfModel textured = loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb");
    GltfModel red = loadGltf(kGltf / "Box/glTF-Binary/Box.glb");
    ASSERT_FALSE(red.materials.empty());
    red.materials[0].alphaMode = GltfAlphaMode::Blend;
    red.materials[0].baseColorFactor = {0.9f, 0.1f, 0.1f, 0.5f};
    red.materials[0].metallicFactor = 0.0f;
    GltfModel green = red;
    green.materials[0].baseColorFactor = {0.1f, 0.8f, 0.2f, 0.4f};
    GltfModel masked = placeholderModel({-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f});
    masked.materials[0].alphaMode = GltfAlphaMode::Mask;
    for (std::size_t i = 0; i < masked.textures[0].image.rgba.size(); i += 4)
        if (masked.textures[0].image.rgba[i + 1] > 200) masked.textures[0].image.rgba[i + 3] = 0;
    const GltfGpuModel gTextured = uploadGltf(textured), gRed = uploadGltf(red), gGreen = uploadGltf(green),
                       gMasked = uploadGltf(masked);
    Camera3d camera = frame({-1.5f, -0.5f, -1.0f}, {1.5f, 0.5f, 1.0f}, {0.3f, 0.5f, 1.0f}, 2.4f);
    const Image image = render(camera, [&](GltfRenderer& r) {
        // Added nearest first: the renderer must sort the blended boxes back to front.
        r.add(gGreen, glm::translate(glm::mat4(1.0f), {0.6f, 0.0f, 0.9f}));
        r.add(gRed, glm::translate(glm::mat4(1.0f), {0.3f, 0.0f, 0.3f}));
        r.add(gTextured, glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, -0.6f}));
        r.add(gMasked, glm::translate(glm::mat4(1.0f), {-1.2f, 0.0f, 0.0f}));
    });
    expectGolden("alpha-blend-mask", image);
}

TEST_F(GltfGolden, SimpleSkinAtOneSecond) {
    const GltfModel m = loadGltf(kGltf / "SimpleSkin/glTF-Embedded/SimpleSkin.gltf");
    const GltfGpuModel gpu = uploadGltf(m);
    GltfPose pose;
    evaluatePose(m, 0, 1.0f, pose);
    const Image image = render(frame({-1.5f, 0, 0}, {1.5f, 2, 0}, {0, 0, 1}, 1.8f),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f), &pose); });
    expectGolden("simple-skin-1s", image);
}

TEST_F(GltfGolden, CesiumManWalking) {
    const GltfModel m = loadGltf(kGltf / "CesiumMan/glTF/CesiumMan.gltf");
    const GltfGpuModel gpu = uploadGltf(m);
    GltfPose pose;
    evaluatePose(m, 0, 0.5f, pose);
    const Image image = render(frame(m.boundsMin, m.boundsMax, {1.0f, 0.3f, 0.6f}, 2.3f),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f), &pose); }, true);
    expectGolden("cesium-man-0.5s", image);
}

TEST_F(GltfGolden, AnimatedMorphCube) {
    const GltfModel m = loadGltf(kGltf / "AnimatedMorphCube/glTF/AnimatedMorphCube.gltf");
    const GltfGpuModel gpu = uploadGltf(m);
    GltfPose pose;
    evaluatePose(m, 0, 1.0f, pose);  // weights (0.68, 0)
    const Image image = render(frame(m.boundsMin, m.boundsMax, {1.0f, 0.9f, 0.5f}, 2.4f),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f), &pose); });
    expectGolden("morph-cube-1s", image);
}

TEST_F(GltfGolden, HundredInstancedBoxes) {
    const GltfModel m = loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb");
    const GltfGpuModel gpu = uploadGltf(m);
    std::vector<glm::mat4> transforms;
    for (int z = 0; z < 10; ++z)
        for (int x = 0; x < 10; ++x) {
            glm::mat4 t = glm::translate(glm::mat4(1.0f), {(x - 4.5f) * 1.6f, 0.5f, (z - 4.5f) * 1.6f});
            t = glm::rotate(t, glm::radians(9.0f * float(x + z)), {0, 1, 0});
            transforms.push_back(glm::scale(t, glm::vec3(0.6f + 0.04f * float(x))));
        }
    Camera3d camera;
    camera.view = lookAtView({0, 9, 14}, {0, 0, 0});
    camera.projection = perspectiveProjection(glm::radians(50.0f), float(kSize.x) / float(kSize.y), 0.1f, 200.0f);
    const Image image = render(camera, [&](GltfRenderer& r) { r.addInstances(gpu, transforms); }, true);
    expectGolden("instanced-100", image);
}

TEST_F(GltfGolden, Placeholder) {
    const GltfGpuModel gpu = uploadGltf(placeholderModel({-1, 0, -1}, {1, 1.5f, 1}, "missing.glb"));
    Camera3d camera;
    camera.view = lookAtView({3.2f, 2.6f, 4.0f}, {0, 0.6f, 0});
    camera.projection = perspectiveProjection(glm::radians(45.0f), float(kSize.x) / float(kSize.y), 0.1f, 100.0f);
    const Image image = render(camera, [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); }, true);
    expectGolden("placeholder", image);
}

// The tour's stand-ins: a 5 x 5 tile village of the Kenney city kit (its colormap atlas through
// KHR_texture_transform, each tile kind instanced), the Campground scene and the Terrain height field.
TEST_F(GltfGolden, KenneyVillage) {
    const char* kinds[] = {"grass", "road-straight", "pavement", "building-small-a", "building-small-b",
                           "building-small-c", "building-small-d", "building-garage", "grass-trees", "grass-trees-tall"};
    std::vector<GltfGpuModel> gpu;
    for (const char* k : kinds) gpu.push_back(uploadGltf(loadGltf(kGltf / "KenneyCityKit" / (std::string(k) + ".glb"))));
    std::vector<std::vector<glm::mat4>> placed(gpu.size());
    const char* plan[5] = {"a.b.g", "..T..", "rrrrr", "c.d.t", "tgG.T"};  // r road, . pavement, letters props
    for (int z = 0; z < 5; ++z)
        for (int x = 0; x < 5; ++x) {
            const glm::mat4 at = glm::translate(glm::mat4(1.0f), {x - 2.0f, 0.0f, z - 2.0f});
            const char c = plan[z][x];
            auto put = [&](int kind, const glm::mat4& m) { placed[static_cast<std::size_t>(kind)].push_back(m); };
            if (c == 'r') {
                put(1, glm::rotate(at, glm::radians(90.0f), {0, 1, 0}));
                continue;
            }
            if (c == 't' || c == 'T') {
                put(0, at);
                put(c == 't' ? 8 : 9, at);
                continue;
            }
            put(2, at);
            if (c >= 'a' && c <= 'd') put(3 + (c - 'a'), glm::rotate(at, glm::radians(z < 2 ? 0.0f : 180.0f), {0, 1, 0}));
            if (c == 'g' || c == 'G') put(7, at);
        }
    Camera3d camera;
    camera.view = lookAtView({-3.2f, 3.4f, 5.2f}, {0, 0, 0});
    camera.projection = perspectiveProjection(glm::radians(45.0f), float(kSize.x) / float(kSize.y), 0.05f, 100.0f);
    const Image image = render(camera, [&](GltfRenderer& r) {
        for (std::size_t i = 0; i < gpu.size(); ++i) r.addInstances(gpu[i], placed[i]);
    }, true);
    expectGolden("kenney-village", image);
}

TEST_F(GltfGolden, Campground) {
    const GltfModel m = loadGltf(kGltf / "Campground/camp.gltf");
    const GltfGpuModel gpu = uploadGltf(m);
    const Image image = render(frame(m.boundsMin, m.boundsMax, {0.8f, 0.6f, 1.0f}, 1.5f),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); }, true, {}, m.boundsMin.y);
    expectGolden("campground", image);
}

TEST_F(GltfGolden, Terrain) {
    const GltfModel m = loadGltf(kGltf / "Terrain/terrain.gltf");
    const GltfGpuModel gpu = uploadGltf(m);
    const Image image = render(frame(m.boundsMin, m.boundsMax, {1.0f, 0.9f, 1.2f}, 1.3f),
                               [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); });
    expectGolden("terrain", image);
}

TEST_F(GltfGolden, SkyAndGround) {
    Camera3d camera;
    camera.view = lookAtView({0, 1.7f, 0}, {0, 1.2f, -10});
    camera.projection = perspectiveProjection(glm::radians(70.0f), float(kSize.x) / float(kSize.y), 0.1f, 500.0f);
    Lighting3d lighting;
    lighting.sunDirection = {0.35f, 0.3f, -1.0f};  // in view, low
    const Image image = render(camera, [](GltfRenderer&) {}, true, lighting);
    expectGolden("sky-ground", image);
}

}  // namespace
}  // namespace exhibit::test
