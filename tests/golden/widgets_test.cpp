// Golden images of the chart widgets (scenes/widgets): one sheet with every widget, fed fixed data
// and advanced with a fixed dt (1/60 s) until the animations settle, then changed again and drawn
// 0.3 s later, so the sheet shows settled widgets next to mid-animation ones (the second KPI's digits
// rolling, the prefecture bars re-sorting, the ticker scrolling, the donut sweeping to new shares).
// Rendered in process at 1920x1080 and 3840x2160; tolerances as in golden_test.cpp.
// A second sheet shows the 2012→2020 history playback on the shipped facts (data_feed/poverty_history):
// playing mid-way, paused on a bounded year ("<8"), paused on a missing year and holding at the end.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <memory>

#include "core/error.hpp"
#include "data_feed/poverty_history.hpp"
#include "renderer/canvas_renderer.hpp"
#include "renderer/platform/platform.hpp"
#include "renderer/render_target.hpp"
#include "scenes/chrome.hpp"
#include "scenes/widgets/bar_chart.hpp"
#include "scenes/widgets/donut.hpp"
#include "scenes/widgets/event_ticker.hpp"
#include "scenes/widgets/history_playback.hpp"
#include "scenes/widgets/kpi_counter.hpp"
#include "scenes/widgets/line_chart.hpp"
#include "tests/support/golden.hpp"

namespace exhibit::test {
namespace {

constexpr double kDt = 1.0 / 60.0;
constexpr double kStart = 1718000000.0;  // 2024-06-10 14:13:20 UTC+8

// A small deterministic generator, the same on every platform (no <random> distributions).
struct Lcg {
    std::uint32_t state;
    double next() {
        state = state * 1664525u + 1013904223u;
        return static_cast<double>(state >> 8) / 16777216.0;
    }
};

std::vector<std::pair<std::string, std::string>> counties() {
    std::ifstream in(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/facts/guizhou_counties.csv");
    std::vector<std::pair<std::string, std::string>> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        const auto a = line.find(','), b = line.find(',', a + 1);
        if (a == std::string::npos || b == std::string::npos) continue;
        out.emplace_back(line.substr(0, a), line.substr(a + 1, b - a - 1));
    }
    return out;
}

struct Sheet {
    KpiCounter kpi[4];
    LineChart line;
    Donut donut;
    EventTicker ticker;
    BarChart top10, countyBars, prefectureBars;
    std::vector<BarItem> countyItems;
    double now = kStart;

    void step(int frames) {
        for (int i = 0; i < frames; ++i) {
            now += kDt;
            for (auto& k : kpi) k.update(kDt);
            line.update(kDt);
            donut.update(kDt);
            ticker.update(kDt);
            top10.update(kDt);
            countyBars.update(kDt);
            prefectureBars.update(kDt);
        }
    }

