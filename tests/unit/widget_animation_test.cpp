// The chart widgets' state without GL: digit rolls after N fixed steps, bar re-sort ranks, donut
// angles, the ticker's bound, line-chart folding and scrolling; and drawing (recorded into a
// Canvas only) re-laid out at 1080p, 4K and a 48:9 wall with all text inside each widget's box.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <numeric>

#include "scenes/widgets/bar_chart.hpp"
#include "scenes/widgets/donut.hpp"
#include "scenes/widgets/event_ticker.hpp"
#include "scenes/widgets/kpi_counter.hpp"
#include "scenes/widgets/line_chart.hpp"

namespace exhibit {
namespace {

constexpr double kDt = 1.0 / 60.0;

void run(Widget& w, int frames) {
    for (int i = 0; i < frames; ++i) w.update(kDt);
}

TEST(WidgetKpi, DigitsRollToTheNewValue) {
    KpiCounter kpi;
    kpi.setValue(1234);
    EXPECT_EQ(kpi.targetText(), "1,234");
    EXPECT_EQ(kpi.digitPositions(), (std::vector<double>{0, 0, 0, 0}));  // the first value rolls up from zero
    EXPECT_FALSE(kpi.settled());
    run(kpi, 180);  // 3 s
    EXPECT_TRUE(kpi.settled());
    EXPECT_EQ(kpi.digitPositions(), (std::vector<double>{1, 2, 3, 4}));
}

TEST(WidgetKpi, RollStateAfterFixedStepsIsExact) {
    KpiCounter kpi;
    kpi.setValue(1200);
    run(kpi, 180);
    kpi.setValue(1209);  // only the last digit changes: 0 -> 9 forwards (growing), no delay
    run(kpi, 30);        // 0.5 s of the 1.2 s roll
    const double expected = 9.0 * easeOutCubic(static_cast<float>(30 * kDt / 1.2));
    const auto p = kpi.digitPositions();
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[0], 1);
    EXPECT_EQ(p[2], 0);
    EXPECT_NEAR(p[3], expected, 1e-9);
    // Deterministic: a second counter fed the same steps is in exactly the same state.
    KpiCounter twin;
    twin.setValue(1200);
    run(twin, 180);
    twin.setValue(1209);
    run(twin, 30);
    EXPECT_EQ(twin.digitPositions(), p);
    run(kpi, 60);
    EXPECT_EQ(kpi.digitPositions()[3], 9);
}

TEST(WidgetKpi, FallingValuesRollBackwards) {
    KpiCounter kpi;
    kpi.setValue(19);
    run(kpi, 180);
    kpi.setValue(11);  // 9 -> 1 downwards through 8, 7, ..., 2
    run(kpi, 12);
    const double mid = kpi.digitPositions()[1];
    EXPECT_LT(mid, 9);
    EXPECT_GT(mid, 1);
    run(kpi, 180);
    EXPECT_EQ(kpi.digitPositions(), (std::vector<double>{1, 1}));
}

TEST(WidgetKpi, UnitChangeStillRolls) {
    KpiCounter kpi;
    kpi.setValue(99999);
    run(kpi, 180);
    kpi.setValue(100000);
    EXPECT_EQ(kpi.targetText(), "10.0万");
    // Three digit tiles now, continuing from the three rightmost 9s.
    EXPECT_EQ(kpi.digitPositions(), (std::vector<double>{9, 9, 9}));
    run(kpi, 180);
    EXPECT_EQ(kpi.digitPositions(), (std::vector<double>{1, 0, 0}));
    kpi.setValue(std::nan(""));
    EXPECT_EQ(kpi.targetText(), "—");
    EXPECT_TRUE(kpi.digitPositions().empty());
}

TEST(WidgetBars, ResortTargetsAndSlides) {
    BarChart bars;
    bars.setItems({{"a", "甲", 10}, {"b", "乙", 20}, {"c", "丙", 30}});
    EXPECT_EQ(bars.rankedIds(), (std::vector<std::string>{"c", "b", "a"}));
    run(bars, 300);
    EXPECT_TRUE(bars.settled());
    EXPECT_EQ(bars.shownValue("c"), 30);
    bars.setItems({{"a", "甲", 40}, {"b", "乙", 20}, {"c", "丙", 30}});
    EXPECT_EQ(bars.targetRank("a"), 0);
    EXPECT_EQ(bars.targetRank("c"), 1);
    EXPECT_EQ(bars.targetRank("b"), 2);
    run(bars, 6);
    EXPECT_GT(bars.shownRank("a"), 0);  // sliding, not jumping
    EXPECT_LT(bars.shownRank("a"), 2);
    EXPECT_GT(bars.shownValue("a"), 10);
    EXPECT_LT(bars.shownValue("a"), 40);
    run(bars, 300);
    EXPECT_TRUE(bars.settled());
    EXPECT_EQ(bars.shownRank("a"), 0);
    EXPECT_EQ(bars.shownRank("b"), 2);
}

TEST(WidgetBars, TiesAreStableAndRemovedItemsFadeOut) {
    BarChart bars;
    bars.setItems({{"b", "乙", 5}, {"a", "甲", 5}, {"c", "丙", std::nan("")}});
    EXPECT_EQ(bars.rankedIds(), (std::vector<std::string>{"a", "b", "c"}));
    run(bars, 300);
    bars.setItems({{"b", "乙", 5}, {"c", "丙", 1}});
    EXPECT_EQ(bars.targetRank("a"), -1);
    EXPECT_GE(bars.shownRank("a"), 0);  // still there, fading
    run(bars, 300);
    EXPECT_EQ(bars.shownRank("a"), -1);
    EXPECT_TRUE(bars.settled());
}

TEST(WidgetBars, SimulatedItemShowsTheBadge) {
    BarChart bars;
    bars.setItems({{"a", "甲", 1, Provenance::Real}});
    EXPECT_FALSE(bars.badgeState().simulated);
    bars.setItems({{"a", "甲", 1, Provenance::Real}, {"b", "乙", 2, Provenance::Simulated}});
    EXPECT_TRUE(bars.badgeState().simulated);
}

double sweepSum(const Donut& d) {
    double sum = 0;
    for (const auto& [start, sweep] : d.angles()) sum += sweep;
    return sum;
}

TEST(WidgetDonut, AnglesCloseTheCircle) {
    Donut donut;
    donut.setSegments({{"茶叶", 42.5}, {"辣椒", 31.2}, {"刺梨", 12.8}, {"负值", -5}});
    run(donut, 300);
    EXPECT_TRUE(donut.settled());
    EXPECT_NEAR(sweepSum(donut), 360, 1e-9);
    const auto shares = donut.targetShares();
    EXPECT_NEAR(std::accumulate(shares.begin(), shares.end(), 0.0), 1, 1e-12);
    EXPECT_EQ(shares[3], 0);  // negative values count as zero
    EXPECT_NEAR(donut.angles()[0].second, 360 * 42.5 / 86.5, 1e-6);

    donut.setSegments({{"茶叶", 10}, {"刺梨", 50}, {"食用菌", 40}});  // 辣椒 goes, 食用菌 comes
    run(donut, 3);
    EXPECT_FALSE(donut.settled());
    EXPECT_NEAR(sweepSum(donut), 360, 1e-9);  // mid-animation too
    run(donut, 300);
    EXPECT_TRUE(donut.settled());
    const auto a = donut.angles();
    ASSERT_EQ(a.size(), 3u);
    EXPECT_NEAR(a[1].second, 180, 1e-3);
    EXPECT_NEAR(a[2].first, 36 + 180, 1e-3);
}

TEST(WidgetTicker, BoundedAndScrollsToRest) {
    EventTicker ticker;
    ticker.setCapacity(5);
    for (int i = 0; i < 20; ++i) ticker.push({1718000000.0 + i, "事件 " + std::to_string(i), "电商"});
    EXPECT_EQ(ticker.size(), 5u);
    EXPECT_EQ(ticker.events().front().text, "事件 15");
    EXPECT_EQ(ticker.events().back().text, "事件 19");
    EXPECT_LE(ticker.scrollOffset(), 3.0);
    run(ticker, 6);
    EXPECT_GT(ticker.scrollOffset(), 0);
    run(ticker, 300);
    EXPECT_EQ(ticker.scrollOffset(), 0);
    EXPECT_TRUE(ticker.settled());
}

TEST(WidgetLine, BoundedFoldedAndScrolling) {
    LineChart line;
    line.setWindowSeconds(100);
    line.setCapacity(20000);
    const double t0 = 1718000000;
    for (int i = 0; i < 10000; ++i) line.append(t0 + i * 0.01, i == 5000 ? 1e6 : std::sin(i * 0.01));
    EXPECT_EQ(line.size(), 10000u);
    EXPECT_DOUBLE_EQ(line.now(), t0 + 9999 * 0.01);
    const auto folded = line.visibleSamples(200);  // 100 buckets of two columns: min and max each
    EXPECT_LE(folded.size(), 204u);
    EXPECT_GT(folded.size(), 100u);
    double maxV = -1;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        maxV = std::max(maxV, folded[i].v);
        if (i > 0) {
            EXPECT_LE(folded[i - 1].t, folded[i].t);
        }
    }
    EXPECT_EQ(maxV, 1e6);  // the spike survives the fold
    EXPECT_EQ(line.visibleSamples(20000).size(), 10000u);

