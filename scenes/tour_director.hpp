// Runs a visit of the VR tour (core/tour_spec.hpp) without drawing anything: which stop, where the
// visitor stands and looks, what the narration says, how dark the fade and how closed the comfort
// vignette are, and when the tour pauses, ends and resets for the next visitor. The XR mode and the
// desktop tour scene both drive it once per frame and draw what it says.
//
//   TourDirector tour(show.tour.value());
//   TourInput in; in.present = headsetWorn; in.active = headMoved || anyButton; in.thumbstick = ...;
//   tour.update(dt, in);
//   tour.origin();        // the play space's place in the site (XR: stage origin; yaw turns it)
//   tour.camera();        // desktop: the guided camera's eye and target, gliding along the waypoints
//   tour.fade(), tour.vignette(), tour.subtitle(), tour.phase()
//
// Guided mode: the tour walks the waypoints of each stop (the desktop camera glides; in a headset
// the visitor is moved waypoint to waypoint behind a short fade, which is kinder to the stomach),
// moves on after the stop's seconds and ends after the last stop. Free mode: the visitor stays at a
// stop until they ask for the next one, teleports within the stop's area (thumbstick forward aims
// an arc from the controller, release jumps behind a fade) and snap-turns (thumbstick left/right).
// A visit ends after visitSeconds. Putting the headset on, or any activity, starts or resumes the
// tour. A visitor who takes the headset off (present = false) pauses the
// tour at once, and so does idleSeconds without any activity; paused for resetSeconds, the tour
// goes back to the first stop and waits for the next visitor. An ended visit shows its end card
// until the headset comes off (at most resetSeconds), then resets the same way.
//
// Does not: read devices (callers fill TourInput), know about eyes or projection, or load models.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "core/tour_spec.hpp"

namespace exhibit {

// A ray in site coordinates (metres), e.g. the controller's aim.
struct TourRay {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};
};

struct TourInput {
    bool present = true;        // the headset is worn (the session is focused); desktop: true
    bool active = false;        // the visitor did something this frame (moved their head, pressed, touched)
    glm::vec2 thumbstick{0.0f};  // x: snap turn; y forward: aim a teleport (free mode)
    std::optional<TourRay> aim;  // the pointing controller's aim, in site coordinates
    glm::vec3 head{0.0f};        // the head's position in site coordinates (snap turns turn about it)
    bool next = false;           // go to the next stop (a panel button, a key)
    bool previous = false;
    bool toggleMode = false;     // guided <-> free
};

// Where the play space stands in the site: stage coordinates turn by yaw (radians, counter-clockwise
// seen from above) and then move to position (on the ground).
struct TourOrigin {
    glm::vec3 position{0.0f};
    float yaw = 0;
};

struct TourCamera {
    glm::vec3 eye{0.0f};
    glm::vec3 target{0.0f, 0.0f, -1.0f};
};

// The parabola a teleport would follow, and where it lands.
struct TeleportArc {
    std::vector<glm::vec3> points;  // from the controller to the landing point (or as far as it got)
    glm::vec3 landing{0.0f};
    bool valid = false;             // lands on the ground inside the stop's area
};

// Throws the arc from `aim` at `speed` m/s under gravity onto the ground (y = 0).
TeleportArc teleportArc(const TourRay& aim, const std::array<float, 4>& bounds, float speed = 7.0f);

enum class TourPhase { Touring, Paused, Ended };

class TourDirector {
public:
    explicit TourDirector(const TourSpec& spec);

    void update(double dt, const TourInput& input);
    void reset();  // back to the first stop, paused until someone is there (or resume() is called)
    void resume();
    void goToStop(std::size_t index);  // behind a fade
    void setMode(TourMode mode);
    // Free mode: moves the visitor so that their head (site coordinates) stands over `point`, behind
    // a fade; false (and nothing happens) outside the stop's area or while a fade runs.
    bool teleportTo(glm::vec3 point, glm::vec3 head);
    // In a headset (the default) no activity pauses the tour and guided mode moves the visitor
    // waypoint to waypoint behind fades; on a desktop or the wall the tour runs unattended, loops,
    // and camera() glides.
    void setHeadset(bool on) { headset_ = on; }

    TourPhase phase() const { return phase_; }
    TourMode mode() const { return mode_; }
    std::size_t stopIndex() const { return stop_; }
    const TourStop& stop() const { return spec_.stops[stop_]; }
    double timeAtStop() const { return atStop_; }
    double visitTime() const { return visit_; }
    std::size_t visits() const { return visits_; }  // visits begun since start
    bool waitingForVisitor() const { return fresh_; }  // reset, and no visit begun since

    TourOrigin origin() const { return origin_; }
    TourCamera camera() const;
    // The narration line showing now; null between stops and before the first line.
    const TourLine* subtitle() const;
    float fade() const { return fade_; }          // 0 = clear, 1 = black
    float vignette() const;                       // 0 = open, up to the spec's vignette
    const std::optional<TeleportArc>& arc() const { return arc_; }  // while aiming

private:
    enum class Pending { None, Stop, Teleport, Waypoint, End };
    void startFade(Pending what);
    void arrive();
    void updateTouring(double dt, const TourInput& input);
    void updateFree(const TourInput& input);
    void perform();
    void faceWaypoint(std::size_t index);

    const TourSpec& spec_;
    TourMode mode_;
    TourPhase phase_ = TourPhase::Paused;
    std::size_t stop_ = 0;
    double atStop_ = 0, visit_ = 0, idle_ = 0, paused_ = 0, ended_ = 0;
    std::size_t visits_ = 0;
    bool headset_ = true;
    bool fresh_ = true;              // reset and not yet resumed: resuming begins a visit
    bool wasPresent_ = false;

    TourOrigin origin_;
    float fade_ = 1;                 // starts black: the first arrival fades in
    int fadeDirection_ = 0;          // +1 darkening, -1 clearing
    Pending pending_ = Pending::None;
    std::size_t pendingStop_ = 0;
    std::size_t waypoint_ = 0;       // guided, in a headset: the waypoint the visitor stands at
    glm::vec2 pendingStep_{0.0f};    // teleport: how far the head moves over the ground
    std::optional<TeleportArc> arc_;
    bool turnArmed_ = true;
    float motion_ = 0;               // 1 right after a motion, decaying: drives the vignette
};

}  // namespace exhibit