    void setUp() {
        kpi[0].setTitle("今日电商交易额");
        kpi[0].setUnit("元");
        kpi[0].setValue(12345678);
        kpi[0].setTrend(0.032, "较昨日");
        kpi[0].setProvenance(Provenance::Simulated);
        kpi[1].setTitle("远程医疗会诊");
        kpi[1].setUnit("例");
        kpi[1].setValue(6128);
        kpi[1].setTrend(-0.018, "较上周");
        kpi[2].setTitle("累计脱贫人口");
        kpi[2].setUnit("人");
        kpi[2].setValue(9230000);
        kpi[2].setStatus(SourceState::Stale, 12.4);
        kpi[3].setTitle("网络扶贫课堂");
        kpi[3].setUnit("人次");
        kpi[3].setValue(38604);
        kpi[3].setStatus(SourceState::Error, 95);

        line.setTitle("实时订单量（单/分钟）");
        line.setUnit("单");
        line.setWindowSeconds(300);
        line.setProvenance(Provenance::Simulated);
        Lcg rng{7};
        for (double t = kStart - 600; t <= kStart; t += 6)
            line.append(t, 4200 + 900 * std::sin((t - kStart) / 47.0) + 500 * std::sin((t - kStart) / 13.0) + 300 * rng.next());

        donut.setTitle("农特产品网销结构");
        donut.setCenterLabel("网销总额");
        donut.setUnit("万元");
        donut.setSegments({{"茶叶", 4250}, {"辣椒", 3120}, {"刺梨", 1280}, {"食用菌", 1060}, {"中药材", 740}, {"其他", 520}});

        ticker.setTitle("实时动态");
        ticker.setCapacity(20);
        const char* texts[][2] = {
            {"电商", "铜仁市松桃县 → 上海市 发出订单 36 件"}, {"医疗", "从江县人民医院 远程会诊 1 例"},
            {"教育", "威宁县 网络扶贫课堂 开课 · 412 人次"}, {"电商", "遵义市湄潭县 → 广州市 茶叶订单 18 件"},
            {"就业", "黔南州 线上招聘 新增岗位 120 个"},     {"电商", "毕节市赫章县 → 北京市 核桃订单 64 件"},
            {"医疗", "黔西南州兴仁市 远程心电诊断 3 例"},     {"电商", "六盘水市水城区 → 杭州市 猕猴桃 52 件"},
            {"教育", "榕江县 双师课堂 开课 · 286 人次"},
        };
        for (int i = 0; i < 9; ++i) {
            const Color tag = std::string(texts[i][0]) == "电商"   ? Color::rgba8(0x38, 0xD6, 0xFF)
                              : std::string(texts[i][0]) == "医疗" ? Color::rgba8(0x2E, 0xE6, 0xB6)
                              : std::string(texts[i][0]) == "教育" ? Color::rgba8(0xB3, 0x9D, 0xFF)
                                                                   : Color::rgba8(0xF6, 0xB1, 0x3C);
            ticker.push({kStart - 90 + i * 11, texts[i][1], texts[i][0], Provenance::Simulated, tag});
        }

        Lcg bars{42};
        for (const auto& [adcode, name] : counties())
            countyItems.push_back({adcode, name, std::round(40 + 560 * std::pow(bars.next(), 2.2)), Provenance::Simulated});
        countyBars.setTitle("88 个县（市、区）电商服务站点数");
        countyBars.setOrientation(BarChart::Orientation::Vertical);
        countyBars.setUnit("个");
        countyBars.setItems(countyItems);
        top10.setTitle("县域农产品网销额 TOP 10");
        top10.setUnit("万元");
        top10.setMaxBars(10);
        std::vector<BarItem> sales;
        for (const auto& item : countyItems) sales.push_back({item.id, item.label, std::round(item.value * 37.3 + 800), item.provenance});
        top10.setItems(sales);

        prefectureBars.setTitle("各市州网络扶贫课堂（万人次）");
        prefectureBars.setOrientation(BarChart::Orientation::Vertical);
        prefectureBars.setDecimals(1);
        prefectureBars.setItems({{"520100", "贵阳", 18.2}, {"520200", "六盘水", 9.6}, {"520300", "遵义", 21.4},
                                 {"520400", "安顺", 7.9}, {"520500", "毕节", 24.8}, {"520600", "铜仁", 12.5},
                                 {"522300", "黔西南", 11.1}, {"522600", "黔东南", 16.3}, {"522700", "黔南", 13.0}});
    }

    // New data after everything settled: some widgets will be caught mid-animation.
    void change() {
        kpi[1].setValue(6135);
        prefectureBars.setItems({{"520100", "贵阳", 18.2}, {"520200", "六盘水", 9.6}, {"520300", "遵义", 21.4},
                                 {"520400", "安顺", 7.9}, {"520500", "毕节", 24.8}, {"520600", "铜仁", 22.9},
                                 {"522300", "黔西南", 11.1}, {"522600", "黔东南", 26.1}, {"522700", "黔南", 13.0}});
        donut.setSegments({{"茶叶", 4250}, {"辣椒", 3120}, {"刺梨", 2480}, {"食用菌", 1060}, {"中药材", 740}, {"其他", 520}});
        ticker.push({now, "安顺市紫云县 → 深圳市 红芯红薯订单 88 件", "电商", Provenance::Simulated,
                     Color::rgba8(0x38, 0xD6, 0xFF)});
        line.append(now, 5900);
    }

