// The widgets of the e-commerce, consumption-aid and cloud scenes, GL-free: FlowChain (particles
// whose density follows the stage's rate, deterministic for a fixed dt), ItemList (the featured
// row's rotation and scroll, examples marked), TraceList (rotation, a tapped product or county
// chosen, the route marker, hit tests against where draw() put the names), ProgressBars (row
// order, eased fills, pulses on a rise, hit tests); their bindings read the feed; and every one
// draws inside its box at 1080p, 4K and on a 48:9 wall, in Chinese and English.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>

#include "scenes/widget_bindings.hpp"
#include "scenes/widgets/flow_chain.hpp"
#include "scenes/widgets/item_list.hpp"
#include "scenes/widgets/progress_bars.hpp"
#include "scenes/widgets/trace_list.hpp"

namespace exhibit {
namespace {

constexpr double kDt = 1.0 / 60.0;

void run(Widget& w, int frames) {
    for (int i = 0; i < frames; ++i) w.update(kDt);
}

FlowChain threeStages() {
    FlowChain flow;
    flow.setTitle("链路");
    flow.setStages({{"培训", "人次/分"}, {"基地", "批/分"}, {"消费者", "单/分"}});
    return flow;
}

TEST(FlowChain, ParticleDensityFollowsTheStageRate) {
    FlowChain flow = threeStages();
    run(flow, 120);
    EXPECT_EQ(flow.particles(0).size(), 0u) << "no data, no particles";
    EXPECT_EQ(flow.spawnRate(0), 0);
    flow.setRate(0, 10, Provenance::Simulated);
    flow.setRate(1, 1000, Provenance::Simulated);
    flow.setRate(2, 500, Provenance::Simulated);
    EXPECT_DOUBLE_EQ(flow.shownRate(1), 1000) << "the first value shows at once";
    EXPECT_DOUBLE_EQ(flow.spawnRate(1), FlowChain::kMaxSpawn) << "the busiest stage sends the densest stream";
    EXPECT_NEAR(flow.spawnRate(0), FlowChain::kMinSpawn + (FlowChain::kMaxSpawn - FlowChain::kMinSpawn) * 0.1, 1e-9);
    EXPECT_EQ(flow.spawnRate(2), 0) << "the last stage has no link";
    run(flow, 600);  // 10 s: the streams are steady
    const std::size_t quiet = flow.particles(0).size(), busy = flow.particles(1).size();
    // In flight: spawn rate times the crossing time, within one particle.
    EXPECT_NEAR(static_cast<double>(busy), FlowChain::kMaxSpawn * FlowChain::kTravelSeconds, 1.0);
    EXPECT_NEAR(static_cast<double>(quiet), flow.spawnRate(0) * FlowChain::kTravelSeconds, 1.0);
    EXPECT_GT(busy, quiet * 3);
    for (double t : flow.particles(1)) {
        EXPECT_GE(t, 0.0);
        EXPECT_LT(t, 1.0);
    }
    EXPECT_GT(flow.arrivalGlow(2), 0.0f) << "arrivals light the stage they reach";
    EXPECT_FALSE(flow.settled());
    EXPECT_TRUE(flow.badgeState().simulated);

    // A stage whose rate drops to zero stops sending; what is in flight arrives and the link empties.
    flow.setRate(1, 0, Provenance::Simulated);
    run(flow, 900);
    EXPECT_EQ(flow.particles(1).size(), 0u);
    EXPECT_EQ(flow.shownRate(1), 0);
}

TEST(FlowChain, SameStepsSameStreams) {
    FlowChain a = threeStages(), b = threeStages();
    for (FlowChain* f : {&a, &b}) {
        f->setRate(0, 42, Provenance::Real);
        f->setRate(1, 7, Provenance::Real);
        run(*f, 200);
        f->setRate(0, 84, Provenance::Real);
        run(*f, 77);
    }
    EXPECT_EQ(a.particles(0), b.particles(0));
    EXPECT_EQ(a.particles(1), b.particles(1));
    EXPECT_EQ(a.shownRate(0), b.shownRate(0));
    EXPECT_GT(a.shownRate(0), 42);
    EXPECT_LT(a.shownRate(0), 84) << "a new rate eases in";
    EXPECT_FALSE(a.badgeState().simulated);
}

ItemList sixDays(bool sourced) {
    ItemList list;
    list.setTitle("活动");
    std::vector<ListEntry> items;
    for (int i = 0; i < 6; ++i) items.push_back({std::to_string(i + 1) + "月", "活动" + std::to_string(i), "说明", !sourced});
    list.setItems(items);
    list.setSecondsPerItem(5);
    return list;
}

TEST(ItemList, RowsAreFeaturedInTurnAndTheListScrollsToThem) {
    ItemList list = sixDays(false);
    EXPECT_EQ(list.featured(), 0u);
    run(list, 60 * 5);  // 5 s
    EXPECT_EQ(list.featured(), 1u);
    EXPECT_NEAR(list.featuredProgress(), 0.0, 1e-6);
    run(list, 150);
    EXPECT_NEAR(list.featuredProgress(), 0.5, 1e-6);
    // Four rows fit: rows 0-3 show until the featured row is the last of them.
    EXPECT_EQ(list.scrollRows(4), 0);
    run(list, 468);  // 15.3 s in: row 3 for 0.3 s, the next row must peek
    EXPECT_EQ(list.featured(), 3u);
    EXPECT_GT(list.scrollRows(4), 0);
    EXPECT_LT(list.scrollRows(4), 1) << "the scroll eases";
    run(list, 60);
    EXPECT_EQ(list.scrollRows(4), 1);
    run(list, 60 * 5 * 3);  // wraps to row 0 and scrolls back up
    EXPECT_EQ(list.featured(), 0u);
    run(list, 60);
    EXPECT_EQ(list.scrollRows(4), 0);
    EXPECT_EQ(list.scrollRows(8), 0) << "everything fits";
    EXPECT_TRUE(list.badgeState().simulated) << "examples are marked";
    EXPECT_FALSE(sixDays(true).badgeState().simulated) << "rows with a source are not";
}

std::vector<TraceProduct> products() {
    // First characters unique to each name (池, 汢, 汣), found by their ink in the hit test.
    return {{"kiwi", "池猕猴桃", "520123", "修文县", "基地甲", {"绿色食品", "地理标志"}, {"采摘", "冷库", "干线", "配送"}},
            {"tea", "汢毛尖", "522701", "都匀市", "茶园", {"有机"}, {"采摘", "加工", "配送"}},
            {"pig", "汣香猪", "522633", "从江县", "养殖场", {}, {"养殖", "屠宰", "冷链", "城市", "消费者"}}};
}

TEST(TraceList, RotatesUntilAProductOrItsCountyIsChosen) {
    TraceList trace;
    trace.setProducts(products());
    trace.setSecondsPerItem(8);
    trace.update(kDt);
    EXPECT_EQ(trace.shown(), 0);
    EXPECT_FALSE(trace.chosen());
    run(trace, 60 * 8);
    EXPECT_EQ(trace.shown(), 1);
    EXPECT_LT(trace.routePosition(), 2 * kDt / TraceList::kSecondsPerStage) << "a new record starts its route";
    EXPECT_LT(trace.reveal(), 0.1f);
    const double start = trace.routePosition();
    run(trace, 66);  // 1.1 s: one stage on
    EXPECT_NEAR(trace.routePosition() - start, 66 * kDt / TraceList::kSecondsPerStage, 1e-9);
    EXPECT_EQ(trace.reveal(), 1.0f);

    trace.setHighlight("pig");
    trace.update(kDt);
    EXPECT_EQ(trace.shown(), 2);
    EXPECT_TRUE(trace.chosen());
    run(trace, 60 * 30);
    EXPECT_EQ(trace.shown(), 2) << "a choice stays";
    EXPECT_LE(trace.routePosition(), 4 + 1.2 / TraceList::kSecondsPerStage) << "the marker loops along the route";

    trace.setHighlight("520123");  // a county tapped on the map
    EXPECT_EQ(trace.shown(), 0);
    trace.setHighlight("520102");  // a county without products: the rotation goes on
    EXPECT_FALSE(trace.chosen());
    trace.setHighlight("");
    EXPECT_FALSE(trace.chosen());
    EXPECT_TRUE(trace.badgeState().simulated) << "illustrative records are marked";
}

ProgressBars projects() {
    ProgressBars bars;
    bars.setTitle("众筹");
    bars.setUnit("元");
    bars.setItems({{"522601", "池县", 30, 100, Provenance::Simulated},
                   {"522602", "汢县", 90, 300, Provenance::Simulated},
                   {"522603", "汣县", 10, 0, Provenance::Simulated},      // no goal: not shown
                   {"522604", "汤县", 250, 200, Provenance::Simulated}});  // over its goal
    return bars;
}

TEST(ProgressBars, RowsByGoalFillsEaseAndARiseSendsAPulse) {
    ProgressBars bars = projects();
    EXPECT_EQ(bars.orderedKeys(), (std::vector<std::string>{"522602", "522604", "522601"}));
    EXPECT_EQ(bars.shownFraction("522603"), -1);
    EXPECT_EQ(bars.shownFraction("522601"), 0) << "fills grow in";
    run(bars, 20);
    const double mid = bars.shownFraction("522601");
    EXPECT_GT(mid, 0);
    EXPECT_LT(mid, 0.3);
    run(bars, 600);
    EXPECT_DOUBLE_EQ(bars.shownFraction("522601"), 0.3);
    EXPECT_DOUBLE_EQ(bars.shownFraction("522604"), 1.25);
    EXPECT_TRUE(bars.settled());

    bars.setItems({{"522601", "池县", 45, 100, Provenance::Simulated}, {"522602", "汢县", 90, 300, Provenance::Simulated}});
    EXPECT_EQ(bars.pulse("522601"), 1.0f) << "money arrived";
    EXPECT_EQ(bars.pulse("522602"), 0.0f) << "nothing new";
    EXPECT_DOUBLE_EQ(bars.shownFraction("522601"), 0.3) << "an item keeps its animation";
    run(bars, 30);
    EXPECT_GT(bars.pulse("522601"), 0.0f);
    EXPECT_LT(bars.pulse("522601"), 1.0f);
    EXPECT_FALSE(bars.settled());
    run(bars, 600);
    EXPECT_EQ(bars.pulse("522601"), 0.0f);
    EXPECT_DOUBLE_EQ(bars.shownFraction("522601"), 0.45);
    EXPECT_EQ(bars.orderedKeys().size(), 2u);
}

class ChainWidgetDrawing : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        show_ = new ShowFile();
        show_->english = {{"链路", "Chain"}, {"活动", "Events"}, {"众筹", "Crowdfunding"}};
        regular_ = new Font(Font::find(show_->theme.font, true));
        bold_ = new Font(Font::find(show_->theme.fontBold, true));
        text_ = new Translator(*show_);
    }
    static void TearDownTestSuite() {
        delete text_;
        delete bold_;
        delete regular_;
        delete show_;
    }
    static DrawList drawn(const Widget& w, glm::ivec2 output, const Rect& box, Language language = Language::Zh) {
        text_->setLanguage(language);
        const Layout layout(*show_, output);
        Canvas canvas;
        canvas.begin(output, {0, 0, 0, 1});
        w.draw({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box);
        return canvas.list();
    }
    static std::string hit(const Widget& w, const Rect& box, glm::vec2 point) {
        text_->setLanguage(Language::Zh);
        const Layout layout(*show_, {1920, 1080});
        Canvas canvas;
        canvas.begin({1920, 1080}, {0, 0, 0, 1});
        std::string key = w.itemAt({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box, point);
        EXPECT_TRUE(canvas.list().shapes.empty() && canvas.list().glyphs.empty()) << "itemAt drew";
        return key;
    }
    // Centre of the ink of the bold glyph of `c`, when it was drawn once.
    static std::optional<glm::vec2> boldInk(const DrawList& list, char32_t c) {
        const std::uint32_t glyph = bold_->glyphIndex(c);
        const GlyphMetrics m = bold_->metrics(glyph);
        std::optional<glm::vec2> at;
        for (const GlyphDraw& g : list.glyphs)
            if (g.font == bold_ && g.glyph == glyph) {
                EXPECT_FALSE(at) << "drawn twice";
                at = glm::vec2{g.pen.x + (m.left + m.width * 0.5f) * g.sizePx, g.pen.y - (m.top - m.height * 0.5f) * g.sizePx};
            }
        return at;
    }

    static inline ShowFile* show_ = nullptr;
    static inline Font* regular_ = nullptr;
    static inline Font* bold_ = nullptr;
    static inline Translator* text_ = nullptr;
};

TEST_F(ChainWidgetDrawing, TracedProductsAreHitWhereTheirNamesAreDrawn) {
    TraceList trace;
    trace.setTitle("溯源");
    trace.setProducts(products());
    run(trace, 30);
    const Rect box{100, 700, 880, 260};  // the 16:9 stage: list left, record right
    const DrawList list = drawn(trace, {1920, 1080}, box);
    const char32_t firsts[] = {U'池', U'汢', U'汣'};
    const char* keys[] = {"kiwi", "tea", "pig"};
    int found = 0;
    for (int i = 0; i < 3; ++i) {
        // The shown product's name is drawn in the record as well: find the list row's (leftmost) ink.
        std::optional<glm::vec2> ink;
        const std::uint32_t glyph = bold_->glyphIndex(firsts[i]);
        const GlyphMetrics m = bold_->metrics(glyph);
        for (const GlyphDraw& g : list.glyphs)
            if (g.font == bold_ && g.glyph == glyph) {
                const glm::vec2 c{g.pen.x + (m.left + m.width * 0.5f) * g.sizePx, g.pen.y - (m.top - m.height * 0.5f) * g.sizePx};
                if (!ink || c.x < ink->x) ink = c;
            }
        if (!ink) continue;
        ++found;
        EXPECT_EQ(hit(trace, box, *ink), keys[i]);
        EXPECT_EQ(hit(trace, box, {box.x + 30, ink->y}), keys[i]) << "the whole row";
    }
    EXPECT_EQ(found, 3) << "three rows fit";
    EXPECT_EQ(hit(trace, box, {box.x + box.w - 40, box.y + box.h * 0.6f}), "") << "the record is no product";
    EXPECT_EQ(hit(trace, box, {box.x + 40, box.y + 20}), "") << "the title row";
    EXPECT_EQ(hit(trace, box, {box.x - 10, box.y + 120}), "");
}

TEST_F(ChainWidgetDrawing, ProgressRowsAreHitWhereTheirNamesAreDrawn) {
    ProgressBars bars = projects();
    run(bars, 600);
    const Rect box{1400, 250, 480, 390};
    bars.setHighlight("522604");
    const DrawList list = drawn(bars, {1920, 1080}, box);
    for (auto [c, key] : {std::pair{U'池', "522601"}, std::pair{U'汢', "522602"}, std::pair{U'汤', "522604"}}) {
        const auto ink = boldInk(list, c);
        ASSERT_TRUE(ink) << key;
        EXPECT_EQ(hit(bars, box, *ink), key);
        EXPECT_EQ(hit(bars, box, {box.x + box.w - 40, ink->y + 20}), key) << "the bar and percentage belong to the row";
    }
    EXPECT_FALSE(boldInk(list, U'汣')) << "no goal, no row";
    EXPECT_EQ(hit(bars, box, {box.x + 100, box.y + box.h - 30}), "") << "below the last row";
    EXPECT_EQ(hit(bars, box, {box.x + 100, box.y + 15}), "");
}

// Every glyph and shape of each widget lies inside its box, at three outputs and in both languages.
TEST_F(ChainWidgetDrawing, EverythingStaysInsideTheBox) {
    FlowChain flow = threeStages();
    flow.setRate(0, 3.5, Provenance::Simulated);
    flow.setRate(1, 1234567, Provenance::Simulated);
    flow.setRate(2, 88, Provenance::Simulated);
    run(flow, 200);
    ItemList list = sixDays(false);
    run(list, 60 * 17);
    TraceList trace;
    trace.setTitle("溯源");
    trace.setProducts(products());
    run(trace, 100);
    ProgressBars bars = projects();
    run(bars, 100);
    const Widget* widgets[] = {&flow, &list, &trace, &bars};
    struct Case {
        glm::ivec2 output;
        Rect box;
    };
    const Case cases[] = {{{1920, 1080}, {518, 740, 883, 261}},
                          {{3840, 2160}, {1036, 1480, 1766, 522}},
                          {{5760, 1080}, {2511, 275, 2073, 729}},
                          {{1920, 1080}, {1417, 256, 480, 394}}};
    for (Language language : {Language::Zh, Language::En})
        for (const Case& c : cases)
            for (std::size_t w = 0; w < std::size(widgets); ++w) {
                const DrawList l = drawn(*widgets[w], c.output, c.box, language);
                ASSERT_FALSE(l.glyphs.empty()) << "widget " << w;
                for (const GlyphDraw& g : l.glyphs) {
                    EXPECT_GE(g.pen.x, c.box.x) << "widget " << w << " at " << c.output.x;
                    EXPECT_LE(g.pen.x, c.box.x + c.box.w) << "widget " << w << " at " << c.output.x;
                    EXPECT_GE(g.pen.y, c.box.y) << "widget " << w << " at " << c.output.x;
                    EXPECT_LE(g.pen.y, c.box.y + c.box.h) << "widget " << w << " at " << c.output.x;
                }
                for (const ShapeInstance& s : l.shapes) {
                    // Centre and half size (glows may spill a little past their centre).
                    EXPECT_GE(s.box.x, c.box.x - 1) << "widget " << w;
                    EXPECT_LE(s.box.x, c.box.x + c.box.w + 1) << "widget " << w;
                    EXPECT_GE(s.box.y, c.box.y - 1) << "widget " << w;
                    EXPECT_LE(s.box.y, c.box.y + c.box.h + 1) << "widget " << w;
                }
            }
}

// Bindings: a flow's stage rates from two samples of a counter; progress rows from two metrics.
TEST(ChainWidgetBindings, FlowRatesAndProgressRowsComeFromTheFeed) {
    WidgetSpec flowSpec;
    flowSpec.kind = WidgetKind::Flow;
    flowSpec.title = "链路";
    flowSpec.stages = {{"仓储", "warehouse_parcels", "520000", "件/分"}, {"配送", "delivery_parcels", "520000", "件/分"}};
    WidgetSpec progressSpec;
    progressSpec.kind = WidgetKind::Progress;
    progressSpec.title = "众筹";
    progressSpec.metric = "crowdfunding_raised";
    progressSpec.goalMetric = "crowdfunding_goal";
    const ShowFile show;
    const RegionNames names;
    const Translator text(show);
    auto flow = bindWidget(flowSpec, names, show, text);
    auto progress = bindWidget(progressSpec, names, show, text);

    auto snapshot = [](std::uint64_t seq, double ts, double warehouse) {
        Snapshot s;
        s.sequence = seq;
        s.timestamp = ts;
        s.sources.push_back({"simulator", SourceState::Ok, "", 1, 0, 0, ts});
        s.values["520000"]["warehouse_parcels"] = {warehouse, Provenance::Simulated, "", ts, 0};
        s.values["520000"]["crowdfunding_raised"] = {500, Provenance::Simulated, "", ts, 0};
        s.values["520000"]["crowdfunding_goal"] = {1000, Provenance::Simulated, "", ts, 0};
        return s;
    };
    FeedAges ages;
    FrameTime time;
    time.dt = kDt;
    const Snapshot a = snapshot(1, 1000, 100), b = snapshot(2, 1010, 150);
    for (const Snapshot* s : {&a, &b}) {
        time.seconds += 1;
        ages.update(time, *s);
        flow->update(time, *s, ages);
        progress->update(time, *s, ages);
    }
    const auto& chain = dynamic_cast<const FlowChain&>(flow->widget());
    ASSERT_TRUE(chain.hasRate(0));
    EXPECT_DOUBLE_EQ(chain.shownRate(0), 300) << "50 parcels in 10 s: 300 a minute";
    EXPECT_FALSE(chain.hasRate(1)) << "no data for the second stage";
    EXPECT_TRUE(chain.badgeState().simulated);
    // The province is no county of RegionNames: with `by` county, no rows.
    EXPECT_TRUE(dynamic_cast<const ProgressBars&>(progress->widget()).orderedKeys().empty());
}

}  // namespace
}  // namespace exhibit
