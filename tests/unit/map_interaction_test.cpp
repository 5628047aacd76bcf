// Touch on the dashboard without GL: gestures as the app's recogniser would deliver them (each with
// the target the scene's hitTarget() named), on the bundled show fed by the simulator on a manual
// clock. Drill-down, county cards, back, pan and pinch, charts that highlight a county, attract
// mode's tour, and the SceneDirector's swipes and tour.
#include <gtest/gtest.h>

#include "app/scene_director.hpp"
#include "scenes/widgets/bar_chart.hpp"
#include "tests/support/dashboard_fixture.hpp"

namespace exhibit::test {
namespace {

class MapInteractionTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.run(60 * 3);
        draw();
    }
    void draw() {
        canvas.begin({1920, 1080}, {});
        f.scene->draw(canvas);
    }
    // Runs `seconds` of frames, drawing each (draw lays the map out and rebuilds it at rest).
    void run(double seconds) {
        for (int i = 0; i < static_cast<int>(seconds * 60); ++i) {
            f.run(1);
            draw();
        }
    }
    Gesture gesture(GestureKind kind, glm::vec2 pos) {
        Gesture g;
        g.kind = kind;
        g.pos = pos;
        g.target = f.scene->hitTarget(pos);
        return g;
    }
    bool tap(glm::vec2 pos) { return f.scene->gesture(gesture(GestureKind::Tap, pos)); }
    MapView& map() { return const_cast<MapView&>(f.dashboard().map()); }
    MapInteraction& touch() { return f.dashboard().touch(); }
    glm::vec2 anchor(const std::string& county) { return *map().countyAnchor(county); }

    DashboardFixture f;
    Canvas canvas;
};

TEST_F(MapInteractionTest, TapDrillsIntoAPrefectureThenOpensACountyCardThenGoesBack) {
    EXPECT_EQ(f.scene->hitTarget(anchor("522633")), "map");
    EXPECT_TRUE(tap(anchor("522633")));  // 从江县, in 黔东南州
    EXPECT_EQ(map().focusedPrefecture(), "522600");
    EXPECT_FALSE(touch().card().isOpen());  // the first tap drills down, it does not open a card
    run(1.0);
    EXPECT_FALSE(map().camera().flying());
    EXPECT_GT(map().camera().zoom(), 1.5);

    EXPECT_TRUE(tap(anchor("522633")));
    run(0.5);
    ASSERT_TRUE(touch().card().isOpen());
    EXPECT_EQ(touch().card().adcode(), "522633");
    EXPECT_EQ(touch().card().data().name, "从江县");
    EXPECT_EQ(touch().card().data().exitYear, 2020);
    EXPECT_EQ(map().highlightedCounty(), "522633");
    const Rect card = touch().cardBox();
    EXPECT_TRUE(map().area().contains(card.center()));
    EXPECT_EQ(f.scene->hitTarget(card.center()), "map.card");
    EXPECT_TRUE(tap(card.center()));  // tapping the card itself changes nothing
    EXPECT_TRUE(touch().card().isOpen());

    // The close control is at least 1.8 cm on the wall (20 px/cm in the bundled show).
    const Rect close = touch().closeControl();
    EXPECT_GE(close.w, 1.8f * f.show.touch.pixelsPerCm - 0.5f);
    EXPECT_EQ(f.scene->hitTarget(close.center()), "map.card.close");
    EXPECT_TRUE(tap(close.center()));
    EXPECT_FALSE(touch().card().isOpen());
    EXPECT_EQ(map().highlightedCounty(), "");
    run(0.5);
    EXPECT_FALSE(touch().card().visible());
    EXPECT_EQ(f.scene->hitTarget(close.center()), "map");

    // Another prefecture's county: fly there instead.
    EXPECT_TRUE(tap(anchor("520102")));  // 南明区, 贵阳市
    EXPECT_EQ(map().focusedPrefecture(), "520100");
    run(1.0);

    const Rect back = touch().backControl();
    ASSERT_GT(back.w, 0);
    EXPECT_GE(back.h, 1.8f * f.show.touch.pixelsPerCm - 0.5f);
    EXPECT_EQ(f.scene->hitTarget(back.center()), "map.back");
    EXPECT_TRUE(tap(back.center()));
    EXPECT_EQ(map().focusedPrefecture(), "");
    run(1.0);
    EXPECT_NEAR(map().camera().zoom(), 1, 1e-6);
    EXPECT_EQ(touch().backControl().w, 0);  // no back control at home
}

TEST_F(MapInteractionTest, TapOutsideTheProvinceGoesUp) {
    tap(anchor("522633"));
    run(1.0);
    ASSERT_EQ(map().focusedPrefecture(), "522600");
    // The top-right corner of the map region is outside Guizhou at this zoom.
    const Rect area = map().area();
    const glm::vec2 corner{area.x + area.w - 4, area.y + area.h - 4};
    ASSERT_EQ(map().hitPrefecture(corner), "");
    EXPECT_TRUE(tap(corner));
    EXPECT_EQ(map().focusedPrefecture(), "");
}

