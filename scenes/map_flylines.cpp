#include "scenes/map_flylines.hpp"

#include <algorithm>
#include <cmath>

namespace exhibit {
namespace {

// Where the segment from `inside` towards `outside` leaves `r` (inside must lie in r).
glm::vec2 exitPoint(glm::vec2 inside, glm::vec2 outside, const Rect& r) {
    const glm::vec2 d = outside - inside;
    float t = 1.0f;
    if (d.x > 0) t = std::min(t, (r.x + r.w - inside.x) / d.x);
    if (d.x < 0) t = std::min(t, (r.x - inside.x) / d.x);
    if (d.y > 0) t = std::min(t, (r.y + r.h - inside.y) / d.y);
    if (d.y < 0) t = std::min(t, (r.y - inside.y) / d.y);
    return inside + d * std::max(0.0f, t);
}

}  // namespace

MapFlylines::MapFlylines(const FlylinesLayer& spec, const MapAnchors& counties, const MapAnchors& prefectures)
    : spec_(spec), counties_(counties), prefectures_(prefectures) {}

void MapFlylines::layout(const MapProjection& projection, const Rect& area, const Layout& layout) {
    projection_ = projection;
    area_ = area.inset(layout.px(28));
    widthPx_ = layout.px(spec_.width);
    labelPx_ = layout.px(14);
    labelLayouts_.clear();
    dirty_ = true;
}

std::optional<glm::vec2> MapFlylines::origin(const std::string& adcode) const {
    if (auto it = counties_.find(adcode); it != counties_.end()) return it->second;
    if (auto it = prefectures_.find(adcode); it != prefectures_.end()) return it->second;
    return std::nullopt;
}

std::optional<MapFlylines::Endpoint> MapFlylines::destination(const Arc& arc, glm::vec2 from) const {
    if (!arc.toAdcode.empty())
        if (auto p = origin(arc.toAdcode)) return Endpoint{*p, false};
    if (!arc.toLonLat) return std::nullopt;
    const glm::vec2 to = projection_.toScreen(*arc.toLonLat);
    if (area_.contains(to)) return Endpoint{to, false};
    return Endpoint{exitPoint(from, to, area_), true};
}

void MapFlylines::update(const FrameTime& time, const Snapshot& feed) {
    const double now = time.seconds;
    const double life = spec_.seconds + kFadeSeconds;
    std::vector<const FeedEvent*> fresh;
    std::uint64_t newest = lastSerial_;
    for (const FeedEvent& e : feed.events) {
        newest = std::max(newest, e.serial);
        if (e.serial <= lastSerial_) continue;
        if (std::find(spec_.events.begin(), spec_.events.end(), e.kind) == spec_.events.end()) continue;
        fresh.push_back(&e);
    }
    const bool firstBatch = lastSerial_ == 0;
    lastSerial_ = newest;
    if (fresh.size() > static_cast<std::size_t>(spec_.maxLines))
        fresh.erase(fresh.begin(), fresh.end() - spec_.maxLines);

    bool changed = dirty_ || !fresh.empty();
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        const FeedEvent& e = *fresh[i];
        const double k = fresh.size() > 1 ? static_cast<double>(i) / static_cast<double>(fresh.size()) : 0.0;
        const double start = firstBatch ? now - life * 0.9 * (1.0 - k) : now + std::min(1.0, static_cast<double>(spec_.seconds)) * k;
        std::optional<glm::dvec2> to;
        if (e.toLon && e.toLat) to = glm::dvec2(*e.toLon, *e.toLat);
        Arc arc{e.serial, e.fromAdcode, e.toName, e.toAdcode, to, start, e.provenance};
        const auto from = origin(arc.from);
        if (!from || !destination(arc, *from)) {
            ++skipped_;
            continue;
        }
        ++launched_;
        arcs_.push_back(std::move(arc));
    }
    if (arcs_.size() > static_cast<std::size_t>(spec_.maxLines))
        arcs_.erase(arcs_.begin(), arcs_.end() - spec_.maxLines);
    const auto expired = std::remove_if(arcs_.begin(), arcs_.end(), [&](const Arc& a) { return a.start + life < now; });
    if (expired != arcs_.end()) {
        arcs_.erase(expired, arcs_.end());
        changed = true;
    }
    if (changed) rebuild();
}

void MapFlylines::rebuild() {
    dirty_ = false;
    set_->lines.clear();
    labels_.clear();
    simulated_ = false;
    for (const Arc& arc : arcs_) {
        const auto from = origin(arc.from);
        const auto to = from ? destination(arc, *from) : std::nullopt;
        if (!to) continue;  // cannot happen: checked at launch
        simulated_ = simulated_ || arc.provenance == Provenance::Simulated;
        Flyline line;
        line.from = *from;
        line.to = to->pos;
        line.bend = spec_.bend;
        line.color = spec_.color.packed();
        line.width = widthPx_;
        line.startTime = arc.start;
        line.duration = spec_.seconds;
        set_->lines.push_back(line);
        if (spec_.labels && !arc.toName.empty())
            labels_.push_back({arc.toName, arc.toAdcode, to->clamped, to->pos, arc.start + spec_.seconds * 0.7,
                               arc.start + spec_.seconds + kFadeSeconds});
    }
    ++set_->version;
}

void MapFlylines::draw(Canvas& canvas, const Font& font, const Translator& translator, double timeSeconds) const {
    if (set_->lines.empty()) return;
    FlylineStyle style;
    style.headRadius = widthPx_ * 1.8f;
    canvas.flylines(set_, timeSeconds, style);
    if (!spec_.labels) return;
    // One label per destination: the newest arc that shows it.
    std::map<std::string, const Label*, std::less<>> shown;
    for (const Label& label : labels_)
        if (timeSeconds >= label.start && timeSeconds < label.end)
            shown[(label.clamped ? "→" : "") + translator.place(label.adcode, label.text)] = &label;
    for (const auto& [text, label] : shown) {
        auto it = labelLayouts_.find(text);
        if (it == labelLayouts_.end()) {
            TextStyle textStyle;
            textStyle.sizePx = labelPx_;
            it = labelLayouts_.emplace(text, layoutText(font, text, textStyle)).first;
        }
        const float fade = static_cast<float>(std::clamp((label->end - timeSeconds) / kFadeSeconds, 0.0, 1.0));
        TextPaint paint;
        paint.color = spec_.color.withAlpha(fade);
        paint.outline = Color::rgba8(0x05, 0x0B, 0x17).withAlpha(0.85f * fade);
        paint.outlineWidth = labelPx_ * 0.16f;
        const TextLayout& layout = it->second;
        glm::vec2 at = label->at + glm::vec2(labelPx_ * 0.5f, -layout.height * 0.5f);
        if (at.x + layout.contentWidth > area_.x + area_.w) at.x = label->at.x - labelPx_ * 0.5f - layout.contentWidth;
        at.y = std::clamp(at.y, area_.y, area_.y + area_.h - layout.height);
        canvas.text(font, layout, at, paint);
    }
}

}  // namespace exhibit
