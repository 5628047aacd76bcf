#include "scenes/widgets/history_playback.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "scenes/chrome.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

constexpr double kFigureFadeSeconds = 0.35;
constexpr double kYearEpsilon = 1e-9;  // a playhead this close below a whole year has reached it
constexpr const char* kMissingFigure = "无可靠数据";
constexpr Color kAnnotationColor = Color::rgba8(0xF6, 0xB1, 0x3C);
constexpr Color kColumnBase = Color::rgba8(0x1F, 0x4F, 0xD8);

const char* qualifierPrefix(Qualifier q, Language language = Language::Zh) {
    switch (q) {
        case Qualifier::Approximate: return language == Language::En ? "~" : "约";
        case Qualifier::Below: return "<";
        case Qualifier::Exact: break;
    }
    return "";
}

// Draws `layout` with its first baseline at `baselineY`.
void textOnBaseline(Canvas& canvas, const Font& font, const TextLayout& layout, float x, float baselineY,
                    Color color) {
    TextPaint paint;
    paint.color = color;
    canvas.text(font, layout, {x, baselineY - layout.firstBaseline}, paint);
}

TextLayout oneLine(const Font& font, const std::string& text, float sizePx, float maxWidth = 0,
                   TextAlign align = TextAlign::Left) {
    TextStyle style;
    style.sizePx = sizePx;
    style.maxWidth = maxWidth;
    style.maxLines = 1;
    style.align = align;
    return layoutText(font, text, style);
}

void dashedLine(Canvas& canvas, glm::vec2 a, glm::vec2 b, float width, float dash, Color color) {
    const glm::vec2 d = b - a;
    const float length = std::sqrt(d.x * d.x + d.y * d.y);
    if (length <= 0 || dash <= 0) return;
    const glm::vec2 u = d / length;
    for (float s = 0; s < length; s += 2 * dash) canvas.line(a + u * s, a + u * std::min(s + dash, length), width, color);
}

// Diagonal hatching ("/") inside `r`: the mark of a year without data.
void hatch(Canvas& canvas, const Rect& r, float spacing, float width, Color color) {
    if (r.w <= 0 || r.h <= 0 || spacing <= 0) return;
    const float bottom = r.y + r.h, right = r.x + r.w;
    for (float k = r.x + r.y + spacing * 0.5f; k < right + bottom; k += spacing) {
        const float x0 = std::max(r.x, k - bottom), x1 = std::min(right, k - r.y);
        if (x1 - x0 > 0.5f) canvas.line({x0, k - x0}, {x1, k - x1}, width, color);
    }
}

}  // namespace

void HistoryPlayback::setPoints(std::vector<HistoryPoint> points) {
    const int before = currentYear();
    const bool hadPoints = !slots_.empty();
    slots_.clear();
    if (points.empty()) {
        firstYear_ = 0;
        playhead_ = 0;
        held_ = 0;
        return;
    }
    int lo = points.front().year, hi = lo;
    for (const HistoryPoint& p : points) {
        lo = std::min(lo, p.year);
        hi = std::max(hi, p.year);
    }
    firstYear_ = lo;
    slots_.resize(static_cast<std::size_t>(hi - lo + 1));
    for (HistoryPoint& p : points) {
        std::optional<HistoryPoint>& slot = slots_[static_cast<std::size_t>(p.year - lo)];
        if (slot) continue;
        if (p.value && !std::isfinite(*p.value)) p.value.reset();
        slot = std::move(p);
    }
    playhead_ = hadPoints ? std::clamp(playhead_, static_cast<double>(lo), static_cast<double>(hi)) : lo;
    if (playhead_ < hi) held_ = 0;
    if (hadPoints) noteYearChange(before);
}

void HistoryPlayback::setAnnotations(std::vector<HistoryAnnotation> annotations) {
    annotations_.clear();
    for (HistoryAnnotation& a : annotations) {
        if (annotationFor(a.year).empty() && !a.text.empty()) annotations_.push_back(std::move(a));
    }
}

void HistoryPlayback::setSecondsPerYear(double seconds) {
    if (std::isfinite(seconds) && seconds > 0) secondsPerYear_ = seconds;
}

