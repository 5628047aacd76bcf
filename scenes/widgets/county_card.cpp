#include "scenes/widgets/county_card.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/metric_catalog.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

// Design px at 1080p (layout.px).
constexpr float kPreferredW = 400, kPreferredH = 350;
constexpr float kCloseDesign = 40;  // the close button's smallest size
constexpr float kCloseReach = 12;   // how far the button reaches into the panel
constexpr float kStartScale = 0.94f;  // the card grows from this size as it fades in

// The rows, in the dashboard widgets' wording and units (assets/shows/guizhou/show.json).
struct RowSpec {
    std::string_view metric, label, unit;
};
constexpr RowSpec kRows[] = {
    {"ecommerce_orders", "今日电商订单", "单"},  {"ecommerce_sales", "今日电商交易额", "元"},
    {"online_shops", "活跃网店", "家"},          {"express_stations", "快递物流站点", "个"},
    {"telemedicine_consults", "远程医疗会诊", "例"}, {"class_attendance", "课堂参与", "人次"},
};
constexpr std::string_view kSparkMetric = "ecommerce_orders";

// "15分钟", "2小时", "30秒".
std::string spanLabel(double seconds, Language language = Language::Zh) {
    const bool en = language == Language::En;
    const long s = std::lround(seconds);
    if (s >= 3600 && s % 3600 == 0) return std::to_string(s / 3600) + (en ? " h" : "小时");
    if (s >= 60) return std::to_string(std::lround(seconds / 60)) + (en ? " min" : "分钟");
    return std::to_string(s) + (en ? " s" : "秒");
}

Color faded(Color c, float opacity) { return c.withAlpha(c.a * opacity); }

TextPaint paintOf(Color c) {
    TextPaint paint;
    paint.color = c;
    return paint;
}

std::uint32_t fadePacked(std::uint32_t c, float opacity) {
    const auto alpha = static_cast<std::uint32_t>(std::lround(static_cast<float>(c >> 24) * opacity));
    return (c & 0x00FFFFFFu) | std::min(alpha, 255u) << 24;
}

Color unpack(std::uint32_t c) {
    return Color::rgba8(static_cast<std::uint8_t>(c), static_cast<std::uint8_t>(c >> 8),
                        static_cast<std::uint8_t>(c >> 16), static_cast<std::uint8_t>(c >> 24));
}

// Submits what `recorded` holds again into `into`, every alpha multiplied by `opacity` and every
// position and size scaled by `scale` about `origin`. This is how the whole card fades and grows,
// although Widget::drawCard and the badges draw with fixed colours. It covers what widgets draw:
// shapes, triangles and glyphs (a glyph shadow comes back with an invisible twin glyph); meshes,
// ripples and flylines are not replayed.
void replay(Canvas& into, const DrawList& recorded, float opacity, glm::vec2 origin, float scale) {
    auto at = [&](glm::vec2 p) { return origin + (p - origin) * scale; };
    std::vector<ShapeVertex> vertices;
    for (const DrawItem& item : recorded.items) {
        const std::uint32_t end = item.first + item.count;
        switch (item.kind) {
            case DrawItem::Kind::Shapes:
                for (std::uint32_t i = item.first; i < end; ++i) {
                    ShapeInstance s = recorded.shapes[i];
                    const glm::vec2 c = at({s.box.x, s.box.y});
                    s.box = {c.x, c.y, s.box.z * scale, s.box.w * scale};
                    s.params = {s.params.x * scale, s.params.y * scale, s.params.z * scale, s.params.w};
                    s.colorA = fadePacked(s.colorA, opacity);
                    s.colorB = fadePacked(s.colorB, opacity);
                    into.shape(s);
                }
                break;
            case DrawItem::Kind::Triangles:
                vertices.assign(recorded.vertices.begin() + item.first, recorded.vertices.begin() + end);
                for (ShapeVertex& v : vertices) {
                    v.pos = at(v.pos);
                    if (v.edge.y < kSolidEdge) v.edge *= scale;  // stroke distances; fills stay solid
                    v.color = fadePacked(v.color, opacity);
                }
                into.triangles(vertices);
                break;
            case DrawItem::Kind::Glyphs:
                for (std::uint32_t i = item.first; i < end;) {
                    // A run of glyphs drawn alike becomes one text() call.
                    const GlyphDraw& g = recorded.glyphs[i];
                    TextLayout run;
                    run.sizePx = g.sizePx * scale;
                    for (; i < end; ++i) {
                        const GlyphDraw& h = recorded.glyphs[i];
                        if (h.font != g.font || h.sizePx != g.sizePx || h.color != g.color ||
                            h.outlineColor != g.outlineColor || h.outlineWidth != g.outlineWidth ||
                            h.softness != g.softness)
                            break;
                        const glm::vec2 pen = at(h.pen);
                        run.glyphs.push_back({h.glyph, pen.x, pen.y});
                    }
                    TextPaint paint;
                    if (g.softness > 0) {
                        paint.shadow = unpack(fadePacked(g.color, opacity));
                        paint.shadowBlur = g.softness * scale;
                        paint.color = paint.shadow.withAlpha(0);
                    } else {
                        paint.color = unpack(fadePacked(g.color, opacity));
                        paint.outline = unpack(fadePacked(g.outlineColor, opacity));
                    }
                    paint.outlineWidth = g.outlineWidth * scale;
                    into.text(*g.font, run, {0, 0}, paint);
                }
                break;
            case DrawItem::Kind::Mesh:
            case DrawItem::Kind::Ripples:
            case DrawItem::Kind::Flylines:
            case DrawItem::Kind::Layer: break;
        }
    }
}

