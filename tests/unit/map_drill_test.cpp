// Map drill-down without GL: the camera's limits and flights, hit tests on the bundled show's real
// county outlines, and a focus that flies to a prefecture, names its counties and flies back.
#include <gtest/gtest.h>

#include <set>

#include "scenes/catalog.hpp"
#include "scenes/map_camera.hpp"
#include "scenes/map_scene.hpp"
#include "tests/support/bundled_show.hpp"

namespace exhibit {
namespace {

const GeoBounds kHome{{103.6, 24.6}, {109.6, 29.2}};
const Rect kArea{0, 0, 1200, 900};

double width(const GeoBounds& b) { return b.max.x - b.min.x; }

TEST(MapCamera, ZoomStaysBetweenHomeAndTheCloseLimit) {
    MapCamera camera(kHome);
    const MapProjection now = camera.projection(kArea, 24);
    camera.zoomBy(100, {600, 450}, now);
    EXPECT_NEAR(camera.zoom(), MapCamera::kMaxZoom, 1e-9);
    camera.zoomBy(0.001, {600, 450}, camera.projection(kArea, 24));
    EXPECT_NEAR(camera.zoom(), 1, 1e-9);
    camera.zoomBy(0, {600, 450}, now);  // nonsense factors are ignored
    camera.zoomBy(std::numeric_limits<double>::quiet_NaN(), {600, 450}, now);
    EXPECT_NEAR(camera.zoom(), 1, 1e-9);
}

TEST(MapCamera, ZoomKeepsThePointUnderTheFingers) {
    MapCamera camera(kHome);
    const MapProjection before = camera.projection(kArea, 24);
    const glm::vec2 fingers{400, 300};
    const glm::dvec2 under = before.toLonLat(fingers);
    camera.zoomBy(2, fingers, before);
    const glm::vec2 after = camera.projection(kArea, 24).toScreen(under);
    EXPECT_NEAR(after.x, fingers.x, 0.5);
    EXPECT_NEAR(after.y, fingers.y, 0.5);
}

TEST(MapCamera, PanMovesTheMapWithTheFingerButNotOffTheProvince) {
    MapCamera camera(kHome);
    camera.zoomBy(4, {600, 450}, camera.projection(kArea, 24));
    const MapProjection before = camera.projection(kArea, 24);
    const glm::dvec2 under = before.toLonLat({600, 450});
    camera.panBy({50, 20}, before);
    const glm::vec2 moved = camera.projection(kArea, 24).toScreen(under);
    EXPECT_NEAR(moved.x, 650, 0.5);
    EXPECT_NEAR(moved.y, 470, 0.5);
    for (int i = 0; i < 100; ++i) camera.panBy({5000, -5000}, camera.projection(kArea, 24));
    const glm::dvec2 c = camera.projection(kArea, 24).toLonLat({600, 450});  // the view's centre
    const double eps = 1e-4;  // a float pixel's worth
    EXPECT_GE(c.x, kHome.min.x - eps);
    EXPECT_LE(c.x, kHome.max.x + eps);
    EXPECT_GE(c.y, kHome.min.y - eps);
    EXPECT_LE(c.y, kHome.max.y + eps);
    EXPECT_NEAR(c.y, kHome.min.y, 0.01);  // pushed to the edge, not beyond
}

TEST(MapCamera, FlightsEaseThenRestAndGesturesRestWhenSettled) {
    MapCamera camera(kHome);
    const GeoBounds target{{107.0, 26.0}, {108.0, 27.0}};
    camera.flyTo(target);
    EXPECT_TRUE(camera.flying());
    const auto rest = camera.restVersion();
    camera.update(MapCamera::kFlightSeconds / 2);
    EXPECT_TRUE(camera.flying());
    EXPECT_GT(width(camera.view()), width(target));
    EXPECT_LT(width(camera.view()), width(kHome));
    EXPECT_EQ(camera.restVersion(), rest);
    camera.update(MapCamera::kFlightSeconds);
    EXPECT_FALSE(camera.flying());
    EXPECT_EQ(camera.restVersion(), rest + 1);
    EXPECT_NEAR(camera.view().min.x, 107.0, 1e-9);
    EXPECT_NEAR(camera.view().max.x, 108.0, 1e-9);

    camera.panBy({10, 0}, camera.projection(kArea, 24));
    EXPECT_EQ(camera.restVersion(), rest + 1);  // still moving under the finger
    camera.settle();
    EXPECT_EQ(camera.restVersion(), rest + 2);
    camera.settle();  // nothing moved since
    EXPECT_EQ(camera.restVersion(), rest + 2);
}

TEST(MapCamera, TransformMapsTheBuiltViewOntoTheCurrentOne) {
    MapCamera camera(kHome);
    const MapProjection built = camera.projection(kArea, 24);
    EXPECT_TRUE(MapCamera::transform(built, built).identity());
    camera.zoomBy(2, {300, 200}, built);
    const MapProjection now = camera.projection(kArea, 24);
    const MeshTransform t = MapCamera::transform(built, now);
    EXPECT_NEAR(t.scale, 2, 1e-3);
    for (glm::dvec2 p : {glm::dvec2{105, 25}, glm::dvec2{108.5, 28.5}}) {
        const glm::vec2 viaMesh = t.apply(built.toScreen(p)), direct = now.toScreen(p);
        EXPECT_NEAR(viaMesh.x, direct.x, 0.5);
        EXPECT_NEAR(viaMesh.y, direct.y, 0.5);
    }
}

class MapDrillTest : public test::BundledShowTest {
protected:
    void SetUp() override {
        scene_ = makeScene("map");
        map_ = dynamic_cast<MapScene*>(scene_.get());
        ASSERT_NE(map_, nullptr);
        frame();
    }
    // One frame: update by dt, then draw at 1080p (draw lays the map out).
    void frame(double dt = 1.0 / 60) {
        time_.seconds += dt;
        time_.dt = dt;
        scene_->update(time_, snapshot_);
        Canvas canvas;
        canvas.begin({1920, 1080}, {});
        scene_->draw(canvas);
    }
    void settle() {
        for (int i = 0; i < 60; ++i) frame();
    }
    const GeoFeature& county(const std::string& adcode) {
        for (const auto& c : view().counties().features)
            if (c.adcode == adcode) return c;
        throw std::runtime_error("no county " + adcode);
    }
    glm::vec2 onScreen(const GeoFeature& f) { return view().currentProjection().toScreen(*f.labelPoint); }
    MapView& view() { return map_->view(); }
    std::set<std::string> labelTexts() {
        std::set<std::string> texts;
        for (const auto& l : view().placedLabels()) texts.insert(l.text);
        return texts;
    }

