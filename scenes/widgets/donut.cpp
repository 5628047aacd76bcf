#include "scenes/widgets/donut.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "renderer/stroke.hpp"
#include "scenes/chrome.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

constexpr double kShareRate = 4.0;    // 1/s
constexpr double kRevealSeconds = 1.1;

double positive(double v) { return std::isfinite(v) && v > 0 ? v : 0.0; }

// Appends an anti-aliased ring sector (angles in radians, 0 = 12 o'clock, clockwise).
void appendArc(std::vector<ShapeVertex>& out, glm::vec2 c, float inner, float outer, float a0, float a1, Color in,
               Color out_, float pixelStep) {
    const float half = (outer - inner) * 0.5f;
    const float mid = (outer + inner) * 0.5f;
    const float margin = 1.0f;  // px of fade beyond each edge
    const float ext = half + margin;
    const int steps = std::max(2, static_cast<int>(std::ceil((a1 - a0) * outer / pixelStep)));
    const std::uint32_t ci = in.packed(), co = out_.packed();
    auto at = [&](float a, float r) { return glm::vec2{c.x + std::sin(a) * r, c.y - std::cos(a) * r}; };
    for (int i = 0; i < steps; ++i) {
        const float t0 = a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(steps);
        const float t1 = a0 + (a1 - a0) * static_cast<float>(i + 1) / static_cast<float>(steps);
        const ShapeVertex i0{at(t0, mid - ext), ci, {-ext, half}}, o0{at(t0, mid + ext), co, {ext, half}};
        const ShapeVertex i1{at(t1, mid - ext), ci, {-ext, half}}, o1{at(t1, mid + ext), co, {ext, half}};
        out.insert(out.end(), {i0, o0, o1, i0, o1, i1});
    }
}

}  // namespace

void Donut::setSegments(std::vector<DonutSegment> segments) {
    for (Entry& e : entries_) e.leaving = true;
    std::vector<Entry> next;
    for (DonutSegment& s : segments) {
        auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.segment.label == s.label; });
        Entry e{std::move(s), 0, false};
        if (it != entries_.end()) {
            e.share = it->share;
            it->segment.label.clear();  // taken
            it->share = -1;
        }
        next.push_back(std::move(e));
    }
    // Segments that went away stay (shrinking) after the others until their share reaches zero.
    for (Entry& e : entries_)
        if (e.share > 0) next.push_back(Entry{e.segment, e.share, true});
    entries_ = std::move(next);
}

double Donut::total() const {
    double sum = 0;
    for (const Entry& e : entries_)
        if (!e.leaving) sum += positive(e.segment.value);
    return sum;
}

std::vector<double> Donut::targetShares() const {
    const double sum = total();
    std::vector<double> shares;
    for (const Entry& e : entries_) shares.push_back(e.leaving || sum <= 0 ? 0.0 : positive(e.segment.value) / sum);
    return shares;
}

void Donut::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    reveal_ = std::min(1.0, reveal_ + dt / kRevealSeconds);
    const auto targets = targetShares();
    for (std::size_t i = 0; i < entries_.size(); ++i)
        entries_[i].share = approach(entries_[i].share, targets[i], kShareRate, dt, 1e-5);
    std::erase_if(entries_, [](const Entry& e) { return e.leaving && e.share == 0; });
}

bool Donut::settled() const {
    if (reveal_ < 1) return false;
    const auto targets = targetShares();
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].share != targets[i]) return false;
    return true;
}

std::vector<std::pair<double, double>> Donut::angles() const {
    double sum = 0;
    for (const Entry& e : entries_) sum += e.share;
    std::vector<std::pair<double, double>> out;
    const double full = 360.0 * easeInOutCubic(static_cast<float>(reveal_));
    double start = 0;
    for (const Entry& e : entries_) {
        const double sweep = sum > 0 ? e.share / sum * full : 0.0;
        out.emplace_back(start, sweep);
        start += sweep;
    }
    return out;
}