// One line of text at most `maxWidth` wide; returns its height, 0 when it does not fit above `bottom`.
float drawLine(Canvas& canvas, const Font& font, const std::string& text, float sizePx, float maxWidth, glm::vec2 topLeft,
               float bottom, Color color) {
    if (text.empty()) return 0;
    TextStyle style;
    style.sizePx = sizePx;
    style.maxWidth = maxWidth;
    style.maxLines = 1;
    const TextLayout t = layoutText(font, text, style);
    if (topLeft.y + t.height > bottom) return 0;
    canvas.text(font, t, topLeft, paintOf(color));
    return t.height;
}

// Filled area, line and a dot on the latest sample, spread over `plot`; "—" without samples.
void drawSparkline(const WidgetFrame& frame, const Rect& plot, const std::vector<double>& values, float opacity) {
    const Layout& layout = frame.layout;
    Canvas& canvas = frame.canvas;
    const Color color = seriesColor(0);
    const float plotBottom = plot.y + plot.h;
    canvas.rect({plot.x, plotBottom - std::max(1.0f, layout.px(1)), plot.w, std::max(1.0f, layout.px(1))},
                faded(frame.theme.text.withAlpha(0.14f), opacity));
    std::vector<double> v;
    for (double x : values)
        if (std::isfinite(x)) v.push_back(x);
    if (v.empty()) {
        TextStyle style;
        style.sizePx = layout.px(16);
        const TextLayout t = layoutText(frame.regular, kNoValue, style);
        canvas.text(frame.regular, t, {plot.x + (plot.w - t.contentWidth) * 0.5f, plot.y + (plot.h - t.height) * 0.5f},
                    paintOf(faded(frame.theme.textMuted, opacity)));
        return;
    }
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    const double span = *hi - *lo;
    const double min = span > 0 ? *lo : *lo - 1, max = span > 0 ? *hi : *hi + 1;  // a flat series: a middle line
    const float dot = layout.px(4);
    const Rect inner{plot.x + dot, plot.y + dot, plot.w - 2 * dot, plot.h - 2 * dot};
    std::vector<glm::vec2> pts;
    pts.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        const float fx = v.size() > 1 ? static_cast<float>(i) / static_cast<float>(v.size() - 1) : 1.0f;
        const float fy = static_cast<float>((v[i] - min) / (max - min));
        pts.push_back({inner.x + fx * inner.w, inner.y + (1 - fy) * inner.h});
    }
    if (pts.size() >= 2) {
        const Color top = color.withAlpha(0.38f * opacity), low = color.withAlpha(0.0f);
        auto shade = [&](float y) { return mix(low, top, std::clamp((plotBottom - y) / plot.h, 0.0f, 1.0f)).packed(); };
        const glm::vec2 solid{0, kSolidEdge};
        std::vector<ShapeVertex> area;
        area.reserve((pts.size() - 1) * 6);
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            const glm::vec2 a = pts[i], b = pts[i + 1];
            const ShapeVertex ta{a, shade(a.y), solid}, tb{b, shade(b.y), solid};
            const ShapeVertex ba{{a.x, plotBottom}, low.packed(), solid}, bb{{b.x, plotBottom}, low.packed(), solid};
            area.insert(area.end(), {ta, tb, bb, ta, bb, ba});
        }
        canvas.triangles(area);
        canvas.polyline(pts, layout.px(2), color.withAlpha(opacity), false);
    }
    const glm::vec2 head = pts.back();
    canvas.glow(head, dot * 2.2f, color.withAlpha(0.5f * opacity), color.withAlpha(0));
    canvas.circle(head, dot, color.withAlpha(opacity));
    canvas.circle(head, dot * 0.5f, faded(frame.theme.text, opacity));
}

}  // namespace

