// The county card a visitor opens on the map, GL-free: CountyHistory's sampling cadence, bound and
// memory of counties whose value went away; countyCardData from the bundled facts and a snapshot;
// the card's open / swap / close animation; placeCard beside the tap; the close button's touch
// size; and drawing (recorded into a Canvas only) that names the county and stays inside its box.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/show.hpp"
#include "renderer/canvas.hpp"
#include "renderer/font.hpp"
#include "scenes/county_history.hpp"
#include "scenes/layout.hpp"
#include "scenes/region_names.hpp"
#include "scenes/widgets/county_card.hpp"

namespace exhibit {
namespace {

constexpr double kDt = 1.0 / 60.0;
const std::string kCongjiang = "522633";  // 从江县, 黔东南州, exited in the 2020 batch
const std::string kNanming = "520102";    // 南明区, Guiyang, never a poverty county

MetricValue simulated(double v) { return {v, Provenance::Simulated, "", 0, 0}; }

// Frames at a fixed dt from `time`, the snapshot's orders of 从江县 equal to the scene seconds.
void runFrames(CountyHistory& history, FrameTime& time, Snapshot& snapshot, int frames) {
    for (int i = 0; i < frames; ++i) {
        time.dt = kDt;
        time.seconds += kDt;
        ++time.frame;
        snapshot.values[kCongjiang]["ecommerce_orders"] = simulated(time.seconds);
        history.update(time, snapshot);
    }
}

TEST(CountyHistory, SamplesOncePerIntervalOfTheSceneClock) {
    CountyHistory history({"ecommerce_orders"}, 10, 90);
    FrameTime time;
    Snapshot snapshot;
    runFrames(history, time, snapshot, 1);
    EXPECT_EQ(history.samplesTaken(), 1u) << "the first update samples at once";
    runFrames(history, time, snapshot, 35 * 60 - 1);  // 35 s in all
    EXPECT_EQ(history.samplesTaken(), 4u);
    const auto s = history.series(kCongjiang, "ecommerce_orders");
    ASSERT_EQ(s.size(), 4u);
    EXPECT_NEAR(s[0], kDt, 1e-9);
    for (std::size_t i = 1; i < s.size(); ++i) {
        EXPECT_GE(s[i] - s[0], 10.0 * static_cast<double>(i) - 1e-9) << "sample " << i << " came early";
        EXPECT_LT(s[i] - s[0], 10.0 * static_cast<double>(i) + kDt) << "sample " << i << " drifted";
    }
    // Updates between samples do nothing, and a stall of several intervals gives one sample, not a burst.
    runFrames(history, time, snapshot, 60);
    EXPECT_EQ(history.samplesTaken(), 4u);
    time.seconds += 45;
    runFrames(history, time, snapshot, 1);
    runFrames(history, time, snapshot, 1);
    EXPECT_EQ(history.samplesTaken(), 5u);
    runFrames(history, time, snapshot, 10 * 60);
    EXPECT_EQ(history.samplesTaken(), 6u) << "the cadence restarts from the late sample";
}

TEST(CountyHistory, KeepsTheNewestCapacitySamplesOldestFirst) {
    CountyHistory history({"ecommerce_orders", "ecommerce_sales"}, 1, 5);
    EXPECT_DOUBLE_EQ(history.spanSeconds(), 5);
    Snapshot snapshot;
    FrameTime time;
    for (int i = 0; i < 40; ++i) {
        time.seconds = i;
        snapshot.values[kCongjiang]["ecommerce_orders"] = simulated(i);
        snapshot.values[kCongjiang]["ecommerce_sales"] = simulated(100.0 * i);
        history.update(time, snapshot);
    }
    EXPECT_EQ(history.samplesTaken(), 40u);
    EXPECT_EQ(history.series(kCongjiang, "ecommerce_orders"), (std::vector<double>{35, 36, 37, 38, 39}));
    EXPECT_EQ(history.series(kCongjiang, "ecommerce_sales"), (std::vector<double>{3500, 3600, 3700, 3800, 3900}));
    EXPECT_TRUE(history.series(kCongjiang, "online_shops").empty()) << "a metric it does not keep";
}

TEST(CountyHistory, ACountyWithoutValuesIsEmptyAndOneThatLosesItsValueKeepsItsSamples) {
    CountyHistory history({"ecommerce_orders"}, 1, 4);
    Snapshot snapshot;
    snapshot.values[kCongjiang]["ecommerce_orders"] = simulated(7);
    snapshot.values[kNanming]["ecommerce_orders"] = {3, Provenance::Real, "src", 0, 0};
    snapshot.values["522600"]["ecommerce_sales"] = simulated(1);  // a region without the metric
    FrameTime time;
    for (int i = 0; i < 3; ++i) {
        time.seconds = i;
        history.update(time, snapshot);
    }
    EXPECT_EQ(history.series(kCongjiang, "ecommerce_orders"), (std::vector<double>{7, 7, 7}));
    EXPECT_EQ(history.provenance(kCongjiang, "ecommerce_orders"), Provenance::Simulated);
    EXPECT_EQ(history.provenance(kNanming, "ecommerce_orders"), Provenance::Real);
    EXPECT_TRUE(history.series("522600", "ecommerce_orders").empty());
    EXPECT_TRUE(history.series("999999", "ecommerce_orders").empty());

    snapshot.values.erase(kCongjiang);
    for (int i = 3; i < 10; ++i) {
        time.seconds = i;
        history.update(time, snapshot);
    }
    EXPECT_EQ(history.series(kCongjiang, "ecommerce_orders"), (std::vector<double>{7, 7, 7}));
    EXPECT_EQ(history.series(kNanming, "ecommerce_orders"), (std::vector<double>{3, 3, 3, 3}));
}

struct Facts {
    CountyFacts facts = loadCountyFacts(EXHIBIT_ASSETS "/shows/guizhou/facts/guizhou_counties.csv");
    RegionNames names{facts};
};

// A history of 从江县's orders, all simulated, and a snapshot with two of the card's metrics.
struct LiveCongjiang {
    CountyHistory history;  // defaults: ecommerce_orders every 10 s, 90 samples
    Snapshot snapshot;
    LiveCongjiang() {
        FrameTime time;
        for (int i = 0; i < 5; ++i) {
            time.seconds = 10.0 * i;
            snapshot.values[kCongjiang]["ecommerce_orders"] = simulated(1000 + 50 * i);
            history.update(time, snapshot);
        }
        snapshot.values[kCongjiang]["ecommerce_sales"] = simulated(1234567);
    }
};

const CountyCardData::Row* rowNamed(const CountyCardData& data, const std::string& label) {
    for (const auto& row : data.rows)
        if (row.label == label) return &row;
    return nullptr;
}

TEST(CountyCardData, CongjiangFromTheFactsAndTheFeed) {
    const Facts f;
    const LiveCongjiang live;
    const CountyCardData d = countyCardData(kCongjiang, f.facts, f.names, live.snapshot, live.history);
    EXPECT_EQ(d.adcode, kCongjiang);
    EXPECT_EQ(d.name, "从江县");
    EXPECT_EQ(d.prefecture, "黔东南苗族侗族自治州");
    EXPECT_TRUE(d.inFacts);
    EXPECT_TRUE(d.wasPoorCounty);
    ASSERT_TRUE(d.exitYear);
    EXPECT_EQ(*d.exitYear, 2020);
    EXPECT_EQ(d.exitAnnounced, "2020-11-23");
    EXPECT_EQ(povertyExitLine(d), "2020年度退出贫困县序列（2020-11-23 公布）");

    ASSERT_EQ(d.rows.size(), 6u);
    const auto* orders = rowNamed(d, "今日电商订单");
    ASSERT_NE(orders, nullptr);
    ASSERT_TRUE(orders->value);
    EXPECT_EQ(*orders->value, 1200);
    EXPECT_EQ(orders->unit, "单");
    EXPECT_EQ(orders->provenance, Provenance::Simulated);
    const auto* sales = rowNamed(d, "今日电商交易额");
    ASSERT_NE(sales, nullptr);
    EXPECT_EQ(sales->value, 1234567);
    EXPECT_EQ(sales->unit, "元");
    const auto* shops = rowNamed(d, "活跃网店");
    ASSERT_NE(shops, nullptr);
    EXPECT_FALSE(shops->value) << "not in the snapshot: shown as a dash";
    for (const char* label : {"快递物流站点", "远程医疗会诊", "课堂参与"})
        EXPECT_NE(rowNamed(d, label), nullptr) << label;
    EXPECT_EQ(rowNamed(d, "课堂参与")->unit, "人次");

    EXPECT_EQ(d.sparkTitle, "电商订单 近15分钟");
    EXPECT_EQ(d.spark, (std::vector<double>{1000, 1050, 1100, 1150, 1200}));
    EXPECT_EQ(d.sparkProvenance, Provenance::Simulated);
}

TEST(CountyCardData, NanmingWasNeverAPovertyCounty) {
    const Facts f;
    const CountyCardData d = countyCardData(kNanming, f.facts, f.names, Snapshot{}, CountyHistory{});
    EXPECT_EQ(d.name, "南明区");
    EXPECT_EQ(d.prefecture, "贵阳市");
    EXPECT_FALSE(d.wasPoorCounty);
    EXPECT_FALSE(d.exitYear);
    EXPECT_EQ(povertyExitLine(d), "非贫困县");
    ASSERT_EQ(d.rows.size(), 6u);
    for (const auto& row : d.rows) EXPECT_FALSE(row.value) << row.label;
    EXPECT_TRUE(d.spark.empty());
    EXPECT_EQ(d.sparkProvenance, Provenance::Real);
}

TEST(CountyCardData, AnUnknownAdcodeGivesItsCodeAndNothingElse) {
    const Facts f;
    const LiveCongjiang live;
    const CountyCardData d = countyCardData("529999", f.facts, f.names, live.snapshot, live.history);
    EXPECT_EQ(d.name, "529999");
    EXPECT_FALSE(d.inFacts);
    EXPECT_TRUE(d.rows.empty());
    EXPECT_TRUE(d.spark.empty());
    EXPECT_EQ(povertyExitLine(d), "") << "no claim about a county the facts do not know";
    // A prefecture is named, but is not a county.
    EXPECT_EQ(countyCardData("522600", f.facts, f.names, live.snapshot, live.history).name, "黔东南州");
}

CountyCardData cardData(const std::string& adcode, const std::string& name) {
    CountyCardData d;
    d.adcode = adcode;
    d.name = name;
    return d;
}

void run(CountyCard& card, int frames) {
    for (int i = 0; i < frames; ++i) card.update(kDt);
}

TEST(CountyCardMotion, OpensFadesInAndFadesOutAfterClosing) {
    CountyCard card;
    EXPECT_FALSE(card.visible());
    EXPECT_TRUE(card.settled());
    card.open(cardData(kCongjiang, "从江县"));
    EXPECT_TRUE(card.isOpen());
    EXPECT_TRUE(card.visible());
    EXPECT_EQ(card.adcode(), kCongjiang);
    EXPECT_EQ(card.shown(), 0.0f);
    run(card, 6);  // 0.1 s of 0.25 s
    const float mid = card.shown();
    EXPECT_GT(mid, 0.0f);
    EXPECT_LT(mid, 1.0f);
    EXPECT_FALSE(card.settled());
    run(card, 10);
    EXPECT_EQ(card.shown(), 1.0f);
    EXPECT_TRUE(card.settled());

    card.close();
    EXPECT_FALSE(card.isOpen());
    EXPECT_TRUE(card.visible()) << "still fading out";
    run(card, 6);
    EXPECT_GT(card.shown(), 0.0f);
    EXPECT_LT(card.shown(), 1.0f);
    run(card, 10);
    EXPECT_FALSE(card.visible());
    EXPECT_TRUE(card.settled());
}

TEST(CountyCardMotion, AnotherCountySwapsWithACrossFadeAndTheSameOneOnlyRefreshes) {
    CountyCard card;
    card.open(cardData(kCongjiang, "从江县"));
    run(card, 30);
    card.open(cardData(kCongjiang, "从江县"));
    EXPECT_TRUE(card.settled()) << "the county already open is only refreshed";
    card.open(cardData(kNanming, "南明区"));
    EXPECT_EQ(card.adcode(), kNanming);
    EXPECT_EQ(card.shown(), 1.0f) << "the card stays; only its content cross-fades";
    EXPECT_FALSE(card.settled());
    run(card, 13);  // 0.217 s > 0.2 s
    EXPECT_TRUE(card.settled());

    // Reopened while fading out: it comes back from where it was, without a jump.
    card.close();
    run(card, 6);
    const float fading = card.shown();
    card.open(cardData(kNanming, "南明区"));
    EXPECT_EQ(card.shown(), fading);
    run(card, 30);
    EXPECT_EQ(card.shown(), 1.0f);
    EXPECT_TRUE(card.visible());
}

TEST(CountyCardMotion, DeterministicForAFixedDt) {
    CountyCard a, b;
    for (CountyCard* c : {&a, &b}) {
        c->open(cardData(kCongjiang, "从江县"));
        run(*c, 7);
        c->close();
        run(*c, 3);
    }
    EXPECT_EQ(a.shown(), b.shown());
    EXPECT_GT(a.shown(), 0.0f);
}

TEST(PlaceCard, BesideTheAnchorAndInsideTheArea) {
    const Rect within{0, 0, 1920, 1080};
    const glm::vec2 size{400, 350};
    const float gap = 24;
    auto inside = [&](const Rect& r) {
        return r.x >= within.x && r.y >= within.y && r.x + r.w <= within.x + within.w && r.y + r.h <= within.y + within.h;
    };
    // Room on the right: to the right, vertically centred.
    Rect r = placeCard({300, 500}, size, within, gap);
    EXPECT_FLOAT_EQ(r.x, 324);
    EXPECT_FLOAT_EQ(r.y, 325);
    EXPECT_FLOAT_EQ(r.w, 400);
    EXPECT_TRUE(inside(r));
    // Near the right edge: to the left, not covering the anchor.
    r = placeCard({1700, 500}, size, within, gap);
    EXPECT_FLOAT_EQ(r.x + r.w, 1676);
    EXPECT_TRUE(inside(r));
    // Near the top and bottom: clamped vertically, still beside the anchor.
    for (glm::vec2 anchor : {glm::vec2{900, 10}, glm::vec2{900, 1075}}) {
        r = placeCard(anchor, size, within, gap);
        EXPECT_TRUE(inside(r)) << anchor.y;
        EXPECT_FALSE(r.contains(anchor)) << anchor.y;
    }
    // Within a part of the output (a map region that is not at the origin).
    const Rect map{600, 100, 900, 800};
    for (float x = 600; x <= 1500; x += 50) {
        r = placeCard({x, 400}, size, map, gap);
        EXPECT_GE(r.x, map.x) << x;
        EXPECT_LE(r.x + r.w, map.x + map.w) << x;
        EXPECT_GE(r.y, map.y) << x;
        const bool room = x + gap + size.x <= map.x + map.w || x - gap - size.x >= map.x;
        if (room) {
            EXPECT_FALSE(r.contains({x, 400})) << x;
        }
    }
    // Too large for the area: its top-left.
    r = placeCard({50, 50}, {500, 500}, {10, 20, 300, 300}, gap);
    EXPECT_FLOAT_EQ(r.x, 10);
    EXPECT_FLOAT_EQ(r.y, 20);
}

class CountyCardDraw : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        show_ = new ShowFile();
        regular_ = new Font(Font::find(show_->theme.font, true));
        bold_ = new Font(Font::find(show_->theme.fontBold, true));
        text_ = new Translator(*show_);
        facts_ = new Facts();
    }
    static void TearDownTestSuite() {
        delete facts_;
        delete text_;
        delete bold_;
        delete regular_;
        delete show_;
    }
    static CountyCardData congjiang() {
        const LiveCongjiang live;
        return countyCardData(kCongjiang, facts_->facts, facts_->names, live.snapshot, live.history);
    }
    static inline ShowFile* show_ = nullptr;
    static inline Font* regular_ = nullptr;
    static inline Font* bold_ = nullptr;
    static inline Translator* text_ = nullptr;
    static inline Facts* facts_ = nullptr;
};

