// The One Euro filter (Casiez, Roussel, Vogel, CHI 2012) for one 2D contact: a low-pass filter
// whose cutoff rises with speed, so a resting finger does not jitter and a fast one does not lag.
//
//   OneEuroFilter filter;                         // defaults below, positions in wall pixels
//   glm::vec2 smooth = filter.filter(raw, now);   // each sample, `now` in seconds
//   filter.reset();                               // a new contact starts from its first sample
//
// Per sample: the speed is the low-passed (dCutoff) derivative of the input against the previous
// output; cutoff = minCutoff + beta * |speed|; the output moves towards the input by
// alpha = 1 / (1 + tau / Te), tau = 1 / (2 pi cutoff), Te = time since the previous sample. Both
// axes share one cutoff from the 2D speed, so a diagonal move is filtered like a straight one. When
// the time does not advance (several samples stamped on one frame), the previous sample period is
// reused, as the reference implementation does.
//
// Added latency with the defaults (wall pixels, samples at 60 Hz), as
// tests/input/one_euro_filter_test.cpp measures them: the steady lag behind a constant-speed ramp.
// The speed estimate is taken against the previous output, so it includes the lag and the cutoff
// rises a little sooner than minCutoff + beta * speed alone would say.
//   at rest (speed -> 0)    159 ms  (tau at minCutoff = 1 Hz; 149 ms at 1 px/s)
//   100 px/s                 45 ms  (4.5 px behind)
//   300 px/s                 25 ms  (7.6 px)
//   1000 px/s                12 ms  (12 px)
//   3000 px/s               5.5 ms  (17 px)
// A 200 px jump is followed to within 1 px after 0.12 s, a 20 px jump after 0.20 s.
//
// Does not: predict ahead, or know about contacts (the TUIO receiver keeps one filter per contact).
#pragma once

#include <glm/vec2.hpp>

namespace exhibit {

struct OneEuroParams {
    double minCutoff = 1.0;  // Hz: cutoff at rest; lower = smoother at rest, more lag when slow
    double beta = 0.007;     // Hz per (px/s): how fast the cutoff rises with speed
    double dCutoff = 1.0;    // Hz: cutoff of the speed estimate
};

class OneEuroFilter {
public:
    // Asserts positive cutoffs, a non-negative beta and a positive initial rate.
    explicit OneEuroFilter(OneEuroParams params = {}, double initialRate = 60.0);

    // Filters one sample taken at `time` (seconds). The first sample after construction or reset()
    // passes through unchanged.
    glm::vec2 filter(glm::vec2 value, double time);
    void reset();
    bool started() const { return started_; }
    const OneEuroParams& params() const { return params_; }

private:
    OneEuroParams params_;
    double initialRate_;
    double rate_;
    bool started_ = false;
    double lastTime_ = 0;
    double x_ = 0, y_ = 0;    // previous output
    double dx_ = 0, dy_ = 0;  // filtered speed
};

}  // namespace exhibit
