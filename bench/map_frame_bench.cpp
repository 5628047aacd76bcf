// Frame time of the Guizhou map scene rendered headless, at 1920x1080 and 3840x2160 (or the sizes
// given as arguments, e.g. `bench_map_frame 5760x1080`). Prints one JSON object per size:
// first-frame time (geometry build, glyph rasterization), then over the measured frames the
// p50/p99/mean wall time per frame (including glFinish), CPU time per frame of the whole process
// (llvmpipe's threads included) and resident memory at the end.
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "core/show.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/font.hpp"
#include "renderer/platform/platform.hpp"
#include "scenes/catalog.hpp"

namespace {

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double residentMiB() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
    using namespace exhibit;
    std::vector<glm::ivec2> sizes;
    for (int i = 1; i < argc; ++i) {
        int w = 0, h = 0;
        if (std::sscanf(argv[i], "%dx%d", &w, &h) == 2) sizes.push_back({w, h});
    }
    if (sizes.empty()) sizes = {{1920, 1080}, {3840, 2160}};
    const int frames = 30;

    const ShowFile show = loadShowFile(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/show.json");
    const Font regular = Font::find(show.theme.font, true);
    const Font bold = Font::find(show.theme.fontBold, true);
    for (const auto size : sizes) {
        auto platform = createHeadlessPlatform(size);
        Translator text(show);
        SceneServices services{show, regular, bold, text};
        auto scene = createScene(*show.findScene("map"), services);
        CanvasRenderer renderer;
        Canvas canvas;
        RenderStats stats;
        auto frame = [&](std::uint64_t n) {
            scene->update({static_cast<double>(n) / 60.0, 1.0 / 60.0, n}, Snapshot{});
            canvas.begin(size, show.theme.background);
            scene->draw(canvas);
            stats = renderer.execute(canvas.list(), platform->frameTarget());
            platform->present();
        };
        const auto t0 = std::chrono::steady_clock::now();
        frame(0);
        const double firstMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        frame(1);
        std::vector<double> wallMs;
        const double cpu0 = cpuSeconds();
        for (int i = 0; i < frames; ++i) {
            const auto start = std::chrono::steady_clock::now();
            frame(static_cast<std::uint64_t>(i + 2));
            wallMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        const double cpuMsPerFrame = (cpuSeconds() - cpu0) * 1000.0 / frames;
        double mean = 0;
        for (double v : wallMs) mean += v / frames;
        std::printf(
            "{\"bench\": \"map_frame\", \"size\": \"%dx%d\", \"renderer\": \"%s\", \"frames\": %d, "
            "\"first_frame_ms\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"mean_ms\": %.2f, \"fps\": %.1f, "
            "\"cpu_ms_per_frame\": %.2f, \"draw_calls\": %u, \"vertices\": %u, \"glyphs\": %u, \"rss_mib\": %.1f}\n",
            size.x, size.y, platform->description().c_str(), frames, firstMs, percentile(wallMs, 0.5),
            percentile(wallMs, 0.99), mean, 1000.0 / mean, cpuMsPerFrame, stats.drawCalls, stats.vertices,
            stats.glyphInstances, residentMiB());
        std::fflush(stdout);
    }
    return 0;
}
