#include "scenes/widgets/flow_chain.hpp"

#include <algorithm>
#include <cmath>

#include "scenes/chrome.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

constexpr double kRateEase = 3.0;   // 1/s
constexpr float kGlowDecay = 2.5f;  // 1/s

// A sideways lane for the n-th particle of a link: a fixed low-discrepancy sequence, not random,
// so the same steps draw the same stream.
float laneOf(std::uint32_t n) {
    const double golden = 0.6180339887498949;
    const double f = std::fmod(static_cast<double>(n) * golden, 1.0);
    return static_cast<float>(f * 2.0 - 1.0);
}

}  // namespace

void FlowChain::setStages(std::vector<FlowStageInfo> stages) {
    stages_.clear();
    for (auto& s : stages) {
        Stage stage;
        stage.info = std::move(s);
        stages_.push_back(std::move(stage));
    }
}

void FlowChain::setRate(std::size_t stage, double perMinute, Provenance provenance) {
    if (stage >= stages_.size()) return;
    Stage& s = stages_[stage];
    const double rate = std::isfinite(perMinute) ? std::max(0.0, perMinute) : 0.0;
    if (!s.has) s.shown = rate;  // the first value shows at once; later ones ease
    s.rate = rate;
    s.has = true;
    s.provenance = provenance;
}

double FlowChain::spawnRate(std::size_t link) const {
    if (link + 1 >= stages_.size() || !stages_[link].has) return 0;
    double busiest = 0;
    for (const Stage& s : stages_) busiest = std::max(busiest, s.shown);
    const double rate = stages_[link].shown;
    if (rate <= 0 || busiest <= 0) return 0;
    return kMinSpawn + (kMaxSpawn - kMinSpawn) * std::sqrt(std::min(1.0, rate / busiest));
}

std::vector<double> FlowChain::particles(std::size_t link) const {
    std::vector<double> out;
    if (link < stages_.size())
        for (const Particle& p : stages_[link].particles) out.push_back(p.t);
    return out;
}

void FlowChain::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    for (Stage& s : stages_) {
        s.shown = approach(s.shown, s.rate, kRateEase, dt, 1e-3);
        s.glow = std::max(0.0f, s.glow - kGlowDecay * static_cast<float>(dt));
    }
    const double step = dt / kTravelSeconds;
    for (std::size_t i = 0; i + 1 < stages_.size(); ++i) {
        Stage& s = stages_[i];
        for (Particle& p : s.particles) p.t += step;
        while (!s.particles.empty() && s.particles.front().t >= 1.0) {
            s.particles.pop_front();
            stages_[i + 1].glow = 1.0f;
        }
        const double rate = spawnRate(i);
        if (rate <= 0) {
            s.spawnCredit = 0;
            continue;
        }
        s.spawnCredit += rate * dt;
        // Particles due during this step start where they would be by its end, evenly spaced.
        while (s.spawnCredit >= 1.0) {
            s.spawnCredit -= 1.0;
            s.particles.push_back({s.spawnCredit / rate / kTravelSeconds, laneOf(s.spawned++)});
        }
    }
}

bool FlowChain::settled() const {
    for (std::size_t i = 0; i < stages_.size(); ++i) {
        const Stage& s = stages_[i];
        if (s.shown != s.rate || s.glow > 0 || !s.particles.empty() || spawnRate(i) > 0) return false;
    }
    return true;
}

bool FlowChain::itemsSimulated() const {
    return std::any_of(stages_.begin(), stages_.end(),
                       [](const Stage& s) { return s.has && s.provenance == Provenance::Simulated; });
}