// The glyph indices `text` has in `font`, in order.
std::vector<std::uint32_t> glyphsOf(const Font& font, const std::u32string& text) {
    std::vector<std::uint32_t> out;
    for (char32_t c : text) out.push_back(font.glyphIndex(c));
    return out;
}

bool containsRun(const std::vector<GlyphDraw>& glyphs, const Font& font, const std::vector<std::uint32_t>& run) {
    for (std::size_t i = 0; i + run.size() <= glyphs.size(); ++i) {
        bool match = true;
        for (std::size_t k = 0; k < run.size() && match; ++k)
            match = glyphs[i + k].font == &font && glyphs[i + k].glyph == run[k];
        if (match) return true;
    }
    return false;
}

// Everything recorded lies inside `box` (glyph pens with their ascent, shapes with their extent,
// triangle vertices with a pixel of anti-aliasing).
void expectInside(const DrawList& list, const Rect& box, const std::string& what) {
    const float slack = 1.0f;
    for (const GlyphDraw& g : list.glyphs) {
        EXPECT_GE(g.pen.x, box.x) << what;
        EXPECT_LE(g.pen.x, box.x + box.w) << what;
        EXPECT_GE(g.pen.y - g.sizePx * 0.9f, box.y) << what;
        EXPECT_LE(g.pen.y, box.y + box.h) << what;
    }
    for (const ShapeInstance& s : list.shapes) {
        EXPECT_GE(s.box.x - s.box.z, box.x - slack) << what;
        EXPECT_LE(s.box.x + s.box.z, box.x + box.w + slack) << what;
        EXPECT_GE(s.box.y - s.box.w, box.y - slack) << what;
        EXPECT_LE(s.box.y + s.box.w, box.y + box.h + slack) << what;
    }
    for (const ShapeVertex& v : list.vertices) {
        EXPECT_GE(v.pos.x, box.x - slack) << what;
        EXPECT_LE(v.pos.x, box.x + box.w + slack) << what;
        EXPECT_GE(v.pos.y, box.y - slack) << what;
        EXPECT_LE(v.pos.y, box.y + box.h + slack) << what;
    }
}

