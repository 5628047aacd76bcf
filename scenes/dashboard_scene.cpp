#include "scenes/dashboard_scene.hpp"

#include <algorithm>

#include "renderer/platform/platform.hpp"
#include "scenes/chrome.hpp"
#include "scenes/widgets/badges.hpp"
#include "scenes/widgets/format.hpp"
#include "scenes/widgets/history_playback.hpp"

namespace exhibit {

DashboardScene::DashboardScene(const SceneSpec& spec, const SceneServices& services)
    : Scene(spec), spec_(spec), services_(services), map_(*spec.map, services), touch_(map_, services, spec.id),
      names_(map_.facts()) {
    for (const WidgetSpec& w : spec.widgets) widgets_.push_back(bindWidget(w, names_, services.show, services.text));
    chosen_.resize(widgets_.size());
}

void DashboardScene::update(const FrameTime& time, const Snapshot& feed) {
    ages_.update(time, feed);
    map_.update(time, feed);
    touch_.update(time, feed);
    for (auto& w : widgets_) {
        const std::string& chosen = chosen_[static_cast<std::size_t>(&w - widgets_.data())];
        w->widget().setHighlight(chosen.empty() ? map_.highlightedCounty() : chosen);
        w->widget().setLanguage(services_.text.language());
        w->update(time, feed, ages_);
    }
    if (auto range = map_.liveRange())
        mapStatus_ = ages_.source(feed, range->source);
    else
        mapStatus_ = ages_.overall(feed);
    feedLine_ = feedLine(feed);
}

std::vector<ShownFigure> DashboardScene::figures() const {
    std::vector<ShownFigure> out = map_.figures();
    for (const auto& w : widgets_) out.push_back({w->spec().title, w->widget().badgeState().simulated, w->sources()});
    return out;
}

void DashboardScene::keyDown(int key) {
    for (auto& w : widgets_) {
        auto* history = dynamic_cast<HistoryPlayback*>(&w->widget());
        if (!history) continue;
        if (key == keys::Space) history->togglePlay();
        if (key == keys::Left) history->step(-1);
        if (key == keys::Right) history->step(1);
    }
}

namespace {
constexpr std::string_view kWidgetTarget = "widget:";
// Keys of counties and prefectures are adcodes; other keys (a traced product) are the widget's own.
bool isRegionKey(std::string_view key) {
    return key.size() == 6 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}

std::string DashboardScene::hitTarget(glm::vec2 px) const {
    std::string target = touch_.hitTarget(px);
    if (target != "" && target != "map") return target;  // the card and the back control are on top
    const Layout layout(services_.show, drawnSize_);
    for (const auto& w : widgets_)
        if (auto box = layout.find(w->spec().region); box && box->contains(px))
            return std::string(kWidgetTarget) + w->spec().region;
    return target;
}

bool DashboardScene::gesture(const Gesture& g) {
    if (!g.target.starts_with(kWidgetTarget)) return touch_.gesture(g);
    if (g.kind != GestureKind::Tap) return g.kind != GestureKind::Swipe;
    const std::string region = g.target.substr(kWidgetTarget.size());
    const Layout layout(services_.show, drawnSize_);
    const WidgetFrame frame{scratch_, layout, services_.show.theme, services_.regular, services_.bold, services_.text};
    const auto box = layout.find(region);
    if (!box) return true;
    for (const auto& w : widgets_) {
        if (w->spec().region != region) continue;
        const std::string key = w->widget().itemAt(frame, *box, g.pos);
        if (key.empty()) continue;
        std::string& chosen = chosen_[static_cast<std::size_t>(&w - widgets_.data())];
        if (isRegionKey(key)) {
            chosen.clear();
            touch_.highlightCounty(key);
        } else {
            chosen = chosen == key ? std::string() : key;  // a second tap lets the widget rotate again
        }
    }
    return true;
}

// "实时数据：simulator 正常（模拟数据）· http://… 数据延迟 12s": what the wall's figures rest on.
std::string DashboardScene::feedLine(const Snapshot& feed) const {
    std::string line;
    bool simulated = map_.liveSimulated();
    for (const auto& w : widgets_) simulated = simulated || w->widget().badgeState().simulated;
    for (std::size_t i = 0; i < feed.sources.size(); ++i) {
        const auto [state, age] = ages_.source(feed, i);
        BadgeState badge;
        badge.state = state;
        badge.ageSeconds = age;
        const auto badges = badgeList(badge, services_.text.language());
        const std::string status = badges.empty() ? services_.text("正常") : badges.front().text;
        line += (line.empty() ? "" : " · ") + feed.sources[i].name + " " + status;
    }
    if (line.empty()) return {};
    return services_.text("实时数据：") + line + (simulated ? services_.text("（模拟数据，非真实统计）") : "");
}

void DashboardScene::drawMapLegend(Canvas& canvas, const Layout& layout, const Rect& box) const {
    const ChoroplethLayer* layer = map_.choropleth();
    if (!layer || !layer->isFeedMetric() || box.w <= 0) return;
    const Theme& theme = services_.show.theme;
    const float pad = layout.px(16);
    canvas.roundedRect(box, layout.px(12), theme.panel);
    canvas.roundedRectStroke(box, layout.px(12), layout.px(1.2f), theme.accent.withAlpha(0.3f));

    const WidgetFrame frame{canvas, layout, theme, services_.regular, services_.bold, services_.text};
    BadgeState badges;
    badges.simulated = map_.liveSimulated();
    badges.state = map_.liveRange() ? mapStatus_.first : SourceState::Connecting;
    badges.ageSeconds = mapStatus_.second;
    const float badgeH = layout.px(22);
    const float badgesW = drawBadges(frame, badges, {box.x + box.w - pad, box.y + pad}, badgeH);

    TextStyle title;
    title.sizePx = layout.px(17);
    title.maxWidth = std::max(layout.px(40), box.w - 2 * pad - badgesW - layout.px(8));
    title.maxLines = 1;
    TextPaint titlePaint;
    titlePaint.color = theme.text;
    const std::string name =
        spec_.map->legend && !spec_.map->legend->title.empty() ? services_.text(spec_.map->legend->title) : layer->metric;
    drawText(canvas, services_.bold, name, title, {box.x + pad, box.y + pad - layout.px(1)}, titlePaint);

    const float barY = box.y + pad + badgeH + layout.px(12);
    const float barW = box.w - 2 * pad;
    const std::size_t n = layer->ramp.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const float x0 = box.x + pad + barW * static_cast<float>(i) / static_cast<float>(n - 1);
        canvas.horizontalGradient({x0, barY, barW / static_cast<float>(n - 1) + 0.5f, layout.px(10)}, layer->ramp[i],
                                  layer->ramp[i + 1]);
    }
    TextStyle ends;
    ends.sizePx = layout.px(14);
    ends.maxWidth = barW * 0.5f;
    ends.maxLines = 1;
    TextPaint muted;
    muted.color = theme.textMuted;
    const auto range = map_.liveRange();
    const Language language = services_.text.language();
    const std::string lo = range ? formatCompact(range->min, 0, 1, language) : std::string(kNoValue);
    const std::string hi = range ? formatCompact(range->max, 0, 1, language) : std::string(kNoValue);
    drawText(canvas, services_.regular, lo, ends, {box.x + pad, barY + layout.px(14)}, muted);
    ends.align = TextAlign::Right;
    drawText(canvas, services_.regular, hi, ends, {box.x + pad + barW * 0.5f, barY + layout.px(14)}, muted);
}

void DashboardScene::draw(Canvas& canvas) {
    drawnSize_ = canvas.size();
    const Layout layout(services_.show, canvas.size());
    const Theme& theme = services_.show.theme;
    std::optional<Rect> legend;
    if (spec_.map->legend) legend = layout.find(spec_.map->legend->region);
    const Rect obstacles[] = {legend.value_or(Rect{})};
    map_.layout(layout, layout.region(spec_.region), obstacles);

    drawBackdrop(canvas, theme, layout);
    map_.draw(canvas);
    if (legend) drawMapLegend(canvas, layout, *legend);
    const WidgetFrame frame{canvas, layout, theme, services_.regular, services_.bold, services_.text};
    for (const auto& w : widgets_)
        if (auto box = layout.find(w->spec().region)) w->widget().draw(frame, *box);
    drawHeader(canvas, services_, layout, spec_.title, spec_.subtitle);
    const std::string source =
        feedLine_.empty() ? services_.text(spec_.source) : feedLine_ + (spec_.source.empty() ? "" : "  " + services_.text(spec_.source));
    drawFooter(canvas, services_, layout, source, spec_.map->notice);
    touch_.draw(canvas, layout);
}

}  // namespace exhibit
