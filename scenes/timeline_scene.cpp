#include "scenes/timeline_scene.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/text_file.hpp"
#include "renderer/platform/platform.hpp"
#include "scenes/chrome.hpp"
#include "scenes/widgets/format.hpp"

namespace exhibit {
namespace {

constexpr std::uintmax_t kMaxFactsBytes = 4u << 20;
constexpr Color kWarning = Color::rgba8(0xF2, 0xB7, 0x4A);
constexpr std::string_view kChartTarget = "timeline.chart";

PovertyTimeline loadTimeline(const SceneSpec& spec, const ShowFile& show) {
    const TimelineSpec& t = *spec.timeline;
    const auto population = show.resolve(t.population), batches = show.resolve(t.batches);
    const auto counties = show.resolve(spec.map->facts.counties), sources = show.resolve(spec.map->facts.sources);
    PovertyHistory history;
    history.years = parsePovertyYears(readTextFile(population, kMaxFactsBytes), displayNameOf(population));
    history.batches = parseExitBatches(readTextFile(batches, kMaxFactsBytes), displayNameOf(batches));
    return PovertyTimeline(loadCountyFacts(counties), std::move(history), loadSourceList(sources), t.firstYear,
                           t.lastYear, {displayNameOf(counties), displayNameOf(population), displayNameOf(batches)});
}

const ChoroplethLayer* exitYearLayer(const MapView& map, const ShowFile& show, const SceneSpec& spec) {
    const ChoroplethLayer* c = map.choropleth();
    if (!c || c->isFeedMetric())
        throw ContentError(show.path.filename().string() + ": scene \"" + spec.id +
                           "\": a timeline needs a choropleth layer with metric \"exit_year\" (its classes colour the batches)");
    return c;
}

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : " · ") + id;
    return out;
}

bool looksLikeDate(std::string_view s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
           std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

TextLayout put(Canvas& canvas, const Font& font, const std::string& text, float size, float maxWidth, glm::vec2 topLeft,
               Color color, TextAlign align = TextAlign::Left, int maxLines = 1) {
    TextStyle style;
    style.sizePx = size;
    style.maxWidth = maxWidth;
    style.maxLines = maxLines;
    style.align = align;
    TextPaint paint;
    paint.color = color;
    return drawText(canvas, font, text, style, topLeft, paint);
}

}  // namespace

TimelineScene::TimelineScene(const SceneSpec& spec, const SceneServices& services)
    : Scene(spec), spec_(spec), timeline_(*spec.timeline), services_(services), map_(*spec.map, services),
      model_(loadTimeline(spec, services.show)) {
    classes_ = exitYearLayer(map_, services.show, spec);
    std::vector<HistoryPoint> points;
    for (int year = timeline_.firstYear; year <= timeline_.lastYear; ++year) {
        const PovertyYear* y = model_.population(year);
        points.push_back({year, y ? y->population10k : std::nullopt, y ? y->populationQualifier : Qualifier::Exact,
                          Provenance::Real});
    }
    chart_.setPoints(std::move(points));
    chart_.setTitle(timeline_.chartTitle);
    chart_.setUnit(timeline_.unit);
    chart_.setSecondsPerYear(timeline_.secondsPerYear);
    chart_.setHoldSeconds(timeline_.holdSeconds);
    chart_.setColor(services.show.theme.accent);
}

Color TimelineScene::countyColorAt(const std::string& adcode, double playhead) const {
    const CountyFact* fact = model_.counties().find(adcode);
    if (!fact || !fact->exitYear) return classes_->otherColor;
    Color exited = classes_->otherColor;
    for (const ChoroplethClass& c : classes_->classes)
        if (c.value == *fact->exitYear) exited = c.color;
    // The change happens in the last part of the year's travel, with a brief lift towards white, so
    // a county turns rather than passing through a muddy mix of the two colours.
    const float e = easeInOutCubic(std::clamp((model_.exitProgress(adcode, playhead) - 0.55f) / 0.45f, 0.0f, 1.0f));
    if (e <= 0) return timeline_.poorColor;
    if (e >= 1) return exited;
    return mix(mix(timeline_.poorColor, exited, e), Color{1, 1, 1, 1}, 0.4f * std::sin(3.14159265f * e));
}