void HistoryPlayback::setHoldSeconds(double seconds) {
    if (std::isfinite(seconds) && seconds >= 0) holdSeconds_ = seconds;
}

void HistoryPlayback::scrubTo(double year) {
    if (slots_.empty() || !std::isfinite(year)) return;
    const int before = currentYear();
    playhead_ = std::clamp(year, static_cast<double>(firstYear_), static_cast<double>(lastYear()));
    held_ = 0;
    noteYearChange(before);
}

void HistoryPlayback::step(int years) {
    if (!slots_.empty()) scrubTo(static_cast<double>(currentYear()) + years);
}

int HistoryPlayback::currentYear() const {
    if (slots_.empty()) return 0;
    return std::clamp(static_cast<int>(std::floor(playhead_ + kYearEpsilon)), firstYear_, lastYear());
}

void HistoryPlayback::noteYearChange(int before) {
    if (currentYear() != before) sinceYearChange_ = 0;
}

void HistoryPlayback::update(double dtSeconds) {
    const double dt = std::isfinite(dtSeconds) ? std::max(0.0, dtSeconds) : 0.0;
    sinceYearChange_ = std::min(sinceYearChange_ + dt, 1e9);
    if (!playing_ || slots_.empty() || dt == 0) return;
    const int before = currentYear();
    const double first = firstYear_, last = lastYear();
    const double run = (last - first) * secondsPerYear_;  // seconds from the first year to the last
    const double cycle = run + holdSeconds_;
    if (cycle <= 0) return;  // a single year and no hold: nothing moves
    // Time into the cycle; the leftover of a finished cycle carries into the next one.
    double t = (playhead_ - first) * secondsPerYear_ + held_ + dt;
    if (t >= cycle) t = std::fmod(t, cycle);
    if (t >= run) {
        playhead_ = last;
        held_ = t - run;
    } else {
        playhead_ = first + t / secondsPerYear_;
        held_ = 0;
    }
    noteYearChange(before);
}

bool HistoryPlayback::settled() const { return !playing_ && sinceYearChange_ >= kFigureFadeSeconds; }

const HistoryPoint* HistoryPlayback::pointFor(int year) const {
    if (slots_.empty() || year < firstYear_ || year > lastYear()) return nullptr;
    const std::optional<HistoryPoint>& slot = slots_[static_cast<std::size_t>(year - firstYear_)];
    return slot ? &*slot : nullptr;
}

std::optional<double> HistoryPlayback::valueAt(int year) const {
    const HistoryPoint* p = pointFor(year);
    return p ? p->value : std::nullopt;
}

std::string HistoryPlayback::numberText(double value) const {
    int decimals = decimals_;
    if (decimals < 0) {
        decimals = 0;
        while (decimals < 2) {
            const double scaled = value * std::pow(10.0, decimals);
            if (std::fabs(scaled - std::round(scaled)) < 1e-6) break;
            ++decimals;
        }
    }
    return formatGrouped(value, decimals);
}

std::string HistoryPlayback::figureText(int year) const {
    const HistoryPoint* p = pointFor(year);
    if (!p || !p->value) return kMissingFigure;
    return qualifierPrefix(p->qualifier) + numberText(*p->value);
}

std::string HistoryPlayback::annotationFor(int year, Language language) const {
    for (const HistoryAnnotation& a : annotations_) {
        if (a.year == year) return language == Language::En && !a.textEn.empty() ? a.textEn : a.text;
    }
    return {};
}

bool HistoryPlayback::itemsSimulated() const {
    return std::any_of(slots_.begin(), slots_.end(),
                       [](const auto& slot) { return slot && slot->provenance == Provenance::Simulated; });
}