bool Donut::itemsSimulated() const {
    return std::any_of(entries_.begin(), entries_.end(),
                       [](const Entry& e) { return !e.leaving && e.segment.provenance == Provenance::Simulated; });
}

Color Donut::colorOf(std::size_t index) const {
    const Color c = entries_[index].segment.color;
    return c.a > 0 ? c : seriesColor(index);
}

void Donut::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    if (content.w < layout.px(60) || content.h < layout.px(60)) return;
    const float opacity = dataOpacity();

    // Legend beside the ring on a wide box, below it on a tall one.
    std::size_t rows = 0;
    for (const Entry& e : entries_) rows += e.leaving ? 0 : 1;
    const float rowH = layout.px(34);
    const bool beside = content.w >= content.h * 1.25f;
    float diameter = beside ? std::min(content.h, content.w * 0.5f)
                            : std::min(content.w, content.h - static_cast<float>(rows) * rowH - layout.px(12));
    diameter = std::max(diameter, layout.px(60));
    const glm::vec2 c = beside ? glm::vec2{content.x + diameter * 0.5f, content.y + content.h * 0.5f}
                               : glm::vec2{content.x + content.w * 0.5f, content.y + diameter * 0.5f};
    const float outer = diameter * 0.5f - layout.px(10);
    const float thick = outer * 0.24f;
    const float inner = outer - thick;
    const float hair = std::max(1.0f, layout.px(1));

    // Decoration: a faint track, an outer dial ring with ticks and an inner ring.
    canvas.ring(c, outer + layout.px(8), hair, theme.accent.withAlpha(0.22f));
    canvas.ring(c, (inner + outer) * 0.5f, thick + hair * 2, theme.text.withAlpha(0.04f));
    canvas.ring(c, inner - layout.px(9), hair, theme.accent.withAlpha(0.18f));
    {
        std::vector<ShapeVertex> ticks;
        for (int i = 0; i < 72; ++i) {
            const float a = static_cast<float>(i) / 72.0f * 2.0f * std::numbers::pi_v<float>;
            const float len = i % 6 == 0 ? layout.px(5) : layout.px(2.5f);
            const glm::vec2 d{std::sin(a), -std::cos(a)};
            const glm::vec2 pts[2] = {c + d * (outer + layout.px(11)), c + d * (outer + layout.px(11) + len)};
            appendStroke(pts, hair, theme.accent.withAlpha(i % 6 == 0 ? 0.5f : 0.25f).packed(), false, ticks);
        }
        canvas.triangles(ticks);
    }

    const auto ang = angles();
    const auto targets = targetShares();
    std::size_t largest = 0;
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (targets[i] > targets[largest]) largest = i;
    const float gap = layout.px(3.5f) / ((inner + outer) * 0.5f);  // radians
    const float deg = std::numbers::pi_v<float> / 180.0f;
    std::vector<ShapeVertex> arcs;
    std::vector<ShapeVertex> ends;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const float a0 = static_cast<float>(ang[i].first) * deg + gap * 0.5f;
        const float a1 = static_cast<float>(ang[i].first + ang[i].second) * deg - gap * 0.5f;
        if (a1 - a0 <= 0.002f) continue;
        const Color col = colorOf(i).withAlpha(opacity);
        const float o = i == largest && entries_.size() > 1 ? outer + layout.px(4) : outer;
        appendArc(arcs, c, inner, o, a0, a1, mix(col, Color::rgba8(0x06, 0x0D, 0x1A), 0.35f), col, layout.px(3));
        for (float a : {a0, a1}) {
            const glm::vec2 d{std::sin(a), -std::cos(a)};
            const glm::vec2 pts[2] = {c + d * (inner + 0.5f), c + d * (o - 0.5f)};
            appendStroke(pts, 0.9f, mix(col, Color::rgba8(0x06, 0x0D, 0x1A), 0.15f).withAlpha(0.8f * opacity).packed(), false,
                         ends);
        }
    }
    canvas.triangles(arcs);
    canvas.triangles(ends);

    // Centre: the total and its caption.
    TextStyle totalStyle;
    totalStyle.sizePx = std::min(layout.px(30), inner * 0.42f);
    totalStyle.align = TextAlign::Center;
    totalStyle.maxWidth = inner * 1.7f;
    totalStyle.maxLines = 1;
    TextPaint totalPaint;
    totalPaint.color = theme.text.withAlpha(opacity);
    totalPaint.shadow = theme.accent.withAlpha(0.4f);
    totalPaint.shadowBlur = layout.px(6);
    const TextLayout totalText = layoutText(frame.bold, formatCompact(total(), decimals_, 1, frame.text.language()), totalStyle);
    TextStyle capStyle = totalStyle;
    capStyle.sizePx = std::min(layout.px(14), inner * 0.22f);
    const TextLayout cap = layoutText(frame.regular, frame.text(centerLabel_) + (unit_.empty() ? "" : frame.text.english() ? " (" + frame.text(unit_) + ")" : "（" + unit_ + "）"), capStyle);
    const float blockH = totalText.height + cap.height;
    canvas.text(frame.bold, totalText, {c.x - totalText.width * 0.5f, c.y - blockH * 0.5f}, totalPaint);
    TextPaint capPaint;
    capPaint.color = theme.textMuted;
    canvas.text(frame.regular, cap, {c.x - cap.width * 0.5f, c.y - blockH * 0.5f + totalText.height}, capPaint);

    // Legend.
    const Rect legend = beside ? Rect{content.x + diameter + layout.px(22), content.y, content.w - diameter - layout.px(22), content.h}
                               : Rect{content.x, content.y + diameter + layout.px(12), content.w, content.h - diameter - layout.px(12)};
    if (legend.w < layout.px(80)) return;
    const float legendH = static_cast<float>(rows) * rowH;
    float y = legend.y + std::max(0.0f, (legend.h - legendH) * 0.5f);
    const float textSize = layout.px(16);
    TextStyle labelStyle;
    labelStyle.sizePx = textSize;
    labelStyle.maxLines = 1;
    labelStyle.maxWidth = legend.w * (legend.w >= layout.px(180) ? 0.4f : 0.52f);
    TextStyle pctStyle = labelStyle;
    pctStyle.align = TextAlign::Right;
    pctStyle.maxWidth = legend.w * 0.45f;
    double shownSum = 0;
    for (const Entry& e : entries_) shownSum += e.share;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (entries_[i].leaving) continue;
        const Color col = colorOf(i);
        const float cy = y + rowH * 0.5f;
        canvas.roundedRect({legend.x, cy - layout.px(6), layout.px(12), layout.px(12)}, layout.px(3), col.withAlpha(opacity));
        TextPaint labelPaint;
        labelPaint.color = theme.text;
        drawText(canvas, frame.regular, frame.text.place(entries_[i].segment.key, entries_[i].segment.label), labelStyle,
                 {legend.x + layout.px(20), cy - textSize * 0.5f - textSize * 0.125f}, labelPaint);
        TextPaint pctPaint;
        pctPaint.color = col.withAlpha(opacity);
        const double share = shownSum > 0 ? entries_[i].share / shownSum : 0.0;
        drawText(canvas, frame.bold, formatPercent(share, 1), pctStyle,
                 {legend.x + legend.w - pctStyle.maxWidth, cy - textSize * 0.5f - textSize * 0.125f}, pctPaint);
        if (legend.w >= layout.px(180)) {
            TextPaint valuePaint;
            valuePaint.color = theme.textMuted;
            TextStyle valueStyle = pctStyle;
            valueStyle.sizePx = layout.px(14);
            valueStyle.maxWidth = legend.w * 0.3f;
            drawText(canvas, frame.regular, formatCompact(entries_[i].segment.value, decimals_, 1, frame.text.language()), valueStyle,
                     {legend.x + legend.w - layout.px(66) - valueStyle.maxWidth, cy - valueStyle.sizePx * 0.625f}, valuePaint);
        }
        canvas.rect({legend.x, y + rowH - hair, legend.w, hair}, theme.text.withAlpha(0.06f));
        y += rowH;
    }
}

}  // namespace exhibit