void TimelineScene::update(const FrameTime& time, const Snapshot& feed) {
    chart_.update(time.dt);
    map_.update(time, feed);
    for (const GeoFeature& county : map_.counties().features)
        map_.setCountyColor(county.adcode, countyColorAt(county.adcode, chart_.playhead()));
}

void TimelineScene::keyDown(int key) {
    if (key == keys::Space) chart_.togglePlay();
    if (key == keys::Left) chart_.step(-1);
    if (key == keys::Right) chart_.step(1);
}

std::string TimelineScene::hitTarget(glm::vec2 px) const {
    const Layout layout(services_.show, drawnSize_);
    if (auto chart = layout.find(timeline_.chartRegion); chart && chart->contains(px)) return std::string(kChartTarget);
    if (layout.region(spec_.region).contains(px)) return "map";
    return {};
}

bool TimelineScene::gesture(const Gesture& g) {
    switch (g.kind) {
        case GestureKind::Tap: chart_.togglePlay(); return true;
        case GestureKind::PanStart:
        case GestureKind::Pan: {
            if (g.target != kChartTarget) return false;
            const Layout layout(services_.show, drawnSize_);
            const Rect chart = layout.region(timeline_.chartRegion);
            if (g.kind == GestureKind::PanStart) {
                chart_.pause();
                scrubFrom_ = chart_.playhead() - (g.translation.x - g.delta.x) / std::max(1.0f, chart.w) *
                                                     (timeline_.lastYear - timeline_.firstYear + 1);
            }
            chart_.scrubTo(scrubFrom_ + g.translation.x / std::max(1.0f, chart.w) * (timeline_.lastYear - timeline_.firstYear + 1));
            return true;
        }
        case GestureKind::PanEnd: return g.target == kChartTarget;
        default: return false;
    }
}

bool TimelineScene::attractStep(int step) {
    if (step == 0) {
        reset();
        return true;
    }
    return chart_.playhead() < timeline_.lastYear;  // let it play to the last year, then move on
}

// The population of each year and the counties of each batch, with their sources.csv ids.
std::vector<ShownFigure> TimelineScene::figures() const {
    std::vector<ShownFigure> out;
    for (int year = model_.firstYear(); year <= model_.lastYear(); ++year) {
        if (const PovertyYear* p = model_.population(year); p && p->population10k)
            out.push_back({"population " + std::to_string(year), false, model_.populationSources(year)});
        if (model_.batch(year)) out.push_back({"batch " + std::to_string(year), false, model_.batchSources(year)});
    }
    return out;
}

void TimelineScene::reset() {
    chart_.scrubTo(timeline_.firstYear);
    chart_.play();
}

// The chart's annotation of a year: the batch that left the list then.
std::string TimelineScene::annotation(int year) const {
    const PovertyExitBatch* b = model_.batch(year);
    if (!b) return {};
    const Translator& text = services_.text;
    const std::string n = std::to_string(b->countyCount);
    if (text.english())
        return "Batch " + std::to_string(b->batch) + ": " + n + (b->countyCount == 1 ? " county" : " counties") + " left the list";
    return "第" + std::to_string(b->batch) + "批：" + n + "个贫困县摘帽";
}

