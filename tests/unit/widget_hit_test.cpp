// Touch hit tests of the chart widgets, GL-free: Widget::itemAt against what draw() recorded into a
// Canvas at 1920x1080. Items are found where they were drawn (the ink of their label's first
// character, which is unique to the item, and the bar shape on its row or column), never from the
// widget's own geometry, so a hit test that disagrees with draw() fails: the TOP-10 ranking's rows
// and the 88-county columns, their whole band, nothing on the title, axis or outside the box, the
// hit following bars mid-slide, ticker rows mid-scroll and their empty area; highlights change the
// drawing only at the highlighted item; the bindings key bars and ticker rows by adcode.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "data_feed/county_facts.hpp"
#include "scenes/region_names.hpp"
#include "scenes/widget_bindings.hpp"
#include "scenes/widgets/bar_chart.hpp"
#include "scenes/widgets/event_ticker.hpp"

namespace exhibit {
namespace {

constexpr double kDt = 1.0 / 60.0;
constexpr glm::ivec2 kOutput{1920, 1080};

void run(Widget& w, int frames) {
    for (int i = 0; i < frames; ++i) w.update(kDt);
}

// The k-th unique first character of item labels: U+6C60 池 onwards (none of them is in a title,
// unit, tag or second character below).
char32_t uniqueChar(int k) { return static_cast<char32_t>(0x6C60 + k); }
std::string countyLabel(int k) { return encodeUtf8(uniqueChar(k)) + "县"; }
std::string countyId(int k) { return std::to_string(522600 + k); }

bool sameShape(const ShapeInstance& a, const ShapeInstance& b) {
    return a.box == b.box && a.params == b.params && a.colorA == b.colorA && a.colorB == b.colorB;
}
bool sameGlyph(const GlyphDraw& a, const GlyphDraw& b) {
    return a.font == b.font && a.glyph == b.glyph && a.pen == b.pen && a.sizePx == b.sizePx && a.color == b.color &&
           a.outlineColor == b.outlineColor && a.outlineWidth == b.outlineWidth && a.softness == b.softness;
}
bool sameDrawing(const DrawList& a, const DrawList& b) {
    return a.items.size() == b.items.size() && a.vertices.size() == b.vertices.size() &&
           std::equal(a.shapes.begin(), a.shapes.end(), b.shapes.begin(), b.shapes.end(), sameShape) &&
           std::equal(a.glyphs.begin(), a.glyphs.end(), b.glyphs.begin(), b.glyphs.end(), sameGlyph);
}
// Shapes of `after` that `before` does not have (as a multiset).
std::vector<ShapeInstance> addedShapes(const DrawList& before, const DrawList& after) {
    std::vector<bool> used(before.shapes.size(), false);
    std::vector<ShapeInstance> added;
    for (const ShapeInstance& s : after.shapes) {
        bool found = false;
        for (std::size_t i = 0; i < before.shapes.size() && !found; ++i)
            if (!used[i] && sameShape(before.shapes[i], s)) used[i] = found = true;
        if (!found) added.push_back(s);
    }
    return added;
}
glm::vec2 centreOf(const ShapeInstance& s) { return {s.box.x, s.box.y}; }
bool isBar(const ShapeInstance& s, Gradient gradient) {
    return s.params.y == 0 && s.params.w == static_cast<float>(gradient);
}

class WidgetHitTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        show_ = new ShowFile();
        regular_ = new Font(Font::find(show_->theme.font, true));
        bold_ = new Font(Font::find(show_->theme.fontBold, true));
        text_ = new Translator(*show_);
        layout_ = new Layout(*show_, kOutput);
    }
    static void TearDownTestSuite() {
        delete layout_;
        delete text_;
        delete bold_;
        delete regular_;
        delete show_;
    }

    static WidgetFrame frameOn(Canvas& canvas) { return {canvas, *layout_, show_->theme, *regular_, *bold_, *text_}; }
    static DrawList drawn(const Widget& w, const Rect& box) {
        Canvas canvas;
        canvas.begin(kOutput, {0, 0, 0, 1});
        w.draw(frameOn(canvas), box);
        return canvas.list();
    }
    // itemAt through a frame whose canvas must stay empty (a hit test only measures).
    static std::string hit(const Widget& w, const Rect& box, glm::vec2 point) {
        Canvas canvas;
        canvas.begin(kOutput, {0, 0, 0, 1});
        std::string key = w.itemAt(frameOn(canvas), box, point);
        EXPECT_TRUE(canvas.list().shapes.empty() && canvas.list().glyphs.empty()) << "itemAt drew";
        return key;
    }