void HistoryPlayback::draw(const WidgetFrame& frame, const Rect& box) const {
    const Layout& layout = frame.layout;
    const Rect content = drawCard(frame, box);
    if (content.w < layout.px(120) || content.h < layout.px(80) || slots_.empty()) return;

    float bottom = content.y + content.h;
    if (!footnote_.empty()) {
        TextStyle noteStyle;  // a long list of sources takes a second line
        noteStyle.sizePx = layout.px(13);
        noteStyle.maxWidth = content.w;
        noteStyle.maxLines = 2;
        noteStyle.lineSpacing = 1.15f;
        const TextLayout note =
            layoutText(frame.regular, frame.text.english() && !footnoteEn_.empty() ? footnoteEn_ : footnote_, noteStyle);
        textOnBaseline(frame.canvas, frame.regular, note, content.x, bottom - note.height + note.firstBaseline,
                       frame.theme.textMuted.withAlpha(0.85f));
        bottom -= note.height + layout.px(8);
    }
    const Rect body{content.x, content.y, content.w, bottom - content.y};
    const bool wide = body.w >= body.h * 1.9f && body.w >= layout.px(640);
    if (wide) {
        const float figureW = std::clamp(body.w * 0.27f, layout.px(220), layout.px(380));
        const float gap = layout.px(28);
        drawFigure(frame, {body.x, body.y, figureW, body.h}, false);
        drawChart(frame, {body.x + figureW + gap, body.y, body.w - figureW - gap, body.h});
    } else {
        const float figureH = std::min(layout.px(104), body.h * 0.36f);
        const float gap = layout.px(10);
        drawFigure(frame, {body.x, body.y, body.w, figureH}, true);
        drawChart(frame, {body.x, body.y + figureH + gap, body.w, body.h - figureH - gap});
    }
}