void TimelineScene::drawPanel(Canvas& canvas, const Layout& layout, const Rect& box) const {
    const Theme& theme = services_.show.theme;
    const Translator& text = services_.text;
    const int year = chart_.currentYear();
    const float pad = layout.px(24);
    canvas.roundedRect(box, layout.px(14), theme.panel);
    canvas.roundedRectStroke(box, layout.px(14), layout.px(1.5f), theme.accent.withAlpha(0.35f));
    canvas.rect({box.x + pad, box.y, layout.px(56), layout.px(3)}, theme.accent);

    // Everything is sized for the design height and shrinks together when the panel is short.
    const float designH = 560;
    const float s = std::clamp((box.h - 2 * pad) / layout.px(designH), 0.55f, 1.45f);
    auto px = [&](float design) { return layout.px(design) * s; };
    const float x = box.x + pad, w = box.w - 2 * pad;
    float y = box.y + pad;

    // The year, large.
    const TextLayout yearText = put(canvas, services_.bold, std::to_string(year), px(120), w, {x, y - px(14)}, theme.accent);
    y += yearText.height - px(18);

    // Poverty counties still on the list: counter and one cell per county, in batch order.
    put(canvas, services_.regular, std::string(text.pick("仍在贫困县序列", "Still on the poverty-county list")), px(21), w,
        {x, y}, theme.textMuted);
    y += px(30);
    const TextLayout count = put(canvas, services_.bold, std::to_string(model_.onList(year)), px(68), w * 0.5f, {x, y},
                                 theme.text);
    const std::string ofAll = text.english() ? "of " + std::to_string(model_.povertyCounties()) + " counties"
                                             : "/ " + std::to_string(model_.povertyCounties()) + " 个县";
    put(canvas, services_.regular, ofAll, px(24), w - count.contentWidth - px(14),
        {x + count.contentWidth + px(14), y + count.firstBaseline - px(24) * 1.05f}, theme.textMuted);
    y += count.height + px(6);

    std::vector<const CountyFact*> poor;
    for (const CountyFact& f : model_.counties().counties)
        if (f.exitYear) poor.push_back(&f);
    std::stable_sort(poor.begin(), poor.end(), [](const CountyFact* a, const CountyFact* b) { return *a->exitYear < *b->exitYear; });
    if (!poor.empty()) {
        const float pitch = std::min(px(30), w / 22.0f);
        const int cols = std::max(1, static_cast<int>(w / pitch));
        const float cell = pitch * 0.78f;
        for (std::size_t i = 0; i < poor.size(); ++i) {
            const float cx = x + static_cast<float>(static_cast<int>(i) % cols) * pitch;
            const float cy = y + static_cast<float>(static_cast<int>(i) / cols) * pitch;
            canvas.roundedRect({cx, cy, cell, cell}, cell * 0.22f, countyColorAt(poor[i]->adcode, chart_.playhead()));
        }
        y += static_cast<float>((poor.size() + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols)) * pitch + px(4);
        // Where the 66 comes from: the counties file marks a poverty county by its exit batch.
        std::string sum;
        for (const PovertyExitBatch& b : model_.history().batches) sum += (sum.empty() ? "" : "+") + std::to_string(b.countyCount);
        const std::string total = std::to_string(model_.povertyCounties());
        const std::string batches = std::to_string(model_.history().batches.size());
        y += put(canvas, services_.regular,
                 text.english() ? total + " = the counties of the " + batches + " exit batches (" + sum + ")"
                                : total + "个贫困县即" + batches + "批退出名单之和（" + sum + "）",
                 px(15), w, {x, y}, theme.textMuted.withAlpha(0.85f))
                 .height + px(12);
    }

    // The year's exit batch: what left, when it was announced, and on whose word.
    canvas.rect({x, y, w, std::max(1.0f, layout.px(1))}, theme.text.withAlpha(0.12f));
    y += px(14);
    if (const PovertyExitBatch* b = model_.batch(year)) {
        Color color = theme.accent;
        for (const ChoroplethClass& c : classes_->classes)
            if (c.value == year) color = c.color;
        const std::string headline = text.english()
            ? std::to_string(year) + " · batch " + std::to_string(b->batch) + ": " + std::to_string(b->countyCount) +
                  (b->countyCount == 1 ? " county left the list" : " counties left the list")
            : std::to_string(year) + "年度 · 第" + std::to_string(b->batch) + "批：" + std::to_string(b->countyCount) + "个县退出";
        canvas.roundedRect({x, y + px(5), px(16), px(16)}, px(4), color);
        y += put(canvas, services_.bold, headline, px(22), w - px(26), {x + px(26), y}, theme.text).height + px(4);
        const std::string announced = looksLikeDate(b->announced)
            ? std::string(text.pick("省政府公告：", "Announced: ")) + b->announced
            : text("公告日期待核实");
        y += put(canvas, services_.regular, announced, px(17), w, {x, y}, theme.textMuted).height;
        y += put(canvas, services_.regular, std::string(text.pick("来源：", "Source: ")) + joinIds(model_.batchSources(year)),
                 px(17), w, {x, y}, theme.textMuted)
                 .height;
        if (b->confidence.rfind("low", 0) == 0)
            y += put(canvas, services_.regular,
                     std::string(text.pick("名单出自二手来源，公开展示前须核实", "List from a secondary source: verify before public display")),
                     px(17), w, {x, y}, kWarning)
                     .height;
    } else {
        y += put(canvas, services_.regular,
                 std::string(year < model_.history().batches.front().exitYear
                                 ? text.pick("尚无贫困县退出", "No county has left the list yet")
                                 : text.pick("本年度无贫困县退出", "No county left the list this year")),
                 px(20), w, {x, y}, theme.textMuted)
                 .height;
    }
    y += px(16);

    // Legend: the poor colour, each batch, the counties that were never on the list.
    struct Chip {
        Color color;
        std::string label;
    };
    std::vector<Chip> chips{{timeline_.poorColor, std::string(text.pick("贫困县（未退出）", "Poverty county, on the list"))}};
    for (const ChoroplethClass& c : classes_->classes) chips.push_back({c.color, text(c.label)});
    if (!classes_->otherLabel.empty()) chips.push_back({classes_->otherColor, text(classes_->otherLabel)});
    const float chipH = px(28), swatch = px(14), gap = px(18);
    float cx = x;
    for (const Chip& chip : chips) {
        const float labelW = std::min(measureText(services_.regular, chip.label, px(16)), w - swatch - px(8));
        const float chipW = swatch + px(8) + labelW;
        if (cx > x && cx + chipW > x + w) {
            cx = x;
            y += chipH;
        }
        if (y + chipH > box.y + box.h - pad * 0.5f) break;  // no room: the map's colours speak for themselves
        canvas.roundedRect({cx, y + px(6), swatch, swatch}, px(3), chip.color);
        put(canvas, services_.regular, chip.label, px(16), labelW + 1, {cx + swatch + px(8), y}, theme.text);
        cx += chipW + gap;
    }
}

