#include "app/runner.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

#include "app/attract_mode.hpp"
#include "app/console_host.hpp"
#include "app/feeds.hpp"
#include "app/frame_state.hpp"
#include "app/log_ring.hpp"
#include "app/operator_session.hpp"
#include "app/paths.hpp"
#include "app/scene_director.hpp"
#include "app/service_notify.hpp"
#include "app/touch_input.hpp"
#include "app/wall_follower.hpp"
#include "app/wall_frame.hpp"
#include "app/wall_outputs.hpp"
#include "app/wall_schedule.hpp"
#include "app/wall_sync.hpp"
#include "app/xr_mode.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/local_time.hpp"
#include "core/show.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/font.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"

namespace exhibit {
namespace {

// SIGINT / SIGTERM end the main loop after the current frame (a service manager stopping the show).
std::atomic<bool> stopRequested{false};
extern "C" void onStopSignal(int) { stopRequested.store(true); }

// The operator's "recent log" (console, /api/status) sees what stderr sees.
const std::shared_ptr<LogRing>& logRing() {
    static const auto ring = std::make_shared<LogRing>();
    return ring;
}

void setUpLogging(const std::string& level) {
    auto logger = spdlog::stderr_color_mt("exhibit");
    logger->sinks().push_back(logRing());
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("%^[%l]%$ %v");
    spdlog::set_level(spdlog::level::from_str(level));
}

// The exit summary's frame times: the mean over every frame, p50 / p99 over the last kKept
// (a show running for weeks must not grow a sample per frame).
struct FrameStats {
    static constexpr std::size_t kKept = 1 << 16;
    std::vector<double> recentMs;
    std::size_t frames = 0;
    double sumMs = 0;
    void add(double ms) {
        if (recentMs.size() < kKept) recentMs.push_back(ms);
        else recentMs[frames % kKept] = ms;
        ++frames;
        sumMs += ms;
    }
    void print(glm::ivec2 size) const {
        if (recentMs.empty()) return;
        auto sorted = recentMs;
        std::sort(sorted.begin(), sorted.end());
        auto pct = [&](double p) { return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))]; };
        spdlog::info("[app.frames] {} frames at {}x{}: mean {:.2f} ms, p50 {:.2f} ms, p99 {:.2f} ms", frames, size.x,
                     size.y, sumMs / static_cast<double>(frames), pct(0.5), pct(0.99));
    }
};

// "wall.png" -> "wall-operator.png": the operator window's screenshot beside the wall's.
std::filesystem::path operatorScreenshotPath(const std::filesystem::path& wall) {
    return wall.parent_path() / (wall.stem().string() + "-operator" + wall.extension().string());
}


// --tour: the show's first scene of type "tour".
std::string tourSceneOf(const ShowFile& show) {
    for (const SceneSpec& scene : show.scenes)
        if (scene.type == "tour") return scene.id;
    throw ContentError(show.path.filename().string() +
                       ": --tour: this show has no scene of type \"tour\" (it needs one, and the \"tour\" section with its stops)");
}