    line.setCapacity(300);
    EXPECT_EQ(line.size(), 300u);
    line.append(t0 - 50, 1);  // late sample: stored in time order, dropped as the oldest
    EXPECT_EQ(line.size(), 300u);
    EXPECT_GT(line.samples().front().t, t0);

    const double before = line.now();
    line.update(0.5);
    EXPECT_DOUBLE_EQ(line.now(), before + 0.5);  // the axis slides with time, not with samples
    const AxisTicks ticks = line.targetTicks();
    EXPECT_LE(ticks.min, 0);  // zero included by default
    double hi = 0;
    for (const auto& s : line.samples()) hi = std::max(hi, s.v);
    EXPECT_GE(ticks.max, hi);
}

// Drawing records into a Canvas only; text stays inside the widget's box at every output size,
// and a 4K output gets twice the text size of 1080p (laid out, not scaled).
class WidgetDrawTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        show_ = new ShowFile();
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
    static inline ShowFile* show_ = nullptr;
    static inline Font* regular_ = nullptr;
    static inline Font* bold_ = nullptr;
    static inline Translator* text_ = nullptr;
};

std::vector<std::unique_ptr<Widget>> makeWidgets() {
    std::vector<std::unique_ptr<Widget>> w;
    auto kpi = std::make_unique<KpiCounter>();
    kpi->setTitle("今日电商交易额");
    kpi->setUnit("元");
    kpi->setValue(12345678);
    kpi->setTrend(0.032, "较昨日");
    kpi->setStatus(SourceState::Stale, 12);
    w.push_back(std::move(kpi));
    auto line = std::make_unique<LineChart>();
    line->setTitle("实时订单量");
    for (int i = 0; i < 200; ++i) line->append(1718000000.0 + i, 4000 + 800 * std::sin(i * 0.1));
    w.push_back(std::move(line));
    auto donut = std::make_unique<Donut>();
    donut->setTitle("网销结构");
    donut->setSegments({{"茶叶", 42.5}, {"辣椒", 31.2}, {"刺梨", 12.8}});
    w.push_back(std::move(donut));
    auto ticker = std::make_unique<EventTicker>();
    ticker->setTitle("实时动态");
    for (int i = 0; i < 12; ++i)
        ticker->push({1718000000.0 + i, "铜仁市松桃苗族自治县 → 上海市 发出订单 36 件，物流已揽收", "电商"});
    w.push_back(std::move(ticker));
    for (auto orientation : {BarChart::Orientation::Horizontal, BarChart::Orientation::Vertical}) {
        auto bars = std::make_unique<BarChart>();
        bars->setTitle("县域排行");
        bars->setOrientation(orientation);
        std::vector<BarItem> items;
        for (int i = 0; i < 88; ++i)
            items.push_back({std::to_string(520100 + i), i % 3 ? "松桃苗族自治县" : "南明区", 100.0 + (i * 37) % 500});
        bars->setItems(items);
        w.push_back(std::move(bars));
    }
    for (auto& widget : w) run(*widget, 300);
    return w;
}

