// The dashboard scene with a live feed, GL-free: widgets follow the feed, show that its values are
// simulated, go stale and recover with the source, keep their last values through an error; the
// map's live layers follow the feed; the same feed and fixed dt draw the same frame.
#include <gtest/gtest.h>

#include <algorithm>

#include "renderer/canvas.hpp"
#include "scenes/widgets/kpi_counter.hpp"
#include "tests/support/dashboard_fixture.hpp"

namespace exhibit::test {
namespace {

const WidgetBinding& bindingIn(DashboardScene& scene, const std::string& region) {
    for (const auto& w : scene.widgets())
        if (w->spec().region == region) return *w;
    throw std::runtime_error("no widget in region " + region);
}

TEST(DashboardScene, WidgetsShowTheFeedAndSayItIsSimulated) {
    DashboardFixture f;
    f.run(60 * 12);  // the line chart's rate needs 10 s of samples
    const auto snapshot = f.hub.latest();
    const MetricValue* orders = snapshot->value("520000", "ecommerce_orders");
    ASSERT_NE(orders, nullptr);
    auto& kpi = dynamic_cast<const KpiCounter&>(const_cast<WidgetBinding&>(bindingIn(f.dashboard(), "kpi1")).widget());
    EXPECT_EQ(kpi.value(), orders->value);
    for (const auto& w : f.dashboard().widgets()) {
        const BadgeState badges = w->widget().badgeState();
        if (w->spec().kind == WidgetKind::History) {
            EXPECT_FALSE(badges.simulated) << "the history is real data";
            continue;
        }
        EXPECT_TRUE(badges.simulated) << w->spec().region;
        EXPECT_EQ(badges.state, SourceState::Ok) << w->spec().region;
    }
    const auto range = f.dashboard().map().liveRange();
    ASSERT_TRUE(range);
    EXPECT_EQ(range->counties, 88);
    EXPECT_TRUE(range->simulated);
    EXPECT_LE(range->min, range->max);
}

TEST(DashboardScene, AQuietSourceGoesStaleWithItsAgeAndRecovers) {
    DashboardFixture f;
    f.run(120);
    f.feeding = false;
    f.run(60 * 8);  // 8 s without a message; the source is stale after 5 s
    const WidgetBinding& kpi = bindingIn(f.dashboard(), "kpi1");
    BadgeState badges = kpi.spec().kind == WidgetKind::Kpi ? const_cast<WidgetBinding&>(kpi).widget().badgeState()
                                                           : BadgeState{};
    EXPECT_EQ(badges.state, SourceState::Stale);
    EXPECT_NEAR(badges.ageSeconds, 8.0, 1.1);
    EXPECT_EQ(f.hub.latest()->sources[0].state, SourceState::Stale);

    f.feeding = true;
    f.nextFeed = f.time.seconds;
    f.run(2);
    badges = const_cast<WidgetBinding&>(kpi).widget().badgeState();
    EXPECT_EQ(badges.state, SourceState::Ok);
    EXPECT_LT(badges.ageSeconds, 0.5);
}

TEST(DashboardScene, ATransportErrorKeepsTheLastValuesOnScreen) {
    DashboardFixture f;
    f.run(90);
    auto& kpi = dynamic_cast<KpiCounter&>(const_cast<WidgetBinding&>(bindingIn(f.dashboard(), "kpi1")).widget());
    const double before = kpi.value();
    f.feeding = false;
    f.sink.transportError("HTTP 503 from http://127.0.0.1:1/stats");
    f.run(10);
    EXPECT_EQ(kpi.badgeState().state, SourceState::Error);
    EXPECT_EQ(kpi.value(), before);
    EXPECT_GT(before, 0);
}

TEST(DashboardScene, EventsBecomeFlylinesWithinTheMap) {
    DashboardFixture f;
    f.run(60 * 5);
    const MapFlylines* lines = f.dashboard().map().flylines();
    ASSERT_NE(lines, nullptr);
    EXPECT_GT(lines->launched(), 0u);
    EXPECT_EQ(lines->skipped(), 0u);
    EXPECT_LE(lines->lines().lines.size(), 100u);
    // Lay the map out, then every arc starts and ends inside the output.
    Canvas canvas;
    canvas.begin({1920, 1080}, {0, 0, 0, 1});
    f.scene->draw(canvas);
    f.run(1);
    for (const Flyline& l : lines->lines().lines) {
        for (glm::vec2 p : {l.from, l.to}) {
            EXPECT_GE(p.x, 0);
            EXPECT_LE(p.x, 1920);
            EXPECT_GE(p.y, 0);
            EXPECT_LE(p.y, 1080);
        }
    }
}

TEST(DashboardScene, SameFeedAndFixedDtDrawTheSameFrame) {
    auto render = [] {
        DashboardFixture f;
        f.run(200);
        Canvas canvas;
        canvas.begin({1920, 1080}, {0, 0, 0, 1});
        f.scene->draw(canvas);
        f.run(30);
        canvas.begin({1920, 1080}, {0, 0, 0, 1});
        f.scene->draw(canvas);
        const DrawList& list = canvas.list();
        std::vector<float> digest;
        for (const auto& v : list.vertices) digest.insert(digest.end(), {v.pos.x, v.pos.y, static_cast<float>(v.color)});
        for (const auto& s : list.shapes) digest.insert(digest.end(), {s.box.x, s.box.y, s.box.z, s.box.w});
        for (const auto& g : list.glyphs) digest.insert(digest.end(), {g.pen.x, g.pen.y, static_cast<float>(g.glyph)});
        return std::make_pair(digest, list.items.size());
    };
    const auto a = render(), b = render();
    EXPECT_EQ(a.second, b.second);
    EXPECT_TRUE(a.first == b.first);
    EXPECT_GT(a.first.size(), 1000u);
}

TEST(DashboardScene, UltraWideOutputsGetTheirOwnLayout) {
    DashboardFixture f;
    f.run(60);
    for (glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 1080}, glm::ivec2{5760, 1080}}) {
        const Layout layout(f.show, size);
        // Every widget region exists and lies inside the output, at the 1080-line text size.
        for (const auto& w : f.dashboard().widgets()) {
            const auto box = layout.find(w->spec().region);
            ASSERT_TRUE(box) << w->spec().region << " at " << size.x;
            EXPECT_LE(box->x + box->w, static_cast<float>(size.x) + 0.5f);
            EXPECT_LE(box->w, 2.0f * static_cast<float>(size.y)) << "a widget is not stretched across the wall";
        }
        EXPECT_FLOAT_EQ(layout.px(10), 10.0f);
    }
}

}  // namespace
}  // namespace exhibit::test
