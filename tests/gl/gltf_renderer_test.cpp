// The glTF renderer, sky and ground against a real GL context (label gl): a 4x MSAA target
// resolved draws the same image as a plain target away from edges; every piece of GL state the
// renderers change is back as it was; sRGB framebuffers and in-shader encoding agree; instancing is
// one draw per primitive; poses and morph weights move pixels; the placeholder is drawn; once warm, a
// frame (evaluatePose, begin/add/end, sky) makes no C++ heap allocation (counted by replacing the
// global operator new in this test executable).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <new>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "renderer/camera3d.hpp"
#include "renderer/gl_object.hpp"
#include "renderer/gltf_animation.hpp"
#include "renderer/gltf_placeholder.hpp"
#include "renderer/gltf_renderer.hpp"
#include "renderer/msaa_target.hpp"
#include "renderer/render_target.hpp"
#include "renderer/sky_ground.hpp"
#include "tests/gl/gl_fixture.hpp"

namespace {
std::atomic<long> gAllocations{0};
}  // namespace

// Not inlined, so GCC does not pair the malloc inside one with the free inside the other at call
// sites (-Wmismatched-new-delete).
[[gnu::noinline]] void* operator new(std::size_t size) {
    gAllocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
[[gnu::noinline]] void* operator new[](std::size_t size) { return ::operator new(size); }
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { ::operator delete(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { ::operator delete(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { ::operator delete(p); }

namespace exhibit {
namespace {

namespace fs = std::filesystem;
const fs::path kGltf = fs::path(EXHIBIT_TEST_DATA) / "gltf";
constexpr glm::ivec2 kSize{160, 120};

Camera3d cameraAt(glm::vec3 eye, glm::vec3 target) {
    Camera3d camera;
    camera.view = lookAtView(eye, target);
    camera.projection = perspectiveProjection(glm::radians(45.0f), float(kSize.x) / float(kSize.y), 0.05f, 100.0f);
    return camera;
}

class GltfRendererTest : public GlTest {
protected:
    void SetUp() override {
        GlTest::SetUp();
        if (IsSkipped()) return;
        if (!renderer_) {
            renderer_ = std::make_unique<GltfRenderer>();
            sky_ = std::make_unique<SkyGround>();
        }
    }
    static void TearDownTestSuite() {
        renderer_.reset();
        sky_.reset();
    }

    // Sky, ground and the scene into the bound framebuffer (viewport kSize).
    static GltfDrawStats drawInto(GLuint framebuffer, const Camera3d& camera, const std::function<void(GltfRenderer&)>& scene,
                                  OutputEncoding output = OutputEncoding::EncodeSrgb) {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, kSize.x, kSize.y);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        sky_->draw(camera, {}, {}, output);
        renderer_->begin(camera, {}, output);
        scene(*renderer_);
        return renderer_->end();
    }
    static Image render(const Camera3d& camera, const std::function<void(GltfRenderer&)>& scene,
                        GltfDrawStats* stats = nullptr) {
        RenderTarget target(kSize, {.depth = true});
        const GltfDrawStats s = drawInto(target.framebuffer(), camera, scene);
        if (stats) *stats = s;
        return readFramebuffer(target.framebuffer(), kSize);
    }

    static inline std::unique_ptr<GltfRenderer> renderer_;
    static inline std::unique_ptr<SkyGround> sky_;
};

int pixelDifference(const Image& a, const Image& b, int x, int y) { return channelDistance(pixelAt(a, x, y), pixelAt(b, x, y)); }

// Pixels whose 3x3 neighbourhood holds a step of more than 24 levels: geometry and texture edges.
std::vector<bool> edgeMask(const Image& image) {
    std::vector<bool> edge(static_cast<std::size_t>(image.width * image.height), false);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= image.width || ny >= image.height) continue;
                    if (channelDistance(pixelAt(image, x, y), pixelAt(image, nx, ny)) > 24)
                        edge[static_cast<std::size_t>(y * image.width + x)] = true;
                }
    return edge;
}

TEST_F(GltfRendererTest, MsaaMatchesPlainAwayFromEdges) {
    const GltfModel m = loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb");
    const GltfGpuModel gpu = uploadGltf(m);
    const Camera3d camera = cameraAt({1.6f, 1.3f, 2.1f}, {0, 0, 0});
    auto scene = [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); };
    const Image plain = render(camera, scene);

    MsaaTarget msaa(kSize, 4);
    ASSERT_GE(msaa.samples(), 1);
    RenderTarget resolved(kSize);
    drawInto(msaa.framebuffer(), camera, scene);
    msaa.resolveInto(resolved.framebuffer());
    const Image multi = readFramebuffer(resolved.framebuffer(), kSize);
    saveForInspection(plain, "gltf-plain");
    saveForInspection(multi, "gltf-msaa");

    const std::vector<bool> edges = edgeMask(plain);
    int interior = 0, off = 0, edgeDiffs = 0;
    for (int y = 0; y < kSize.y; ++y)
        for (int x = 0; x < kSize.x; ++x) {
            const int d = pixelDifference(plain, multi, x, y);
            if (edges[static_cast<std::size_t>(y * kSize.x + x)]) {
                if (d > 8) ++edgeDiffs;
                continue;
            }
            ++interior;
            if (d > 8) ++off;
        }
    EXPECT_GT(interior, kSize.x * kSize.y / 2);
    EXPECT_LE(off, interior / 200) << "more than 0.5 % of the non-edge pixels differ by more than 8 levels";
    if (msaa.samples() > 1) {
        EXPECT_GT(edgeDiffs, 0) << "MSAA smooths some edges";
    }
}

struct GlSnapshot {
    GLint program, vertexArray, arrayBuffer, activeTexture, texture3, blendSrc, blendDst, depthFunc, cullMode, frontFace;
    GLboolean blend, depthTest, depthMask, cull, srgb;
    static GlSnapshot take() {
        GlSnapshot s{};
        glGetIntegerv(GL_CURRENT_PROGRAM, &s.program);
        glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &s.vertexArray);
        glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &s.arrayBuffer);
        glGetIntegerv(GL_ACTIVE_TEXTURE, &s.activeTexture);
        glActiveTexture(GL_TEXTURE3);
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &s.texture3);
        glActiveTexture(static_cast<GLenum>(s.activeTexture));
        glGetIntegerv(GL_BLEND_SRC_RGB, &s.blendSrc);
        glGetIntegerv(GL_BLEND_DST_RGB, &s.blendDst);
        glGetIntegerv(GL_DEPTH_FUNC, &s.depthFunc);
        glGetIntegerv(GL_CULL_FACE_MODE, &s.cullMode);
        glGetIntegerv(GL_FRONT_FACE, &s.frontFace);
        s.blend = glIsEnabled(GL_BLEND);
        s.depthTest = glIsEnabled(GL_DEPTH_TEST);
        glGetBooleanv(GL_DEPTH_WRITEMASK, &s.depthMask);
        s.cull = glIsEnabled(GL_CULL_FACE);
        s.srgb = glIsEnabled(GL_FRAMEBUFFER_SRGB);
        return s;
    }
};

