#include "scenes/map_interaction.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "scenes/chrome.hpp"

namespace exhibit {
namespace {

constexpr double kCardRefreshSeconds = 1;
constexpr int kTourCountiesPerVisit = 3;

// The counties of the last exit batch (the hardest cases), in the facts file's order.
std::vector<std::string> lastBatch(const CountyFacts& facts) {
    int last = 0;
    for (const auto& c : facts.counties)
        if (c.exitYear) last = std::max(last, *c.exitYear);
    std::vector<std::string> counties;
    for (const auto& c : facts.counties)
        if (c.exitYear == last && last > 0) counties.push_back(c.adcode);
    return counties;
}

}  // namespace

MapInteraction::MapInteraction(MapView& map, const SceneServices& services, std::string sceneId)
    : map_(map), services_(services), log_("[scene." + sceneId + "]"), names_(map.facts()),
      history_({"ecommerce_orders"}), tour_(lastBatch(map.facts())) {
    card_.setMinTouchPx(kMinTouchCm * services.show.touch.pixelsPerCm);
}

const std::string& MapInteraction::countyName(const std::string& adcode) const {
    static const std::string unknown;
    const GeoFeature* c = map_.county(adcode);
    return c ? c->name : unknown;
}

void MapInteraction::update(const FrameTime& time, const Snapshot& feed) {
    const bool flying = map_.camera().flying();
    if (wasFlying_ && !flying)
        spdlog::debug("{} view at rest: {} zoom {:.2f}", log_, map_.focusedPrefecture().empty() ? "province" : map_.focusedPrefecture(),
                      map_.camera().zoom());
    wasFlying_ = flying;
    history_.update(time, feed);
    refreshIn_ -= time.dt;
    if (!cardWanted_.empty()) {
        card_.open(countyCardData(cardWanted_, map_.facts(), names_, feed, history_));
        cardWanted_.clear();
        refreshIn_ = kCardRefreshSeconds;
    } else if (card_.isOpen() && refreshIn_ <= 0) {
        card_.setData(countyCardData(card_.adcode(), map_.facts(), names_, feed, history_));
        refreshIn_ = kCardRefreshSeconds;
    }
    card_.update(time.dt);
}

void MapInteraction::focusPrefecture(const std::string& adcode) {
    if (adcode.empty() || !map_.prefecture(adcode)) {
        if (!map_.focusedPrefecture().empty() || map_.camera().zoom() > 1.001) spdlog::info("{} home", log_);
        closeCard();
        map_.highlightCounty("");
        map_.focusHome();
        return;
    }
    if (adcode != map_.focusedPrefecture()) {
        spdlog::info("{} focus {} {}", log_, adcode, map_.prefecture(adcode)->name);
        closeCard();
    }
    map_.focusPrefecture(adcode);
}

void MapInteraction::openCard(const std::string& countyAdcode) {
    if (!map_.county(countyAdcode)) return;
    spdlog::info("{} card {} {}", log_, countyAdcode, countyName(countyAdcode));
    cardWanted_ = countyAdcode;
    map_.highlightCounty(countyAdcode);
}

void MapInteraction::closeCard() {
    cardWanted_.clear();
    if (card_.isOpen()) card_.close();
    map_.highlightCounty("");
}

void MapInteraction::highlightCounty(const std::string& adcode) {
    if (map_.prefecture(adcode)) {  // a chart of prefectures: fly there
        focusPrefecture(adcode);
        return;
    }
    if (!map_.county(adcode)) return;
    spdlog::info("{} highlight {} {}", log_, adcode, countyName(adcode));
    const std::string prefecture = names_.prefectureOf(adcode);
    if (prefecture != map_.focusedPrefecture()) focusPrefecture(prefecture);
    openCard(adcode);
}

void MapInteraction::tap(glm::vec2 px) {
    const std::string county = map_.hitCounty(px);
    const std::string prefecture = map_.hitPrefecture(px);
    const std::string& focused = map_.focusedPrefecture();
    if (prefecture.empty()) {
        focusPrefecture("");  // outside the province: up to the whole map
    } else if (focused.empty() || prefecture != focused) {
        focusPrefecture(prefecture);
    } else if (!county.empty()) {
        openCard(county);
    }
}

bool MapInteraction::gesture(const Gesture& g) {
    if (g.target == "map.card.close") {
        if (g.kind == GestureKind::Tap) {
            spdlog::info("{} card closed", log_);
            closeCard();
        }
        return g.kind != GestureKind::Swipe;
    }
    if (g.target == "map.back") {
        if (g.kind == GestureKind::Tap) {
            if (card_.isOpen()) closeCard();
            focusPrefecture("");
        }
        return g.kind != GestureKind::Swipe;
    }
    if (g.target == "map.card") return g.kind != GestureKind::Swipe;
    if (g.target != "map") return false;
    MapCamera& camera = map_.camera();
    switch (g.kind) {
        case GestureKind::Tap: tap(g.pos); return true;
        case GestureKind::PanStart:
        case GestureKind::Pan: camera.panBy(g.delta, map_.currentProjection()); return true;
        case GestureKind::Pinch: camera.zoomBy(g.scaleDelta, g.pos, map_.currentProjection()); return true;
        case GestureKind::PanEnd:
        case GestureKind::Cancel: camera.settle(); return true;
        case GestureKind::Swipe: return false;
        default: return true;
    }
}

bool MapInteraction::attractStep(int step) {
    if (tour_.empty() || step >= 2 * kTourCountiesPerVisit) return false;
    const std::string& county = tour_[tourNext_ % tour_.size()];
    if (step % 2 == 0) {
        closeCard();
        focusPrefecture(names_.prefectureOf(county));
    } else {
        openCard(county);
        ++tourNext_;  // the next visit of this scene goes on with the next counties
    }
    return true;
}

void MapInteraction::reset() {
    closeCard();
    map_.focusHome();
}

std::string MapInteraction::hitTarget(glm::vec2 px) const {
    if (card_.visible() && closeRect_.contains(px)) return "map.card.close";
    if (card_.visible() && cardRect_.contains(px)) return "map.card";
    if (backRect_.contains(px)) return "map.back";
    if (map_.area().contains(px)) return "map";
    return {};
}

void MapInteraction::draw(Canvas& canvas, const Layout& layout) {
    const Theme& theme = services_.show.theme;
    const Rect area = map_.area();
    const float minTouch = kMinTouchCm * services_.show.touch.pixelsPerCm;
    backRect_ = {};
    if (!map_.focusedPrefecture().empty() || map_.camera().zoom() > 1.001) {
        const float h = std::max(layout.px(48), minTouch);
        TextStyle style;
        style.sizePx = layout.px(20);
        style.maxLines = 1;
        const std::string label = services_.text("‹ 返回全省");
        const TextLayout text = layoutText(services_.bold, label, style);
        backRect_ = {area.x + layout.px(12), area.y + layout.px(12), std::max(h * 2.2f, text.width + h), h};
        canvas.roundedRect(backRect_, h / 2, theme.panel);
        canvas.roundedRectStroke(backRect_, h / 2, layout.px(1.5f), theme.accent.withAlpha(0.7f));
        TextPaint paint;
        paint.color = theme.text;
        canvas.text(services_.bold, text, {backRect_.x + (backRect_.w - text.width) / 2, backRect_.y + (h - text.height) / 2},
                    paint);
        if (const GeoFeature* prefecture = map_.prefecture(map_.focusedPrefecture())) {
            TextStyle titleStyle;
            titleStyle.sizePx = layout.px(26);
            titleStyle.maxLines = 1;
            titleStyle.maxWidth = area.w - backRect_.w - layout.px(40);
            TextPaint titlePaint;
            titlePaint.color = theme.text;
            titlePaint.outline = theme.background;
            titlePaint.outlineWidth = layout.px(3);
            drawText(canvas, services_.bold, services_.text.place(prefecture->adcode, prefecture->name, false), titleStyle,
                     {backRect_.x + backRect_.w + layout.px(16), backRect_.y + (h - layout.px(36)) / 2}, titlePaint);
        }
    }
    cardRect_ = closeRect_ = {};
    if (!card_.visible()) return;
    const glm::vec2 size = CountyCard::preferredSize(layout);
    const glm::vec2 anchor = map_.countyAnchor(card_.adcode()).value_or(glm::vec2(area.x + area.w / 2, area.y + area.h / 2));
    cardRect_ = placeCard(anchor, size, area, layout.px(28));
    closeRect_ = card_.closeButton(layout, cardRect_);
    card_.draw({canvas, layout, theme, services_.regular, services_.bold, services_.text}, cardRect_);
}

}  // namespace exhibit
