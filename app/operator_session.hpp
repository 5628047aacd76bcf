// The operator's side of the main loop: the settings an operator saved (restored at start, saved
// on every change), the wall's mode (show / standby / blackout), the daily schedule, playlist
// rotation, the remote control API, and the commands that arrive from it and from the console,
// applied at the start of a frame. Publishes the status (health included) that the API and the
// console read, a few times a second.
//
//   OperatorSession session(show, options, &logRing);   // loads settings, starts the API; throws StartupError
//   SceneDirector director(show, services, session.startScene(options));
//   session.attach(director, attract);
//   each frame:  session.beginFrame(now, localMinutesNow(), touched);  // commands, schedule, rotation
//                ...draw by session.mode()...
//                if (session.screenshotWanted()) session.screenshotTaken(readFramebuffer(...));
//                session.endFrame(report);                       // health, status
//
// Does not: draw anything, read input devices, or own the scenes (the SceneDirector does).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/attract_mode.hpp"
#include "app/control_channel.hpp"
#include "app/frame_health.hpp"
#include "app/options.hpp"
#include "app/scene_director.hpp"
#include "app/settings_store.hpp"
#include "app/wall_schedule.hpp"
#include "core/show.hpp"
#include "renderer/image.hpp"

namespace exhibit {

class ControlServer;
class TouchInput;
class LogRing;
class FeedHealthTracker;

class OperatorSession {
public:
    OperatorSession(const ShowFile& show, const Options& options, const LogRing* log);
    ~OperatorSession();

    // --scene when given, else the scene the operator chose last, else the show's start scene.
    std::string startScene(const Options& options) const;
    void attach(SceneDirector& director, AttractMode& attract);

    CommandQueue& commands() { return commands_; }
    const StatusBoard& status() const { return status_; }
    WallMode mode() const { return settings_.mode; }
    const OperatorSettings& settings() const { return settings_; }
    const std::filesystem::path& stateDir() const { return stateDir_; }

    // `now`: show time (seconds); `localMinutes`: local wall-clock minutes since the epoch (the
    // schedule's clock); `touched`: a visitor touched the wall this frame.
    void beginFrame(double now, std::int64_t localMinutes, bool touched);

    bool screenshotWanted() const { return !screenshots_.empty(); }
    void screenshotTaken(const Image& image);

    struct FrameReport {
        double now = 0;           // show time
        double realSeconds = 0;   // steady time since start (uptime)
        double frameMs = 0;       // CPU time of the frame
        glm::ivec2 output{0, 0};
        const TouchInput* touch = nullptr;  // its stats are read only when the status is published
        const Snapshot* feed = nullptr;
        const WallHealth* wall = nullptr;  // read when the status is published
    };
    void endFrame(const FrameReport& report);

private:
    void apply(ControlCommand& command, double now);
    void setMode(WallMode mode, const char* reason);
    void switchScene(const std::string& id, const char* reason, double now);
    void syncScenes();
    std::string save();  // "" when saved, else the reason (logged)
    void publish(const FrameReport& report);

    const ShowFile& show_;
    SceneDirector* director_ = nullptr;
    AttractMode* attract_ = nullptr;
    const LogRing* log_;
    std::filesystem::path stateDir_;
    SettingsStore store_;
    OperatorSettings settings_;
    std::vector<SceneInfo> scenes_;
    ScheduleWatcher schedule_;
    PlaylistRotation rotation_;
    FrameHealthMeter frames_;
    std::unique_ptr<FeedHealthTracker> feedHealth_;
    CommandQueue commands_;
    StatusBoard status_;
    std::unique_ptr<ControlServer> server_;
    std::vector<TakeScreenshot> screenshots_;
    std::vector<std::future<void>> encoders_;  // PNG encoding off the frame loop
    std::int64_t localMinutes_ = 0;
    bool scheduleStarted_ = false;
    double nextPublish_ = 0;
    bool publishNow_ = true;
};

}  // namespace exhibit
