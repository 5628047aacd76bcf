#include "scenes/widgets/trace_list.hpp"

#include <algorithm>
#include <cmath>

#include "scenes/chrome.hpp"

namespace exhibit {
namespace {

constexpr double kRevealSeconds = 0.45;
constexpr double kRouteHold = 1.2;  // seconds the marker rests at the last stage before it starts again

bool isAdcode(const std::string& key) {
    return key.size() == 6 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void TraceList::setProducts(std::vector<TraceProduct> products) {
    products_ = std::move(products);
    lastShown_ = -1;
}

void TraceList::setSecondsPerItem(double seconds) { secondsPerItem_ = std::max(1.0, seconds); }

int TraceList::shown() const {
    if (products_.empty()) return -1;
    const std::string& key = highlight();
    if (!key.empty()) {
        for (std::size_t i = 0; i < products_.size(); ++i)
            if (products_[i].key == key || (isAdcode(key) && products_[i].originAdcode == key)) return static_cast<int>(i);
    }
    return static_cast<int>(static_cast<std::size_t>(std::floor(clock_ / secondsPerItem_ + 1e-9)) % products_.size());
}

bool TraceList::chosen() const {
    const std::string& key = highlight();
    if (key.empty()) return false;
    return std::any_of(products_.begin(), products_.end(), [&](const TraceProduct& p) {
        return p.key == key || (isAdcode(key) && p.originAdcode == key);
    });
}

void TraceList::update(double dtSeconds) {
    const double dt = std::max(0.0, dtSeconds);
    if (!chosen()) clock_ += dt;  // a visitor's choice stays until it is cleared
    const int now = shown();
    if (now != lastShown_) {
        lastShown_ = now;
        routePosition_ = 0;
        reveal_ = 0;
        return;
    }
    reveal_ = std::min(1.0f, reveal_ + static_cast<float>(dt / kRevealSeconds));
    if (now < 0) return;
    const double last = static_cast<double>(std::max<std::size_t>(1, products_[static_cast<std::size_t>(now)].route.size()) - 1);
    routePosition_ += dt / kSecondsPerStage;
    if (routePosition_ > last + kRouteHold / kSecondsPerStage) routePosition_ = 0;
}

bool TraceList::settled() const { return products_.empty(); }

struct TraceList::Geometry {
    Rect list, record;
    float scale = 1;  // a big box (a 32:9 wall's stage) gets bigger rows and text
    float rowH = 0;
    int rows = 0;  // list rows that fit
};

TraceList::Geometry TraceList::geometry(const WidgetFrame& frame, const Rect& content) const {
    const Layout& layout = frame.layout;
    Geometry g;
    const int n = static_cast<int>(products_.size());
    g.scale = std::clamp(std::min(content.h / layout.px(190), content.w / layout.px(840)), 1.0f, 1.8f);
    g.rowH = layout.px(38) * g.scale;
    if (content.w >= content.h * 1.4f) {
        const float listW = std::clamp(content.w * 0.36f, layout.px(150), layout.px(340) * g.scale);
        g.list = {content.x, content.y, listW, content.h};
        g.record = {content.x + listW + layout.px(18), content.y, content.w - listW - layout.px(18), content.h};
    } else {
        const float listH = std::min(static_cast<float>(n) * g.rowH, content.h * 0.42f);
        g.list = {content.x, content.y, content.w, listH};
        g.record = {content.x, content.y + listH + layout.px(14), content.w, content.h - listH - layout.px(14)};
    }
    // Rows shrink (to 28 design px) before a product is left out.
    if (n > 0) g.rowH = std::clamp(g.list.h / static_cast<float>(n), layout.px(28), layout.px(38) * g.scale);
    g.rows = std::min(n, static_cast<int>(std::floor(g.list.h / g.rowH + 1e-3f)));
    return g;
}

std::string TraceList::itemAt(const WidgetFrame& frame, const Rect& box, glm::vec2 point) const {
    if (!box.contains(point) || products_.empty()) return {};
    const Geometry g = geometry(frame, cardContent(frame, box));
    if (point.x < g.list.x || point.x >= g.list.x + g.list.w || point.y < g.list.y) return {};
    const int row = static_cast<int>(std::floor((point.y - g.list.y) / g.rowH));
    if (row < 0 || row >= g.rows) return {};
    return products_[static_cast<std::size_t>(row)].key;
}

void TraceList::draw(const WidgetFrame& frame, const Rect& box) const {
    const Rect content = drawCard(frame, box);
    const Layout& layout = frame.layout;
    if (products_.empty() || content.w < layout.px(120) || content.h < layout.px(60)) return;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const Geometry g = geometry(frame, content);
    const auto u = [&](float v) { return layout.px(v) * g.scale; };
    const int current = shown();
    const float hair = std::max(1.0f, u(1));

    for (int i = 0; i < g.rows; ++i) {
        const TraceProduct& p = products_[static_cast<std::size_t>(i)];
        const Rect row{g.list.x, g.list.y + static_cast<float>(i) * g.rowH + u(2), g.list.w, g.rowH - u(4)};
        const bool lit = i == current;
        if (lit) {
            roundedRectHorizontalGradient(canvas, row, u(6), theme.accent.withAlpha(0.26f), theme.accent.withAlpha(0.05f));
            canvas.rect({row.x, row.y + u(4), u(3), row.h - u(8)}, theme.accent);
            if (chosen()) canvas.roundedRectStroke(row, u(6), hair, theme.accent.withAlpha(0.7f));
        } else {
            canvas.roundedRect(row, u(6), theme.text.withAlpha(0.035f));
        }
        const std::string origin = frame.text.place(p.originAdcode, p.originName);
        TextStyle originStyle;
        originStyle.sizePx = u(14);
        originStyle.maxLines = 1;
        const float originW = std::min(measureText(frame.regular, origin, originStyle.sizePx), row.w * 0.4f);
        originStyle.maxWidth = originW + 1;
        originStyle.align = TextAlign::Right;
        TextPaint muted;
        muted.color = theme.textMuted;
        const float cy = row.y + row.h * 0.5f;
        const TextLayout o = layoutText(frame.regular, origin, originStyle);
        canvas.text(frame.regular, o, {row.x + row.w - u(10) - originStyle.maxWidth, cy - o.firstBaseline + originStyle.sizePx * 0.36f}, muted);
        TextStyle nameStyle;
        nameStyle.sizePx = u(16);
        nameStyle.maxLines = 1;
        nameStyle.maxWidth = std::max(u(20), row.w - u(24) - originW - u(10));
        TextPaint namePaint;
        namePaint.color = lit ? theme.text : mix(theme.text, theme.textMuted, 0.3f);
        const TextLayout name = layoutText(frame.bold, frame.text(p.name), nameStyle);
        canvas.text(frame.bold, name, {row.x + u(12), cy - name.firstBaseline + nameStyle.sizePx * 0.36f}, namePaint);
    }
    if (current >= 0) drawRecord(frame, g.record, products_[static_cast<std::size_t>(current)], g.scale);
}

void TraceList::drawRecord(const WidgetFrame& frame, const Rect& area, const TraceProduct& p, float scale) const {
    const Layout& layout = frame.layout;
    const auto u = [&](float v) { return layout.px(v) * scale; };
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    if (area.w < u(100) || area.h < u(60)) return;
    // A new record fades in from a quarter, so the panel is never empty.
    const float a = (0.25f + 0.75f * easeOutCubic(reveal_)) * dataOpacity();
    const float slide = (1.0f - easeOutCubic(reveal_)) * u(12);
    const float hair = std::max(1.0f, u(1));
    canvas.roundedRect(area, u(10), theme.accent.withAlpha(0.05f));
    canvas.roundedRectStroke(area, u(10), hair, theme.accent.withAlpha(0.22f));
    const float pad = u(14);
    const float x = area.x + pad + slide;
    // A wide record puts the route in a column of its own on the right, top to bottom.
    const bool routeColumn = area.w >= u(420) && !p.route.empty();
    const float w = routeColumn ? (area.w - 2 * pad) * 0.55f : area.w - 2 * pad;
    float y = area.y + u(10);

    // The footnote first: the record must say what it is, whatever room is left for the rest.
    TextStyle note;
    note.sizePx = u(12);
    note.maxWidth = w;
    note.maxLines = 1;
    TextPaint notePaint;
    notePaint.color = kBadgeSimulated.withAlpha(0.85f);
    const float noteY = area.y + area.h - u(8) - note.sizePx * 1.25f;
    drawText(canvas, frame.regular, std::string(frame.text.pick("示例内容，非真实溯源记录", "Illustrative record, not real trace data")),
             note, {x, noteY}, notePaint);

    TextStyle title;
    title.sizePx = u(20);
    title.maxWidth = w;
    title.maxLines = 1;
    TextPaint titlePaint;
    titlePaint.color = theme.text.withAlpha(a);
    drawText(canvas, frame.bold, frame.text(p.name), title, {x, y}, titlePaint);
    y += title.sizePx * 1.35f;

    // Origin and base: a muted field name, then the value.
    TextStyle field;
    field.sizePx = u(14);
    field.maxLines = 1;
    TextPaint fieldPaint;
    fieldPaint.color = theme.textMuted.withAlpha(a);
    TextPaint valuePaint;
    valuePaint.color = mix(theme.text, theme.accent, 0.2f).withAlpha(a);
    const float fieldW = std::max(measureText(frame.regular, std::string(frame.text.pick("产地", "Origin")), field.sizePx),
                                  measureText(frame.regular, std::string(frame.text.pick("基地", "Base")), field.sizePx)) +
                         u(10);
    auto line = [&](std::string_view name, const std::string& value) {
        if (y + field.sizePx * 1.3f > noteY) return;
        drawText(canvas, frame.regular, std::string(name), field, {x, y}, fieldPaint);
        TextStyle v = field;
        v.maxWidth = std::max(u(20), w - fieldW);
        drawText(canvas, frame.regular, value, v, {x + fieldW, y}, valuePaint);
        y += field.sizePx * 1.45f;
    };
    line(frame.text.pick("产地", "Origin"), frame.text.place(p.originAdcode, p.originName));
    line(frame.text.pick("基地", "Base"), frame.text(p.base));

    // Certifications as pills in one row (those that do not fit are left out).
    const float pillH = u(22);
    if (!p.certifications.empty() && y + pillH + u(4) <= noteY) {
        float px = x;
        TextStyle pillStyle;
        pillStyle.sizePx = u(13);
        for (std::size_t i = 0; i < p.certifications.size(); ++i) {
            const std::string text = frame.text(p.certifications[i]);
            const float pw = measureText(frame.regular, text, pillStyle.sizePx) + u(16);
            if (px + pw > x + w) break;
            const Color c = kTrendDown;  // green: certified
            const Rect pill{px, y, pw, pillH};
            canvas.roundedRect(pill, u(11), c.withAlpha(0.14f * a));
            canvas.roundedRectStroke(pill, u(11), hair, c.withAlpha(0.65f * a));
            TextPaint paint;
            paint.color = c.withAlpha(a);
            const TextLayout t = layoutText(frame.regular, text, pillStyle);
            canvas.text(frame.regular, t, {px + u(8), y + pillH * 0.5f - t.firstBaseline + pillStyle.sizePx * 0.36f}, paint);
            px += pw + u(6);
        }
        y += pillH + u(10);
    }

    // The route: stages on a line, a marker travelling from the first to the last.
    const std::size_t n = p.route.size();
    if (routeColumn) {
        drawRouteColumn(frame, {x + w + u(14), area.y + u(14), area.x + area.w - pad - (x + w + u(14)), noteY - area.y - u(18)}, p, a, scale);
        return;
    }
    const float labelSize = u(13);
    const float routeH = u(10) + labelSize * 1.2f * 2 + u(6);
    if (n == 0 || y + routeH > noteY) return;
    const float dotY = y + u(6);
    const float step = n > 1 ? w / static_cast<float>(n) : w;
    auto dotX = [&](double k) { return x + step * (static_cast<float>(k) + 0.5f); };
    canvas.line({dotX(0), dotY}, {dotX(static_cast<double>(n - 1)), dotY}, hair * 2, theme.accent.withAlpha(0.25f * a));
    const double marker = std::min(routePosition_, static_cast<double>(n - 1));
    canvas.line({dotX(0), dotY}, {dotX(marker), dotY}, hair * 2, theme.accent.withAlpha(0.8f * a));
    for (std::size_t i = 0; i < n; ++i) {
        const bool reached = static_cast<double>(i) <= marker + 1e-9;
        const glm::vec2 c{dotX(static_cast<double>(i)), dotY};
        canvas.circle(c, u(5), (reached ? theme.accent : theme.textMuted).withAlpha(a));
        TextStyle label;
        label.sizePx = labelSize;
        label.maxWidth = step - u(4);
        label.maxLines = 2;
        label.lineSpacing = 1.15f;
        label.align = TextAlign::Center;
        TextPaint paint;
        paint.color = (reached ? theme.text : theme.textMuted).withAlpha(a);
        drawText(canvas, frame.regular, frame.text(p.route[i]), label, {c.x - label.maxWidth * 0.5f, dotY + u(10)}, paint);
    }
    const glm::vec2 head{dotX(marker), dotY};
    canvas.glow(head, u(14), theme.accent.withAlpha(0.6f * a), theme.accent.withAlpha(0));
    canvas.circle(head, u(4), theme.text.withAlpha(a));
}

}  // namespace exhibit

namespace exhibit {

void TraceList::drawRouteColumn(const WidgetFrame& frame, const Rect& column, const TraceProduct& p, float a, float scale) const {
    const Layout& layout = frame.layout;
    const Theme& theme = frame.theme;
    Canvas& canvas = frame.canvas;
    const auto u = [&](float v) { return layout.px(v) * scale; };
    const std::size_t n = p.route.size();
    if (n == 0 || column.w < u(60) || column.h < u(20)) return;
    const float hair = std::max(1.0f, layout.px(1));
    const float step = n > 1 ? std::min(u(44), column.h / static_cast<float>(n - 1)) : 0;
    const float dotX = column.x + u(8);
    auto dotY = [&](double k) { return column.y + step * static_cast<float>(k); };
    const double marker = std::min(routePosition_, static_cast<double>(n - 1));
    canvas.line({dotX, dotY(0)}, {dotX, dotY(static_cast<double>(n - 1))}, hair * 2, theme.accent.withAlpha(0.25f * a));
    canvas.line({dotX, dotY(0)}, {dotX, dotY(marker)}, hair * 2, theme.accent.withAlpha(0.8f * a));
    TextStyle label;
    label.sizePx = std::min(u(14), std::max(layout.px(11), step * 0.5f));
    label.maxWidth = column.w - u(22);
    label.maxLines = 1;
    for (std::size_t i = 0; i < n; ++i) {
        const bool reached = static_cast<double>(i) <= marker + 1e-9;
        const glm::vec2 c{dotX, dotY(static_cast<double>(i))};
        canvas.circle(c, u(5), (reached ? theme.accent : theme.textMuted).withAlpha(a));
        TextPaint paint;
        paint.color = (reached ? theme.text : theme.textMuted).withAlpha(a);
        const TextLayout t = layoutText(frame.regular, frame.text(p.route[i]), label);
        canvas.text(frame.regular, t, {c.x + u(16), c.y - t.firstBaseline + label.sizePx * 0.36f}, paint);
    }
    const glm::vec2 head{dotX, dotY(marker)};
    canvas.glow(head, u(14), theme.accent.withAlpha(0.6f * a), theme.accent.withAlpha(0));
    canvas.circle(head, u(4), theme.text.withAlpha(a));
}

}  // namespace exhibit