int runShow(const Options& given) {
    // A write past an administrator's file-size limit (ulimit -f, systemd LimitFSIZE=) must fail with
    // EFBIG, which the settings store reports like a full disk, not kill the wall with SIGXFSZ.
    std::signal(SIGXFSZ, SIG_IGN);
    const auto showPath = given.show.empty() ? bundledShowPath() : given.show;
    const ShowFile show = loadShowFile(showPath);
    Options options = given;
    if (options.tour) options.scene = tourSceneOf(show);

    if (options.listScenes) {
        const Translator text(show, parseLanguage(options.language).value_or(Language::Zh));
        for (const auto& scene : show.scenes) std::printf("%s  %s\n", scene.id.c_str(), text(scene.title).c_str());
        return 0;
    }
    std::optional<WallLayout> wall = show.wall;
    if (!options.wall.empty()) wall = loadWallLayout(options.wall);
    const WallLayout* layout = wall ? &*wall : nullptr;
    const auto sync = joinWall(layout);
    if (sync && !sync->leader()) return runWallFollower(show, options, *layout, *sync, stopRequested);

    OperatorSession session(show, options, logRing().get());  // settings, schedule, control API
    const std::string sceneId = session.startScene(options);
    const SceneSpec* spec = show.findScene(sceneId);
    if (!spec) {
        std::string known;
        for (const auto& s : show.scenes) known += (known.empty() ? "" : ", ") + s.id;
        std::fprintf(stderr, "exhibit: --scene: unknown scene \"%s\" (this show has: %s)\n", sceneId.c_str(),
                     known.c_str());
        return 2;
    }

    const Font regular = Font::find(show.theme.font, true);
    const Font bold = Font::find(show.theme.fontBold, true);
    spdlog::info("[app.fonts] {} / {}", regular.file().string(), bold.file().string());

    SnapshotBuffer feedBuffer;
    const auto feeds = startFeeds(show, options, feedBuffer);

    const int rank = 0;
    if (layout && options.sizeGiven)
        spdlog::warn("[app.wall] --size is ignored: the wall layout sets the canvas ({}x{}) and each output's size",
                     layout->canvas.x, layout->canvas.y);
    const auto platform = openOutputsPlatform(layout, rank, options, show.title);
    const bool headless = platform->headless();
    spdlog::info("[app.platform] {}", platform->description());
    WallOutputs outputs(*platform, layout, rank, show.title);

    Translator text(show);
    SceneServices services{show, regular, bold, text};
    SceneDirector director(show, services, sceneId);
    director.recordCommands(sync != nullptr);  // the other ranks replay what the director is told
    FeedDelta feedDelta;
    WallHealth wallHealth = wallHealthOf(layout);
    TouchInput touch(show, options, outputs.canvasSize());
    touch.setHitTest([&](glm::vec2 p) { return director.hitTarget(p); });
    AttractMode attract(show.touch.idleSeconds, show.touch.attractStepSeconds);
    session.attach(director, attract);
    ConsoleHost consoleHost(*platform, options, regular, session.commands(), session.status());
    ServiceNotifier notify;
    CanvasRenderer renderer;
    Canvas canvas;

    std::unique_ptr<Clock> clock;
    const double fixedDtMs = options.fixedDtMs.value_or(headless ? 1000.0 / 60.0 : 0.0);
    if (fixedDtMs > 0)
        clock = std::make_unique<ManualClock>(fixedDtMs / 1000.0);
    else
        clock = std::make_unique<SteadyClock>();
    long frameLimit = options.frames.value_or(0);
    if (headless && !options.frames && !options.seconds) frameLimit = 1;

    FrameStats stats;
    std::vector<PlatformEvent> events;
    bool running = true;
    int exitCode = 0;
    std::filesystem::path screenshot = options.screenshot;
    if (headless && screenshot.empty()) screenshot = defaultScreenshotPath(sceneId, outputs.canvasSize());

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    double lastSeconds = 0;
    const auto startedAt = std::chrono::steady_clock::now();
    for (long frame = 0; running; ++frame) {
        const auto started = std::chrono::steady_clock::now();
        const double realSeconds = std::chrono::duration<double>(started - startedAt).count();
        const FrameTime time = clock->tick();
        lastSeconds = time.seconds;
        touch.beginFrame(time);
        events.clear();
        platform->pollEvents(events);
        for (const auto& e : events) {
            if (e.type == PlatformEvent::Type::Quit) running = false;
            else if (consoleHost.event(e)) continue;  // the operator window's keys never quit the show
            else if (e.type == PlatformEvent::Type::KeyDown && (e.key == keys::Escape || e.key == keys::Q)) running = false;
            else if (e.type == PlatformEvent::Type::KeyDown) director.keyDown(e.key);
            PlatformEvent onCanvas = e;
            onCanvas.pos = outputs.toCanvas(e);
            touch.platformEvent(onCanvas);
        }
        if (stopRequested.load()) running = false;
        const glm::ivec2 size = outputs.canvasSize();
        const bool last = !running || (frameLimit > 0 && frame + 1 >= frameLimit) ||
                          (options.seconds && time.seconds + 1e-9 >= *options.seconds);

        const TouchInput::Frame input = touch.poll(time.seconds);
        session.beginFrame(time.seconds, localMinutesNow(), input.touched);
        text.setLanguage(parseLanguage(session.settings().language).value_or(Language::Zh));
        // In standby and blackout the wall ignores visitors and attract mode rests.
        const WallMode mode = session.mode();
        if (mode == WallMode::Show) {
            if (input.touched && attract.touched(time.seconds)) spdlog::info("[app.attract] off: touched");
            for (const Gesture& g : input.gestures) director.gesture(g);
            switch (attract.update(time.seconds, input.activeContacts)) {
                case AttractMode::Action::Start:
                    if (attract.startedByOperator())
                        spdlog::info("[app.attract] on: operator");
                    else
                        spdlog::info("[app.attract] on: no touch for {} s", show.touch.idleSeconds);
                    director.startTour();
                    break;
                case AttractMode::Action::Step: director.tourStep(); break;
                case AttractMode::Action::None: break;
            }
        } else {
            attract.touched(time.seconds);
        }
        const auto feed = feedBuffer.latest();
        const WallFrame wallFrame{mode, localTimeText("%H:%M"), realSeconds};
        if (sync) {
            // Before update: the other ranks make the same calls, then update with the same time and feed.
            const FrameState state{{time.seconds, time.dt, static_cast<std::uint64_t>(frame)},
                                   realSeconds,
                                   static_cast<int>(mode),
                                   static_cast<int>(text.language()),
                                   wallFrame.clockText,
                                   director.current().id(),
                                   director.takeCommands(),
                                   input.pointers,
                                   nullptr,
                                   false};
            sync->sendState(encodeFrameState(state, feedDelta, feed));
        }
        director.update(time, *feed);
        drawWallCanvas(canvas, size, wallFrame, director, services,
                       [&](Canvas& c) { touch.drawFeedback(c, show.theme); });
        const RenderStats renderStats = outputs.draw(renderer, canvas.list());
        if (frame == 0)
            spdlog::info("[app.render] first frame: {} draw calls, {} vertices, {} shapes, {} glyphs",
                         renderStats.drawCalls, renderStats.vertices, renderStats.shapeInstances,
                         renderStats.glyphInstances);
        if (session.screenshotWanted()) session.screenshotTaken(outputs.overview(renderer, canvas.list()));
        consoleHost.drawOverlay(platform->frameTarget(), platform->drawableSize(), time.dt);
        if (last && !screenshot.empty()) outputs.saveScreenshots(screenshot);
        if (sync) {
            CanvasRenderer::finish();
            for (const ReadyReport& report : sync->gatherReady(static_cast<std::uint64_t>(frame)))
                touch.inject(report.pointers, report.rank);
            const bool restart = sync->restartDue();
            sync->sendGo({static_cast<std::uint64_t>(frame), last || restart, restart});
            if (restart) {
                exitCode = kExitWallRestart;
                running = false;
            }
        }
        outputs.present();
        if (sync) sync->presented();
        touch.presented();
        Image operatorImage;
        consoleHost.drawWindow(time.dt, last && !screenshot.empty() ? &operatorImage : nullptr);
        if (operatorImage.width > 0) saveScreenshot(operatorScreenshotPath(screenshot), operatorImage);
        if (frame == 0) notify.ready("showing " + director.current().id());
        notify.heartbeat(realSeconds);
        const double frameMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        stats.add(frameMs);
        if (sync && frame % 30 == 0) updateWallHealth(wallHealth, *sync);
        session.endFrame({time.seconds, realSeconds, frameMs, size, &touch, feed.get(), &wallHealth});
        if (last) running = false;
    }
    notify.stopping();
    stats.print(outputs.canvasSize());
    if (const TouchStats t = touch.stats(lastSeconds); t.events > 0)
        spdlog::info("[app.touch] {} touches, {} events; touch-to-frame latency p50 {:.1f} ms, p99 {:.1f} ms; dropped: "
                     "{} queued events, {} TUIO messages",
                     t.touches, t.events, t.latencyP50Ms, t.latencyP99Ms, t.droppedEvents, t.droppedMessages);
    feeds->stop();
    for (const auto& source : feedBuffer.latest()->sources)
        spdlog::info("[app.feeds] {}: {} messages, {} rejected{}", source.name, source.messages, source.rejected,
                     source.lastError.empty() ? "" : ", last problem: " + source.lastError);
    if (sync) {
        spdlog::info("[wall.sync] {}", sync->summary());
        sync->exitIfLost(exitCode);
    }
    return exitCode;
}

}  // namespace

int run(const Options& options) {
    setUpLogging(options.logLevel);
    try {
        if (options.xr) return runXrMode(options);
        return runShow(options);
    } catch (const ContentError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    } catch (const StartupError& e) {
        std::fprintf(stderr, "exhibit: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "exhibit: %s\n", e.what());
        return 1;
    }
}

}  // namespace exhibit