    struct Ink {
        glm::vec2 centre;
        float alpha;
    };
    // Where the regular-font glyph of `c` was drawn (the centre of its ink box), if it was; a
    // character of a label is unique to the label, so it must be drawn at most once.
    static std::optional<Ink> inkOf(const DrawList& list, char32_t c) {
        const std::uint32_t glyph = regular_->glyphIndex(c);
        EXPECT_NE(glyph, 0u) << "no glyph for U+" << std::hex << static_cast<std::uint32_t>(c);
        const GlyphMetrics m = regular_->metrics(glyph);
        std::optional<Ink> ink;
        int count = 0;
        for (const GlyphDraw& g : list.glyphs) {
            if (g.font != regular_ || g.glyph != glyph) continue;
            ++count;
            ink = Ink{{g.pen.x + (m.left + m.width * 0.5f) * g.sizePx, g.pen.y - (m.top - m.height * 0.5f) * g.sizePx},
                      static_cast<float>(g.color >> 24) / 255.0f};
        }
        EXPECT_LE(count, 1) << "U+" << std::hex << static_cast<std::uint32_t>(c) << " drawn more than once";
        return ink;
    }

    static inline ShowFile* show_ = nullptr;
    static inline Font* regular_ = nullptr;
    static inline Font* bold_ = nullptr;
    static inline Translator* text_ = nullptr;
    static inline Layout* layout_ = nullptr;
};

// The outside of a box and its title row, which no item owns.
void expectNothingAround(const Widget& w, const Rect& box, std::string_view what,
                         std::string (*hitFn)(const Widget&, const Rect&, glm::vec2)) {
    const glm::vec2 c = box.center();
    for (glm::vec2 p : {glm::vec2{box.x - 8, c.y}, glm::vec2{box.x + box.w + 8, c.y}, glm::vec2{c.x, box.y - 8},
                        glm::vec2{c.x, box.y + box.h + 8}, glm::vec2{box.x + 60, box.y + 30}, glm::vec2{c.x, box.y + 30},
                        glm::vec2{c.x, box.y + 4}, glm::vec2{c.x, box.y + box.h - 6}})
        EXPECT_EQ(hitFn(w, box, p), "") << what << " at " << p.x << "," << p.y;
}

// A TOP-10 ranking of 20 counties, values 100, 110, ... (item k has rank 19 - k).
BarChart topTen() {
    BarChart chart;
    chart.setTitle("县域排行");
    chart.setUnit("万元");
    chart.setOrientation(BarChart::Orientation::Horizontal);
    chart.setMaxBars(10);
    std::vector<BarItem> items;
    for (int k = 0; k < 20; ++k) items.push_back({countyId(k), countyLabel(k), 100.0 + 10 * k});
    chart.setItems(items);
    run(chart, 300);
    return chart;
}

// Every county, values 100, 106, ... as columns.
BarChart allCounties() {
    BarChart chart;
    chart.setTitle("县域排行");
    chart.setUnit("万元");
    chart.setOrientation(BarChart::Orientation::Vertical);
    std::vector<BarItem> items;
    for (int k = 0; k < 88; ++k) items.push_back({countyId(k), countyLabel(k), 100.0 + 6 * k});
    chart.setItems(items);
    run(chart, 300);
    return chart;
}

const Rect kRankingBox{60, 80, 620, 460};
const Rect kColumnsBox{40, 680, 1840, 370};
const Rect kTickerBox{60, 80, 560, 500};

