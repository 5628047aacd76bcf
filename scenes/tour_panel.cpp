#include "scenes/tour_panel.hpp"

#include "scenes/chrome.hpp"
#include "scenes/widgets/widget.hpp"

namespace exhibit {
namespace {
constexpr float kTitle = 24, kCard = 128, kGap = 14;  // design px
}

TextPaint shadowedText(Color color, const Layout& layout) {
    TextPaint paint;
    paint.color = color;
    paint.shadow = Color{0, 0, 0, 0.85f};
    paint.shadowOffset = {0, layout.px(1.5f)};
    paint.shadowBlur = layout.px(4);
    return paint;
}

void drawSubtitleBox(Canvas& canvas, const Layout& layout, const Font& font, const std::string& text) {
    if (text.empty()) return;
    const Rect out = layout.output();
    TextStyle style;
    style.sizePx = layout.px(34);
    style.maxWidth = out.w * 0.62f;
    style.maxLines = 2;
    style.align = TextAlign::Center;
    const TextLayout lines = layoutText(font, text, style);
    const float pad = layout.px(18);
    const Rect box{(out.w - lines.contentWidth) * 0.5f - pad, out.h - layout.px(110) - lines.height - pad,
                   lines.contentWidth + 2 * pad, lines.height + 2 * pad};
    canvas.roundedRect(box, layout.px(10), Color{0, 0, 0, 0.62f});
    TextPaint paint;
    paint.color = Color{1, 1, 1, 1};
    canvas.text(font, lines, {(out.w - lines.width) * 0.5f, box.y + pad}, paint);
}

TourPanelView::TourPanelView(const TourSpec& tour, const SceneServices& services) : tour_(tour), services_(services) {
    specs_.resize(tour.stops.size());
    stats_.resize(tour.stops.size());
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
        if (!tour.stops[i].panel) continue;
        for (const TourStat& stat : tour.stops[i].panel->stats) {
            WidgetSpec w;
            w.kind = WidgetKind::Kpi;
            w.title = stat.label;
            w.metric = stat.metric;
            w.adcode = stat.adcode;
            w.unit = stat.unit;
            specs_[i].push_back(std::move(w));
        }
        for (const WidgetSpec& w : specs_[i]) stats_[i].push_back(bindWidget(w, names_, services.show, services.text));
    }
}

void TourPanelView::update(const FrameTime& time, const Snapshot& feed, std::size_t stop) {
    ages_.update(time, feed);
    for (auto& stat : stats_[stop]) {
        stat->widget().setLanguage(services_.text.language());
        stat->update(time, feed, ages_);
    }
}

float TourPanelView::height(const Layout& layout, std::size_t stop) const {
    if (!tour_.stops[stop].panel) return 0;
    const auto cards = static_cast<float>(stats_[stop].size());
    return layout.px(kTitle * 1.25f + kGap + cards * (kCard + kGap));
}

float TourPanelView::draw(Canvas& canvas, const Layout& layout, std::size_t stop, glm::vec2 topLeft, float width) const {
    const auto& panel = tour_.stops[stop].panel;
    if (!panel) return 0;
    TextStyle titleStyle;
    titleStyle.sizePx = layout.px(kTitle);
    titleStyle.maxWidth = width;
    titleStyle.maxLines = 1;
    float y = topLeft.y;
    y += drawText(canvas, services_.bold, services_.text(panel->title), titleStyle, {topLeft.x, y},
                  shadowedText(services_.show.theme.text, layout))
             .height +
         layout.px(kGap);
    const WidgetFrame frame{canvas, layout, services_.show.theme, services_.regular, services_.bold, services_.text};
    for (const auto& stat : stats_[stop]) {
        stat->widget().draw(frame, {topLeft.x, y, width, layout.px(kCard)});
        y += layout.px(kCard + kGap);
    }
    return y - topLeft.y;
}

std::vector<ShownFigure> TourPanelView::figures(std::size_t stop) const {
    std::vector<ShownFigure> out;
    for (const auto& stat : stats_[stop]) out.push_back({stat->spec().title, stat->widget().badgeState().simulated, stat->sources()});
    return out;
}

}  // namespace exhibit