    void draw(Canvas& canvas, const ShowFile& show, const Font& regular, const Font& bold) const {
        const Layout layout(show, canvas.size());
        const Translator text(show);
        const SceneServices services{show, regular, bold, text};
        drawBackdrop(canvas, show.theme, layout);
        drawHeader(canvas, services, layout, "数据大屏图表组件",
                   "翻牌器 · 实时折线 · 环形占比 · 事件滚动 · 排行柱状 · 数据状态徽标（样张：固定数据，部分组件处于动画中）");
        const WidgetFrame frame{canvas, layout, show.theme, regular, bold, text};
        const Rect all = layout.output();
        const float margin = layout.px(48), gap = layout.px(20);
        const float left = all.x + margin, width = all.w - 2 * margin;
        auto px = [&](float v) { return layout.px(v); };
        // Row 1: four counters.
        const float kpiW = (width - 3 * gap) / 4;
        for (int i = 0; i < 4; ++i)
            kpi[i].draw(frame, {left + static_cast<float>(i) * (kpiW + gap), px(136), kpiW, px(170)});
        // Row 2: line, donut, ticker.
        const float row2 = px(326), row2H = px(340);
        const float lineW = width * 0.42f, donutW = width * 0.26f;
        line.draw(frame, {left, row2, lineW, row2H});
        donut.draw(frame, {left + lineW + gap, row2, donutW, row2H});
        ticker.draw(frame, {left + lineW + donutW + 2 * gap, row2, width - lineW - donutW - 2 * gap, row2H});
        // Row 3: ranked list, 88 counties, 9 prefectures.
        const float row3 = row2 + row2H + gap, row3H = all.h - px(24) - row3;
        const float topW = width * 0.27f, prefW = width * 0.24f;
        top10.draw(frame, {left, row3, topW, row3H});
        countyBars.draw(frame, {left + topW + gap, row3, width - topW - prefW - 2 * gap, row3H});
        prefectureBars.draw(frame, {left + width - prefW, row3, prefW, row3H});
    }
};

void expectSheet(glm::ivec2 size, const std::string& name) {
    std::unique_ptr<Platform> platform;
    try {
        platform = createHeadlessPlatform({64, 64});
    } catch (const StartupError& e) {
        GTEST_SKIP() << "no GL context: " << e.what();
    }
    ShowFile show;
    show.title = "大数据助力贵州脱贫攻坚";
    const Font regular = Font::find(show.theme.font, true);
    const Font bold = Font::find(show.theme.fontBold, true);
    Sheet sheet;
    sheet.setUp();
    sheet.step(300);  // 5 s: everything settles
    sheet.change();
    sheet.step(18);  // 0.3 s into the new animations
    Canvas canvas;
    canvas.begin(size, show.theme.background);
    sheet.draw(canvas, show, regular, bold);
    RenderTarget target(size);
    CanvasRenderer renderer;
    renderer.execute(canvas.list(), target.framebuffer());
    const auto golden = compareWithGolden(name, readFramebuffer(target.framebuffer(), size));
    EXPECT_TRUE(golden.passed) << golden.message;
}

struct HistorySheet {
    HistoryPlayback population, incidence, missing, end;

    void setUp() {
        const PovertyHistory history = loadPovertyHistory(std::string(EXHIBIT_ASSETS) + "/shows/guizhou/facts");
        std::vector<HistoryPoint> people, rate;
        std::vector<PovertyYear> shown;
        for (const PovertyYear& y : history.years) {
            if (y.year < 2012) continue;
            people.push_back({y.year, y.population10k, y.populationQualifier});
            rate.push_back({y.year, y.incidencePct, y.incidenceQualifier});
            shown.push_back(y);
        }
        std::vector<HistoryAnnotation> notes;
        int total = 0;
        for (const PovertyExitBatch& b : history.batches) total += b.countyCount;
        notes.push_back({2012, "建档立卡起点：" + std::to_string(total) + " 个贫困县"});
        for (const PovertyExitBatch& b : history.batches) {
            std::string text = b.countyCount == 1 ? b.counties.front() + "率先摘帽"
                                                  : std::to_string(b.countyCount) + " 个贫困县摘帽";
            if (&b == &history.batches.back()) text += "，" + std::to_string(total) + " 县全部出列";
            notes.push_back({b.exitYear, text});
        }
        std::string sources;
        for (const std::string& name : shortSourceNames(shown)) sources += (sources.empty() ? "" : "、") + name;
        const std::string footnote = "来源：" + sources + " · 约：报道中的约数";

        for (HistoryPlayback* w : {&population, &missing, &end}) {
            w->setTitle("贵州农村贫困人口（年末）");
            w->setUnit("万人");
            w->setPoints(people);
            w->setAnnotations(notes);
            w->setFootnote(footnote);
        }
        population.setTitle("贵州农村贫困人口 2012→2020（年末）");
        incidence.setTitle("贫困发生率");
        incidence.setUnit("%");
        incidence.setPoints(rate);
        incidence.setAnnotations(notes);
        incidence.setFootnote(footnote);
        incidence.setColor(Color::rgba8(0x2E, 0xE6, 0xB6));

        incidence.pause();
        incidence.scrubTo(2017);
        missing.pause();
        missing.scrubTo(2013);
        end.setHoldSeconds(8);
        end.scrubTo(2019.5);
    }