TEST_F(WidgetHitTest, RankingRowsHitTheirCountyAcrossTheWholeRow) {
    const BarChart chart = topTen();
    const DrawList list = drawn(chart, kRankingBox);
    std::set<std::string> shown;
    for (int k = 0; k < 20; ++k) {
        const auto label = inkOf(list, uniqueChar(k));
        if (chart.targetRank(countyId(k)) >= 10) {
            EXPECT_FALSE(label) << "rank " << chart.targetRank(countyId(k)) << " is beyond the TOP 10";
            continue;
        }
        ASSERT_TRUE(label) << countyId(k);
        shown.insert(countyId(k));
        // The bar on the label's row.
        const ShapeInstance* bar = nullptr;
        for (const ShapeInstance& s : list.shapes)
            if (isBar(s, Gradient::Horizontal) && std::fabs(s.box.y - label->centre.y) < 6) {
                EXPECT_EQ(bar, nullptr) << "two bars on one row";
                bar = &s;
            }
        ASSERT_NE(bar, nullptr) << countyId(k);
        EXPECT_EQ(hit(chart, kRankingBox, centreOf(*bar)), countyId(k));
        EXPECT_EQ(hit(chart, kRankingBox, label->centre), countyId(k));
        // The whole row: the rank column on the left, the value on the right, and the bar's ends.
        EXPECT_EQ(hit(chart, kRankingBox, {kRankingBox.x + 30, label->centre.y}), countyId(k));
        EXPECT_EQ(hit(chart, kRankingBox, {kRankingBox.x + kRankingBox.w - 30, label->centre.y}), countyId(k));
        EXPECT_EQ(hit(chart, kRankingBox, {bar->box.x + bar->box.z - 1, bar->box.y + bar->box.w + 4}), countyId(k));
    }
    EXPECT_EQ(shown.size(), 10u);
    expectNothingAround(chart, kRankingBox, "ranking", hit);

    // Anywhere in the box: one of the ten shown, or nothing.
    std::set<std::string> seen;
    for (float y = kRankingBox.y; y < kRankingBox.y + kRankingBox.h; y += 3)
        for (float x = kRankingBox.x; x < kRankingBox.x + kRankingBox.w; x += 40) {
            const std::string key = hit(chart, kRankingBox, {x, y});
            if (key.empty()) continue;
            EXPECT_TRUE(shown.count(key)) << key << " is not drawn";
            seen.insert(key);
        }
    EXPECT_EQ(seen, shown);
}

TEST_F(WidgetHitTest, RowsWithoutAnItemAndTooSmallBoxesAreNothing) {
    BarChart chart;
    chart.setTitle("县域排行");
    chart.setMaxBars(10);
    chart.setItems({{countyId(0), countyLabel(0), 5}, {countyId(1), countyLabel(1), 3}});
    run(chart, 300);
    const DrawList list = drawn(chart, kRankingBox);
    const auto first = inkOf(list, uniqueChar(0)), second = inkOf(list, uniqueChar(1));
    ASSERT_TRUE(first && second);
    EXPECT_EQ(hit(chart, kRankingBox, first->centre), countyId(0));
    const float rowH = second->centre.y - first->centre.y;
    ASSERT_GT(rowH, 20);
    EXPECT_EQ(hit(chart, kRankingBox, {second->centre.x, second->centre.y + rowH}), "");  // the empty third row
    EXPECT_EQ(hit(chart, kRankingBox, {second->centre.x, second->centre.y + 5 * rowH}), "");

    // A box too small to draw bars in draws none and hits none.
    const Rect tiny{60, 80, 90, 90};
    EXPECT_FALSE(inkOf(drawn(chart, tiny), uniqueChar(0)));
    for (float y = tiny.y; y < tiny.y + tiny.h; y += 5) EXPECT_EQ(hit(chart, tiny, {tiny.center().x, y}), "");
    // Widgets without keyed items answer nothing.
    EventTicker empty;
    EXPECT_EQ(hit(empty, kTickerBox, kTickerBox.center()), "");
}

