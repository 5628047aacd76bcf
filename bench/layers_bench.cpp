// Scaling of the animated layers rendered headless at 1920x1080 (or the size given as an argument,
// e.g. `bench_layers 3840x2160`): ripple sets of 10k / 100k / 1M points and flyline sets of
// 1k / 10k lines, each set static while the clock advances 1/60 s per frame, plus a 10k flyline
// set whose version is bumped every frame (the cost of re-uploading it). Prints one JSON object
// per case: p50/p99 wall time per frame (canvas + execute + glFinish), p50 of filling the Canvas
// (the scene's CPU cost), p50 of execute() alone (the submitting thread's cost; on llvmpipe it
// also includes vertex shading and binning), CPU time per frame of the whole process (llvmpipe's
// threads included), draw calls and uploads of the last frame.
// Each case runs up to 30 measured frames (120 for the finished-flyline pair, whose difference is
// the upload cost) or 15 s, whichever ends first (at least 3 frames).
// `bench_layers ripples` or `bench_layers ripples:100000` runs only that layer's cases or that case. For scale,
// "circles-baseline" draws 10k plain discs of the same radii through the shape batch.
// Measures only; asserts nothing.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/platform/platform.hpp"

namespace {

using namespace exhibit;
using Clock = std::chrono::steady_clock;

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// Show-like data: points over the whole output, radii as the map's ripples layer (4..22 px).
RippleSetRef makeRipples(int count, glm::ivec2 size, std::mt19937& rng) {
    std::uniform_real_distribution<float> x(0, static_cast<float>(size.x)), y(0, static_cast<float>(size.y));
    std::uniform_real_distribution<float> radius(4, 22), phase(0, 1);
    auto set = std::make_shared<RippleSet>();
    set->points.reserve(static_cast<std::size_t>(count));
    const std::uint32_t color = Color{0.25f, 0.85f, 1.0f, 0.9f}.packed();
    for (int i = 0; i < count; ++i) set->points.push_back({{x(rng), y(rng)}, radius(rng), color, phase(rng)});
    return set;
}

// Arcs from random counties to eight destination cities, started over the 1.5 s before t = 0 and
// flying 3 s, so every line is alive (head, trail and faint arc) during the measured frames.
std::shared_ptr<FlylineSet> makeFlylines(int count, glm::ivec2 size, std::mt19937& rng) {
    std::uniform_real_distribution<float> x(0, static_cast<float>(size.x)), y(0, static_cast<float>(size.y));
    std::uniform_real_distribution<double> start(-1.5, 0);
    std::vector<glm::vec2> cities;
    for (int i = 0; i < 8; ++i) cities.push_back({x(rng), y(rng)});
    auto set = std::make_shared<FlylineSet>();
    set->lines.reserve(static_cast<std::size_t>(count));
    const std::uint32_t color = Color{1.0f, 0.75f, 0.3f, 1.0f}.packed();
    for (int i = 0; i < count; ++i)
        set->lines.push_back({{x(rng), y(rng)}, cities[static_cast<std::size_t>(i) % cities.size()], 0.25f, color, 1.6f,
                              start(rng), 3.0f});
    return set;
}

struct Case {
    std::string layer;
    int count;
    bool reuploadEveryFrame;
    std::function<void(Canvas&, double)> draw;
    std::function<void()> beforeFrame;
    double startTime = 0;  // clock of the first frame
    int maxFrames = 30;
};

void run(Platform& platform, glm::ivec2 size, const Case& c) {
    CanvasRenderer renderer;
    Canvas canvas;
    RenderStats stats;
    double executeMs = 0, frontEndMs = 0;
    auto frame = [&](double time) {
        if (c.beforeFrame) c.beforeFrame();
        const auto frontEnd = Clock::now();
        canvas.begin(size, Color{0.02f, 0.04f, 0.1f, 1});
        c.draw(canvas, time);
        frontEndMs = msSince(frontEnd);
        const auto start = Clock::now();
        stats = renderer.execute(canvas.list(), platform.frameTarget());
        executeMs = msSince(start);
        platform.present();
    };
    const auto firstStart = Clock::now();
    frame(c.startTime);
    const double firstMs = msSince(firstStart);
    frame(c.startTime + 1.0 / 60);

    std::vector<double> wallMs, submitMs, canvasMs;
    const double cpu0 = cpuSeconds();
    const auto caseStart = Clock::now();
    for (int i = 0; i < c.maxFrames && (i < 3 || msSince(caseStart) < 15000); ++i) {
        const auto start = Clock::now();
        frame(c.startTime + static_cast<double>(i + 2) / 60);
        wallMs.push_back(msSince(start));
        submitMs.push_back(executeMs);
        canvasMs.push_back(frontEndMs);
    }
    const auto frames = static_cast<double>(wallMs.size());
    const double cpuMsPerFrame = (cpuSeconds() - cpu0) * 1000.0 / frames;
    double mean = 0, executeMean = 0;
    for (std::size_t i = 0; i < wallMs.size(); ++i) {
        mean += wallMs[i] / frames;
        executeMean += submitMs[i] / frames;
    }
    std::printf(
        "{\"bench\": \"layers\", \"size\": \"%dx%d\", \"layer\": \"%s\", \"count\": %d, \"reupload_every_frame\": %s, "
        "\"frames\": %zu, \"first_frame_ms\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"mean_ms\": %.2f, \"canvas_p50_ms\": %.3f, "
        "\"execute_p50_ms\": %.3f, \"execute_mean_ms\": %.3f, "
        "\"cpu_ms_per_frame\": %.2f, \"draw_calls\": %u, \"ripple_points\": %u, \"flylines\": %u, \"uploads\": %u}\n",
        size.x, size.y, c.layer.c_str(), c.count, c.reuploadEveryFrame ? "true" : "false", wallMs.size(), firstMs,
        percentile(wallMs, 0.5), percentile(wallMs, 0.99), mean, percentile(canvasMs, 0.5), percentile(submitMs, 0.5), executeMean, cpuMsPerFrame, stats.drawCalls,
        stats.ripplePoints, stats.flylines, stats.rippleUploads + stats.flylineUploads);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    glm::ivec2 size{1920, 1080};
    std::string only;  // run only the cases of this layer ("ripples") or name ("flylines:10000:reupload")
    for (int i = 1; i < argc; ++i) {
        if (std::sscanf(argv[i], "%dx%d", &size.x, &size.y) == 2) continue;
        only = argv[i];
    }
    auto platform = createHeadlessPlatform(size);
    std::fprintf(stderr, "bench_layers: %s\n", platform->description().c_str());
    std::mt19937 rng(7);

    std::vector<Case> cases;
    for (const int n : {10'000, 100'000, 1'000'000}) {
        const RippleSetRef set = makeRipples(n, size, rng);
        cases.push_back({"ripples", n, false, [set](Canvas& canvas, double t) { canvas.ripples(set, t, {}); }, {}});
    }
    for (const int n : {1'000, 10'000}) {
        const FlylineSetRef set = makeFlylines(n, size, rng);
        cases.push_back({"flylines", n, false, [set](Canvas& canvas, double t) { canvas.flylines(set, t, {}); }, {}});
    }
    // Re-uploading every frame, with the lines alive and with all of them finished (the GPU then
    // skips them, so the frame time is mostly the upload).
    const auto changing = makeFlylines(10'000, size, rng);
    auto drawChanging = [changing](Canvas& canvas, double t) { canvas.flylines(changing, t, {}); };
    auto bump = [changing] { ++changing->version; };
    cases.push_back({"flylines", 10'000, true, drawChanging, bump});
    cases.push_back({"flylines-finished", 10'000, false, drawChanging, {}, 100.0, 120});
    cases.push_back({"flylines-finished", 10'000, true, drawChanging, bump, 100.0, 120});
    // Baseline: the same number of discs as plain shapes, rebuilt on the CPU every frame.
    const RippleSetRef discs = makeRipples(10'000, size, rng);
    cases.push_back({"circles-baseline", 10'000, false, [discs](Canvas& canvas, double) {
                         for (const auto& p : discs->points) canvas.circle(p.pos, p.radius, Color{0.25f, 0.85f, 1.0f, 0.9f});
                     }, {}});

    for (const auto& c : cases) {
        const std::string name = c.layer + ":" + std::to_string(c.count) + (c.reuploadEveryFrame ? ":reupload" : "");
        if (only.empty() || only == c.layer || only == name) run(*platform, size, c);
    }
    return 0;
}