// The current year, its figure and its annotation: stacked in a column (`row` false) or as a
// strip with the year and annotation on the first line and the figure under them.
void HistoryPlayback::drawFigure(const WidgetFrame& frame, const Rect& area, bool row) const {
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();
    const int year = currentYear();
    const HistoryPoint* point = pointFor(year);
    const bool missing = !point || !point->value;
    const float fade = easeOutCubic(static_cast<float>(sinceYearChange_ / kFigureFadeSeconds));
    const float slide = (1 - fade) * layout.px(8);
    const float a = (0.3f + 0.7f * fade) * opacity;  // a new figure rises out of a faint one, never from nothing

    float yearSize = 0, figureSize = 0, annotationSize = 0;
    if (row) {
        yearSize = std::min(layout.px(22), area.h * 0.24f);
        figureSize = std::min(layout.px(56), area.h * 0.56f);
        annotationSize = std::min(layout.px(17), yearSize * 0.85f);
    } else {
        yearSize = std::min(layout.px(30), area.h * 0.11f);
        figureSize = std::min(layout.px(76), area.h * 0.27f);
        annotationSize = std::min(layout.px(18), area.h * 0.07f);
    }

    // The figure as prefix, number and unit sharing one baseline, shrunk to the width when needed.
    const std::string prefix = missing ? "" : qualifierPrefix(point->qualifier, frame.text.language());
    const std::string number = missing ? frame.text(kMissingFigure) : numberText(*point->value);
    const std::string unit = missing ? "" : frame.text(unit_);
    const float numberSize = missing ? figureSize * 0.48f : figureSize;
    const float affixGap = layout.px(6);
    auto figureWidth = [&](float scale) {
        float w = measureText(frame.bold, number, numberSize * scale);
        if (!prefix.empty()) w += measureText(frame.regular, prefix, figureSize * 0.42f * scale) + affixGap * scale;
        if (!unit.empty()) w += measureText(frame.regular, unit, figureSize * 0.3f * scale) + affixGap * scale;
        return w;
    };
    const float maxFigureW = row ? area.w : area.w - layout.px(4);
    const float fit = std::min(1.0f, maxFigureW / std::max(1.0f, figureWidth(1.0f)));
    const TextLayout figure = oneLine(frame.bold, number, numberSize * fit);
    const TextLayout yearText = oneLine(frame.bold, std::to_string(year) + std::string(frame.text.pick("年", "")), yearSize);
    const std::string annotation = annotationFor(year, frame.text.language());

    float figureBaseline = 0;
    float annotationTop = 0;
    float annotationW = 0;
    int annotationLines = 2;
    if (row) {
        const float top = area.y + std::max(0.0f, (area.h - yearText.height - figure.height) * 0.4f);
        textOnBaseline(canvas, frame.bold, yearText, area.x, top + yearText.firstBaseline, theme.accent.withAlpha(opacity));
        figureBaseline = top + yearText.height + figure.firstBaseline;
        annotationTop = top + (yearText.height - annotationSize * 1.25f) * 0.5f;
        annotationW = area.w - yearText.contentWidth - layout.px(24);
        annotationLines = 1;
    } else {
        const float annotationH = 2 * annotationSize * 1.3f;
        const float blockH = yearText.height + layout.px(6) + figure.height + layout.px(14) + annotationH;
        const float top = area.y + std::max(0.0f, (area.h - blockH) * 0.35f);
        textOnBaseline(canvas, frame.bold, yearText, area.x, top + yearText.firstBaseline, theme.accent.withAlpha(opacity));
        figureBaseline = top + yearText.height + layout.px(6) + figure.firstBaseline;
        annotationTop = top + yearText.height + layout.px(6) + figure.height + layout.px(14);
        annotationW = area.w;
    }

    const float baseline = figureBaseline + slide;
    float x = area.x;
    if (!prefix.empty()) {
        const TextLayout t = oneLine(frame.regular, prefix, figureSize * 0.42f * fit);
        textOnBaseline(canvas, frame.regular, t, x, baseline, theme.text.withAlpha(0.85f * a));
        x += t.contentWidth + affixGap * fit;
    }
    const Color figureColor = missing ? theme.textMuted : mix(theme.text, color_, 0.25f);
    textOnBaseline(canvas, frame.bold, figure, x, baseline, figureColor.withAlpha(a));
    x += figure.contentWidth + affixGap * fit;
    if (!unit.empty()) {
        const TextLayout t = oneLine(frame.regular, unit, figureSize * 0.3f * fit);
        textOnBaseline(canvas, frame.regular, t, x, baseline, theme.textMuted.withAlpha(a));
    }

    if (!annotation.empty() && annotationW > layout.px(40)) {
        TextStyle style;
        style.sizePx = annotationSize;
        style.lineSpacing = 1.3f;
        style.maxLines = annotationLines;
        const float markW = std::max(1.0f, layout.px(4));
        const float textX = row ? 0 : area.x + markW + layout.px(10);
        style.maxWidth = row ? annotationW : area.x + area.w - textX;
        style.align = row ? TextAlign::Right : TextAlign::Left;
        const TextLayout t = layoutText(frame.regular, annotation, style);
        const float left = row ? area.x + area.w - t.width : textX;
        const float top = annotationTop + (row ? 0 : slide);
        if (!row) canvas.roundedRect({area.x, top + layout.px(2), markW, t.height - layout.px(4)}, markW * 0.5f,
                                     kAnnotationColor.withAlpha(a));
        TextPaint paint;
        paint.color = (row ? kAnnotationColor : theme.text).withAlpha(a);
        canvas.text(frame.regular, t, {left, top}, paint);
    }
}