TEST_F(GltfRendererTest, RestoresGlState) {
    const GltfModel skinModel = loadGltf(kGltf / "CesiumMan/glTF/CesiumMan.gltf");
    const GltfGpuModel skinned = uploadGltf(skinModel);
    const GltfGpuModel morph = uploadGltf(loadGltf(kGltf / "AnimatedMorphCube/glTF/AnimatedMorphCube.gltf"));
    GltfPose pose;
    evaluatePose(skinModel, 0, 0.3f, pose);
    // Unusual state another renderer might have left.
    gl::Texture texture = gl::Texture::create();
    gl::VertexArray vao = gl::VertexArray::create();
    gl::Buffer buffer = gl::Buffer::create();
    glBindVertexArray(vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
    glActiveTexture(GL_TEXTURE3);
    glBindTexture(GL_TEXTURE_2D, texture.id());
    glActiveTexture(GL_TEXTURE2);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    glDepthFunc(GL_GREATER);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_FRONT);
    glFrontFace(GL_CW);
    glEnable(GL_FRAMEBUFFER_SRGB);
    const GlSnapshot before = GlSnapshot::take();

    RenderTarget target(kSize, {.depth = true});
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer());
    glViewport(0, 0, kSize.x, kSize.y);
    const Camera3d camera = cameraAt({2, 2, 3}, {0, 0.5f, 0});
    sky_->draw(camera, {}, {}, OutputEncoding::EncodeSrgb);
    renderer_->begin(camera, {}, OutputEncoding::SrgbFramebuffer);
    renderer_->add(skinned, glm::mat4(1.0f), &pose);
    renderer_->add(morph, glm::scale(glm::mat4(1.0f), glm::vec3(0.01f)));
    const GltfDrawStats stats = renderer_->end();
    EXPECT_GT(stats.drawCalls, 0);
    const GltfGpuModel uploaded = uploadGltf(placeholderModel({0, 0, 0}, {1, 1, 1}));

    const GlSnapshot after = GlSnapshot::take();
    EXPECT_EQ(after.program, before.program);
    EXPECT_EQ(after.vertexArray, before.vertexArray);
    EXPECT_EQ(after.arrayBuffer, before.arrayBuffer);
    EXPECT_EQ(after.activeTexture, before.activeTexture);
    EXPECT_EQ(after.texture3, before.texture3);
    EXPECT_EQ(after.blendSrc, before.blendSrc);
    EXPECT_EQ(after.blendDst, before.blendDst);
    EXPECT_EQ(after.depthFunc, before.depthFunc);
    EXPECT_EQ(after.cullMode, before.cullMode);
    EXPECT_EQ(after.frontFace, before.frontFace);
    EXPECT_EQ(after.blend, before.blend);
    EXPECT_EQ(after.depthTest, before.depthTest);
    EXPECT_EQ(after.depthMask, before.depthMask);
    EXPECT_EQ(after.cull, before.cull);
    EXPECT_EQ(after.srgb, before.srgb);
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
    // Back to the defaults the other tests expect.
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glActiveTexture(GL_TEXTURE3);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE0);
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
    glDepthFunc(GL_LESS);
    glDisable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glFrontFace(GL_CCW);
    glDisable(GL_FRAMEBUFFER_SRGB);
}

