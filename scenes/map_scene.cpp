#include "scenes/map_scene.hpp"

#include <algorithm>
#include <map>

#include "scenes/chrome.hpp"

namespace exhibit {
namespace {

constexpr float kLegendPadding = 24;    // design px
constexpr float kLegendRowHeight = 50;  // design px

}  // namespace

MapScene::MapScene(const SceneSpec& spec, const MapSceneSpec& map, const SceneServices& services)
    : Scene(spec), spec_(spec), map_(map), services_(services), view_(map, services), touch_(view_, services, spec.id) {}

void MapScene::update(const FrameTime& time, const Snapshot& feed) {
    view_.update(time, feed);
    touch_.update(time, feed);
}

std::string MapScene::legendSummary() const {
    const auto exits = view_.facts().exitsByYear();
    int total = 0;
    for (const auto& [year, count] : exits) total += count;
    if (services_.text.english())
        return "All " + std::to_string(total) + " poverty counties left the list in " + std::to_string(exits.size()) + " batches";
    return std::to_string(total) + " 个贫困县分 " + std::to_string(exits.size()) + " 批全部退出贫困县序列";
}

MapScene::LegendText MapScene::legendText(const Layout& layout, float innerWidth) const {
    LegendText text;
    TextStyle title;
    title.sizePx = layout.px(24);
    title.maxWidth = innerWidth;
    title.maxLines = 1;
    if (map_.legend && !map_.legend->title.empty()) text.title = layoutText(services_.bold, services_.text(map_.legend->title), title);
    TextStyle summary;
    summary.sizePx = layout.px(16);
    summary.maxWidth = innerWidth;
    summary.maxLines = 2;
    text.summary = layoutText(services_.regular, legendSummary(), summary);
    return text;
}

Rect MapScene::legendRect(const Layout& layout) const {
    const ChoroplethLayer* choropleth = view_.choropleth();
    if (!map_.legend || !choropleth) return {};
    const Rect region = layout.region(map_.legend->region);
    const float pad = layout.px(kLegendPadding);
    const LegendText text = legendText(layout, region.w - 2 * pad);
    const std::size_t rows = choropleth->classes.size() + (choropleth->otherLabel.empty() ? 0 : 1);
    const float height = 2 * pad + text.title.height + layout.px(6) + text.summary.height + layout.px(14) +
                         static_cast<float>(rows) * layout.px(kLegendRowHeight) - layout.px(8);
    return {region.x, region.y, region.w, std::min(region.h, height)};
}

void MapScene::drawLegend(Canvas& canvas, const Layout& layout, const Rect& box) const {
    const ChoroplethLayer* choropleth = view_.choropleth();
    if (!choropleth || box.w <= 0) return;
    const Theme& theme = services_.show.theme;
    const float pad = layout.px(kLegendPadding);
    canvas.roundedRect(box, layout.px(14), theme.panel);
    canvas.roundedRectStroke(box, layout.px(14), layout.px(1.5f), theme.accent.withAlpha(0.35f));
    canvas.rect({box.x + pad, box.y, layout.px(56), layout.px(3)}, theme.accent);

    const float innerW = box.w - 2 * pad;
    const LegendText text = legendText(layout, innerW);
    float y = box.y + pad;
    TextPaint titlePaint;
    titlePaint.color = theme.text;
    canvas.text(services_.bold, text.title, {box.x + pad, y}, titlePaint);
    y += text.title.height + layout.px(6);
    TextPaint muted;
    muted.color = theme.textMuted;
    canvas.text(services_.regular, text.summary, {box.x + pad, y}, muted);
    y += text.summary.height + layout.px(14);

    const auto exits = view_.facts().exitsByYear();
    int maxCount = 1;
    for (const auto& [year, count] : exits) maxCount = std::max(maxCount, count);

    const float rowH = layout.px(kLegendRowHeight);
    const float swatch = layout.px(18);
    TextStyle labelStyle;
    labelStyle.sizePx = layout.px(19);
    labelStyle.maxWidth = innerW * 0.55f;
    labelStyle.maxLines = 1;
    TextStyle countStyle = labelStyle;
    countStyle.align = TextAlign::Right;
    countStyle.maxWidth = innerW * 0.4f;
    TextPaint labelPaint;
    labelPaint.color = theme.text;

    auto row = [&](Color color, const std::string& label, int count, Color countColor) {
        canvas.roundedRect({box.x + pad, y + layout.px(4), swatch, swatch}, layout.px(4), color);
        drawText(canvas, services_.regular, services_.text(label), labelStyle, {box.x + pad + swatch + layout.px(12), y - layout.px(1)},
                 labelPaint);
        TextPaint countPaint;
        countPaint.color = countColor;
        drawText(canvas, services_.bold, std::to_string(count) + std::string(services_.text.pick(" 个县", count == 1 ? " county" : " counties")), countStyle,
                 {box.x + box.w - pad - countStyle.maxWidth, y - layout.px(1)}, countPaint);
        const float barY = y + layout.px(32);
        canvas.roundedRect({box.x + pad, barY, innerW, layout.px(6)}, layout.px(3), theme.text.withAlpha(0.08f));
        canvas.roundedRect({box.x + pad, barY, innerW * static_cast<float>(count) / static_cast<float>(maxCount),
                            layout.px(6)},
                           layout.px(3), color);
        y += rowH;
    };
    for (const auto& c : choropleth->classes) {
        auto it = exits.find(c.value);
        row(c.color, c.label, it == exits.end() ? 0 : it->second, c.color);
    }
    if (!choropleth->otherLabel.empty()) {
        int others = 0;
        for (const auto& county : view_.counties().features) {
            const CountyFact* fact = view_.facts().find(county.adcode);
            if (!fact || !fact->exitYear) ++others;
        }
        row(choropleth->otherColor, choropleth->otherLabel, others, theme.textMuted);
    }
}

std::map<int, std::string> MapScene::announcementDates() const {
    std::map<int, std::string> dates;
    for (const auto& county : view_.facts().counties)
        if (county.exitYear && !county.exitAnnounced.empty()) dates.emplace(*county.exitYear, county.exitAnnounced);
    return dates;
}

// A timeline of the provincial exit announcements under the legend: date, batch and county count,
// straight from the facts file; a batch whose announcement date was not found says so.
void MapScene::drawAnnouncements(Canvas& canvas, const Layout& layout, const Rect& area) const {
    const ChoroplethLayer* choropleth = view_.choropleth();
    const float rowH = layout.px(46);
    if (!choropleth || area.w <= 0 || area.h < layout.px(100) + rowH * static_cast<float>(choropleth->classes.size()))
        return;
    const Theme& theme = services_.show.theme;
    const float pad = layout.px(kLegendPadding);
    const auto exits = view_.facts().exitsByYear();
    const auto dates = announcementDates();
    const float height = 2 * pad + layout.px(40) + rowH * static_cast<float>(choropleth->classes.size());
    const Rect box{area.x, area.y, area.w, height};
    canvas.roundedRect(box, layout.px(14), theme.panel);
    canvas.roundedRectStroke(box, layout.px(14), layout.px(1.5f), theme.accent.withAlpha(0.35f));
    canvas.rect({box.x + pad, box.y, layout.px(56), layout.px(3)}, theme.accent);

    TextStyle title;
    title.sizePx = layout.px(22);
    title.maxWidth = box.w - 2 * pad;
    title.maxLines = 1;
    TextPaint titlePaint;
    titlePaint.color = theme.text;
    drawText(canvas, services_.bold, services_.text("贫困县退出公告"), title, {box.x + pad, box.y + pad}, titlePaint);

    const float lineX = box.x + pad + layout.px(7);
    float y = box.y + pad + layout.px(44);
    canvas.rect({lineX - layout.px(1), y + layout.px(10), layout.px(2),
                 rowH * static_cast<float>(choropleth->classes.size() - 1)},
                theme.accent.withAlpha(0.35f));
    TextStyle dateStyle;
    dateStyle.sizePx = layout.px(18);
    dateStyle.maxWidth = (box.w - 2 * pad) * 0.5f;
    dateStyle.maxLines = 1;
    TextStyle countStyle = dateStyle;
    countStyle.align = TextAlign::Right;
    countStyle.maxWidth = (box.w - 2 * pad) * 0.45f;
    for (const auto& c : choropleth->classes) {
        canvas.circle({lineX, y + layout.px(11)}, layout.px(7), c.color);
        canvas.ring({lineX, y + layout.px(11)}, layout.px(11), layout.px(1.5f), c.color.withAlpha(0.5f));
        const auto date = dates.find(c.value);
        TextPaint datePaint;
        datePaint.color = date == dates.end() ? theme.textMuted : theme.text;
        drawText(canvas, services_.regular, date == dates.end() ? services_.text("公告日期待核实") : date->second, dateStyle,
                 {lineX + layout.px(22), y}, datePaint);
        const auto count = exits.find(c.value);
        TextPaint countPaint;
        countPaint.color = c.color;
        drawText(canvas, services_.regular,
                 std::to_string(c.value) + std::string(services_.text.pick("年度 · ", " · ")) +
                     std::to_string(count == exits.end() ? 0 : count->second) +
                     std::string(services_.text.pick(" 县", count != exits.end() && count->second == 1 ? " county" : " counties")),
                 countStyle, {box.x + box.w - pad - countStyle.maxWidth, y}, countPaint);
        y += rowH;
    }
}

void MapScene::draw(Canvas& canvas) {
    const Layout layout(services_.show, canvas.size());
    const Rect legend = legendRect(layout);
    const Rect obstacles[] = {legend};
    view_.layout(layout, layout.region(spec_.region), obstacles);

    drawBackdrop(canvas, services_.show.theme, layout);
    view_.draw(canvas);
    drawLegend(canvas, layout, legend);
    if (map_.legend) {
        const Rect side = layout.region(map_.legend->region);
        const float below = legend.y + legend.h + layout.px(20);
        drawAnnouncements(canvas, layout, {side.x, below, side.w, side.y + side.h - below});
    }
    drawHeader(canvas, services_, layout, spec_.title, spec_.subtitle);
    drawFooter(canvas, services_, layout, spec_.source, map_.notice);
    touch_.draw(canvas, layout);
}

}  // namespace exhibit
