// The words the operator console, the control API and the main loop share: the wall's mode, the
// settings an operator changes (SettingsStore persists them), the commands sent to the main loop
// and the status the main loop publishes once a frame. Plain data and conversions; no threads, no
// I/O (app/control_channel.hpp carries these between threads).
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "input/touch_telemetry.hpp"

namespace exhibit {

// Show: scenes on the wall. Standby: a calm screen with the show's title and the time (the wall
// stays lit, no animation to speak of). Blackout: black, nothing drawn.
enum class WallMode { Show, Standby, Blackout };
std::string_view toString(WallMode mode);                   // "show" | "standby" | "blackout"
std::optional<WallMode> parseWallMode(std::string_view text);

// A daily switch at local wall-clock time, e.g. {18 * 60, Standby} and {9 * 60, Show}.
struct ScheduleEntry {
    int minuteOfDay = 0;  // 0..1439
    WallMode mode = WallMode::Show;
    bool operator==(const ScheduleEntry&) const = default;
};
std::string formatMinuteOfDay(int minuteOfDay);                // 1080 -> "18:00"
std::optional<int> parseMinuteOfDay(std::string_view text);    // "18:00" -> 1080; "9:05" -> 545

// What an operator changes and expects to find again after a restart.
struct OperatorSettings {
    std::string scene;                  // the scene the operator chose last; "" = the show's start scene
    WallMode mode = WallMode::Show;     // standby and blackout survive a restart
    std::int64_t modeSetAt = 0;         // local minutes (wall_schedule.hpp) of the last change by hand; 0 = never
    std::vector<std::string> playlist;  // scene ids to rotate through, in order; empty = every scene
    double rotationSeconds = 0;         // switch to the next playlist scene this often; 0 = never
    std::vector<ScheduleEntry> schedule;  // daily switches; empty = no schedule
    std::string language = "zh";        // operator UI language (console, web remote): "zh" | "en"
    bool operator==(const OperatorSettings&) const = default;
};

// A scene of the show. Unavailable: its content failed to load (app/scene_director.hpp); `problem`
// names the file and what is wrong with it. Switching to it tries to load it again.
struct SceneInfo {
    SceneInfo() = default;
    // A constructor, not an aggregate: {id, title} stays complete (-Wmissing-field-initializers).
    SceneInfo(std::string sceneId, std::string sceneTitle, bool isAvailable = true, std::string why = {})
        : id(std::move(sceneId)), title(std::move(sceneTitle)), available(isAvailable), problem(std::move(why)) {}
    std::string id;
    std::string title;
    bool available = true;
    std::string problem;  // "" when available
};

// One data source as the operator sees it. state: "ok" (messages arriving), "stale" (none for a
// while), "error" (the transport failed or the last messages were rejected), "connecting".
struct FeedHealth {
    std::string name;
    std::string state;
    double ageSeconds = -1;  // since the last accepted message; -1 = none yet
    double messagesPerSecond = 0;
    std::uint64_t messages = 0;
    std::uint64_t rejected = 0;
    std::string lastError;
};

// Frame times over the recent window, and a cumulative histogram since start (Prometheus style).
struct FrameHealth {
    double fps = 0;
    double p50Ms = 0, p99Ms = 0;
    std::uint64_t frames = 0;                   // frames ever
    std::vector<double> bucketUpperMs;          // ascending upper bounds, without +Inf
    std::vector<std::uint64_t> bucketCounts;    // cumulative: frames <= bucketUpperMs[i]
    double sumMs = 0;                           // all frame times ever
};

// The video wall this process runs (core/wall_layout.hpp, app/wall_sync.hpp); a plain window is
// one output of one rank.
struct WallHealth {
    std::string layout;       // the layout's name; "" = no wall layout
    int canvasWidth = 0, canvasHeight = 0;
    int outputs = 1;          // of the whole wall
    int ranks = 1;            // processes (machines)
    std::vector<int> lostRanks;
    double syncMsP99 = 0;     // rank 0's time in sync per frame
    double skewMsP99 = 0;     // spread of the ranks' present times
    double stateBytesMean = 0;
};

struct OperatorStatus {
    std::string showTitle;
    std::string version;
    std::vector<SceneInfo> scenes;
    std::string scene;  // on the wall now
    WallMode mode = WallMode::Show;
    bool attract = false;
    double uptimeSeconds = 0;
    int outputWidth = 0, outputHeight = 0;
    FrameHealth frames;
    std::uint64_t residentBytes = 0;  // 0 = unknown (app/process_stats.hpp)
    std::uint64_t openFiles = 0;      // open file descriptors; 0 = unknown
    std::uint64_t threads = 0;        // 0 = unknown
    struct GlObjects { std::string kind; std::int64_t live = 0; };
    std::vector<GlObjects> glObjects;  // live GL names by kind (renderer/gl_object.hpp); empty = not counted
    std::vector<FeedHealth> feeds;
    TouchStats touch;
    WallHealth wall;
    std::string xr = "off";  // VR state, once the VR tour exists
    OperatorSettings settings;
    std::vector<std::string> recentLog;  // newest last
};

// What the console and the API ask the main loop to do. Each is applied at the start of a frame.
struct SwitchScene { std::string id; };
struct SetMode { WallMode mode; };
struct SetAttract { bool on; };
// Playlist, rotation, schedule, language. When `saved` is set (the API waits for it), the main loop
// fulfils it once the change is applied: "" when settings.json was written, else why it was not.
struct ChangeSettings {
    OperatorSettings settings;
    std::shared_ptr<std::promise<std::string>> saved{};
};
// The main loop fulfils it with the PNG of the next frame (or an exception naming the problem).
struct TakeScreenshot { std::shared_ptr<std::promise<std::vector<std::uint8_t>>> png; };
using ControlCommand = std::variant<SwitchScene, SetMode, SetAttract, ChangeSettings, TakeScreenshot>;

}  // namespace exhibit
