#include "app/wall_follower.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "app/pointer_input.hpp"
#include "app/touch_input.hpp"
#include "app/wall_frame.hpp"
#include "app/wall_outputs.hpp"
#include "renderer/canvas.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/font.hpp"
#include "scenes/touch_feedback.hpp"
#include "scenes/translator.hpp"

namespace exhibit {
namespace {

double realNow() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

int runWallFollower(const ShowFile& show, const Options& options, const WallLayout& layout, WallSync& sync,
                    const std::atomic<bool>& stopRequested) {
    const int rank = sync.rank();
    const Font regular = Font::find(show.theme.font, true);
    const Font bold = Font::find(show.theme.fontBold, true);
    const auto platform = openOutputsPlatform(&layout, rank, options, show.title);
    spdlog::info("[app.platform] rank {}: {}", rank, platform->description());
    WallOutputs outputs(*platform, &layout, rank, show.title);

    Translator text(show);
    SceneServices services{show, regular, bold, text};
    std::unique_ptr<SceneDirector> director;  // made with the scene of rank 0's first state
    FeedMirror mirror;
    FrameState state;
    state.feed = mirror.snapshot();
    TouchFeedback feedback;
    const float feedbackRadius = TouchInput::feedbackRadiusPx(show);
    PlatformPointers pointers;
    PointerQueue localTouches;
    CanvasRenderer renderer;
    Canvas canvas;
    SteadyClock ownClock;  // standalone only

    const long frameLimit = options.frames.value_or(0);
    double presentedAt = 0;
    long outOfStep = 0;  // frames whose go named another frame than the state drawn
    int exitCode = 0;
    std::vector<PlatformEvent> events;
    for (long frame = 0;; ++frame) {
        events.clear();
        platform->pollEvents(events);
        for (const auto& e : events) {
            PlatformEvent onCanvas = e;
            onCanvas.pos = outputs.toCanvas(e);
            pointers.handle(onCanvas, state.time.seconds, localTouches);
        }

        if (auto bytes = sync.receiveState()) {
            try {
                state = decodeFrameState(*bytes, mirror);
            } catch (const WireError& e) {
                spdlog::error("[wall.sync] rank {}: frame state from rank 0 unreadable, frame {} keeps the last: {}",
                              rank, frame, e.what());
                state.commands.clear();
                state.pointers.clear();
            }
        } else {
            const FrameTime own = ownClock.tick();
            state.time = {state.time.seconds + own.dt, own.dt, state.time.frame + 1};
            state.commands.clear();
            state.pointers.clear();
        }
        if (!director) {
            director = std::make_unique<SceneDirector>(show, services, state.scene.empty() ? show.startScene : state.scene);
            spdlog::info("[wall.sync] rank {}: following rank 0 from frame {}", rank, state.time.frame);
        }
        for (const DirectorCommand& c : state.commands) director->apply(c);
        if (!state.scene.empty() && director->current().id() != state.scene) {
            spdlog::warn("[wall.sync] rank {}: showed \"{}\" where rank 0 shows \"{}\"; following", rank,
                         director->current().id(), state.scene);
            director->switchTo(state.scene, "wall resync");
        }
        text.setLanguage(static_cast<Language>(state.language));
        for (const PointerEvent& p : state.pointers) feedback.add(p);
        feedback.update(state.time.seconds);
        director->update(state.time, *state.feed);
        drawWallCanvas(canvas, outputs.canvasSize(),
                       {static_cast<WallMode>(state.mode), state.clockText, state.realSeconds}, *director, services,
                       [&](Canvas& c) { feedback.draw(c, show.theme.accent, feedbackRadius); });
        outputs.draw(renderer, canvas.list());

        CanvasRenderer::finish();
        sync.sendReady({rank, state.time.frame, presentedAt, localTouches.drain()});
        const auto go = sync.receiveGo();
        if (go && go->frame != state.time.frame && outOfStep++ == 0)
            spdlog::error("[wall.sync] rank {}: drew frame {} but rank 0 said go for frame {}", rank, state.time.frame,
                          go->frame);
        // Alone, it ends for a restart like rank 0 would (the layout's restartAfterLossSeconds).
        const bool restart = (go && go->restart) || (sync.standalone() && sync.restartDue());
        const bool last = (go && go->end) || restart || stopRequested.load() ||
                          (sync.standalone() && frameLimit > 0 && frame + 1 >= frameLimit) ||
                          (sync.standalone() && options.seconds && state.time.seconds >= *options.seconds);
        std::filesystem::path screenshot = options.screenshot;
        if (screenshot.empty() && platform->headless()) screenshot = defaultScreenshotPath(state.scene, outputs.canvasSize());
        if (last && !screenshot.empty()) outputs.saveScreenshots(screenshot);
        outputs.present();
        presentedAt = realNow();
        if (last) {
            if (restart) exitCode = kExitWallRestart;
            break;
        }
    }
    spdlog::info("[wall.sync] rank {}: stopped at frame {}{}", rank, state.time.frame,
                 sync.standalone()  ? " (alone since rank 0 went silent)"
                 : outOfStep == 0 ? ", in step with rank 0"
                                  : fmt::format(", {} frames out of step with rank 0", outOfStep));
    sync.exitIfLost(exitCode);
    return exitCode;
}

}  // namespace exhibit