std::string povertyExitLine(const CountyCardData& data, Language language) {
    if (!data.inFacts) return {};
    const bool en = language == Language::En;
    if (!data.wasPoorCounty) return en ? "Not a poverty county" : "非贫困县";
    if (!data.exitYear) return en ? "Former poverty county" : "原贫困县";
    if (en) {
        std::string line = "Left the poverty list in the " + std::to_string(*data.exitYear) + " batch";
        return data.exitAnnounced.empty() ? line : line + " (announced " + data.exitAnnounced + ")";
    }
    std::string line = std::to_string(*data.exitYear) + "年度退出贫困县序列";
    if (!data.exitAnnounced.empty()) line += "（" + data.exitAnnounced + " 公布）";
    return line;
}

CountyCardData countyCardData(const std::string& adcode, const CountyFacts& facts, const RegionNames& names,
                              const Snapshot& snapshot, const CountyHistory& history) {
    CountyCardData data;
    data.adcode = adcode;
    const CountyFact* fact = facts.find(adcode);
    if (!fact) {
        data.name = names.shortName(adcode);
        return data;
    }
    data.name = fact->name;
    data.prefecture = fact->prefecture;
    data.prefectureAdcode = fact->prefectureAdcode;
    data.inFacts = true;
    data.wasPoorCounty = fact->povertyCounty;
    data.exitYear = fact->exitYear;
    data.exitAnnounced = fact->exitAnnounced;
    for (const RowSpec& spec : kRows) {
        if (!isKnownMetric(spec.metric)) continue;
        CountyCardData::Row row{std::string(spec.label), std::nullopt, std::string(spec.unit), Provenance::Real};
        if (const MetricValue* v = snapshot.value(adcode, spec.metric); v && std::isfinite(v->value)) {
            row.value = v->value;
            row.provenance = v->provenance;
        }
        data.rows.push_back(std::move(row));
    }
    data.sparkTitle = "电商订单 近" + spanLabel(history.spanSeconds());
    data.sparkTitleEn = "E-commerce orders, last " + spanLabel(history.spanSeconds(), Language::En);
    data.spark = history.series(adcode, kSparkMetric);
    data.sparkProvenance = history.provenance(adcode, kSparkMetric);
    return data;
}

Rect placeCard(glm::vec2 anchor, glm::vec2 size, const Rect& within, float gapPx) {
    const float right = within.x + within.w, bottom = within.y + within.h;
    const float rightOf = anchor.x + gapPx, leftOf = anchor.x - gapPx - size.x;
    float x;
    if (rightOf + size.x <= right) x = rightOf;
    else if (leftOf >= within.x) x = leftOf;
    else x = right - anchor.x >= anchor.x - within.x ? right - size.x : within.x;  // the roomier side
    x = std::max(within.x, std::min(x, right - size.x));
    const float y = std::max(within.y, std::min(anchor.y - size.y * 0.5f, bottom - size.y));
    return {x, y, size.x, size.y};
}

void CountyCard::open(CountyCardData data) {
    if (!visible()) previous_.reset();
    else if (data.adcode != data_.adcode) {
        previous_ = std::move(data_);
        sinceSwap_ = 0;
    }
    data_ = std::move(data);
    if (!open_) {
        from_ = shown();
        sinceToggle_ = 0;
        open_ = true;
    }
}

void CountyCard::close() {
    if (!open_) return;
    from_ = shown();
    sinceToggle_ = 0;
    open_ = false;
}

float CountyCard::shown() const {
    const float target = open_ ? 1.0f : 0.0f;
    if (sinceToggle_ >= kOpenSeconds) return target;
    return from_ + (target - from_) * easeOutCubic(static_cast<float>(sinceToggle_ / kOpenSeconds));
}

