// Turns PointerEvents (input/pointer.hpp) into gestures for a wall that several visitors touch at
// once: taps, double taps, long presses, pans, pinches, rotations and two-finger swipes, each tagged
// with the group (one visitor's hand) and the target (widget or region) it happened on.
//
// Use:
//   GestureConfig config;
//   config.pixelsPerCm = 3840 / 190.0f;                  // the wall's pixels per physical cm
//   GestureRecognizer gestures(config);
//   gestures.setHitTest([&](glm::vec2 p) { return scene.regionAt(p); });   // "" for none
//   for (const PointerEvent& e : queue.drain()) gestures.add(e);          // each frame
//   for (const Gesture& g : gestures.update(frame.seconds)) scene.handle(g);
//
// Groups: a Down joins the nearest live group on the same target whose centroid is within
// groupRadiusCm, else it starts a new group; contacts on different targets never share a group.
// The target is the hit-test result at the Down. Group ids are never reused.
// Tap, DoubleTap and LongPress need a group of a single contact that stays within tapSlopCm.
// A tap is reported when the finger lifts (at most tapMaxSeconds after it touched); a second tap
// that touches within doubleTapSeconds of the first one's lift, within doubleTapDistanceCm and on
// the same target is reported as DoubleTap instead of Tap (so a double tap reads Tap, DoubleTap).
// LongPress fires once, longPressSeconds after the touch; that contact then gives no Tap.
// PanStart and PanEnd bracket a manipulation. It starts when the group's centroid has moved beyond
// tapSlopCm, or its span (two contacts: their distance) has changed by pinchSlopCm, or it has
// turned by rotateSlopRadians; span and turn are judged once a frame (in update() and before a
// lift), because fingers report in turn and in between a hand seems to stretch and turn. It ends
// when the group's last contact lifts. In between, at most one Pan, Pinch and Rotate per group
// per frame (coalesced; Pinch and Rotate once each has passed its own threshold), so a map can
// pan, zoom and turn with one hand at once. Contacts joining or leaving never make the centroid,
// scale or angle jump. A group that had exactly two contacts reports Swipe when the first of them
// lifts if the pair travelled at least swipeMinDistanceCm, mostly along one axis (the other at most
// half as far), at swipeMinSpeedCmPerSecond or faster, within swipeMaxSeconds, without pinching or
// turning; its pan ends with PanEnd as usual.
// A Cancel of any of a group's contacts reports Cancel once (instead of Tap or PanEnd); the group
// then reports nothing more and its other contacts end silently. A contact that never lifts is
// ended only by a Cancel (the input sources reap stuck contacts).
// Ignored and counted: Move/Up/Cancel for an unknown id, a Down for a live or recently ended id,
// a Down beyond maxContacts, non-finite positions or times. Memory is bounded: at most maxContacts
// contacts (and so groups), a few remembered taps and ended ids, and at most maxQueued gestures
// waiting for update() (later ones are dropped and counted).
// Deterministic: results depend only on the events, their times and the times given to update();
// LongPress fires at its exact time, also when an event with a later time comes first. Pan, Pinch
// and Rotate carry the time of the frame's latest event; the others their own event's time.
//
// Does not: read the clock, use threads, hit-test itself, filter jitter, reap stuck contacts,
// recognise tangibles (TUIO objects are contacts like fingers), multi-finger taps or two-handed
// pinches wider than the group radius, tell apart two visitors whose hands are that close on one
// target, or wait to rule out a double tap before reporting a tap.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>

#include "input/pointer.hpp"

namespace exhibit {

enum class GestureKind { Tap, DoubleTap, LongPress, PanStart, Pan, PanEnd, Pinch, Rotate, Swipe, Cancel };
inline constexpr std::size_t kGestureKindCount = 10;
const char* gestureKindName(GestureKind kind);

enum class SwipeDirection { None, Left, Right, Up, Down };

struct Gesture {
    GestureKind kind = GestureKind::Tap;
    std::uint64_t group = 0;
    std::string target;            // hit-test id where the group started, "" for none
    int contacts = 0;              // touching when recognised (a lifting one included)
    glm::vec2 pos{0, 0};           // the group's centroid; Tap, DoubleTap, LongPress: where it touched
    glm::vec2 start{0, 0};         // the group's first touch; DoubleTap: the first tap
    std::vector<glm::vec2> points; // each contact's position, oldest contact first
    glm::vec2 delta{0, 0};         // PanStart, Pan: centroid movement since the previous report
    glm::vec2 translation{0, 0};   // PanStart, Pan, PanEnd, Swipe: centroid movement since the touch
    glm::vec2 velocity{0, 0};      // PanEnd: px/s over velocityWindowSeconds; Swipe: the pair's mean
    float scale = 1;               // Pinch: span growth since a second contact joined (re-grips go on)
    float scaleDelta = 1;          // Pinch: since the previous Pinch
    float angle = 0;               // Rotate: radians since the previous Rotate, clockwise on the wall
    float totalAngle = 0;          // Rotate: radians since a second contact joined (re-grips go on)
    SwipeDirection direction = SwipeDirection::None;
    double time = 0;               // seconds, on the events' clock
};

struct GestureConfig {
    float pixelsPerCm = 20;        // of the wall (20: 3840 px over 1.9 m); scales every *Cm value
    float tapSlopCm = 0.6f;
    double tapMaxSeconds = 0.3;
    double doubleTapSeconds = 0.35;  // from the first tap's lift to the second touch
    float doubleTapDistanceCm = 1.5f;
    double longPressSeconds = 0.6;
    float groupRadiusCm = 12;
    float pinchSlopCm = 0.8f;        // change of the span (two fingers: their distance)
    float rotateSlopRadians = 0.17f;
    float swipeMinDistanceCm = 4;
    float swipeMinSpeedCmPerSecond = 25;
    double swipeMaxSeconds = 0.5;
    double velocityWindowSeconds = 0.1;
    std::size_t maxContacts = 128;
    std::size_t maxQueued = 1024;
};

class GestureRecognizer {
public:
    using Config = GestureConfig;
    using HitTest = std::function<std::string(glm::vec2)>;