TEST_F(GltfRendererTest, SrgbFramebufferMatchesShaderEncoding) {
    const GltfGpuModel gpu = uploadGltf(loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb"));
    const Camera3d camera = cameraAt({1.6f, 1.3f, 2.1f}, {0, 0, 0});
    auto scene = [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); };
    const Image encoded = render(camera, scene);
    RenderTarget srgb(kSize, {.depth = true, .srgb = true});
    drawInto(srgb.framebuffer(), camera, scene, OutputEncoding::SrgbFramebuffer);
    const Image viaFramebuffer = readFramebuffer(srgb.framebuffer(), kSize);
    int off = 0;
    for (int y = 0; y < kSize.y; ++y)
        for (int x = 0; x < kSize.x; ++x)
            if (pixelDifference(encoded, viaFramebuffer, x, y) > 3) ++off;
    EXPECT_LE(off, kSize.x * kSize.y / 1000) << "sRGB framebuffer and in-shader encoding disagree";
}

TEST_F(GltfRendererTest, InstancesAreOneDrawPerPrimitive) {
    const GltfModel m = loadGltf(kGltf / "Box/glTF-Binary/Box.glb");
    ASSERT_EQ(m.meshes.size(), 1u);
    const GltfGpuModel gpu = uploadGltf(m);
    std::vector<glm::mat4> transforms;
    for (int i = 0; i < 100; ++i)
        transforms.push_back(glm::translate(glm::mat4(1.0f), {float(i % 10) - 4.5f, 0.5f, float(i / 10) - 4.5f}));
    GltfDrawStats stats;
    const Image image = render(cameraAt({0, 8, 10}, {0, 0, 0}), [&](GltfRenderer& r) { r.addInstances(gpu, transforms); }, &stats);
    EXPECT_EQ(stats.drawCalls, static_cast<int>(m.meshes[0].primitives.size()));
    EXPECT_EQ(stats.triangles, 100u * m.triangleCount);
    EXPECT_EQ(stats.materialChanges, 1);
}