void TimelineScene::draw(Canvas& canvas) {
    drawnSize_ = canvas.size();
    const Layout layout(services_.show, canvas.size());
    const Theme& theme = services_.show.theme;
    const Rect panel = layout.region(timeline_.panelRegion);
    const Rect obstacles[] = {panel};
    map_.layout(layout, layout.region(spec_.region), obstacles);

    drawBackdrop(canvas, theme, layout);
    map_.draw(canvas);
    drawPanel(canvas, layout, panel);

    std::vector<HistoryAnnotation> notes;
    for (const PovertyExitBatch& b : model_.history().batches) notes.push_back({b.exitYear, annotation(b.exitYear)});
    chart_.setAnnotations(std::move(notes));
    const auto ids = model_.populationSources(chart_.currentYear());
    chart_.setFootnote(ids.empty() ? std::string() : std::string(services_.text.pick("来源：", "Source: ")) + joinIds(ids));
    const WidgetFrame frame{canvas, layout, theme, services_.regular, services_.bold, services_.text};
    chart_.draw(frame, layout.region(timeline_.chartRegion));

    drawHeader(canvas, services_, layout, spec_.title, spec_.subtitle);
    drawFooter(canvas, services_, layout, spec_.source, spec_.map->notice);
}

}  // namespace exhibit