void FlowChain::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    const std::size_t n = stages_.size();
    if (n == 0 || content.w < frame.layout.px(60) || content.h < frame.layout.px(40)) return;
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();

    const float slotW = content.w / static_cast<float>(n);
    // Sizes follow the box: a 32:9 wall's tall stage gets bigger nodes and figures than a 16:9 strip.
    const float radius = std::clamp(std::min(slotW * 0.2f, content.h * 0.16f), layout.px(14), layout.px(56));
    const float valueSize = std::clamp(radius * 0.95f, layout.px(18), layout.px(52));
    const float unitSize = std::clamp(radius * 0.48f, layout.px(13), layout.px(22));
    const float labelSize = std::clamp(radius * 0.56f, layout.px(14), layout.px(28));
    const float gap = layout.px(8);
    const float blockH = valueSize * 1.2f + unitSize * 1.3f + gap + 2 * radius + gap + labelSize * 1.25f * 2;
    const float top = content.y + std::max(0.0f, (content.h - blockH) * 0.5f);
    const float nodeY = top + valueSize * 1.2f + unitSize * 1.3f + gap + radius;
    auto nodeX = [&](std::size_t i) { return content.x + slotW * (static_cast<float>(i) + 0.5f); };

    // Links first, under the nodes: a faint track, an arrow head and the particles.
    const float hair = std::max(1.0f, layout.px(1.5f));
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const float x0 = nodeX(i) + radius + layout.px(6), x1 = nodeX(i + 1) - radius - layout.px(6);
        if (x1 <= x0) continue;
        const Color c = seriesColor(i);
        canvas.line({x0, nodeY}, {x1, nodeY}, hair * 2, c.withAlpha(0.18f * opacity));
        const float head = layout.px(7);
        canvas.line({x1 - head, nodeY - head * 0.7f}, {x1, nodeY}, hair, c.withAlpha(0.6f * opacity));
        canvas.line({x1 - head, nodeY + head * 0.7f}, {x1, nodeY}, hair, c.withAlpha(0.6f * opacity));
        const float laneW = std::min(radius * 0.35f, layout.px(7));
        for (const Particle& p : stages_[i].particles) {
            const float t = static_cast<float>(std::clamp(p.t, 0.0, 1.0));
            const float fade = std::min({1.0f, t * 6.0f, (1.0f - t) * 6.0f});
            const glm::vec2 at{x0 + (x1 - x0) * t, nodeY + p.lane * laneW * std::sin(t * 3.14159265f)};
            canvas.glow(at, layout.px(9), c.withAlpha(0.45f * fade * opacity), c.withAlpha(0));
            canvas.circle(at, layout.px(3), mix(c, theme.text, 0.5f).withAlpha(fade * opacity));
        }
    }

    for (std::size_t i = 0; i < n; ++i) {
        const Stage& s = stages_[i];
        const Color c = seriesColor(i);
        const glm::vec2 centre{nodeX(i), nodeY};
        const float g = s.glow * s.glow;
        canvas.glow(centre, radius * (1.6f + 0.5f * g), c.withAlpha((0.18f + 0.3f * g) * opacity), c.withAlpha(0));
        canvas.circle(centre, radius, mix(theme.background, c, 0.16f + 0.2f * g).withAlpha(0.95f));
        canvas.ring(centre, radius, std::max(1.0f, layout.px(2.5f)), c.withAlpha(opacity));
        TextStyle number;
        number.sizePx = radius * 0.9f;
        TextPaint numberPaint;
        numberPaint.color = mix(c, theme.text, 0.4f).withAlpha(opacity);
        const TextLayout num = layoutText(frame.bold, std::to_string(i + 1), number);
        canvas.text(frame.bold, num,
                    {centre.x - num.contentWidth * 0.5f, centre.y - num.firstBaseline + number.sizePx * 0.36f}, numberPaint);

        // The throughput above the node: the figure, then its unit.
        TextStyle value;
        value.sizePx = valueSize;
        value.maxWidth = slotW - layout.px(8);
        value.maxLines = 1;
        value.align = TextAlign::Center;
        TextPaint valuePaint;
        valuePaint.color = mix(c, theme.text, 0.3f).withAlpha(opacity);
        // A slow stage (a few per minute) gets a decimal, so it does not read "0" while it moves.
        const int decimals = s.shown < 10 ? std::max(decimals_, 1) : decimals_;
        const std::string figure = s.has ? formatCompact(s.shown, decimals, 1, frame.text.language()) : std::string(kNoValue);
        drawText(canvas, frame.bold, figure, value, {centre.x - value.maxWidth * 0.5f, top}, valuePaint);
        if (!s.info.unit.empty()) {
            TextStyle unit = value;
            unit.sizePx = unitSize;
            TextPaint unitPaint;
            unitPaint.color = theme.textMuted;
            drawText(canvas, frame.regular, frame.text(s.info.unit), unit, {centre.x - unit.maxWidth * 0.5f, top + valueSize * 1.2f},
                     unitPaint);
        }
        TextStyle label = value;
        label.sizePx = labelSize;
        label.maxLines = 2;
        label.lineSpacing = 1.2f;
        TextPaint labelPaint;
        labelPaint.color = theme.text;
        drawText(canvas, frame.bold, frame.text(s.info.label), label, {centre.x - label.maxWidth * 0.5f, nodeY + radius + gap},
                 labelPaint);
    }
}

}  // namespace exhibit