TEST_F(WidgetHitTest, CountyColumnsHitTheirCountyInTheWholeSlot) {
    const BarChart chart = allCounties();
    const DrawList list = drawn(chart, kColumnsBox);
    struct Column {
        std::string id;
        glm::vec2 label;
        ShapeInstance bar;
    };
    std::vector<Column> columns;
    for (int k = 0; k < 88; ++k) {
        const auto label = inkOf(list, uniqueChar(k));
        ASSERT_TRUE(label) << "every county's label is drawn (stacked): " << countyId(k);
        const ShapeInstance* bar = nullptr;
        for (const ShapeInstance& s : list.shapes)
            if (isBar(s, Gradient::Vertical) && s.box.z < 15 && std::fabs(s.box.x - label->centre.x) < 2) {
                EXPECT_EQ(bar, nullptr) << "two bars over one label";
                bar = &s;
            }
        ASSERT_NE(bar, nullptr) << countyId(k);
        columns.push_back({countyId(k), label->centre, *bar});
    }
    std::sort(columns.begin(), columns.end(), [](const Column& a, const Column& b) { return a.bar.box.x < b.bar.box.x; });
    const float slotW = columns[1].bar.box.x - columns[0].bar.box.x;
    ASSERT_GT(slotW, 10);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Column& c = columns[i];
        const ShapeInstance& bar = c.bar;
        EXPECT_EQ(hit(chart, kColumnsBox, centreOf(bar)), c.id);
        EXPECT_EQ(hit(chart, kColumnsBox, c.label), c.id) << "the label under the column";
        EXPECT_EQ(hit(chart, kColumnsBox, {bar.box.x, bar.box.y - bar.box.w - 6}), c.id) << "above the bar";
        EXPECT_EQ(hit(chart, kColumnsBox, {bar.box.x, bar.box.y + bar.box.w - 1}), c.id) << "the bar's foot";
        // The slot, not only the bar (about half of it): just either side of the middle between columns.
        if (i + 1 < columns.size()) {
            const float middle = (bar.box.x + columns[i + 1].bar.box.x) * 0.5f;
            ASSERT_GT(middle - 1.5f, bar.box.x + bar.box.z) << "the bar fills its slot";
            EXPECT_EQ(hit(chart, kColumnsBox, {middle - 1.5f, bar.box.y}), c.id);
            EXPECT_EQ(hit(chart, kColumnsBox, {middle + 1.5f, bar.box.y}), columns[i + 1].id);
        }
    }
    // Highest value first, left to right.
    EXPECT_EQ(columns.front().id, countyId(87));
    EXPECT_EQ(columns.back().id, countyId(0));
    expectNothingAround(chart, kColumnsBox, "columns", hit);
    // The y axis' labels left of the first column.
    const float midY = columns.front().bar.box.y;
    EXPECT_EQ(hit(chart, kColumnsBox, {columns.front().bar.box.x - slotW * 1.5f, midY}), "");
    EXPECT_EQ(hit(chart, kColumnsBox, {kColumnsBox.x + 30, midY}), "");
}

TEST_F(WidgetHitTest, HitFollowsABarWhereItIsDrawnMidSlide) {
    // The ranking: county 12 (rank 7) jumps to the top; 0.1 s later it is drawn about half-way.
    BarChart ranking = topTen();
    std::vector<BarItem> items;
    for (int k = 0; k < 20; ++k) items.push_back({countyId(k), countyLabel(k), k == 12 ? 500.0 : 100.0 + 10 * k});
    ranking.setItems(items);
    run(ranking, 6);
    ASSERT_EQ(ranking.targetRank(countyId(12)), 0);
    ASSERT_GT(ranking.shownRank(countyId(12)), 3);
    ASSERT_LT(ranking.shownRank(countyId(12)), 6);
    DrawList list = drawn(ranking, kRankingBox);
    int checked = 0;
    for (int k = 0; k < 20; ++k) {
        const auto label = inkOf(list, uniqueChar(k));
        if (!label) continue;
        ++checked;
        EXPECT_EQ(hit(ranking, kRankingBox, label->centre), countyId(k)) << "shown rank " << ranking.shownRank(countyId(k));
    }
    EXPECT_GE(checked, 10);
    // Where county 12 is going, the former first (sliding down by one) is still drawn.
    const auto formerFirst = inkOf(list, uniqueChar(19)), mover = inkOf(list, uniqueChar(12));
    ASSERT_TRUE(formerFirst && mover);
    EXPECT_LT(formerFirst->centre.y, mover->centre.y - 100);

    // The columns: the lowest county jumps to second place (below the maximum, so the axis holds).
    BarChart columns = allCounties();
    items.clear();
    for (int k = 0; k < 88; ++k) items.push_back({countyId(k), countyLabel(k), k == 0 ? 100.0 + 6 * 87 - 3 : 100.0 + 6 * k});
    columns.setItems(items);
    run(columns, 6);
    ASSERT_EQ(columns.targetRank(countyId(0)), 1);
    ASSERT_GT(columns.shownRank(countyId(0)), 40);
    list = drawn(columns, kColumnsBox);
    for (int k = 0; k < 88; ++k) {
        const auto label = inkOf(list, uniqueChar(k));
        ASSERT_TRUE(label) << countyId(k);
        EXPECT_EQ(hit(columns, kColumnsBox, label->centre), countyId(k)) << "shown rank " << columns.shownRank(countyId(k));
    }
    // The mover's bar is hit where it is drawn, far from its target slot.
    const auto moverLabel = inkOf(list, uniqueChar(0)), secondLabel = inkOf(list, uniqueChar(86));
    ASSERT_TRUE(moverLabel && secondLabel);
    EXPECT_GT(moverLabel->centre.x - secondLabel->centre.x, 500);
    int moverBars = 0;
    for (const ShapeInstance& s : list.shapes) {
        if (!isBar(s, Gradient::Vertical) || s.box.z >= 15 || std::fabs(s.box.x - moverLabel->centre.x) >= 2) continue;
        ++moverBars;
        EXPECT_EQ(hit(columns, kColumnsBox, centreOf(s)), countyId(0));
    }
    EXPECT_EQ(moverBars, 1);

    // Settled again: everything where it belongs.
    run(columns, 600);
    list = drawn(columns, kColumnsBox);
    const auto settled = inkOf(list, uniqueChar(0));
    ASSERT_TRUE(settled);
    EXPECT_EQ(hit(columns, kColumnsBox, settled->centre), countyId(0));
    EXPECT_LT(settled->centre.x, kColumnsBox.x + 200);
}

