// Frame time of the Guizhou show's "dashboard" scene rendered headless, at 1920x1080 and 3840x2160
// (or the sizes given as arguments, e.g. `bench_dashboard 5760x1080`), with its data changing: the
// map of 88 counties (choropleth, borders, labels), one ripple marker per county (88), up to 100
// flylines (the layer's maxLines), the line chart, the 88-bar and the top-10 bar charts, the donut,
// 6 KPIs, the ticker and the history panel. Every 100 ms of frame time one SimulatorSource payload
// (the show's seed, from 20:00 China time, the evening peak) goes through a FeedHub manual sink
// with a simulated clock, so values, flylines and the ticker keep changing; each frame advances a
// fixed 1/60 s and gets the hub's newest snapshot. Each payload carries `--feed-speed` (default 8)
// times 100 ms of simulated activity: at 1x the simulator's ~6 shipments a second keep only ~12
// flylines alive, at 8x the layer is full (100).
//
// Prints one JSON object per size (the shape of bench_map_frame's): after `--warmup` frames
// (default 180, 3 s: long enough for the flylines to fill up), over `--frames` measured frames
// (default 300, 120 above 1920x1080) the p50/p99/mean wall time per frame including glFinish
// (fps from the mean), the update() part and the draw + execute + present part, CPU time per frame
// of the whole process (llvmpipe's threads included; mean, p50, p99), resident memory (VmRSS) at
// the start and the end of the measured frames (rss_start_mib, rss_mib), what the last frame
// submitted (draw calls, vertices, shapes, glyphs) and the mean ripple points and flylines
// submitted per frame.
// The bundled show has 88 ripple markers (one per county). `--ripples N` (89..264) measures a
// modified copy of the show instead: one or two more ripple layers on per-county metrics the
// simulator does not send (online_shops, express_stations), which a second manual sink gives to
// the first N - 88 counties, so N markers in all (e.g. `--ripples 200`).
//
// Does not measure: the feed's own work (generating and ingesting payloads runs on the hub's
// thread in the app; here it is done between frames, outside the timed part, and reported as
// feed_ms_per_push), vsync or buffer swaps of a window, more than one output, input, or GPU time
// apart from the wall time of glFinish. On a shared machine other processes inflate wall time
// (compare it with cpu_ms_per_frame). Not a test: it asserts nothing about speed.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "core/show.hpp"
#include "data_feed/county_facts.hpp"
#include "data_feed/feed_hub.hpp"
#include "data_feed/simulator_source.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/font.hpp"
#include "renderer/platform/platform.hpp"
#include "scenes/catalog.hpp"