// Columns of every year, the moving playhead, year labels and the scrub bar with the play button.
void HistoryPlayback::drawChart(const WidgetFrame& frame, const Rect& area) const {
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float opacity = dataOpacity();
    const float hair = std::max(1.0f, layout.px(1));
    const std::size_t n = slots_.size();
    const int current = currentYear();

    const float buttonD = std::min(layout.px(34), area.h * 0.16f);
    const float scrubH = buttonD + layout.px(6);

    double maxValue = 0;
    for (const auto& slot : slots_)
        if (slot && slot->value) maxValue = std::max(maxValue, *slot->value);
    const AxisTicks ticks = niceTicks(0, maxValue > 0 ? maxValue : 1, 4);
    const float tickSize = layout.px(13);
    float tickW = measureText(frame.regular, unit_, tickSize);
    for (double v : ticks.values) tickW = std::max(tickW, measureText(frame.regular, formatCompact(v, ticks.decimals, 1, frame.text.language()), tickSize));
    const float gutter = std::max(buttonD, tickW) + layout.px(12);
    const float plotX = area.x + gutter;
    const float plotW = area.x + area.w - plotX;
    if (plotW < layout.px(40)) return;
    const float slotW = plotW / static_cast<float>(n);
    auto xOf = [&](double year) { return plotX + (static_cast<float>(year - firstYear_) + 0.5f) * slotW; };

    // Year labels: as large as fits a slot, else every k-th.
    const float yearSizeMax = layout.px(15);
    const float yearW = measureText(frame.regular, "2020", yearSizeMax);
    const float yearSize = std::max(layout.px(10), std::min(yearSizeMax, yearSizeMax * slotW * 0.9f / yearW));
    const int yearEvery = std::max(1, static_cast<int>(std::ceil(yearW * yearSize / yearSizeMax * 1.3f / slotW)));
    // From the bottom up: year labels, the scrub bar, the plot.
    const float yearRowTop = area.y + area.h - yearSize * 1.3f;
    const float scrubY = yearRowTop - scrubH * 0.5f;

    const float valueSize = std::min(layout.px(14), std::max(layout.px(10), slotW * 0.3f));
    const float plotTop = area.y + std::max(valueSize * 1.5f + layout.px(4), tickSize * 1.3f + layout.px(10));
    const float plotBottom = scrubY - scrubH * 0.5f - layout.px(6);
    const float plotH = plotBottom - plotTop;
    const float playheadX = xOf(playhead_);

    if (plotH >= layout.px(30)) {
        const float axis = static_cast<float>(ticks.max);
        // Grid, tick labels (on a short plot only those that do not touch the one below) and the unit on top of the gutter.
        float lastLabelY = INFINITY;
        for (double v : ticks.values) {
            const float y = plotBottom - static_cast<float>(v) / axis * plotH;
            canvas.rect({plotX, std::round(y - hair * 0.5f), plotW, hair}, theme.text.withAlpha(v == 0 ? 0.25f : 0.07f));
            if (lastLabelY - y < tickSize * 1.4f) continue;
            lastLabelY = y;
            const TextLayout t = oneLine(frame.regular, formatCompact(v, ticks.decimals, 1, frame.text.language()), tickSize, gutter - layout.px(10),
                                         TextAlign::Right);
            textOnBaseline(canvas, frame.regular, t, area.x, y + tickSize * 0.36f, theme.textMuted);
        }
        if (!unit_.empty()) {
            const TextLayout t = oneLine(frame.regular, frame.text(unit_), tickSize, gutter - layout.px(10), TextAlign::Right);
            textOnBaseline(canvas, frame.regular, t, area.x, area.y + t.firstBaseline, theme.textMuted);
        }

        struct ValueLabel {
            const Font* font;
            TextLayout text;
            glm::vec2 topLeft;
            Color color;
            bool current;
        };
        std::vector<ValueLabel> labels;
        const float barW = std::max(hair, std::min(slotW * 0.56f, layout.px(52)));
        for (std::size_t i = 0; i < n; ++i) {
            const int year = firstYear_ + static_cast<int>(i);
            const HistoryPoint* p = pointFor(year);
            const float cx = xOf(year);
            const float lit = std::clamp(static_cast<float>(playhead_ - year + 1), 0.0f, 1.0f);
            const bool isCurrent = year == current;
            std::string label;
            float labelBottom = 0;
            if (!p || !p->value) {
                const Rect gap{cx - barW * 0.5f, plotTop, barW, plotH};
                hatch(canvas, gap, std::max(layout.px(9), barW / 5), hair, theme.textMuted.withAlpha((0.18f + 0.22f * lit) * opacity));
                dashedLine(canvas, {gap.x, gap.y}, {gap.x, plotBottom}, hair, layout.px(4), theme.textMuted.withAlpha(0.3f * opacity));
                dashedLine(canvas, {gap.x + gap.w, gap.y}, {gap.x + gap.w, plotBottom}, hair, layout.px(4),
                           theme.textMuted.withAlpha(0.3f * opacity));
                label = frame.text("无数据");
                labelBottom = plotBottom - layout.px(6);
            } else {
                const float value = static_cast<float>(std::max(0.0, *p->value));
                const float h = std::max(layout.px(2), std::min(value / axis, 1.0f) * plotH);
                const Rect bar{cx - barW * 0.5f, plotBottom - h, barW, h};
                const Color dimTop = theme.text.withAlpha(0.16f), dimBottom = theme.text.withAlpha(0.05f);
                const Color litTop = isCurrent ? mix(color_, theme.text, 0.35f) : color_;
                Color top = mix(dimTop, litTop.withAlpha(0.95f), lit);
                Color base = mix(dimBottom, kColumnBase.withAlpha(0.3f), lit);
                if (p->qualifier == Qualifier::Below) {  // only a bound: bright at the base, fading upwards
                    base = mix(dimTop, litTop.withAlpha(0.8f), lit);
                    top = base.withAlpha(0.0f);
                }
                top = top.withAlpha(top.a * opacity);
                const float radius = std::min(barW * 0.25f, layout.px(4));
                canvas.roundedRectGradient(bar, radius, top, base.withAlpha(base.a * opacity));
                if (p->qualifier == Qualifier::Below) {
                    dashedLine(canvas, {bar.x, bar.y}, {bar.x + bar.w, bar.y}, std::max(hair, layout.px(2)), layout.px(4),
                               mix(theme.textMuted, color_, lit).withAlpha(opacity));
                } else if (p->qualifier == Qualifier::Approximate) {
                    dashedLine(canvas, {bar.x, bar.y - layout.px(3)}, {bar.x + bar.w, bar.y - layout.px(3)},
                               std::max(hair, layout.px(2)), layout.px(4), mix(theme.textMuted, theme.text, lit).withAlpha(opacity));
                } else {
                    canvas.rect({bar.x, bar.y, barW, std::min(h, std::max(hair, layout.px(2)))},
                                mix(theme.textMuted, mix(color_, theme.text, 0.5f), lit).withAlpha(0.9f * opacity));
                }
                if (isCurrent) canvas.glow({cx, bar.y}, barW * 0.7f, color_.withAlpha(0.45f * opacity), color_.withAlpha(0));
                label = qualifierPrefix(p->qualifier, frame.text.language()) + numberText(*p->value);
                labelBottom = bar.y - layout.px(p->qualifier == Qualifier::Approximate ? 8 : 5);
            }
            const Font& font = isCurrent ? frame.bold : frame.regular;
            const float labelW = measureText(font, label, valueSize);
            if (labelW <= slotW * 0.98f || isCurrent) {
                const TextLayout t = oneLine(font, label, valueSize);
                const float lx = std::clamp(cx - t.contentWidth * 0.5f, area.x, area.x + area.w - t.contentWidth);
                const Color c = isCurrent ? theme.text : mix(theme.textMuted, theme.text, lit);
                labels.push_back({&font, t, {lx, std::max(labelBottom, plotTop - layout.px(4)) - t.height},
                                  c.withAlpha((0.6f + 0.4f * lit) * opacity), isCurrent});
            }
        }

        // The playhead through the plot, under the value labels (the current one sits on a pill).
        canvas.rect({playheadX - hair, plotTop - layout.px(6), 2 * hair, scrubY - plotTop + layout.px(6)},
                    mix(color_, theme.text, 0.3f).withAlpha(0.75f * opacity));
        for (const ValueLabel& l : labels) {
            if (l.current) {
                const float padX = layout.px(5);
                const Rect pill{std::max(area.x, l.topLeft.x - padX), l.topLeft.y + l.text.height * 0.08f,
                                std::min(l.text.contentWidth + 2 * padX, area.w), l.text.height * 0.9f};
                canvas.roundedRect(pill, pill.h * 0.5f, mix(theme.background, color_, 0.18f).withAlpha(0.92f));
                canvas.roundedRectStroke(pill, pill.h * 0.5f, hair, color_.withAlpha(0.55f * opacity));
            }
            TextPaint paint;
            paint.color = l.color;
            canvas.text(*l.font, l.text, l.topLeft, paint);
        }
    }

    // Year labels: the current year always, the every-k-th ones where they do not touch it.
    float currentLeft = 0, currentRight = 0;
    auto drawYear = [&](int year, bool isCurrent) {
        const float lit = std::clamp(static_cast<float>(playhead_ - year + 1), 0.0f, 1.0f);
        const Font& font = isCurrent ? frame.bold : frame.regular;
        const TextLayout t = oneLine(font, std::to_string(year), yearSize);
        const float lx = std::clamp(xOf(year) - t.contentWidth * 0.5f, area.x, area.x + area.w - t.contentWidth);
        const float clearance = yearSize * 0.8f;
        if (!isCurrent && lx < currentRight + clearance && lx + t.contentWidth > currentLeft - clearance) return;
        if (isCurrent) {
            currentLeft = lx;
            currentRight = lx + t.contentWidth;
        }
        const Color c = isCurrent ? theme.accent : mix(theme.textMuted, theme.text, 0.6f * lit);
        textOnBaseline(canvas, font, t, lx, yearRowTop + t.firstBaseline, c);
    };
    drawYear(current, true);
    for (std::size_t i = 0; i < n; ++i) {
        const int year = firstYear_ + static_cast<int>(i);
        if (year != current && static_cast<int>(i) % yearEvery == 0) drawYear(year, false);
    }

    // The scrub bar: track, progress, a tick per year (rings for missing years) and the knob.
    const float trackH = std::max(2 * hair, layout.px(4));
    const float x0 = xOf(firstYear_), x1 = xOf(lastYear());
    canvas.roundedRect({x0, scrubY - trackH * 0.5f, x1 - x0, trackH}, trackH * 0.5f, theme.text.withAlpha(0.14f));
    if (playheadX > x0)
        roundedRectHorizontalGradient(canvas, {x0, scrubY - trackH * 0.5f, playheadX - x0, trackH}, trackH * 0.5f,
                                      kColumnBase.withAlpha(0.7f), color_);
    const float tickR = layout.px(4);
    for (std::size_t i = 0; i < n; ++i) {
        const int year = firstYear_ + static_cast<int>(i);
        const bool reached = year <= current;
        const Color c = reached ? color_ : theme.text.withAlpha(0.4f);
        if (valueAt(year))
            canvas.circle({xOf(year), scrubY}, tickR, c);
        else
            canvas.ring({xOf(year), scrubY}, tickR, std::max(hair, layout.px(1.5f)), c);
    }
    const float knobR = layout.px(8);
    canvas.glow({playheadX, scrubY}, knobR * 2.2f, color_.withAlpha(0.45f), color_.withAlpha(0));
    canvas.circle({playheadX, scrubY}, knobR, theme.text);
    canvas.ring({playheadX, scrubY}, knobR, std::max(hair, layout.px(2.5f)), color_);

    // Play/pause button: like every media player it shows what a press does (❚❚ while playing).
    const glm::vec2 c{area.x + buttonD * 0.5f, scrubY};
    const float r = buttonD * 0.5f;
    canvas.circle(c, r, color_.withAlpha(playing_ ? 0.22f : 0.12f));
    canvas.ring(c, r, std::max(hair, layout.px(1.5f)), color_.withAlpha(0.8f));
    if (playing_) {
        const float w = r * 0.2f, h = r * 0.9f;
        canvas.roundedRect({c.x - w * 1.6f, c.y - h * 0.5f, w, h}, w * 0.3f, theme.text);
        canvas.roundedRect({c.x + w * 0.6f, c.y - h * 0.5f, w, h}, w * 0.3f, theme.text);
    } else {
        const float s = r * 0.48f;
        const glm::vec2 tri[3] = {{c.x - s * 0.7f, c.y - s}, {c.x + s * 1.05f, c.y}, {c.x - s * 0.7f, c.y + s}};
        const std::uint32_t packed = theme.text.packed();
        const ShapeVertex vertices[3] = {{tri[0], packed, {0, kSolidEdge}},
                                         {tri[1], packed, {0, kSolidEdge}},
                                         {tri[2], packed, {0, kSolidEdge}}};
        canvas.triangles(vertices);
        canvas.polyline(tri, hair, theme.text, true);  // anti-aliased edge
    }
}

}  // namespace exhibit