TEST_F(CountyCardDraw, NamesTheCountyAndStaysInsideItsBoxAtEverySize) {
    CountyCard card;
    card.setMinTouchPx(30);
    card.open(congjiang());
    run(card, 30);
    EXPECT_TRUE(card.badgeState().simulated) << "its rows and sparkline are simulated";
    for (glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}, glm::ivec2{5760, 1080}}) {
        const Layout layout(*show_, size);
        const glm::vec2 cardSize = CountyCard::preferredSize(layout);
        const Rect box = placeCard({layout.px(700), layout.px(500)}, cardSize, layout.output(), layout.px(24));
        Canvas canvas;
        canvas.begin(size, {});
        card.draw({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box);
        const DrawList& list = canvas.list();
        const std::string at = std::to_string(size.x) + "x" + std::to_string(size.y);
        EXPECT_TRUE(containsRun(list.glyphs, *bold_, glyphsOf(*bold_, U"从江县"))) << at;
        EXPECT_TRUE(containsRun(list.glyphs, *regular_, glyphsOf(*regular_, U"黔东南苗族侗族自治州"))) << at;
        EXPECT_TRUE(containsRun(list.glyphs, *regular_, glyphsOf(*regular_, U"2020年度退出贫困县序列"))) << at;
        EXPECT_TRUE(containsRun(list.glyphs, *regular_, glyphsOf(*regular_, U"模拟数据"))) << at << ": the badge";
        EXPECT_TRUE(containsRun(list.glyphs, *bold_, glyphsOf(*bold_, U"123.5万"))) << at << ": the sales";
        EXPECT_TRUE(containsRun(list.glyphs, *bold_, glyphsOf(*bold_, U"—"))) << at << ": a missing value";
        EXPECT_FALSE(list.vertices.empty()) << at << ": the sparkline";
        expectInside(list, box, at);
        // The name is the largest text on the card.
        float nameSize = 0, otherMax = 0;
        const auto name = glyphsOf(*bold_, U"从江县");
        for (const GlyphDraw& g : list.glyphs) {
            const bool inName = g.font == bold_ && std::find(name.begin(), name.end(), g.glyph) != name.end();
            float& largest = inName ? nameSize : otherMax;
            largest = std::max(largest, g.sizePx);
        }
        EXPECT_GT(nameSize, otherMax) << at;
        EXPECT_NEAR(nameSize, layout.px(26), 0.01f) << at;
    }
}