TEST_F(WidgetDrawTest, TextStaysInsideTheBoxAtEverySize) {
    auto widgets = makeWidgets();
    std::vector<float> kpiMaxSize;
    for (glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}, glm::ivec2{5760, 1080}}) {
        const Layout layout(*show_, size);
        for (std::size_t i = 0; i < widgets.size(); ++i) {
            // A box of a third of the output width, half its height: ultra-wide on the 48:9 wall.
            const Rect box{layout.px(40), layout.px(40), static_cast<float>(size.x) / 3, static_cast<float>(size.y) / 2};
            Canvas canvas;
            canvas.begin(size, {});
            const WidgetFrame frame{canvas, layout, show_->theme, *regular_, *bold_, *text_};
            widgets[i]->draw(frame, box);
            const auto& glyphs = canvas.list().glyphs;
            ASSERT_FALSE(glyphs.empty()) << "widget " << i;
            float maxSize = 0;
            for (const GlyphDraw& g : glyphs) {
                maxSize = std::max(maxSize, g.sizePx);
                EXPECT_GE(g.pen.x, box.x) << "widget " << i << " at " << size.x << "x" << size.y;
                EXPECT_LE(g.pen.x, box.x + box.w) << "widget " << i << " at " << size.x << "x" << size.y;
                EXPECT_GE(g.pen.y - g.sizePx * 0.9f, box.y) << "widget " << i << " at " << size.x << "x" << size.y;
                EXPECT_LE(g.pen.y, box.y + box.h) << "widget " << i << " at " << size.x << "x" << size.y;
            }
            if (i == 0) kpiMaxSize.push_back(maxSize);
        }
    }
    ASSERT_EQ(kpiMaxSize.size(), 3u);
    EXPECT_NEAR(kpiMaxSize[1], kpiMaxSize[0] * 2, 0.01f);  // 4K: twice the pixels, twice the text
    EXPECT_NEAR(kpiMaxSize[2], kpiMaxSize[0], 0.01f);      // 48:9 at 1080 px high: same text size, more room
}

}  // namespace
}  // namespace exhibit
