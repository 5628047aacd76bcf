// Everything between a visitor's finger and the scene: touch screens and the mouse (SDL, through
// PlatformPointers), TUIO frames over UDP (TuioReceiver on its own thread), one queue, the gesture
// recogniser (sized by the show's pixels per cm), the finger feedback drawn over the scene, and
// telemetry. Events are stamped on the input clock: the frame's time plus the real time since the
// frame began (at most one frame step), so the receiver thread and the frame loop agree on times
// even under a fixed-step clock.
//
//   TouchInput touch(show, options, wallSize);          // throws StartupError (explicit busy port)
//   touch.beginFrame(time);
//   touch.platformEvent(e);                              // SDL finger and mouse events
//   touch.setHitTest([&](glm::vec2 p) { return director.hitTarget(p); });
//   for (const Gesture& g : touch.poll(time.seconds).gestures) director.gesture(g);
//   touch.drawFeedback(canvas, theme);  ...present...  touch.presented();
//
// Does not: act on gestures (the SceneDirector does), or decide attract mode.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "app/options.hpp"
#include "app/pointer_input.hpp"
#include "core/clock.hpp"
#include "core/show.hpp"
#include "input/gesture_recognizer.hpp"
#include "input/touch_telemetry.hpp"
#include "input/tuio_receiver.hpp"
#include "scenes/touch_feedback.hpp"

namespace exhibit {

class TouchInput {
public:
    TouchInput(const ShowFile& show, const Options& options, glm::ivec2 wallSize);
    ~TouchInput();

    void beginFrame(const FrameTime& time);
    void platformEvent(const PlatformEvent& event);

    struct Frame {
        std::vector<Gesture> gestures;
        bool touched = false;          // any contact went down, moved or lifted this frame
        std::size_t activeContacts = 0;
        std::vector<PointerEvent> pointers;  // every contact event of the frame (a wall's other ranks draw feedback from them)
    };
    // Contacts from another rank of a video wall (canvas px); their ids are kept apart by rank.
    // They are handled in the next poll like local ones.
    void inject(const std::vector<PointerEvent>& events, int rank);
    // The finger feedback's radius for this show (a wall's other ranks draw the same).
    static float feedbackRadiusPx(const ShowFile& show);
    // Names the target under a point when a contact goes down (the scenes' hitTarget).
    void setHitTest(GestureRecognizer::HitTest hitTest) { gestures_.setHitTest(std::move(hitTest)); }
    Frame poll(double now);
    void drawFeedback(Canvas& canvas, const Theme& theme) const;
    void presented();  // the frame with this poll's events is on the wall

    TouchStats stats(double now) const;
    int tuioPort() const { return tuio_ ? tuio_->port() : 0; }

private:
    // The input clock, from any thread. Clamped to the frame: an event never gets a time later than
    // the next frame's, so gestures see it in order. Unclamped: the real time, for latency.
    double now(bool clampToFrame = true) const;

    mutable std::mutex clockMutex_;
    double frameSeconds_ = 0, frameStep_ = 1.0 / 60;
    std::chrono::steady_clock::time_point frameStart_ = std::chrono::steady_clock::now();

    float feedbackRadiusPx_;
    PointerQueue queue_;
    PlatformPointers pointers_;
    std::unique_ptr<TuioReceiver> tuio_;
    GestureRecognizer gestures_;
    TouchTelemetry telemetry_;
    TouchFeedback feedback_;
};

}  // namespace exhibit