TEST_F(WidgetHitTest, FadingOutBarsGiveWayToTheOnesStaying) {
    BarChart chart = topTen();
    // County 19 (first) leaves; county 30 arrives at the top, where county 19 is still fading out.
    std::vector<BarItem> items;
    for (int k = 0; k < 19; ++k) items.push_back({countyId(k), countyLabel(k), 100.0 + 10 * k});
    items.push_back({countyId(30), countyLabel(30), 900});
    chart.setItems(items);
    run(chart, 3);
    ASSERT_EQ(chart.targetRank(countyId(19)), -1);
    ASSERT_EQ(chart.shownRank(countyId(30)), 0);
    const DrawList list = drawn(chart, kRankingBox);
    const auto leaving = inkOf(list, uniqueChar(19)), arriving = inkOf(list, uniqueChar(30));
    ASSERT_TRUE(leaving && arriving) << "both drawn on the first row";
    EXPECT_NEAR(leaving->centre.y, arriving->centre.y, 2);
    EXPECT_EQ(hit(chart, kRankingBox, leaving->centre), countyId(30));
    run(chart, 300);
    EXPECT_EQ(hit(chart, kRankingBox, arriving->centre), countyId(30));
}

EventTicker tickerWith(int events) {
    EventTicker ticker;
    ticker.setTitle("实时动态");
    for (int k = 0; k < events; ++k)
        ticker.push({1718000000.0 + k, encodeUtf8(uniqueChar(k)) + "村 发出订单 36 件", "电商", Provenance::Real,
                     {0, 0, 0, 0}, k == 5 ? std::string() : countyId(k)});
    return ticker;
}

