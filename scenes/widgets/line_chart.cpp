#include "scenes/widgets/line_chart.hpp"

#include <algorithm>
#include <cmath>

#include "renderer/stroke.hpp"
#include "scenes/chrome.hpp"

namespace exhibit {
namespace {

constexpr double kHeadRevealSeconds = 0.6;
constexpr double kRangeRate = 4.0;  // 1/s

// Monotone cubic interpolation (Fritsch-Carlson) through points with increasing x.
std::vector<glm::vec2> smoothMonotone(const std::vector<glm::vec2>& p, int subdivisions) {
    const std::size_t n = p.size();
    if (n < 3) return p;
    std::vector<float> d(n - 1), m(n);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const float h = p[i + 1].x - p[i].x;
        d[i] = h > 1e-6f ? (p[i + 1].y - p[i].y) / h : 0.0f;
    }
    m[0] = d[0];
    m[n - 1] = d[n - 2];
    for (std::size_t i = 1; i + 1 < n; ++i) m[i] = d[i - 1] * d[i] <= 0 ? 0.0f : (d[i - 1] + d[i]) * 0.5f;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (d[i] == 0) {
            m[i] = m[i + 1] = 0;
            continue;
        }
        const float a = m[i] / d[i], b = m[i + 1] / d[i];
        const float s = a * a + b * b;
        if (s > 9) {
            const float tau = 3 / std::sqrt(s);
            m[i] = tau * a * d[i];
            m[i + 1] = tau * b * d[i];
        }
    }
    std::vector<glm::vec2> out;
    out.reserve((n - 1) * static_cast<std::size_t>(subdivisions) + 1);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const float h = p[i + 1].x - p[i].x;
        for (int k = 0; k < subdivisions; ++k) {
            const float t = static_cast<float>(k) / static_cast<float>(subdivisions);
            const float t2 = t * t, t3 = t2 * t;
            const float y = (2 * t3 - 3 * t2 + 1) * p[i].y + (t3 - 2 * t2 + t) * h * m[i] + (-2 * t3 + 3 * t2) * p[i + 1].y +
                            (t3 - t2) * h * m[i + 1];
            out.push_back({p[i].x + t * h, y});
        }
    }
    out.push_back(p.back());
    return out;
}

// Cuts a polyline with increasing x to left <= x <= right.
std::vector<glm::vec2> clipX(const std::vector<glm::vec2>& p, float left, float right) {
    std::vector<glm::vec2> out;
    auto push = [&](glm::vec2 q) {
        if (out.empty() || std::fabs(out.back().x - q.x) > 1e-4f || std::fabs(out.back().y - q.y) > 1e-4f) out.push_back(q);
    };
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        glm::vec2 a = p[i], b = p[i + 1];
        if ((a.x < left && b.x < left) || (a.x > right && b.x > right)) continue;
        auto at = [&](float x) {
            const float t = (b.x - a.x) != 0 ? (x - a.x) / (b.x - a.x) : 0.0f;
            return glm::vec2{x, a.y + (b.y - a.y) * t};
        };
        const glm::vec2 a0 = a, b0 = b;
        if (a0.x < left) a = at(left);
        if (b0.x > right) b = at(right);
        if (a0.x > right) a = at(right);
        if (b0.x < left) b = at(left);
        push(a);
        push(b);
    }
    if (p.size() == 1 && p[0].x >= left && p[0].x <= right) out.push_back(p[0]);
    return out;
}

}  // namespace

void LineChart::setWindowSeconds(double seconds) { window_ = std::max(1.0, seconds); }

void LineChart::setCapacity(std::size_t samples) {
    capacity_ = std::max<std::size_t>(2, samples);
    while (samples_.size() > capacity_) {
        simulatedCount_ -= simulated_.front() ? 1 : 0;
        samples_.pop_front();
        simulated_.pop_front();
    }
}

void LineChart::append(double timestamp, double value, Provenance provenance) {
    if (!std::isfinite(timestamp) || !std::isfinite(value)) return;
    if (!started_) {
        now_ = timestamp;
        started_ = true;
    }
    const bool sim = provenance == Provenance::Simulated;
    auto it = std::upper_bound(samples_.begin(), samples_.end(), timestamp,
                               [](double t, const Sample& s) { return t < s.t; });
    const auto index = it - samples_.begin();
    if (it == samples_.end()) headAge_ = 0;
    samples_.insert(it, Sample{timestamp, value});
    simulated_.insert(simulated_.begin() + index, sim);
    simulatedCount_ += sim ? 1 : 0;
    if (timestamp > now_) now_ = timestamp;  // a clock behind the data catches up
    setCapacity(capacity_);
}