TEST_F(GltfRendererTest, CullingDropsWhatIsOutOfViewAndKeepsTheImage) {
    const GltfModel m = loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb");
    const GltfGpuModel gpu = uploadGltf(m);
    std::vector<glm::mat4> grid;
    for (int i = 0; i < 400; ++i)
        grid.push_back(glm::translate(glm::mat4(1.0f), {float(i % 20) * 2.0f - 19.0f, 0.5f, float(i / 20) * 2.0f - 19.0f}));
    const Camera3d camera = cameraAt({0, 2, 4}, {0, 0.5f, 0});  // sees a few boxes near the middle
    auto scene = [&](GltfRenderer& r) { r.addInstances(gpu, grid); };
    GltfDrawStats culled, all;
    const Image withCulling = render(camera, scene, &culled);
    renderer_->setCulling(false);
    const Image without = render(camera, scene, &all);
    renderer_->setCulling(true);
    EXPECT_GT(culled.culledInstances, 300);
    EXPECT_EQ(all.culledInstances, 0);
    EXPECT_LT(culled.triangles, all.triangles);
    EXPECT_EQ(culled.drawCalls, 1);
    int off = 0;
    for (int y = 0; y < kSize.y; ++y)
        for (int x = 0; x < kSize.x; ++x)
            if (pixelDifference(withCulling, without, x, y) > 0) ++off;
    EXPECT_EQ(off, 0) << "culling changed the image";

    // Looking up into the sky: nothing of the grid is drawn.
    GltfDrawStats away;
    render(cameraAt({0, 2, 4}, {0, 50, 4.5f}), [&](GltfRenderer& r) { r.addInstances(gpu, grid); r.add(gpu, grid[0]); }, &away);
    EXPECT_EQ(away.drawCalls, 0);
    EXPECT_EQ(away.culledInstances, 401);
}

TEST_F(GltfRendererTest, PoseAndMorphWeightsMovePixels) {
    const GltfModel skin = loadGltf(kGltf / "SimpleSkin/glTF-Embedded/SimpleSkin.gltf");
    const GltfGpuModel skinGpu = uploadGltf(skin);
    GltfPose pose;
    evaluatePose(skin, 0, 1.0f, pose);
    const Camera3d front = cameraAt({0, 1, 4.5f}, {0, 1, 0});
    const Image rest = render(front, [&](GltfRenderer& r) { r.add(skinGpu, glm::mat4(1.0f)); });
    const Image bent = render(front, [&](GltfRenderer& r) { r.add(skinGpu, glm::mat4(1.0f), &pose); });
    // At rest the strip stands upright over x in -0.5..0.5; at t = 1 joint 1 has turned its top half
    // 90 degrees about (0, 1, 0): the top edge (x 0..1, y 2) lands on x = -1, y 0.5..1.5, so
    // (-0.8, 1.0) is covered where the rest pose shows only sky.
    const glm::mat4 vp = front.viewProjection();
    const glm::vec4 clip = vp * glm::vec4(-0.8f, 1.0f, 0.0f, 1.0f);
    const int px = static_cast<int>((clip.x / clip.w * 0.5f + 0.5f) * kSize.x);
    const int py = static_cast<int>((0.5f - clip.y / clip.w * 0.5f) * kSize.y);
    EXPECT_GT(pixelDifference(rest, bent, px, py), 20) << "at (" << px << ", " << py << ")";

    const GltfModel cube = loadGltf(kGltf / "AnimatedMorphCube/glTF/AnimatedMorphCube.gltf");
    const GltfGpuModel cubeGpu = uploadGltf(cube);
    GltfPose morphed;
    evaluatePose(cube, 0, 1.0f, morphed);
    const Camera3d side = cameraAt({2.5f, 1.5f, 2.5f}, {0, 0, 0});
    const Image cubeRest = render(side, [&](GltfRenderer& r) { r.add(cubeGpu, glm::mat4(1.0f)); });
    const Image cubeMorphed = render(side, [&](GltfRenderer& r) { r.add(cubeGpu, glm::mat4(1.0f), &morphed); });
    int changed = 0;
    for (int y = 0; y < kSize.y; ++y)
        for (int x = 0; x < kSize.x; ++x)
            if (pixelDifference(cubeRest, cubeMorphed, x, y) > 20) ++changed;
    EXPECT_GT(changed, 200) << "morph weight 0.68 reshapes the cube";
}