TEST_F(WidgetHitTest, TickerRowsHitTheirKeysAtRestAndMidScroll) {
    EventTicker ticker = tickerWith(12);
    run(ticker, 300);
    ASSERT_EQ(ticker.scrollOffset(), 0);
    DrawList list = drawn(ticker, kTickerBox);
    int rows = 0;
    float lowest = 0;
    for (int k = 0; k < 12; ++k) {
        const auto text = inkOf(list, uniqueChar(k));
        if (!text) continue;
        ++rows;
        lowest = std::max(lowest, text->centre.y);
        EXPECT_EQ(hit(ticker, kTickerBox, text->centre), k == 5 ? "" : countyId(k)) << "row " << k;
        EXPECT_EQ(hit(ticker, kTickerBox, {kTickerBox.x + 30, text->centre.y}), k == 5 ? "" : countyId(k));
        EXPECT_EQ(hit(ticker, kTickerBox, {kTickerBox.x + kTickerBox.w - 30, text->centre.y}), k == 5 ? "" : countyId(k));
    }
    EXPECT_EQ(rows, 9) << "the newest nine fit";
    ASSERT_TRUE(inkOf(list, uniqueChar(11)));
    EXPECT_EQ(lowest, inkOf(list, uniqueChar(11))->centre.y) << "the newest at the bottom";
    // The empty area below the last row (less than a row tall) and the card's padding.
    EXPECT_LT(lowest + 25 + 10, kTickerBox.y + kTickerBox.h - 22) << "room below the list";
    for (float y = lowest + 25; y < kTickerBox.y + kTickerBox.h; y += 2)
        EXPECT_EQ(hit(ticker, kTickerBox, {kTickerBox.center().x, y}), "") << "below the list at " << y;
    expectNothingAround(ticker, kTickerBox, "ticker", hit);

    // A new event: the rows are drawn 0.6 of a row lower while they scroll up; the hit follows.
    ticker.push({1718000100.0, encodeUtf8(uniqueChar(12)) + "村 发出订单 2 件", "电商", Provenance::Real, {0, 0, 0, 0},
                 countyId(12)});
    run(ticker, 6);
    ASSERT_GT(ticker.scrollOffset(), 0.55);
    ASSERT_LT(ticker.scrollOffset(), 0.7);
    list = drawn(ticker, kTickerBox);
    rows = 0;
    for (int k = 0; k <= 12; ++k) {
        const auto text = inkOf(list, uniqueChar(k));
        if (!text) continue;
        const std::string key = k == 5 ? "" : countyId(k);
        const std::string got = hit(ticker, kTickerBox, text->centre);
        if (text->alpha >= 0.1f) {
            ++rows;
            EXPECT_EQ(got, key) << "row " << k << " mid-scroll";
        } else {
            EXPECT_TRUE(got == key || got.empty()) << "row " << k << " fading at the edge hit " << got;
        }
    }
    EXPECT_GE(rows, 8) << "the newest still fading in below";

    // Few events sit at the bottom: the list's empty top answers nothing.
    EventTicker few = tickerWith(3);
    run(few, 300);
    list = drawn(few, kTickerBox);
    const auto oldest = inkOf(list, uniqueChar(0));
    ASSERT_TRUE(oldest);
    EXPECT_EQ(hit(few, kTickerBox, oldest->centre), countyId(0));
    for (float y = kTickerBox.y; y < oldest->centre.y - 30; y += 2)
        EXPECT_EQ(hit(few, kTickerBox, {kTickerBox.center().x, y}), "") << "above the rows at " << y;
}

TEST_F(WidgetHitTest, HighlightEmphasisesOnlyThatItem) {
    // Ranking: shapes are added on the highlighted row only; "" and unknown or hidden keys change nothing.
    BarChart ranking = topTen();
    const DrawList plain = drawn(ranking, kRankingBox);
    EXPECT_EQ(ranking.highlight(), "");
    ranking.setHighlight(countyId(16));  // rank 3
    EXPECT_EQ(ranking.highlight(), countyId(16));
    DrawList lit = drawn(ranking, kRankingBox);
    EXPECT_FALSE(sameDrawing(plain, lit));
    const auto row = inkOf(lit, uniqueChar(16));
    ASSERT_TRUE(row);
    auto added = addedShapes(plain, lit);
    EXPECT_GE(added.size(), 2u) << "a row glow and an outlined bar";
    for (const ShapeInstance& s : added) EXPECT_NEAR(s.box.y, row->centre.y, 4) << "emphasis off the highlighted row";
    for (const std::string& key : std::vector<std::string>{"", "999999", countyId(3)}) {  // county 3 ranks 16th: hidden
        ranking.setHighlight(key);
        EXPECT_TRUE(sameDrawing(plain, drawn(ranking, kRankingBox))) << "highlight \"" << key << "\"";
    }

    // Columns: only within the highlighted county's slot.
    BarChart columns = allCounties();
    const DrawList plainColumns = drawn(columns, kColumnsBox);
    columns.setHighlight(countyId(40));
    lit = drawn(columns, kColumnsBox);
    const auto column = inkOf(lit, uniqueChar(40));
    ASSERT_TRUE(column);
    added = addedShapes(plainColumns, lit);
    EXPECT_GE(added.size(), 2u) << "a lit slot and an outlined bar";
    for (const ShapeInstance& s : added) EXPECT_NEAR(s.box.x, column->centre.x, 2) << "emphasis off the highlighted column";
    EXPECT_EQ(hit(columns, kColumnsBox, column->centre), countyId(40)) << "highlighting moves nothing";
    columns.setHighlight("");
    EXPECT_TRUE(sameDrawing(plainColumns, drawn(columns, kColumnsBox)));

    // Ticker: every shown row of the key glows, no other.
    EventTicker ticker = tickerWith(8);
    ticker.push({1718000200.0, encodeUtf8(uniqueChar(8)) + "村 发出订单 1 件", "电商", Provenance::Real, {0, 0, 0, 0},
                 countyId(2)});
    run(ticker, 300);
    const DrawList plainTicker = drawn(ticker, kTickerBox);
    ticker.setHighlight(countyId(2));
    lit = drawn(ticker, kTickerBox);
    EXPECT_FALSE(sameDrawing(plainTicker, lit));
    const auto first = inkOf(lit, uniqueChar(2)), again = inkOf(lit, uniqueChar(8));
    ASSERT_TRUE(first && again);
    added = addedShapes(plainTicker, lit);
    int onFirst = 0, onAgain = 0;
    for (const ShapeInstance& s : added) {
        const bool a = std::fabs(s.box.y - first->centre.y) < 4, b = std::fabs(s.box.y - again->centre.y) < 4;
        EXPECT_TRUE(a || b) << "emphasis at y " << s.box.y << " on another row";
        onFirst += a, onAgain += b;
    }
    EXPECT_GE(onFirst, 1);
    EXPECT_GE(onAgain, 1);
    ticker.setHighlight("");
    EXPECT_TRUE(sameDrawing(plainTicker, drawn(ticker, kTickerBox)));
}