    // Throws std::invalid_argument naming the field when a value is not positive and finite.
    explicit GestureRecognizer(Config config = {});

    void setHitTest(HitTest hitTest) { hitTest_ = std::move(hitTest); }
    void add(const PointerEvent& event);
    // Fires timers due by `now`, reports the frame's coalesced Pan/Pinch/Rotate and returns every
    // gesture recognised since the previous call, in order.
    std::vector<Gesture> update(double now);

    const Config& config() const { return config_; }
    std::size_t activeContacts() const { return contacts_.size(); }
    std::size_t activeGroups() const { return groups_.size(); }
    std::uint64_t recognized(GestureKind kind) const { return recognized_[static_cast<std::size_t>(kind)]; }
    std::uint64_t ignoredEvents() const { return ignored_; }
    std::uint64_t droppedGestures() const { return dropped_; }

private:
    struct Contact {
        std::uint64_t group = 0;
        glm::vec2 pos{0, 0};
    };
    struct Sample {
        double time = 0;
        glm::vec2 translation{0, 0};
    };
    struct Shape {
        glm::vec2 centroid{0, 0};
        float span = 0;   // mean distance from the centroid, times two
        float angle = 0;  // from the oldest contact to the second oldest
    };
    struct Baseline {  // when the group's contacts last changed: measures continue from here
        Shape shape;
        glm::vec2 translation{0, 0};
        float scale = 1, spanTravel = 0;
    };
    struct Group {
        std::string target;
        std::vector<std::uint64_t> contacts;  // oldest first
        std::size_t maxContacts = 0;
        double startTime = 0, lastTime = 0;
        glm::vec2 start{0, 0};
        Shape shape;
        Baseline base;
        glm::vec2 translation{0, 0};
        float scale = 1, angle = 0, spanTravel = 0;
        bool moved = false;  // the centroid went beyond the tap slop
        bool longPressed = false, cancelled = false;
        bool manipulating = false, pinching = false, rotating = false;
        glm::vec2 reportedTranslation{0, 0};
        float reportedScale = 1, reportedAngle = 0;
        double pairStartTime = 0;
        glm::vec2 pairStartTranslation{0, 0};
        std::array<Sample, 16> samples{};
        std::size_t sampleCount = 0;  // ever taken; the ring holds the newest
    };
    struct RecentTap {
        std::string target;
        glm::vec2 pos{0, 0};
        double time = 0;
    };

    void advance(double now);
    void down(const PointerEvent& e);
    void move(Contact& contact, glm::vec2 pos, double time);
    void up(std::uint64_t id, const PointerEvent& e);
    void cancel(std::uint64_t id, const PointerEvent& e);
    void tap(std::uint64_t groupId, const Group& group, double time);
    void swipe(std::uint64_t groupId, const Group& group, double time);
    void flush(std::uint64_t groupId, Group& group);
    void rebase(Group& group);
    void endContact(std::uint64_t id);
    Shape shapeOf(const Group& group) const;
    glm::vec2 recentVelocity(const Group& group) const;
    Gesture make(GestureKind kind, std::uint64_t groupId, const Group& group, double time) const;
    void emit(Gesture gesture);
    float px(float cm) const { return cm * config_.pixelsPerCm; }

    Config config_;
    HitTest hitTest_;
    std::map<std::uint64_t, Contact> contacts_;
    std::map<std::uint64_t, Group> groups_;
    std::vector<RecentTap> recentTaps_;
    std::vector<std::uint64_t> endedIds_;  // the most recent ones, to ignore a late repeated Down
    std::size_t endedNext_ = 0;
    std::vector<Gesture> queue_;
    std::uint64_t nextGroup_ = 1;
    double clock_ = std::numeric_limits<double>::lowest();  // the latest time seen
    std::array<std::uint64_t, kGestureKindCount> recognized_{};
    std::uint64_t ignored_ = 0, dropped_ = 0;
};

}  // namespace exhibit