TEST_F(CountyCardDraw, ALongNameShrinksToFitAndMotionStaysInsideTheBox) {
    CountyCard card;
    CountyCardData d = congjiang();
    d.name = "威宁彝族回族苗族自治县威宁彝族回族苗族自治县";
    card.open(d);
    const Layout layout(*show_, {1920, 1080});
    const Rect box{100, 100, CountyCard::preferredSize(layout).x, CountyCard::preferredSize(layout).y};
    for (int frame = 0; frame < 40; ++frame) {
        if (frame == 20) card.close();
        Canvas canvas;
        canvas.begin({1920, 1080}, {});
        card.draw({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box);
        if (frame == 19) {  // settled: the long name is drawn smaller than a short one, on one line
            float nameSize = 0, nameTop = 1e9f, nameBottom = 0;
            const std::uint32_t wei = bold_->glyphIndex(U'威');
            for (const GlyphDraw& g : canvas.list().glyphs) {
                if (g.font != bold_ || g.glyph != wei) continue;
                nameSize = g.sizePx;
                nameTop = std::min(nameTop, g.pen.y);
                nameBottom = std::max(nameBottom, g.pen.y);
            }
            EXPECT_LT(nameSize, layout.px(26));
            EXPECT_GE(nameSize, layout.px(16));
            EXPECT_EQ(nameTop, nameBottom) << "one line";
        }
        if (frame > 0 && frame <= 10) {
            EXPECT_FALSE(canvas.list().glyphs.empty()) << frame;
            // While fading in, nothing is drawn at full strength.
            for (const ShapeInstance& s : canvas.list().shapes) EXPECT_LT(s.colorA >> 24, 255u) << frame;
        }
        expectInside(canvas.list(), box, "frame " + std::to_string(frame));
        card.update(kDt);
    }
    EXPECT_FALSE(card.visible());
    Canvas canvas;
    canvas.begin({1920, 1080}, {});
    card.draw({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box);
    EXPECT_TRUE(canvas.list().items.empty()) << "closed: nothing drawn";
}

TEST_F(CountyCardDraw, TheCloseButtonIsAtLeastTheTouchSizeAndDrawnWhereItIsHit) {
    const Layout layout(*show_, {1920, 1080});
    const glm::vec2 size = CountyCard::preferredSize(layout);
    EXPECT_FLOAT_EQ(size.x, 400);
    EXPECT_GE(size.y, 330);
    EXPECT_FLOAT_EQ(CountyCard::preferredSize(Layout(*show_, {3840, 2160})).x, 800);
    const Rect box{500, 200, size.x, size.y};
    CountyCard card;
    const Rect byDefault = card.closeButton(layout, box);
    EXPECT_GE(byDefault.w, layout.px(40));
    for (float touch : {20.0f, 72.0f, 110.0f}) {  // 1.8 cm at about 11, 40 and 61 px per cm
        card.setMinTouchPx(touch);
        const Rect button = card.closeButton(layout, box);
        EXPECT_GE(button.w, touch);
        EXPECT_GE(button.h, touch);
        EXPECT_GE(button.x, box.x);
        EXPECT_LE(button.x + button.w, box.x + box.w + 1e-3f) << "in the top-right corner";
        EXPECT_FLOAT_EQ(button.y, box.y);
        EXPECT_GT(button.center().x, box.center().x);

        card.open(cardData(kCongjiang, "从江县"));
        run(card, 30);
        Canvas canvas;
        canvas.begin({1920, 1080}, {});
        card.draw({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box);
        // The button's disc is centred on the square the scene hit-tests, and fills most of it.
        bool found = false;
        for (const ShapeInstance& s : canvas.list().shapes)
            found = found || (std::fabs(s.box.x - button.center().x) < 0.01f &&
                              std::fabs(s.box.y - button.center().y) < 0.01f && s.box.z >= button.w * 0.45f &&
                              s.box.z <= button.w * 0.5f);
        EXPECT_TRUE(found) << touch;
        expectInside(canvas.list(), box, "touch " + std::to_string(touch));
    }
}

TEST_F(CountyCardDraw, RealValuesShowNoBadgeAndSwapsDrawBothCounties) {
    CountyCard card;
    CountyCardData d = congjiang();
    for (auto& row : d.rows) row.provenance = Provenance::Real;
    d.sparkProvenance = Provenance::Real;
    card.open(d);
    EXPECT_FALSE(card.badgeState().simulated);
    d.rows[0].provenance = Provenance::Simulated;
    card.setData(d);
    EXPECT_TRUE(card.badgeState().simulated);
    run(card, 30);

    const Facts& f = *facts_;
    card.open(countyCardData(kNanming, f.facts, f.names, Snapshot{}, CountyHistory{}));
    run(card, 5);
    const Layout layout(*show_, {1920, 1080});
    const Rect box{100, 100, CountyCard::preferredSize(layout).x, CountyCard::preferredSize(layout).y};
    Canvas canvas;
    canvas.begin({1920, 1080}, {});
    card.draw({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box);
    EXPECT_TRUE(containsRun(canvas.list().glyphs, *bold_, glyphsOf(*bold_, U"从江县"))) << "fading out";
    EXPECT_TRUE(containsRun(canvas.list().glyphs, *bold_, glyphsOf(*bold_, U"南明区"))) << "fading in";
    EXPECT_TRUE(containsRun(canvas.list().glyphs, *regular_, glyphsOf(*regular_, U"非贫困县")));
    run(card, 30);
    canvas.begin({1920, 1080}, {});
    card.draw({canvas, layout, show_->theme, *regular_, *bold_, *text_}, box);
    EXPECT_FALSE(containsRun(canvas.list().glyphs, *bold_, glyphsOf(*bold_, U"从江县")));
}

}  // namespace
}  // namespace exhibit