TEST_F(MapInteractionTest, PanAndPinchMoveTheCameraAndRestWhenTheHandLifts) {
    const glm::vec2 centre = map().area().center();
    Gesture pinch = gesture(GestureKind::Pinch, centre);
    pinch.scaleDelta = 2;
    EXPECT_TRUE(f.scene->gesture(pinch));
    EXPECT_NEAR(map().camera().zoom(), 2, 1e-6);
    Gesture pan = gesture(GestureKind::Pan, centre);
    pan.delta = {40, 0};
    const auto before = map().currentProjection().toLonLat(centre);
    EXPECT_TRUE(f.scene->gesture(pan));
    EXPECT_LT(map().currentProjection().toLonLat(centre).x, before.x);  // the map moved right under the finger
    const auto rest = map().camera().restVersion();
    EXPECT_TRUE(f.scene->gesture(gesture(GestureKind::PanEnd, centre)));
    EXPECT_EQ(map().camera().restVersion(), rest + 1);
    // A swipe is not the map's: the app switches scenes with it.
    EXPECT_FALSE(f.scene->gesture(gesture(GestureKind::Swipe, centre)));
}

TEST_F(MapInteractionTest, TappingABarHighlightsItsCountyEverywhere) {
    const Layout layout(f.show, {1920, 1080});
    const WidgetBinding* top10 = nullptr;
    for (const auto& w : f.dashboard().widgets())
        if (w->spec().region == "right1") top10 = w.get();
    ASSERT_NE(top10, nullptr);
    auto& bars = dynamic_cast<BarChart&>(const_cast<WidgetBinding*>(top10)->widget());
    const std::string first = bars.rankedIds().at(0);
    const Rect box = *layout.find("right1");
    const WidgetFrame frame{canvas, layout, f.show.theme, f.regular, f.bold, f.services.text};
    std::optional<glm::vec2> onFirst;
    for (float y = box.y; y < box.y + box.h && !onFirst; y += 2)
        if (bars.itemAt(frame, box, {box.center().x, y}) == first) onFirst = glm::vec2{box.center().x, y};
    ASSERT_TRUE(onFirst);
    EXPECT_EQ(f.scene->hitTarget(*onFirst), "widget:right1");
    EXPECT_TRUE(tap(*onFirst));
    EXPECT_EQ(map().highlightedCounty(), first);
    run(1.0);
    EXPECT_EQ(touch().card().adcode(), first);
    EXPECT_EQ(bars.highlight(), first);  // the charts show it too
    EXPECT_NE(map().focusedPrefecture(), "");
    // Tapping the card's close control clears the highlight everywhere.
    tap(touch().closeControl().center());
    run(0.1);
    EXPECT_EQ(bars.highlight(), "");
}

TEST_F(MapInteractionTest, AttractTourFliesToTheLastCountiesAndOpensTheirCards) {
    std::vector<std::string> cards;
    int step = 0;
    while (f.scene->attractStep(step++)) {
        run(0.5);
        if (touch().card().isOpen()) cards.push_back(touch().card().adcode());
        ASSERT_LT(step, 100);
    }
    ASSERT_EQ(cards.size(), 3u);
    for (const auto& adcode : cards) EXPECT_EQ(map().facts().find(adcode)->exitYear, 2020);
    // The next visit goes on with the next counties.
    f.scene->reset();
    f.scene->attractStep(0);
    f.scene->attractStep(1);
    run(0.5);
    EXPECT_NE(touch().card().adcode(), cards[0]);
    f.scene->reset();
    run(1.0);
    EXPECT_FALSE(touch().card().visible());
    EXPECT_EQ(map().focusedPrefecture(), "");
}

TEST(SceneDirector, SwipesSwitchScenesAndTheTourMovesOn) {
    DashboardFixture f;
    SceneDirector director(f.show, f.services, "dashboard");
    ASSERT_EQ(director.current().id(), "dashboard");
    Gesture swipe;
    swipe.kind = GestureKind::Swipe;
    swipe.direction = SwipeDirection::Left;
    swipe.target = "widget:right1";
    director.gesture(swipe);
    EXPECT_EQ(director.current().id(), "map");
    swipe.direction = SwipeDirection::Right;
    director.gesture(swipe);
    EXPECT_EQ(director.current().id(), "dashboard");
    EXPECT_FALSE(director.switchTo(std::string("nope"), "test"));

    // The tour follows the show's attract list: the dashboard's 42 s (six 7 s steps: three counties),
    // then the healthcare theme.
    director.startTour();
    for (int i = 0; i < 5; ++i) director.tourStep();
    EXPECT_EQ(director.current().id(), "dashboard");
    director.tourStep();
    EXPECT_EQ(director.current().id(), "healthcare");
}

TEST(SceneDirector, TheTourKeepsToThePlaylist) {
    DashboardFixture f;
    SceneDirector director(f.show, f.services, "map");
    director.setPlaylist({"dashboard", "no-such-scene"});
    director.startTour();
    for (int i = 0; i < 20; ++i) director.tourStep();
    EXPECT_EQ(director.current().id(), "dashboard");  // left the map once, never came back
    director.setPlaylist({});  // the show's attract list again: the dashboard is followed by healthcare
    for (int i = 0; i < 20 && director.current().id() == "dashboard"; ++i) director.tourStep();
    EXPECT_EQ(director.current().id(), "healthcare");
}

}  // namespace
}  // namespace exhibit::test
