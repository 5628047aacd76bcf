#include "app/xr_mode.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "app/feeds.hpp"
#include "app/paths.hpp"
#include "app/xr_tour.hpp"
#include "core/error.hpp"
#include "renderer/font.hpp"
#include "renderer/platform/platform.hpp"
#include "scenes/translator.hpp"
#include "xr/xr_check.hpp"
#include "xr/xr_program.hpp"

namespace exhibit {
namespace {

std::atomic<bool> xrStopRequested{false};
extern "C" void onXrStopSignal(int) { xrStopRequested.store(true); }

int loop(const Options& options, Platform& platform, xr::Program& program, XrTour& tour, SnapshotBuffer& feed) {
    const long frameLimit = options.frames.value_or(0);
    auto previous = std::chrono::steady_clock::now();
    FrameTime time;
    const auto started = std::chrono::steady_clock::now();
    bool exitAsked = false;
    bool wasPaused = true;
    std::vector<PlatformEvent> events;
    const auto askExit = [&](const char* why) {
        if (exitAsked) return;
        exitAsked = true;
        spdlog::info("[xr.app] ending the session: {}", why);
        program.requestExit();
    };
    while (!program.status().exitRequested) {
        events.clear();
        platform.pollEvents(events);
        for (const auto& e : events)
            if (e.type == PlatformEvent::Type::Quit ||
                (e.type == PlatformEvent::Type::KeyDown && (e.key == keys::Escape || e.key == keys::Q)))
                askExit("the window was closed");
        if (xrStopRequested.load()) askExit("stop signal");
        if (options.seconds &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >= *options.seconds)
            askExit("--seconds reached");

        program.pollEvents();
        const xr::Status& status = program.status();
        if (!status.running) {
            // As hello_xr: no frames outside a running session; wait for the runtime.
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        program.frame(tour);
        const auto now = std::chrono::steady_clock::now();
        // --fixed-dt: the same frames every run (tests); else real time, where a stall is not a jump.
        time.dt = options.fixedDtMs ? *options.fixedDtMs / 1000.0
                                    : std::min(0.1, std::chrono::duration<double>(now - previous).count());
        time.seconds += time.dt;
        ++time.frame;
        previous = now;
        tour.update(time, *feed.latest(), status, program.input(), program.headPose());
        program.setQuads(tour.quads());
        if (const int hand = tour.takeHaptic(); hand >= 0) program.haptic(hand, 0.4f, 0.04f);
        if (status.paused() != wasPaused) {
            wasPaused = status.paused();
            spdlog::info("[xr.app] {} ({})", wasPaused ? "paused" : "visitor in the headset", xr::toString(status.state));
        }
        tour.drawSpectator(platform.frameTarget(), platform.drawableSize());
        platform.present();
        if (frameLimit > 0 && status.frames >= frameLimit) askExit("--frames reached");
    }
    const xr::Status& s = program.status();
    std::printf("exhibit: VR mode ended: %ld frames, %ld rendered, %ld session restarts, %ld validation messages\n",
                s.frames, s.renderedFrames, s.sessionRestarts, s.validationMessages);
    std::fflush(stdout);
    return 0;
}

}  // namespace

int runXrMode(const Options& options) {
    const ShowFile show = loadShowFile(options.show.empty() ? bundledShowPath() : options.show);
    if (!show.tour)
        throw ContentError(show.path.filename().string() + ": VR mode: this show has no \"tour\" section (its stops)");
    // The loader prints its own errors on stderr before the one line below says what is missing;
    // unless asked for (XR_LOADER_DEBUG=error|warn|info|all), it stays quiet.
    const bool loaderQuiet = std::getenv("XR_LOADER_DEBUG") == nullptr;
    if (loaderQuiet) setenv("XR_LOADER_DEBUG", "none", 0);
    std::unique_ptr<xr::Program> program;
    try {
        program = xr::Program::connect({"exhibit"});
    } catch (const xr::Unavailable& e) {
        std::fprintf(stderr, "exhibit: VR mode: %s%s\n", e.what(),
                     loaderQuiet ? " (XR_LOADER_DEBUG=error shows the loader's reasons)" : "");
        return 2;
    }
    if (!displayAvailable()) {
        std::fprintf(stderr, "exhibit: VR mode needs a window on an X11 display (OpenXR draws with its GLX context): "
                             "DISPLAY is not set\n");
        return 1;
    }
    WindowOptions window;
    window.size = options.sizeGiven ? options.size : glm::ivec2(960, 540);
    window.fullscreen = options.fullscreen;
    window.display = options.display;
    window.vsync = false;  // xrWaitFrame paces the frames
    window.title = "exhibit VR";
    const auto platform = createWindowPlatform(window, options.debugGl);
    spdlog::info("[app.platform] {}", platform->description());
    std::signal(SIGINT, onXrStopSignal);
    std::signal(SIGTERM, onXrStopSignal);

    const Font regular = Font::find(show.theme.font, true);
    const Font bold = Font::find(show.theme.fontBold, true);
    Translator text(show, parseLanguage(options.language).value_or(Language::Zh));
    const SceneServices services{show, regular, bold, text};
    SnapshotBuffer feed;
    const auto feeds = startFeeds(show, options, feed);
    XrTour tour(show, services);

    int code = 1;
    try {
        program->startSession();
        code = loop(options, *platform, *program, tour, feed);
    } catch (const xr::Error& e) {
        if (e.result() == XR_ERROR_INSTANCE_LOST)
            std::fprintf(stderr, "exhibit: VR mode: the OpenXR runtime went away (%s)\n", e.what());
        else
            std::fprintf(stderr, "exhibit: VR mode: %s\n", e.what());
    }
    program.reset();  // the swapchains' GL objects go while the context lives
    return code;
}

}  // namespace exhibit
