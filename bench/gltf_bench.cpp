// Cost of the glTF renderer (renderer/gltf_renderer.hpp) per frame, headless at 1280x720 or the
// size given (`bench_gltf 1832x1920` is one Quest-class eye), into a 4x MSAA target resolved into a
// plain one (`bench_gltf 1280x720 1` for no MSAA), sky and ground included:
//   city       the Kenney city kit on a 12 x 12 block grid: every model kind instanced (roads,
//              pavement, grass, five building kinds, trees), one draw per primitive per kind
//   terrain    the Terrain model
//   helmet     DamagedHelmet (2048^2 PBR textures)
//   cesium-man CesiumMan walking: evaluatePose every frame + skinned draw
//   boxes:N    N instanced BoxTextured (100, 1000, 10000)
// Prints one JSON object per case: p50 / p99 wall time per frame (draw + resolve + glFinish),
// p50 time of begin/add/end (submit: the render thread's cost; on llvmpipe it also holds the vertex
// shading and binning that Mesa does inside the draw calls), of begin/add alone (the renderer's own
// queueing: culling, pose uploads, instance copies, items), of evaluatePose, draw calls, material
// changes, triangles and culled instances. Up to 30 measured frames or 10 s per case. On llvmpipe the wall time is the software
// rasteriser's; add_p50_ms and draw_calls are the figures that carry over to a GPU.
// `bench_gltf 1280x720 4 city` runs the cases whose name starts with "city". Measures only; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "renderer/camera3d.hpp"
#include "renderer/gltf_animation.hpp"
#include "renderer/gltf_renderer.hpp"
#include "renderer/msaa_target.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "renderer/sky_ground.hpp"

