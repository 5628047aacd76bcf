// LineChart: a live time series as a smooth line over a gradient area, on a time axis that
// scrolls continuously with the clock (not in jumps when a sample arrives).
//
// Use:
//   LineChart chart;
//   chart.setTitle("实时订单量（单/分钟）");  chart.setUnit("单");
//   chart.setWindowSeconds(300);                      // the visible time span
//   chart.append(sampleTime, value, provenance);     // Unix seconds, in any order close to now
//   chart.update(dt);                                // the axis slides by dt
//   chart.draw(frame, box);
//
// Time: the chart keeps its own clock, started at the first sample and advanced by update(dt);
// setNow() re-syncs it (e.g. to the feed clock). The right edge of the plot is "now".
// Storage is bounded (setCapacity, default 4096 samples; the oldest are dropped). When more samples
// are visible than the plot has pixel columns, they are folded into buckets of two output pixels
// aligned to absolute time (so the fold does not shimmer while scrolling), each keeping its min
// and max in time order: spikes survive, the vertex count stays proportional to the width.
// Few points (at least 10 design px apart on average) are drawn as a monotone cubic curve (no overshoot above the data).
// The y axis uses nice 1-2-5 ticks and eases to a new range instead of jumping; a new sample
// grows in from the previous point; the latest value has a glowing marker and a value label.
// settled() ignores the scrolling itself (that never stops).
// Does not draw several series, handle gaps as breaks, or show timestamps other than UTC+8.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "scenes/widgets/format.hpp"
#include "scenes/widgets/widget.hpp"

namespace exhibit {

class LineChart final : public Widget {
public:
    struct Sample {
        double t = 0;  // Unix seconds
        double v = 0;
    };

    void setUnit(std::string unit) { unit_ = std::move(unit); }
    void setColor(Color color) { color_ = color; }
    void setWindowSeconds(double seconds);
    double windowSeconds() const { return window_; }
    void setCapacity(std::size_t samples);
    void setIncludeZero(bool include) { includeZero_ = include; }
    void setDecimals(int decimals) { decimals_ = decimals; }

    void append(double timestamp, double value, Provenance provenance = Provenance::Simulated);
    void setNow(double timestamp) { now_ = timestamp; }
    double now() const { return now_; }
    std::size_t size() const { return samples_.size(); }
    const std::deque<Sample>& samples() const { return samples_; }

    void update(double dtSeconds) override;
    void draw(const WidgetFrame& frame, const Rect& box) const override;
    bool settled() const override;

    // The samples to draw for a plot `columns` pixels wide: those in the window (plus one on each
    // side for clipping), folded to min/max pairs per two-pixel bucket when they outnumber the columns.
    std::vector<Sample> visibleSamples(float columns) const;
    // Ticks of the y axis the chart is easing to (for the visible data).
    AxisTicks targetTicks(int maxTicks = 5) const;

private:
    bool itemsSimulated() const override { return simulatedCount_ > 0; }

    std::deque<Sample> samples_;
    std::deque<bool> simulated_;
    std::size_t simulatedCount_ = 0;
    std::size_t capacity_ = 4096;
    double window_ = 120;
    double now_ = 0;
    bool started_ = false;
    double headAge_ = 1e9;  // seconds since the newest sample arrived
    double yMin_ = 0, yMax_ = 1;
    bool rangeSet_ = false;
    bool includeZero_ = true;
    int decimals_ = 0;
    std::string unit_;
    Color color_ = Color::rgba8(0x38, 0xD6, 0xFF);
};

}  // namespace exhibit