void CountyCard::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    sinceToggle_ = std::min(kOpenSeconds, sinceToggle_ + dt);
    sinceSwap_ = std::min(kSwapSeconds, sinceSwap_ + dt);
    if (sinceSwap_ >= kSwapSeconds || !visible()) previous_.reset();
}

bool CountyCard::settled() const { return sinceToggle_ >= kOpenSeconds && !previous_; }

bool CountyCard::itemsSimulated() const {
    for (const auto& row : data_.rows)
        if (row.value && row.provenance == Provenance::Simulated) return true;
    return !data_.spark.empty() && data_.sparkProvenance == Provenance::Simulated;
}

glm::vec2 CountyCard::preferredSize(const Layout& layout) { return {layout.px(kPreferredW), layout.px(kPreferredH)}; }

float CountyCard::closeSize(const Layout& layout) const { return std::max(layout.px(kCloseDesign), minTouchPx_); }

Rect CountyCard::closeButton(const Layout& layout, const Rect& box) const {
    const float s = closeSize(layout);
    return {box.x + box.w - s, box.y, s, s};
}

Rect CountyCard::panel(const Layout& layout, const Rect& box) const {
    const float s = closeSize(layout);
    const float margin = s - std::min(layout.px(kCloseReach), s * 0.5f);
    return {box.x, box.y + margin, box.w - margin, box.h - margin};
}

void CountyCard::draw(const WidgetFrame& frame, const Rect& box) const {
    const float opacity = shown();
    if (opacity <= 0) return;
    if (opacity >= 1) {
        drawCardAndContent(frame, box);
        return;
    }
    Canvas layer;
    layer.begin(frame.canvas.size(), {});
    drawCardAndContent({layer, frame.layout, frame.theme, frame.regular, frame.bold, frame.text}, box);
    const float scale = kStartScale + (1 - kStartScale) * opacity;
    replay(frame.canvas, layer.list(), opacity, panel(frame.layout, box).center(), scale);
}

void CountyCard::drawCardAndContent(const WidgetFrame& frame, const Rect& box) const {
    const Layout& layout = frame.layout;
    const Rect p = panel(layout, box);
    if (p.w >= layout.px(120) && p.h >= layout.px(100)) {
        // The card floats over the map and its legend: a nearly opaque backing keeps it readable.
        frame.canvas.roundedRect(p, layout.px(14), frame.theme.background.withAlpha(0.92f));  // drawCard's radius
        const Rect content = drawCard(frame, p);
        if (previous_ && sinceSwap_ < kSwapSeconds) {
            const float t = easeInOutCubic(static_cast<float>(sinceSwap_ / kSwapSeconds));
            drawBody(frame, content, *previous_, 1 - t);
            drawBody(frame, content, data_, t);
        } else {
            drawBody(frame, content, data_, 1);
        }
    }
    const Rect button = closeButton(layout, box);
    if (button.w <= box.w && button.h <= box.h) drawCloseButton(frame, button);
}

