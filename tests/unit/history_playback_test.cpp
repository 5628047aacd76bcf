// HistoryPlayback without GL: the playhead under fixed dt (advance, end hold, loop, pause), scrub
// and step clamping, the current year at the boundaries, missing and qualified figures; and drawing
// (recorded into a Canvas only) kept inside the widget's box at 1080p, 4K and on a 48:9 wall.
#include "scenes/widgets/history_playback.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace exhibit {
namespace {

constexpr double kDt = 1.0 / 60.0;

void run(Widget& w, int frames) {
    for (int i = 0; i < frames; ++i) w.update(kDt);
}

// Guizhou's rural poor (万人) as shipped: 2013 has no row here, 2017 a row without a value.
std::vector<HistoryPoint> povertyPoints() {
    return {{2012, 923.0},
            {2014, 623.0},
            {2015, 500.0, Qualifier::Approximate},
            {2016, 372.2},
            {2017, std::nullopt},
            {2018, 150.0, Qualifier::Approximate},
            {2019, 30.8},
            {2020, 0.0}};
}

HistoryPlayback story(double secondsPerYear = 1.0, double hold = 2.0) {
    HistoryPlayback s;
    s.setUnit("万人");
    s.setPoints(povertyPoints());
    s.setSecondsPerYear(secondsPerYear);
    s.setHoldSeconds(hold);
    return s;
}

TEST(HistoryPlayback, TimelineCoversEveryYear) {
    HistoryPlayback s = story();
    EXPECT_EQ(s.firstYear(), 2012);
    EXPECT_EQ(s.lastYear(), 2020);
    EXPECT_EQ(s.playhead(), 2012);
    EXPECT_EQ(s.currentYear(), 2012);
    EXPECT_TRUE(s.playing());  // a wall plays unattended
    EXPECT_FALSE(s.settled());
}

TEST(HistoryPlayback, PlayheadAdvancesWithDt) {
    HistoryPlayback s = story(1.6);
    run(s, 60);  // 1 s of 1.6 s per year
    EXPECT_NEAR(s.playhead(), 2012 + 1 / 1.6, 1e-9);
    EXPECT_EQ(s.currentYear(), 2012);
    run(s, 60);  // 2 s
    EXPECT_NEAR(s.playhead(), 2012 + 2 / 1.6, 1e-9);
    EXPECT_EQ(s.currentYear(), 2013);
    s.update(0);
    s.update(-1);  // no time, or time going backwards, moves nothing
    EXPECT_NEAR(s.playhead(), 2012 + 2 / 1.6, 1e-9);

    // Deterministic: a twin fed the same steps is in exactly the same state.
    HistoryPlayback twin = story(1.6);
    run(twin, 120);
    EXPECT_EQ(twin.playhead(), s.playhead());
}

TEST(HistoryPlayback, HoldsAtTheEndThenLoops) {
    HistoryPlayback s = story(1.0, 2.0);  // 8 s from 2012 to 2020, then 2 s at 2020
    run(s, 490);                           // 8.17 s
    EXPECT_EQ(s.playhead(), 2020);
    EXPECT_EQ(s.currentYear(), 2020);
    EXPECT_TRUE(s.playing());
    EXPECT_FALSE(s.settled());  // holding is part of playing
    run(s, 100);                // 9.83 s
    EXPECT_EQ(s.playhead(), 2020);
    run(s, 70);  // 11 s: the hold ended at 10 s, one second into the next round
    EXPECT_NEAR(s.playhead(), 2013, 1e-6);
    EXPECT_TRUE(s.playing());

    // A long frame wraps as many rounds as it spans.
    HistoryPlayback t = story(1.0, 2.0);
    t.update(10 * 3 + 2.5);
    EXPECT_NEAR(t.playhead(), 2014.5, 1e-9);
}

TEST(HistoryPlayback, PauseStopsAndPlayResumes) {
    HistoryPlayback s = story(1.0);
    run(s, 90);
    s.pause();
    EXPECT_FALSE(s.playing());
    const double at = s.playhead();
    run(s, 600);
    EXPECT_EQ(s.playhead(), at);
    EXPECT_TRUE(s.settled());
    s.togglePlay();
    EXPECT_TRUE(s.playing());
    EXPECT_FALSE(s.settled());
    run(s, 30);
    EXPECT_NEAR(s.playhead(), at + 0.5, 1e-9);
    s.togglePlay();
    EXPECT_FALSE(s.playing());
    s.play();
    EXPECT_TRUE(s.playing());
}

TEST(HistoryPlayback, ScrubClampsAndStepMovesWholeYears) {
    HistoryPlayback s = story();
    s.pause();
    s.scrubTo(2015.4);
    EXPECT_EQ(s.playhead(), 2015.4);
    EXPECT_EQ(s.currentYear(), 2015);
    EXPECT_FALSE(s.playing());  // scrubbing keeps the play state
    s.step(1);
    EXPECT_EQ(s.playhead(), 2016);
    s.step(-3);
    EXPECT_EQ(s.playhead(), 2013);
    s.step(-10);
    EXPECT_EQ(s.playhead(), 2012);
    s.step(20);
    EXPECT_EQ(s.playhead(), 2020);
    s.scrubTo(1990);
    EXPECT_EQ(s.playhead(), 2012);
    s.scrubTo(2050.5);
    EXPECT_EQ(s.playhead(), 2020);
    s.scrubTo(std::nan(""));
    EXPECT_EQ(s.playhead(), 2020);
    s.scrubTo(INFINITY);
    EXPECT_EQ(s.playhead(), 2020);
}

TEST(HistoryPlayback, ScrubRestartsTheEndHold) {
    HistoryPlayback s = story(1.0, 2.0);
    s.scrubTo(2020);
    run(s, 90);  // 1.5 s of the 2 s hold
    s.scrubTo(2020);
    run(s, 90);  // another 1.5 s: still holding, the hold started again
    EXPECT_EQ(s.playhead(), 2020);
    run(s, 60);
    EXPECT_LT(s.playhead(), 2013);
}

TEST(HistoryPlayback, CurrentYearAtTheBoundaries) {
    HistoryPlayback s = story();
    s.scrubTo(2012);
    EXPECT_EQ(s.currentYear(), 2012);
    s.scrubTo(2012.999);
    EXPECT_EQ(s.currentYear(), 2012);
    s.scrubTo(2013 - 1e-12);  // floating-point dust below a whole year has reached it
    EXPECT_EQ(s.currentYear(), 2013);
    s.scrubTo(2020);
    EXPECT_EQ(s.currentYear(), 2020);
    s.scrubTo(2019.5);
    EXPECT_EQ(s.currentYear(), 2019);

    HistoryPlayback empty;
    EXPECT_EQ(empty.currentYear(), 0);
    empty.scrubTo(2015);
    empty.step(1);
    empty.update(1);
    EXPECT_EQ(empty.playhead(), 0);
    EXPECT_EQ(empty.figureText(2015), "无可靠数据");
    EXPECT_EQ(empty.pointFor(2015), nullptr);

    HistoryPlayback one;
    one.setPoints({{2020, 0.0}});
    one.update(5);
    EXPECT_EQ(one.currentYear(), 2020);
    EXPECT_EQ(one.lastYear(), 2020);
}

TEST(HistoryPlayback, MissingYearsAreReportedAsMissing) {
    HistoryPlayback s = story();
    EXPECT_EQ(s.pointFor(2013), nullptr);  // no point at all: a gap in the timeline
    EXPECT_FALSE(s.valueAt(2013).has_value());
    EXPECT_EQ(s.figureText(2013), "无可靠数据");
    ASSERT_NE(s.pointFor(2017), nullptr);  // a point without a value
    EXPECT_FALSE(s.valueAt(2017).has_value());
    EXPECT_EQ(s.figureText(2017), "无可靠数据");
    EXPECT_EQ(s.pointFor(2011), nullptr);
    EXPECT_EQ(s.figureText(2021), "无可靠数据");
    s.scrubTo(2013.5);  // between two known years: still no figure, nothing interpolated
    EXPECT_EQ(s.figureText(s.currentYear()), "无可靠数据");

    EXPECT_EQ(s.figureText(2012), "923");
    EXPECT_EQ(s.figureText(2015), "约500");
    EXPECT_EQ(s.figureText(2016), "372.2");
    EXPECT_EQ(s.figureText(2019), "30.8");
    EXPECT_EQ(s.figureText(2020), "0");
    s.setPoints({{2017, 8.0, Qualifier::Below}, {2019, 0.85}, {2020, 1234.5678}});
    EXPECT_EQ(s.figureText(2017), "<8");
    EXPECT_EQ(s.figureText(2019), "0.85");
    EXPECT_EQ(s.figureText(2020), "1,234.57");
    s.setDecimals(1);
    EXPECT_EQ(s.figureText(2019), "0.9");
    s.setPoints({{2017, NAN}});
    EXPECT_FALSE(s.valueAt(2017).has_value());  // a non-finite value is no value
}

TEST(HistoryPlayback, PointsAndAnnotationsKeepTheFirstOfAYear) {
    HistoryPlayback s;
    s.setPoints({{2016, 3.0}, {2014, 1.0}, {2016, 9.0}});
    EXPECT_EQ(s.firstYear(), 2014);
    EXPECT_EQ(s.lastYear(), 2016);
    EXPECT_EQ(s.valueAt(2016), 3.0);
    s.setAnnotations({{2016, "赤水市率先摘帽"}, {2016, "重复"}, {2017, "14 个贫困县摘帽"}});
    EXPECT_EQ(s.annotationFor(2016), "赤水市率先摘帽");
    EXPECT_EQ(s.annotationFor(2017), "14 个贫困县摘帽");
    EXPECT_EQ(s.annotationFor(2015), "");

    // Replacing the points keeps the playhead where it was, clamped to the new timeline.
    s.pause();
    s.scrubTo(2015.5);
    s.setPoints({{2010, 1.0}, {2020, 2.0}});
    EXPECT_EQ(s.playhead(), 2015.5);
    s.setPoints({{2018, 1.0}, {2020, 2.0}});
    EXPECT_EQ(s.playhead(), 2018);
}

TEST(HistoryPlayback, RealDataShowsNoSimulatedBadge) {
    HistoryPlayback s = story();
    EXPECT_FALSE(s.badgeState().simulated);
    auto points = povertyPoints();
    points[3].provenance = Provenance::Simulated;
    s.setPoints(points);
    EXPECT_TRUE(s.badgeState().simulated);
}

TEST(HistoryPlayback, NewYearFadesInThenSettles) {
    HistoryPlayback s = story();
    s.pause();
    EXPECT_TRUE(s.settled());
    s.step(1);
    EXPECT_FALSE(s.settled());  // the new figure fades in
    run(s, 30);
    EXPECT_TRUE(s.settled());
    s.scrubTo(2013.6);  // same year: nothing to fade
    EXPECT_TRUE(s.settled());
}

class HistoryDrawTest : public ::testing::Test {
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

// Text runs: glyphs drawn one after another on the same baseline at the same size, left to right.
struct TextRun {
    float y, size, left, right;
};
std::vector<TextRun> textRuns(const std::vector<GlyphDraw>& glyphs) {
    std::vector<TextRun> runs;
    for (const GlyphDraw& g : glyphs) {
        TextRun* last = runs.empty() ? nullptr : &runs.back();
        if (last && last->y == g.pen.y && last->size == g.sizePx && g.pen.x >= last->right &&
            g.pen.x <= last->right + 1.2f * g.sizePx) {
            last->right = g.pen.x;
        } else {
            runs.push_back({g.pen.y, g.sizePx, g.pen.x, g.pen.x});
        }
    }
    return runs;
}

// Everything drawn (glyphs, shapes, triangles) lies inside the box and no two labels on one line
// overlap, for a wide, a narrow, a dashboard-sized and a tiny box, at every playhead state that
// changes the layout (a missing year, an approximate one, the end).
TEST_F(HistoryDrawTest, StaysInsideTheBoxAtEverySize) {
    HistoryPlayback s = story();
    auto points = povertyPoints();
    points.push_back({2011, 1149.0});  // ten years, as the dashboard shows them
    s.setPoints(points);
    s.setTitle("贵州农村贫困人口 2012→2020");
    s.setAnnotations({{2016, "赤水市率先摘帽，贵州第一个退出贫困县序列的县级市"}, {2017, "14 个贫困县摘帽"}});
    s.setFootnote("来源：中国新闻社、China Daily、CGTN、新华社、Beijing Review、中国新闻图片网 · 约：报道中的约数");
    std::vector<float> maxSizes;
    for (glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}, glm::ivec2{5760, 1080}}) {
        const Layout layout(*show_, size);
        const float w = static_cast<float>(size.x), h = static_cast<float>(size.y);
        const Rect boxes[] = {{layout.px(40), layout.px(40), w * 0.9f, h * 0.42f},   // wide
                              {layout.px(40), layout.px(40), w / 3, h / 2},         // narrow
                              {layout.px(40), layout.px(40), layout.px(480), layout.px(340)},
                              {layout.px(40), layout.px(40), layout.px(300), layout.px(200)}};
        for (double year : {2011.0, 2012.0, 2013.0, 2015.4, 2016.0, 2017.0, 2020.0}) {
            s.scrubTo(year);
            run(s, 1);
            for (const Rect& box : boxes) {
                Canvas canvas;
                canvas.begin(size, {});
                const WidgetFrame frame{canvas, layout, show_->theme, *regular_, *bold_, *text_};
                s.draw(frame, box);
                const std::string where = std::to_string(size.x) + "x" + std::to_string(size.y) + " box " +
                                          std::to_string(box.w) + "x" + std::to_string(box.h) + " year " +
                                          std::to_string(year);
                const auto& list = canvas.list();
                ASSERT_FALSE(list.glyphs.empty()) << where;
                float maxSize = 0;
                for (const GlyphDraw& g : list.glyphs) {
                    maxSize = std::max(maxSize, g.sizePx);
                    EXPECT_GE(g.pen.x, box.x) << where;
                    EXPECT_LE(g.pen.x + g.sizePx * 0.5f, box.x + box.w) << where;
                    EXPECT_GE(g.pen.y - g.sizePx * 0.9f, box.y) << where;
                    EXPECT_LE(g.pen.y, box.y + box.h) << where;
                }
                if (&box == &boxes[0] && year == 2012.0) maxSizes.push_back(maxSize);
                const auto runs = textRuns(list.glyphs);
                for (std::size_t i = 0; i < runs.size(); ++i)
                    for (std::size_t j = i + 1; j < runs.size(); ++j) {
                        const TextRun& a = runs[i];
                        const TextRun& b = runs[j];
                        if (std::fabs(a.y - b.y) > 0.5f * std::min(a.size, b.size)) continue;
                        const bool apart = a.right + 0.5f * a.size <= b.left || b.right + 0.5f * b.size <= a.left;
                        EXPECT_TRUE(apart) << where << ": text at x " << a.left << ".." << a.right << " and " << b.left
                                           << ".." << b.right << ", y " << a.y;
                    }
                for (const ShapeInstance& shape : list.shapes) {
                    EXPECT_GE(shape.box.x - shape.box.z, box.x - 0.5f) << where;
                    EXPECT_LE(shape.box.x + shape.box.z, box.x + box.w + 0.5f) << where;
                    EXPECT_GE(shape.box.y - shape.box.w, box.y - 0.5f) << where;
                    EXPECT_LE(shape.box.y + shape.box.w, box.y + box.h + 0.5f) << where;
                }
                for (const ShapeVertex& v : list.vertices) {
                    EXPECT_GE(v.pos.x, box.x - 2) << where;
                    EXPECT_LE(v.pos.x, box.x + box.w + 2) << where;
                    EXPECT_GE(v.pos.y, box.y - 2) << where;
                    EXPECT_LE(v.pos.y, box.y + box.h + 2) << where;
                }
            }
        }
    }
    ASSERT_EQ(maxSizes.size(), 3u);
    EXPECT_NEAR(maxSizes[1], maxSizes[0] * 2, 0.01f);  // 4K: twice the pixels, twice the text
}

}  // namespace
}  // namespace exhibit