std::vector<LineChart::Sample> LineChart::visibleSamples(float columns) const {
    std::vector<Sample> out;
    if (samples_.empty()) return out;
    const double lo = now_ - window_, hi = now_;
    auto first = std::lower_bound(samples_.begin(), samples_.end(), lo, [](const Sample& s, double t) { return s.t < t; });
    auto last = std::upper_bound(samples_.begin(), samples_.end(), hi, [](double t, const Sample& s) { return t < s.t; });
    if (first != samples_.begin()) --first;
    if (last != samples_.end()) ++last;
    const auto count = static_cast<double>(last - first);
    const double cols = std::max(1.0, static_cast<double>(columns));
    if (count <= cols) {
        out.assign(first, last);
        return out;
    }
    const double bucket = window_ / cols * 2.0;
    out.reserve(static_cast<std::size_t>(cols) + 2);
    auto flush = [&](const Sample& mn, const Sample& mx) {
        if (mn.t == mx.t) {
            out.push_back(mn);
        } else if (mn.t < mx.t) {
            out.push_back(mn);
            out.push_back(mx);
        } else {
            out.push_back(mx);
            out.push_back(mn);
        }
    };
    double key = std::floor(first->t / bucket);
    Sample mn = *first, mx = *first;
    for (auto it = first + 1; it != last; ++it) {
        const double k = std::floor(it->t / bucket);
        if (k != key) {
            flush(mn, mx);
            key = k;
            mn = mx = *it;
            continue;
        }
        if (it->v < mn.v) mn = *it;
        if (it->v > mx.v) mx = *it;
    }
    flush(mn, mx);
    return out;
}

AxisTicks LineChart::targetTicks(int maxTicks) const {
    double lo = INFINITY, hi = -INFINITY;
    for (const Sample& s : visibleSamples(1e9f)) {
        lo = std::min(lo, s.v);
        hi = std::max(hi, s.v);
    }
    if (!std::isfinite(lo)) lo = 0, hi = 1;
    if (includeZero_) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
    hi += (hi - lo) * 0.08;  // headroom for the marker's glow
    return niceTicks(lo, hi, maxTicks);
}

void LineChart::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    if (started_) now_ += dt;
    headAge_ += dt;
    const AxisTicks ticks = targetTicks();
    if (!rangeSet_) {
        yMin_ = ticks.min;
        yMax_ = ticks.max;
        rangeSet_ = !samples_.empty();
        return;
    }
    const double snap = (ticks.max - ticks.min) * 1e-4;
    yMin_ = approach(yMin_, ticks.min, kRangeRate, dt, snap);
    yMax_ = approach(yMax_, ticks.max, kRangeRate, dt, snap);
}

bool LineChart::settled() const {
    const AxisTicks ticks = targetTicks();
    return headAge_ >= kHeadRevealSeconds && yMin_ == ticks.min && yMax_ == ticks.max;
}

