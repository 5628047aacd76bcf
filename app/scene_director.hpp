// The show's scenes and which one is on the wall: creates every scene of the show file at start,
// updates the loaded ones each frame (so charts keep their history while off screen) and draws the
// current one, switching with a short fade from the background. Routes touch: gestures go to the
// current scene; a two-finger swipe it does not use switches to the next (left) or previous
// (right) scene. Runs attract mode's tour: each step asks the scene for its next step, and moves on
// to the next scene (reset first) when it has none.
//
// One broken scene does not take the others off the wall. Each scene is created on its own; one
// whose content fails to load (a missing or corrupt GeoJSON or facts file) is logged with the scene,
// the file and the problem, and marked unavailable. The wall starts on the start scene if it loaded,
// else on the first scene that did; swipes, the tour and the playlist skip unavailable scenes.
// Switching to an unavailable scene by id (the operator) tries to load it again, at most once every
// `retrySeconds` of show time (a tablet hammering the button does not stall frames with reloads):
// when the file was fixed meanwhile the scene loads and the wall switches; otherwise the switch is
// refused with a log line and the wall stays. Only when no scene loads at all does the constructor
// throw (ContentError, one line per scene). A loaded scene holds its content in memory: deleting or
// corrupting its files later does not affect it.
//
//   SceneDirector director(show, services, "dashboard");   // throws ContentError when no scene loads
//   director.gesture(g);  director.update(time, feed);  director.draw(canvas);
//   if (!director.available(i)) tellTheOperator(director.problem(i));
//
// A video wall on several machines runs one director per machine (app/wall_sync.hpp): the first
// records what it was told (recordCommands), and the others replay the same calls in the same
// frames (apply), so every machine's scenes stay in the same state.
//
// Does not: recognise gestures, time attract mode (AttractMode does), own the window, or watch
// files (an unavailable scene is retried only when someone switches to it).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenes/scene.hpp"

namespace exhibit {

// One call a SceneDirector was given from outside, as recorded for replay.
struct DirectorCommand {
    enum class Kind { SwitchTo, Gesture, Key, Playlist, StartTour, TourStep };
    static constexpr int kKinds = 6;
    Kind kind = Kind::TourStep;
    std::string id;                // SwitchTo: the scene
    std::string reason;            // SwitchTo: why, for the log
    Gesture gesture;               // Gesture
    int key = 0;                   // Key
    std::vector<std::string> ids;  // Playlist
};

class SceneDirector {
public:
    static constexpr double kFadeSeconds = 0.35;
    static constexpr double kRetrySeconds = 5;

    SceneDirector(const ShowFile& show, const SceneServices& services, const std::string& startScene,
                  double retrySeconds = kRetrySeconds);

    Scene& current() { return *slots_[current_].scene; }
    const Scene& current() const { return *slots_[current_].scene; }
    // Every scene of the show, in show order, loaded or not.
    std::size_t count() const { return slots_.size(); }
    const std::string& id(std::size_t index) const { return slots_[index].spec->id; }
    bool available(std::size_t index) const { return slots_[index].scene != nullptr; }
    const std::string& problem(std::size_t index) const { return slots_[index].problem; }  // "" when available
    std::optional<std::size_t> find(const std::string& id) const;

    // Switches to the scene and logs why; the new scene starts reset. An unavailable scene is
    // loaded again first (see above). False: no such scene, or it is still unavailable.
    bool switchTo(const std::string& id, const char* reason);

    std::string hitTarget(glm::vec2 px) const { return current().hitTarget(px); }
    void gesture(const Gesture& g);
    void keyDown(int key);

    // The scenes attract mode's tour moves through, in order (ids not in the show are skipped);
    // empty = the show's "attract" list, else every scene in show order. Unavailable scenes are
    // skipped as the tour reaches them. A scene the show gives `seconds` stays that long (its own
    // tour steps first, then it holds); others stay as long as their own steps last.
    void setPlaylist(const std::vector<std::string>& ids);
    void startTour();  // attract mode began: the current scene from its start, step 0
    void tourStep();   // the next step, or the next playlist scene

    // While on, every call above is also appended to a journal that takeCommands() empties.
    void recordCommands(bool on) { recording_ = on; }
    std::vector<DirectorCommand> takeCommands() { return std::exchange(journal_, {}); }
    void apply(const DirectorCommand& command);  // the recorded call, made here

    // `time.seconds` is also the clock of the retry interval.
    void update(const FrameTime& time, const Snapshot& feed);
    void draw(Canvas& canvas);

private:
    struct Slot {
        const SceneSpec* spec = nullptr;
        std::unique_ptr<Scene> scene;  // null: unavailable
        std::string problem;           // why it is unavailable
        double retryAt = 0;            // show time of the next load attempt
    };
    bool load(Slot& slot);  // false: slot.problem says why
    void enter(std::size_t index, const char* reason);  // an available scene; logs why
    std::size_t nextAvailable(std::size_t from, int direction) const;  // `from` itself when no other is
    std::size_t nextInPlaylist() const;
    int tourStepsOnCurrent() const;  // attract steps the show gives the current scene; 0 = its own

    const ShowFile& show_;
    const SceneServices services_;  // a copy: the scenes keep a reference to it
    double retrySeconds_;
    double now_ = 0;
    std::vector<Slot> slots_;
    std::size_t current_ = 0;
    std::vector<std::size_t> playlist_;  // scene indices; empty = all
    int tourStep_ = 0;
    double fade_ = 0;  // 1 right after a switch, down to 0
    // The journal, and how deep we are in recorded calls (only the outermost call is recorded).
    bool recording_ = false;
    int depth_ = 0;
    std::vector<DirectorCommand> journal_;
    class Record;
};

}  // namespace exhibit