    std::unique_ptr<Scene> scene_;
    MapScene* map_ = nullptr;
    FrameTime time_;
    Snapshot snapshot_;
};

TEST_F(MapDrillTest, EveryCountyIsHitAtItsLabelPointAndTheSeaIsNot) {
    for (const auto& c : view().counties().features) {
        ASSERT_TRUE(c.labelPoint) << c.adcode;
        EXPECT_EQ(view().hitCounty(onScreen(c)), c.adcode) << c.name;
        const CountyFact* fact = view().facts().find(c.adcode);
        ASSERT_NE(fact, nullptr) << c.adcode;
        EXPECT_EQ(view().hitPrefecture(onScreen(c)), fact->prefectureAdcode) << c.name;
    }
    EXPECT_EQ(view().hitCounty({2, 2}), "");
    EXPECT_EQ(view().hitPrefecture({2, 2}), "");
}

TEST_F(MapDrillTest, FocusFliesToThePrefectureNamesItsCountiesAndFliesHome) {
    const auto homeLabels = labelTexts();
    EXPECT_TRUE(homeLabels.count("黔东南苗族侗族自治州"));
    const glm::vec2 congjiangAtHome = onScreen(county("522633"));

    view().focusPrefecture("522600");
    EXPECT_EQ(view().focusedPrefecture(), "522600");
    frame();
    EXPECT_TRUE(view().camera().flying());
    EXPECT_TRUE(view().placedLabels().empty() || labelTexts() == homeLabels);  // no re-layout mid-flight
    settle();
    EXPECT_FALSE(view().camera().flying());
    EXPECT_GT(view().camera().zoom(), 1.8);

    // Counties of 黔东南 are named, other prefectures are not.
    const auto focused = labelTexts();
    EXPECT_TRUE(focused.count("从江县"));
    EXPECT_TRUE(focused.count("凯里市"));
    EXPECT_FALSE(focused.count("贵阳市"));
    EXPECT_FALSE(focused.count("遵义市"));
    for (const auto& l : view().placedLabels()) {
        bool inFocus = false;
        for (const auto& c : view().counties().features)
            if (c.name == l.text) inFocus = view().facts().find(c.adcode)->prefectureAdcode == "522600";
        EXPECT_TRUE(inFocus) << l.text;
    }
    // The same county is now bigger on screen and still hit where it is drawn.
    EXPECT_EQ(view().hitCounty(onScreen(county("522633"))), "522633");
    EXPECT_NE(onScreen(county("522633")), congjiangAtHome);

    view().focusHome();
    EXPECT_EQ(view().focusedPrefecture(), "");
    settle();
    EXPECT_NEAR(view().camera().zoom(), 1, 1e-6);
    EXPECT_EQ(labelTexts(), homeLabels);
}

TEST_F(MapDrillTest, UnknownPrefectureMeansHome) {
    view().focusPrefecture("522600");
    settle();
    view().focusPrefecture("999999");
    EXPECT_EQ(view().focusedPrefecture(), "");
    settle();
    EXPECT_NEAR(view().camera().zoom(), 1, 1e-6);
}

TEST_F(MapDrillTest, MeshesFollowTheCameraWhileItMovesAndAreRebuiltAtRest) {
    view().focusPrefecture("520100");
    frame(MapCamera::kFlightSeconds / 2);
    EXPECT_GT(view().meshTransform().scale, 1.05f);
    settle();
    EXPECT_TRUE(view().meshTransform().identity());
}

}  // namespace
}  // namespace exhibit
