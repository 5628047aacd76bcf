// The show's scenes and which one is on the wall: creates every scene of the show file at start
// (a broken file fails before anything is shown), updates them all each frame (so charts keep their
// history while off screen) and draws the current one, switching with a short fade from the
// background. Routes touch: gestures go to the current scene; a two-finger swipe it does not use
// switches to the next (left) or previous (right) scene. Runs attract mode's tour: each step asks
// the scene for its next step, and moves on to the next scene (reset first) when it has none.
//
//   SceneDirector director(show, services, "dashboard");   // throws ContentError
//   director.gesture(g);  director.update(time, feed);  director.draw(canvas);
//
// Does not: recognise gestures, time attract mode (AttractMode does), or own the window.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scenes/scene.hpp"

namespace exhibit {

class SceneDirector {
public:
    static constexpr double kFadeSeconds = 0.35;

    SceneDirector(const ShowFile& show, const SceneServices& services, const std::string& startScene);

    Scene& current() { return *scenes_[current_]; }
    const Scene& current() const { return *scenes_[current_]; }
    std::size_t count() const { return scenes_.size(); }
    // Switches to the scene (by index, wrapping) and logs why; the new scene starts reset.
    void switchTo(std::size_t index, const char* reason);
    bool switchTo(const std::string& id, const char* reason);  // false: no such scene

    std::string hitTarget(glm::vec2 px) const { return current().hitTarget(px); }
    void gesture(const Gesture& g);
    void keyDown(int key) { current().keyDown(key); }

    // The scenes attract mode's tour moves through, in order (ids not in the show are skipped);
    // empty = every scene in show order.
    void setPlaylist(const std::vector<std::string>& ids);
    void startTour();  // attract mode began: the current scene from its start, step 0
    void tourStep();   // the next step, or the next playlist scene

    void update(const FrameTime& time, const Snapshot& feed);
    void draw(Canvas& canvas);

private:
    const ShowFile& show_;
    std::vector<std::unique_ptr<Scene>> scenes_;
    std::size_t nextInPlaylist() const;

    std::size_t current_ = 0;
    std::vector<std::size_t> playlist_;  // scene indices; empty = all
    int tourStep_ = 0;
    double fade_ = 0;  // 1 right after a switch, down to 0
};

}  // namespace exhibit