void LineChart::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    if (content.w < layout.px(60) || content.h < layout.px(60)) return;
    const float opacity = dataOpacity();

    const AxisTicks ticks = targetTicks();
    const float labelSize = layout.px(14);
    float labelW = 0;
    for (double v : ticks.values) labelW = std::max(labelW, measureText(frame.regular, formatCompact(v, ticks.decimals, 1, frame.text.language()), labelSize));
    const float timeRowH = layout.px(28);
    const Rect plot{content.x + labelW + layout.px(12), content.y + layout.px(6), content.w - labelW - layout.px(16),
                    content.h - timeRowH - layout.px(6)};
    if (plot.w <= 0 || plot.h <= 0) return;
    const float bottom = plot.y + plot.h, right = plot.x + plot.w;
    const double span = std::max(1e-9, yMax_ - yMin_);
    auto mapY = [&](double v) { return bottom - static_cast<float>((v - yMin_) / span) * plot.h; };
    auto mapX = [&](double t) { return right - static_cast<float>((now_ - t) / window_) * plot.w; };

    // Grid and y labels.
    TextStyle labelStyle;
    labelStyle.sizePx = labelSize;
    labelStyle.align = TextAlign::Right;
    labelStyle.maxWidth = labelW + layout.px(2);
    const float hair = std::max(1.0f, layout.px(1));
    for (double v : ticks.values) {
        const float y = mapY(v);
        if (y < plot.y - hair || y > bottom + hair) continue;
        const bool base = std::fabs(v - ticks.min) < ticks.step * 1e-6;
        canvas.rect({plot.x, std::round(y - hair * 0.5f), plot.w, hair}, theme.text.withAlpha(base ? 0.22f : 0.08f));
        TextPaint paint;
        paint.color = theme.textMuted;
        const TextLayout t = layoutText(frame.regular, formatCompact(v, ticks.decimals, 1, frame.text.language()), labelStyle);
        canvas.text(frame.regular, t, {content.x, y - t.firstBaseline + labelSize * 0.36f}, paint);
    }

    // The scrolling time axis: ticks at absolute multiples of a nice step, labels fading at the ends.
    const double step = niceTimeStep(window_ / std::max(1.0, static_cast<double>(plot.w / layout.px(110))));
    TextStyle timeStyle;
    timeStyle.sizePx = labelSize;
    for (double k = std::floor((now_ - window_) / step); k <= std::floor(now_ / step); k += 1) {
        const double t = k * step;
        const float x = mapX(t);
        if (x < plot.x || x > right) continue;
        canvas.rect({x - hair * 0.5f, bottom, hair, layout.px(5)}, theme.text.withAlpha(0.3f));
        canvas.rect({x - hair * 0.5f, plot.y, hair, plot.h}, theme.text.withAlpha(0.035f));
        const TextLayout label = layoutText(frame.regular, formatClock(t, step < 60), timeStyle);
        const float edge = std::min(x - plot.x, right - x);
        const float fade = std::clamp((edge - label.contentWidth * 0.5f) / layout.px(24), 0.0f, 1.0f);
        if (fade <= 0) continue;
        TextPaint paint;
        paint.color = theme.textMuted.withAlpha(fade);
        canvas.text(frame.regular, label, {x - label.contentWidth * 0.5f, bottom + layout.px(8)}, paint);
    }

    // The series: visible (folded) samples, the newest growing in, smoothed when sparse, clipped.
    std::vector<Sample> data = visibleSamples(plot.w);
    if (data.empty()) return;
    if (data.size() >= 2 && headAge_ < kHeadRevealSeconds && data.back().t == samples_.back().t) {
        const float e = easeOutCubic(static_cast<float>(headAge_ / kHeadRevealSeconds));
        const Sample& prev = data[data.size() - 2];
        data.back() = {prev.t + (data.back().t - prev.t) * e, prev.v + (data.back().v - prev.v) * e};
    }
    std::vector<glm::vec2> pts;
    pts.reserve(data.size());
    for (const Sample& s : data) pts.push_back({mapX(s.t), mapY(s.v)});
    if (static_cast<float>(pts.size()) <= plot.w / layout.px(10)) pts = smoothMonotone(pts, 10);
    pts = clipX(pts, plot.x, right);
    if (pts.empty()) return;
    for (auto& p : pts) p.y = std::clamp(p.y, plot.y - layout.px(4), bottom);

    const Color top = color_.withAlpha(0.42f * opacity), low = color_.withAlpha(0.0f);
    std::vector<ShapeVertex> area;
    area.reserve(pts.size() * 6);
    const glm::vec2 solid{0, kSolidEdge};
    auto shade = [&](float y) { return mix(low, top, std::clamp((bottom - y) / plot.h, 0.0f, 1.0f)).packed(); };
    const std::uint32_t lowPacked = low.packed();
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        const glm::vec2 a = pts[i], b = pts[i + 1];
        const ShapeVertex ta{a, shade(a.y), solid}, tb{b, shade(b.y), solid};
        const ShapeVertex ba{{a.x, bottom}, lowPacked, solid}, bb{{b.x, bottom}, lowPacked, solid};
        area.insert(area.end(), {ta, tb, bb, ta, bb, ba});
    }
    canvas.triangles(area);
    std::vector<ShapeVertex> glowLine;
    appendStroke(pts, layout.px(10), color_.withAlpha(0.35f * opacity).packed(), false, glowLine, true);
    canvas.triangles(glowLine);
    canvas.polyline(pts, layout.px(2.5f), mix(color_, theme.text, 0.15f).withAlpha(opacity), false);

    // Latest value: a guide line, a pulsing marker and a label.
    const glm::vec2 head = pts.back();
    canvas.horizontalGradient({plot.x, head.y - hair * 0.5f, head.x - plot.x, hair}, color_.withAlpha(0.0f),
                              color_.withAlpha(0.45f * opacity));
    const float pulse = static_cast<float>(std::fmod(now_, 1.8) / 1.8);
    canvas.ring(head, layout.px(7) + layout.px(14) * pulse, layout.px(1.5f), color_.withAlpha((1 - pulse) * 0.7f * opacity));
    canvas.glow(head, layout.px(20), color_.withAlpha(0.55f * opacity), color_.withAlpha(0));
    canvas.circle(head, layout.px(6), color_.withAlpha(opacity));
    canvas.circle(head, layout.px(3), theme.text);

    const double latest = samples_.back().v;
    TextStyle valueStyle;
    valueStyle.sizePx = layout.px(17);
    const TextLayout valueText = layoutText(frame.bold, formatGrouped(latest, decimals_) + (unit_.empty() ? "" : " " + frame.text(unit_)), valueStyle);
    const float bw = valueText.contentWidth + layout.px(20), bh = layout.px(30);
    float bx = std::clamp(head.x - bw - layout.px(16), plot.x, right - bw);
    float by = head.y - bh - layout.px(14);
    if (by < plot.y) by = head.y + layout.px(14);
    const Rect bubble{bx, by, bw, bh};
    canvas.roundedRect(bubble, layout.px(6), Color::rgba8(0x0A, 0x1E, 0x3A, 0xE6));
    canvas.roundedRectStroke(bubble, layout.px(6), hair, color_.withAlpha(0.8f));
    TextPaint valuePaint;
    valuePaint.color = theme.text.withAlpha(opacity);
    canvas.text(frame.bold, valueText, {bx + layout.px(10), by + (bh - valueText.height) * 0.5f}, valuePaint);
}

}  // namespace exhibit