namespace {

using Steady = std::chrono::steady_clock;

double msSince(Steady::time_point start) {
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// VmRSS of /proc/self/status, in MiB.
double residentMiB() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            double kib = 0;
            status >> kib;
            return kib / 1024.0;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

double mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return sum / static_cast<double>(v.size());
}

// 2025-11-28 20:00 China time (12:00 UTC): the simulator's evening peak.
constexpr double kEpochBase = 1764331200.0;
constexpr int kFramesPerPush = 6;  // one payload every 100 ms of frame time
constexpr double kDt = 1.0 / 60.0;

// Per-county metrics the simulator does not send, for the extra ripple layers of --ripples.
constexpr const char* kExtraRippleMetrics[] = {"online_shops", "express_stations"};
constexpr int kCounties = 88;

// A copy of the show whose dashboard has one more ripple layer per extra metric needed for
// `markers` markers, each on one of kExtraRippleMetrics, inserted right after the bundled one so
// the draw order stays the same.
exhibit::ShowFile withRippleLayers(exhibit::ShowFile show, int markers) {
    for (auto& scene : show.scenes) {
        if (scene.id != "dashboard" || !scene.map) continue;
        auto& mapLayers = scene.map->layers;
        const auto it = std::find_if(mapLayers.begin(), mapLayers.end(), [](const exhibit::MapLayer& l) {
            return std::holds_alternative<exhibit::RipplesLayer>(l);
        });
        if (it == mapLayers.end()) break;
        std::vector<exhibit::MapLayer> extra;
        for (int i = 0; (i + 1) * kCounties < markers; ++i) {
            auto copy = std::get<exhibit::RipplesLayer>(*it);
            copy.metric = kExtraRippleMetrics[i];
            extra.emplace_back(copy);
        }
        mapLayers.insert(it + 1, extra.begin(), extra.end());
    }
    return show;
}

// One metrics message giving the first `markers - 88` counties a value of an extra metric (88
// per metric), so that the extra ripple layers have exactly that many markers.
std::string extraRipplePayload(const std::vector<exhibit::SimulatedCounty>& counties, int markers, double epoch) {
    std::string values;
    int left = markers - kCounties;
    for (const char* metric : kExtraRippleMetrics) {
        for (std::size_t c = 0; c < counties.size() && left > 0; ++c, --left) {
            if (!values.empty()) values += ", ";
            values += "{\"adcode\": \"" + counties[c].adcode + "\", \"metric\": \"" + metric +
                      "\", \"value\": " + std::to_string(10 + (c * 37) % 90) + "}";
        }
    }
    return "{\"type\": \"metrics\", \"ts\": " + std::to_string(epoch) +
           ", \"provenance\": \"simulated\", \"values\": [" + values + "]}";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace exhibit;
    std::vector<glm::ivec2> sizes;
    int framesOption = 0, warmup = 180, markers = kCounties;
    double feedSpeed = 8;
    for (int i = 1; i < argc; ++i) {
        int w = 0, h = 0;
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--frames") == 0 && hasValue) {
            framesOption = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--warmup") == 0 && hasValue) {
            warmup = std::max(0, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--ripples") == 0 && hasValue) {
            markers = std::clamp(std::atoi(argv[++i]), kCounties,
                                 kCounties * static_cast<int>(1 + std::size(kExtraRippleMetrics)));
        } else if (std::strcmp(argv[i], "--feed-speed") == 0 && hasValue) {
            feedSpeed = std::max(0.1, std::atof(argv[++i]));
        } else if (std::sscanf(argv[i], "%dx%d", &w, &h) == 2) {
            sizes.push_back({w, h});
        } else {
            std::fprintf(stderr,
                         "usage: bench_dashboard [WxH ...] [--frames N] [--warmup N] [--ripples 88..264] "
                         "[--feed-speed S]\n");
            return 2;
        }
    }
    if (sizes.empty()) sizes = {{1920, 1080}, {3840, 2160}};

    const ShowFile bundled = loadShowFile(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/show.json");
    const ShowFile show = markers > kCounties ? withRippleLayers(bundled, markers) : bundled;
    const SceneSpec& spec = *show.findScene("dashboard");

    // The hub's adcodes and the simulator's counties, as app/feeds.cpp builds them.
    std::set<std::string, std::less<>> adcodes = {"520000"};
    std::vector<SimulatedCounty> counties;
    for (const auto& c : loadCountyFacts(show.resolve(spec.map->facts.counties)).counties) {
        if (adcodes.insert(c.adcode).second) counties.push_back({c.adcode, c.prefectureAdcode, c.name});
        adcodes.insert(c.prefectureAdcode);
    }

    const Font regular = Font::find(show.theme.font, true);
    const Font bold = Font::find(show.theme.fontBold, true);
    for (const auto size : sizes) {
        const int frames = framesOption > 0 ? framesOption : (size.x * size.y > 1920 * 1080 ? 120 : 300);
        auto platform = createHeadlessPlatform(size);
        Translator text(show);
        SceneServices services{show, regular, bold, text};
        auto scene = createScene(spec, services);
        CanvasRenderer renderer;
        Canvas canvas;
        RenderStats stats;

        double now = 0;  // simulated seconds: the hub's clock and the frame clock
        FeedHub hub(adcodes, [&] { return now; });
        SourceSink& sink = hub.addManual("simulator", show.feeds.front().staleAfter);
        SourceSink* markerSink =
            markers > kCounties ? &hub.addManual("bench ripples", show.feeds.front().staleAfter) : nullptr;
        SimulatorSource sim(show.feeds.front().seed, counties);
        int pushes = 0;
        double feedMs = 0;
        std::shared_ptr<const Snapshot> snapshot;
        // Pushes the payload due at frame n (one per 100 ms of frame time, carrying feedSpeed times
        // 100 ms of simulated activity), outside the timed part of the frame.
        auto feed = [&](std::uint64_t n) {
            if (n % kFramesPerPush != 0) return;
            const auto start = Steady::now();
            const double epoch = kEpochBase + static_cast<double>(n) * kDt * feedSpeed;
            sink.payload(sim.generate(epoch));
            if (markerSink) markerSink->payload(extraRipplePayload(counties, markers, epoch));
            ++pushes;
            snapshot = hub.tick();
            feedMs += msSince(start);
        };

        double updateMs = 0, drawMs = 0;
        auto frame = [&](std::uint64_t n) {
            const auto start = Steady::now();
            scene->update({now, kDt, n}, *snapshot);
            const auto drawStart = Steady::now();
            updateMs = std::chrono::duration<double, std::milli>(drawStart - start).count();
            canvas.begin(size, show.theme.background);
            scene->draw(canvas);
            stats = renderer.execute(canvas.list(), platform->frameTarget());
            platform->present();  // glFinish on the headless platform
            drawMs = msSince(drawStart);
        };

        feed(0);  // the first payload fills in the day so far
        const auto t0 = Steady::now();
        frame(0);
        const double firstMs = msSince(t0);
        std::uint64_t n = 1;
        for (int i = 0; i < warmup; ++i, ++n) {
            now = static_cast<double>(n) * kDt;
            feed(n);
            frame(n);
        }

        auto lastSerial = [&] { return snapshot->events.empty() ? std::uint64_t{0} : snapshot->events.back().serial; };
        const int pushes0 = pushes;
        const double feedMs0 = feedMs;
        const std::uint64_t events0 = lastSerial();
        std::vector<double> wallMs, cpuMs, updates, draws;
        double flylines = 0, ripples = 0;
        const double rssStart = residentMiB();
        for (int i = 0; i < frames; ++i, ++n) {
            now = static_cast<double>(n) * kDt;
            feed(n);
            const double cpu0 = cpuSeconds();
            const auto start = Steady::now();
            frame(n);
            wallMs.push_back(msSince(start));
            cpuMs.push_back((cpuSeconds() - cpu0) * 1000.0);
            updates.push_back(updateMs);
            draws.push_back(drawMs);
            flylines += stats.flylines / static_cast<double>(frames);
            ripples += stats.ripplePoints / static_cast<double>(frames);
        }
        const double rssEnd = residentMiB();
        const int measuredPushes = pushes - pushes0;
        const double meanMs = mean(wallMs);
        std::printf(
            "{\"bench\": \"dashboard\", \"size\": \"%dx%d\", \"renderer\": \"%s\", \"warmup\": %d, \"frames\": %d, "
            "\"first_frame_ms\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"mean_ms\": %.2f, \"fps\": %.1f, "
            "\"update_p50_ms\": %.2f, \"update_mean_ms\": %.2f, \"draw_p50_ms\": %.2f, \"draw_mean_ms\": %.2f, "
            "\"cpu_ms_per_frame\": %.2f, \"cpu_p50_ms\": %.2f, \"cpu_p99_ms\": %.2f, "
            "\"draw_calls\": %u, \"vertices\": %u, \"shapes\": %u, \"glyphs\": %u, "
            "\"ripple_points_mean\": %.1f, \"flylines_mean\": %.1f, \"feed_speed\": %.1f, \"feed_pushes\": %d, "
            "\"feed_events\": %llu, \"feed_ms_per_push\": %.2f, \"rss_start_mib\": %.1f, \"rss_mib\": %.1f}\n",
            size.x, size.y, platform->description().c_str(), warmup, frames, firstMs, percentile(wallMs, 0.5),
            percentile(wallMs, 0.99), meanMs, 1000.0 / meanMs, percentile(updates, 0.5), mean(updates),
            percentile(draws, 0.5), mean(draws), mean(cpuMs), percentile(cpuMs, 0.5), percentile(cpuMs, 0.99),
            stats.drawCalls, stats.vertices, stats.shapeInstances, stats.glyphInstances, ripples, flylines, feedSpeed,
            measuredPushes, static_cast<unsigned long long>(lastSerial() - events0),
            measuredPushes > 0 ? (feedMs - feedMs0) / static_cast<double>(measuredPushes) : 0.0, rssStart, rssEnd);
        std::fflush(stdout);
    }
    return 0;
}