TEST(WidgetBindingKeys, BarsAndTickerRowsAreKeyedByAdcode) {
    const RegionNames names(loadCountyFacts(EXHIBIT_ASSETS "/shows/guizhou/facts/guizhou_counties.csv"));
    ASSERT_EQ(names.prefectureOf("520102"), "520100");
    const ShowFile show;
    const Translator text(show);
    Snapshot feed;
    feed.sequence = 1;
    for (auto [adcode, value] : {std::pair<const char*, double>{"520102", 5}, {"520103", 7}, {"522301", 2}}) {
        MetricValue v;
        v.value = value;
        v.timestamp = 1718000000.0;
        feed.values[adcode]["ecommerce_orders"] = v;
    }
    for (auto [serial, from] : {std::pair<int, const char*>{1, "520102"}, {2, "520100"}, {3, "520000"}, {4, "522301"}}) {
        FeedEvent e;
        e.kind = "order_shipped";
        e.timestamp = 1718000000.0 + serial;
        e.fromAdcode = from;
        e.toName = "上海";
        e.serial = static_cast<std::uint64_t>(serial);
        feed.events.push_back(e);
    }
    const FrameTime time{1.0, kDt, 1};
    FeedAges ages;
    ages.update(time, feed);

    WidgetSpec tickerSpec;
    tickerSpec.kind = WidgetKind::Ticker;
    tickerSpec.events = {"order_shipped"};
    auto ticker = bindWidget(tickerSpec, names, show, text);
    ticker->update(time, feed, ages);
    const auto& events = dynamic_cast<EventTicker&>(ticker->widget()).events();
    std::vector<std::string> keys;
    for (const TickerEvent& e : events) keys.push_back(e.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"520102", "", "", "522301"})) << "counties only: not a prefecture or the province";

    WidgetSpec barSpec;
    barSpec.kind = WidgetKind::Bar;
    barSpec.metric = "ecommerce_orders";
    auto counties = bindWidget(barSpec, names, show, text);
    counties->update(time, feed, ages);
    EXPECT_EQ(dynamic_cast<BarChart&>(counties->widget()).rankedIds(), (std::vector<std::string>{"520103", "520102", "522301"}));
    barSpec.by = GroupBy::Prefecture;
    auto prefectures = bindWidget(barSpec, names, show, text);
    prefectures->update(time, feed, ages);
    EXPECT_EQ(dynamic_cast<BarChart&>(prefectures->widget()).rankedIds(), (std::vector<std::string>{"520100", "522300"}));
}

}  // namespace
}  // namespace exhibit