namespace {

using namespace exhibit;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
const fs::path kGltf = fs::path(EXHIBIT_TEST_DATA) / "gltf";

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

struct Scene {
    Camera3d camera;
    std::function<void(GltfRenderer&, float)> add;  // adds the frame's draws at time t
    std::function<void(float)> animate;             // CPU animation work at time t (timed apart)
};

Camera3d framing(glm::vec3 lo, glm::vec3 hi, glm::vec3 from, float distance, glm::ivec2 size) {
    const glm::vec3 centre = (lo + hi) * 0.5f;
    const float radius = std::max(glm::length(hi - lo) * 0.5f, 1e-3f);
    Camera3d c;
    c.view = lookAtView(centre + glm::normalize(from) * radius * distance, centre);
    c.projection = perspectiveProjection(glm::radians(60.0f), float(size.x) / float(size.y), radius * 0.02f, radius * 40.0f);
    return c;
}

void run(const std::string& name, const Scene& scene, glm::ivec2 size, int samples, GltfRenderer& renderer, SkyGround& sky) {
    MsaaTarget msaa;
    if (samples > 1) msaa = MsaaTarget(size, samples);
    RenderTarget target(size, {.depth = true});
    const GLuint drawTo = samples > 1 ? msaa.framebuffer() : target.framebuffer();
    GltfDrawStats stats;
    double submitMs = 0, animateMs = 0, addMs = 0;
    auto frame = [&](float t) {
        const auto a = Clock::now();
        if (scene.animate) scene.animate(t);
        animateMs = msSince(a);
        glBindFramebuffer(GL_FRAMEBUFFER, drawTo);
        glViewport(0, 0, size.x, size.y);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        sky.draw(scene.camera, {}, {}, OutputEncoding::EncodeSrgb);
        const auto s = Clock::now();
        renderer.begin(scene.camera, {}, OutputEncoding::EncodeSrgb);
        scene.add(renderer, t);
        addMs = msSince(s);
        stats = renderer.end();
        submitMs = msSince(s);
        if (samples > 1) msaa.resolveInto(target.framebuffer());
        glFinish();
    };
    const auto firstStart = Clock::now();
    frame(0);
    const double firstMs = msSince(firstStart);
    std::vector<double> wall, submit, animate, adds;
    const auto caseStart = Clock::now();
    for (int i = 0; i < 30 && (i < 3 || msSince(caseStart) < 10000); ++i) {
        const auto start = Clock::now();
        frame(static_cast<float>(i + 1) / 90.0f);
        wall.push_back(msSince(start));
        submit.push_back(submitMs);
        animate.push_back(animateMs);
        adds.push_back(addMs);
    }
    std::printf("{\"bench\": \"gltf\", \"case\": \"%s\", \"size\": \"%dx%d\", \"msaa\": %d, \"frames\": %zu, "
                "\"first_frame_ms\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"submit_p50_ms\": %.3f, \"add_p50_ms\": %.3f, "
                "\"animate_p50_ms\": %.3f, \"draw_calls\": %d, \"material_changes\": %d, \"triangles\": %zu, \"culled_instances\": %d}\n",
                name.c_str(), size.x, size.y, samples > 1 ? msaa.samples() : 1, wall.size(), firstMs, percentile(wall, 0.5),
                percentile(wall, 0.99), percentile(submit, 0.5), percentile(adds, 0.5), percentile(animate, 0.5), stats.drawCalls,
                stats.materialChanges, stats.triangles, stats.culledInstances);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    glm::ivec2 size{1280, 720};
    int samples = 4;
    std::string only;
    if (argc > 1 && std::sscanf(argv[1], "%dx%d", &size.x, &size.y) != 2) {
        std::fprintf(stderr, "usage: bench_gltf [WxH] [msaa samples] [case]\n");
        return 2;
    }
    if (argc > 2) samples = std::max(1, std::atoi(argv[2]));
    if (argc > 3) only = argv[3];
    auto platform = createHeadlessPlatform({64, 64});
    std::fprintf(stderr, "bench_gltf: %s\n", platform->description().c_str());
    GltfRenderer renderer;
    SkyGround sky;
    auto wanted = [&](const std::string& name) { return only.empty() || name.rfind(only, 0) == 0; };

    if (wanted("city")) {
        // A 12 x 12 grid of 4 m blocks: a road every fourth row and column, pavement with a building
        // or grass with trees on the rest.
        const char* kinds[] = {"road-straight", "pavement", "grass", "grass-trees", "grass-trees-tall",
                               "building-small-a", "building-small-b", "building-small-c", "building-small-d",
                               "building-garage"};
        std::vector<GltfModel> models;
        std::vector<GltfGpuModel> gpu;
        for (const char* k : kinds) {
            models.push_back(loadGltf(kGltf / "KenneyCityKit" / (std::string(k) + ".glb")));
            gpu.push_back(uploadGltf(models.back()));
        }
        std::vector<std::vector<glm::mat4>> placed(gpu.size());
        int seed = 7;
        for (int z = 0; z < 12; ++z)
            for (int x = 0; x < 12; ++x) {
                const glm::mat4 at = glm::scale(glm::translate(glm::mat4(1.0f), {(x - 5.5f) * 4.0f, 0, (z - 5.5f) * 4.0f}), glm::vec3(4.0f));
                seed = seed * 1103515245 + 12345;
                const int r = (seed >> 16) & 0x7fff;
                if (x % 4 == 0 || z % 4 == 0) {
                    placed[0].push_back(z % 4 == 0 ? at : glm::rotate(at, glm::radians(90.0f), {0, 1, 0}));
                } else if (r % 3 == 0) {
                    placed[2].push_back(at);
                    placed[3 + static_cast<std::size_t>(r % 2)].push_back(at);
                } else {
                    placed[1].push_back(at);
                    placed[5 + static_cast<std::size_t>(r % 5)].push_back(glm::rotate(at, glm::radians(90.0f * float(r % 4)), {0, 1, 0}));
                }
            }
        Scene s;
        s.camera.view = lookAtView({-30, 14, 30}, {0, 0, 0});
        s.camera.projection = perspectiveProjection(glm::radians(60.0f), float(size.x) / float(size.y), 0.1f, 300.0f);
        s.add = [&](GltfRenderer& r, float) {
            for (std::size_t i = 0; i < gpu.size(); ++i) r.addInstances(gpu[i], placed[i]);
        };
        run("city", s, size, samples, renderer, sky);
    }
    auto single = [&](const std::string& name, const fs::path& file, glm::vec3 from, float distance) {
        if (!wanted(name)) return;
        const GltfModel m = loadGltf(kGltf / file);
        const GltfGpuModel g = uploadGltf(m);
        Scene s;
        s.camera = framing(m.boundsMin, m.boundsMax, from, distance, size);
        s.add = [&](GltfRenderer& r, float) { r.add(g, glm::mat4(1.0f)); };
        run(name, s, size, samples, renderer, sky);
    };
    single("terrain", "Terrain/terrain.gltf", {1, 0.8f, 1}, 1.2f);
    single("helmet", "DamagedHelmet/glTF-Binary/DamagedHelmet.glb", {0.3f, 0.1f, 1}, 1.8f);
    if (wanted("cesium-man")) {
        const GltfModel m = loadGltf(kGltf / "CesiumMan/glTF/CesiumMan.gltf");
        const GltfGpuModel g = uploadGltf(m);
        GltfPose pose;
        Scene s;
        s.camera = framing(m.boundsMin, m.boundsMax, {1, 0.3f, 0.6f}, 2.0f, size);
        s.animate = [&](float t) { evaluatePose(m, 0, t, pose); };
        s.add = [&](GltfRenderer& r, float) { r.add(g, glm::mat4(1.0f), &pose); };
        run("cesium-man", s, size, samples, renderer, sky);
    }
    const GltfModel box = loadGltf(kGltf / "BoxTextured/glTF-Binary/BoxTextured.glb");
    const GltfGpuModel boxGpu = uploadGltf(box);
    for (int n : {100, 1000, 10000}) {
        const std::string name = "boxes:" + std::to_string(n);
        if (!wanted(name)) continue;
        std::vector<glm::mat4> transforms;
        const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
        for (int i = 0; i < n; ++i)
            transforms.push_back(glm::translate(glm::mat4(1.0f), {(i % side - side * 0.5f) * 1.5f, 0.5f, (i / side - side * 0.5f) * 1.5f}));
        Scene s;
        s.camera.view = lookAtView({0, side * 0.8f, side * 1.1f}, {0, 0, 0});
        s.camera.projection = perspectiveProjection(glm::radians(60.0f), float(size.x) / float(size.y), 0.1f, side * 10.0f);
        s.add = [&](GltfRenderer& r, float) { r.addInstances(boxGpu, transforms); };
        run(name, s, size, samples, renderer, sky);
    }
    return 0;
}