    void step(int frames) {
        for (int i = 0; i < frames; ++i)
            for (HistoryPlayback* w : {&population, &incidence, &missing, &end}) w->update(kDt);
    }

    void draw(Canvas& canvas, const ShowFile& show, const Font& regular, const Font& bold) const {
        const Layout layout(show, canvas.size());
        const Translator text(show);
        const SceneServices services{show, regular, bold, text};
        drawBackdrop(canvas, show.theme, layout);
        drawHeader(canvas, services, layout, "脱贫历程回放",
                   "2012→2020 · 播放 / 暂停 / 拖动年份（样张：公开报道数据，固定时刻；约 = 约数，< = 上限，斜线 = 无可靠数据）");
        const WidgetFrame frame{canvas, layout, show.theme, regular, bold, text};
        const Rect all = layout.output();
        const float margin = layout.px(48), gap = layout.px(20);
        const float left = all.x + margin, width = all.w - 2 * margin;
        const float row1 = layout.px(136), row1H = layout.px(440);
        population.draw(frame, {left, row1, width, row1H});
        const float row2 = row1 + row1H + gap, row2H = all.h - layout.px(24) - row2;
        const float w = (width - 2 * gap) / 3;
        incidence.draw(frame, {left, row2, w, row2H});
        missing.draw(frame, {left + w + gap, row2, w, row2H});
        end.draw(frame, {left + 2 * (w + gap), row2, w, row2H});
    }
};

void expectHistorySheet(glm::ivec2 size, const std::string& name) {
    std::unique_ptr<Platform> platform;
    try {
        platform = createHeadlessPlatform({64, 64});
    } catch (const StartupError& e) {
        GTEST_SKIP() << "no GL context: " << e.what();
    }
    ShowFile show;
    show.title = "大数据助力贵州脱贫攻坚";
    const Font regular = Font::find(show.theme.font, true);
    const Font bold = Font::find(show.theme.fontBold, true);
    HistorySheet sheet;
    sheet.setUp();
    sheet.step(326);  // 5.43 s at 1.6 s a year: the population story between 2015 and 2016
    Canvas canvas;
    canvas.begin(size, show.theme.background);
    sheet.draw(canvas, show, regular, bold);
    RenderTarget target(size);
    CanvasRenderer renderer;
    renderer.execute(canvas.list(), target.framebuffer());
    const auto golden = compareWithGolden(name, readFramebuffer(target.framebuffer(), size));
    EXPECT_TRUE(golden.passed) << golden.message;
}

TEST(GoldenWidgets, SheetAt1080p) { expectSheet({1920, 1080}, "widget-sheet-1920x1080"); }
TEST(GoldenWidgets, SheetAt4K) { expectSheet({3840, 2160}, "widget-sheet-3840x2160"); }
TEST(GoldenWidgets, HistorySheetAt1080p) { expectHistorySheet({1920, 1080}, "history-sheet-1920x1080"); }
TEST(GoldenWidgets, HistorySheetAt4K) { expectHistorySheet({3840, 2160}, "history-sheet-3840x2160"); }

}  // namespace
}  // namespace exhibit::test