TEST_F(GltfRendererTest, WarmFramesAllocateNothing) {
    const GltfModel man = loadGltf(kGltf / "CesiumMan/glTF/CesiumMan.gltf");
    const GltfModel cube = loadGltf(kGltf / "AnimatedMorphCube/glTF/AnimatedMorphCube.gltf");
    const GltfGpuModel manGpu = uploadGltf(man), cubeGpu = uploadGltf(cube);
    const GltfGpuModel boxGpu = uploadGltf(loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb"));
    std::vector<glm::mat4> boxes;
    for (int i = 0; i < 50; ++i) boxes.push_back(glm::translate(glm::mat4(1.0f), {float(i % 10) - 5.0f, 0.5f, float(i / 10) - 5.0f}));
    GltfPose manPose, cubePose;
    RenderTarget target(kSize, {.depth = true});
    const Camera3d camera = cameraAt({3, 3, 5}, {0, 0.5f, 0});
    auto frame = [&](float t) {
        evaluatePose(man, 0, t, manPose);
        evaluatePose(cube, 0, t, cubePose);
        // As drawInto does, without its std::function (which may allocate for the capture).
        glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer());
        glViewport(0, 0, kSize.x, kSize.y);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        sky_->draw(camera, {}, {}, OutputEncoding::EncodeSrgb);
        GltfRenderer& r = *renderer_;
        r.begin(camera, {}, OutputEncoding::EncodeSrgb);
        r.add(manGpu, glm::mat4(1.0f), &manPose);
        r.add(cubeGpu, glm::scale(glm::mat4(1.0f), glm::vec3(0.01f)), &cubePose);
        r.addInstances(boxGpu, boxes);
        r.end();
    };
    frame(0.0f);
    frame(0.1f);
    const long before = gAllocations.load();
    for (int i = 2; i < 6; ++i) frame(0.1f * float(i));
    glFinish();
    EXPECT_EQ(gAllocations.load() - before, 0) << "operator new calls in 4 warm frames";
    const long counted = gAllocations.load();
    auto probe = std::make_unique<std::vector<int>>(8);
    EXPECT_GE(gAllocations.load() - counted, 2) << "the counting operator new is in use";
}

TEST_F(GltfRendererTest, PlaceholderIsDrawnCheckered) {
    const GltfGpuModel gpu = uploadGltf(placeholderModel({-0.5f, 0, -0.5f}, {0.5f, 1, 0.5f}));
    const Image image = render(cameraAt({1.5f, 1.5f, 2.0f}, {0, 0.5f, 0}), [&](GltfRenderer& r) { r.add(gpu, glm::mat4(1.0f)); });
    const int orange = countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 150 && p.g < 140 && p.b < 90; });
    const int light = countPixels(image, wholeImage(image), [](Rgba p) { return p.r > 150 && p.g > 150 && p.b > 140 && p.r - p.b < 30; });
    EXPECT_GT(orange, 300);
    EXPECT_GT(light, 300);
}

}  // namespace
}  // namespace exhibit
