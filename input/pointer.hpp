// The one shape every input source delivers: pointer events in wall pixels. SDL touch screens, the
// development mouse, TUIO cursors and TUIO tangibles all become PointerEvents, so gestures and
// scenes never know which hardware a visitor touched.
//
//   PointerQueue queue;                  // owned by the app
//   queue.push(event);                   // input threads (TUIO receiver) or the main thread (SDL)
//   for (const PointerEvent& e : queue.drain()) gestures.add(e);   // render thread, each frame
//
// Does not: recognise gestures (gesture_recognizer.hpp), filter jitter or map sensor coordinates
// (the sources do that before they push).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

namespace exhibit {

enum class PointerPhase { Down, Move, Up, Cancel };  // Cancel: released without a gesture (stuck, focus lost)
enum class PointerKind { Touch, Mouse, TuioCursor, TuioObject };

struct PointerEvent {
    std::uint64_t id = 0;  // unique per contact for the life of the process; never reused
    PointerPhase phase = PointerPhase::Down;
    PointerKind kind = PointerKind::Touch;
    glm::vec2 pos{0, 0};    // output (wall) pixels, origin top-left, after jitter filtering
    double time = 0;        // seconds on the input clock (the app's frame clock)
    std::string source;     // "sdl", "mouse", "tuio:<source>@<host:port>"
    int tag = -1;           // TUIO 2Dobj class id of a tangible, -1 for fingers and the mouse
    float angle = 0;        // TUIO 2Dobj angle in radians
};

// A bounded, thread-safe hand-over from input threads to the render thread. When full (a flood),
// the oldest Move events are dropped first; Down/Up/Cancel are kept so no contact gets stuck.
class PointerQueue {
public:
    explicit PointerQueue(std::size_t capacity = 4096) : capacity_(capacity) {}
    void push(PointerEvent event);
    std::vector<PointerEvent> drain();
    std::uint64_t dropped() const;

private:
    // A dropped Move stays in place as a dead slot until the next drain or compaction, so a push
    // into a full queue costs amortised O(1) instead of shifting every later event.
    struct Slot {
        PointerEvent event;
        bool live = true;
    };

    mutable std::mutex mutex_;
    std::vector<Slot> slots_;
    std::size_t live_ = 0;
    std::size_t scanFrom_ = 0;  // no live Move before this slot
    std::size_t capacity_;
    std::uint64_t dropped_ = 0;
};

}  // namespace exhibit
