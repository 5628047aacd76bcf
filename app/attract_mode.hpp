// When the wall tours itself: after `idleSeconds` without a touch (a finger resting on the wall
// counts as touching) attract mode starts, then asks for the next tour step every `stepSeconds`;
// the first touch ends it at once. The operator may also start or stop it.
//
//   AttractMode attract(show.touch.idleSeconds, show.touch.attractStepSeconds);
//   if (touchedThisFrame && attract.touched(now)) ...           // left the tour
//   switch (attract.update(now, activeContacts)) { case AttractMode::Action::Start: ... }
//
// Does not: read the clock (the app passes its frame time), or know scenes (the app's
// SceneDirector runs the tour's steps).
#pragma once

#include <cstddef>

namespace exhibit {

class AttractMode {
public:
    enum class Action { None, Start, Step };

    // idleSeconds 0 = never on its own.
    AttractMode(double idleSeconds, double stepSeconds) : idle_(idleSeconds), step_(stepSeconds) {}

    // A touch at `now`: the wall is in use. Returns true when it ended the tour.
    bool touched(double now);
    // Once per frame; contacts still on the wall keep it in use.
    Action update(double now, std::size_t activeContacts);
    void start(double now);  // the operator's "attract" button
    bool active() const { return active_; }
    bool startedByOperator() const { return byOperator_; }  // the current (or requested) tour

private:
    double idle_, step_;
    bool active_ = false;
    bool startRequested_ = false;
    bool byOperator_ = false;
    double lastTouch_ = 0, nextStep_ = 0;
};

}  // namespace exhibit