void CountyCard::drawBody(const WidgetFrame& frame, const Rect& content, const CountyCardData& data,
                          float opacity) const {
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const float bottom = content.y + content.h;
    const float live = opacity * dataOpacity();
    float y = content.y;

    // The name, bold and large, shrunk to fit the width.
    TextStyle nameStyle;
    nameStyle.sizePx = layout.px(26);
    nameStyle.maxWidth = content.w;
    nameStyle.maxLines = 1;
    nameStyle.lineSpacing = 1.2f;
    nameStyle.minScale = 1;  // the card shrinks the name itself, down to 16 px, then cuts
    const std::string shownName = frame.text.place(data.adcode, data.name, false);
    const float natural = measureText(frame.bold, shownName, nameStyle.sizePx);
    if (natural > content.w) nameStyle.sizePx = std::max(layout.px(16), nameStyle.sizePx * content.w / natural);
    const TextLayout name = layoutText(frame.bold, shownName, nameStyle);
    if (y + name.height > bottom) return;
    canvas.text(frame.bold, name, {content.x, y}, paintOf(faded(theme.text, opacity)));
    y += name.height + layout.px(2);

    // Prefecture and poverty exit.
    const float metaSize = layout.px(14);
    y += drawLine(canvas, frame.regular, frame.text.place(data.prefectureAdcode, data.prefecture, false), metaSize, content.w, {content.x, y}, bottom,
                  faded(theme.textMuted, opacity));
    const Color exitColor = data.wasPoorCounty ? theme.accent : theme.textMuted;
    y += drawLine(canvas, frame.regular, povertyExitLine(data, frame.text.language()), metaSize, content.w, {content.x, y}, bottom,
                  faded(exitColor, opacity));

    // The rows on a three-column grid: label above, value and unit below.
    if (!data.rows.empty()) {
        y += layout.px(10);
        constexpr int kColumns = 3;
        const float gapX = layout.px(10), gapY = layout.px(8);
        const float cellW = (content.w - gapX * (kColumns - 1)) / kColumns;
        const float labelSize = layout.px(13), valueSize = layout.px(20), unitSize = layout.px(12);
        const float cellH = labelSize * 1.25f + layout.px(2) + valueSize * 1.25f;
        float used = 0;
        for (std::size_t i = 0; i < data.rows.size(); ++i) {
            const auto& row = data.rows[i];
            const float cx = content.x + static_cast<float>(i % kColumns) * (cellW + gapX);
            const float cy = y + static_cast<float>(i / kColumns) * (cellH + gapY);
            if (cy + cellH > bottom) break;
            used = cy + cellH - y;
            drawLine(canvas, frame.regular, frame.text(row.label), labelSize, cellW, {cx, cy}, bottom, faded(theme.textMuted, opacity));
            const std::string value = row.value ? formatCompact(*row.value, 0, 1, frame.text.language()) : kNoValue;
            const std::string unit = row.value ? frame.text(row.unit) : std::string();
            const float gap = unit.empty() ? 0 : layout.px(3);
            const float valueW = measureText(frame.bold, value, valueSize);
            const float unitW = unit.empty() ? 0 : measureText(frame.regular, unit, unitSize);
            const float fit = std::min(1.0f, cellW / std::max(1.0f, valueW + gap + unitW));  // shrink both to fit
            TextStyle valueStyle;
            valueStyle.sizePx = valueSize * fit;
            const TextLayout v = layoutText(frame.bold, value, valueStyle);
            const glm::vec2 valueAt{cx, cy + labelSize * 1.25f + layout.px(2)};
            canvas.text(frame.bold, v, valueAt,
                        paintOf(row.value ? faded(theme.text, live) : faded(theme.textMuted, opacity)));
            if (!unit.empty()) {
                TextStyle unitStyle;
                unitStyle.sizePx = unitSize * fit;
                const TextLayout u = layoutText(frame.regular, unit, unitStyle);
                canvas.text(frame.regular, u,
                            {valueAt.x + v.contentWidth + gap * fit, valueAt.y + v.firstBaseline - u.firstBaseline},
                            paintOf(faded(theme.textMuted, opacity)));
            }
        }
        y += used;
    }

    // The sparkline under its title, in the height left (at most 80 px).
    if (data.sparkTitle.empty() && data.spark.empty()) return;
    y += layout.px(12);
    const float title = drawLine(canvas, frame.regular, frame.text.english() ? data.sparkTitleEn : data.sparkTitle, layout.px(13), content.w, {content.x, y}, bottom,
                                 faded(theme.textMuted, opacity));
    y += title + layout.px(4);
    const float plotH = std::min(bottom - y, layout.px(80));
    if (plotH < layout.px(20)) return;
    drawSparkline(frame, {content.x, y, content.w, plotH}, data.spark, live);
}

void CountyCard::drawCloseButton(const WidgetFrame& frame, const Rect& button) const {
    const Layout& layout = frame.layout;
    Canvas& canvas = frame.canvas;
    const glm::vec2 c = button.center();
    const float r = button.w * 0.5f - std::max(1.0f, layout.px(1));
    canvas.circle(c, r, Color::rgba8(0x0A, 0x1E, 0x3A, 0xF2));
    canvas.ring(c, r, layout.px(1.5f), frame.theme.accent.withAlpha(0.8f));
    const float arm = r * 0.36f;
    const float width = std::max(1.5f, r * 0.12f);
    canvas.line(c + glm::vec2{-arm, -arm}, c + glm::vec2{arm, arm}, width, frame.theme.text);
    canvas.line(c + glm::vec2{-arm, arm}, c + glm::vec2{arm, -arm}, width, frame.theme.text);
}

}  // namespace exhibit
