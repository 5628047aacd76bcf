// The map scene without GL: it loads the bundled show's real data, places labels without overlaps
// and colours counties by their exit year; draw() only records into a Canvas.
#include "scenes/map_scene.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "scenes/catalog.hpp"
#include "tests/support/bundled_show.hpp"

namespace exhibit {
namespace {

class MapSceneTest : public test::BundledShowTest {
protected:
    static std::unique_ptr<Scene> makeScene() { return BundledShowTest::makeScene("map"); }
};

TEST_F(MapSceneTest, ColoursCountiesByExitYear) {
    auto scene = makeScene();
    auto* map = dynamic_cast<MapScene*>(scene.get());
    ASSERT_NE(map, nullptr);
    const auto& layers = show_->findScene("map")->map->layers;
    const auto* choropleth = std::get_if<ChoroplethLayer>(&layers[1]);
    ASSERT_NE(choropleth, nullptr);
    auto classColor = [&](int year) {
        for (const auto& c : choropleth->classes)
            if (c.value == year) return c.color;
        return Color{};
    };
    EXPECT_EQ(map->view().countyColor("520381"), classColor(2016));  // 赤水市, first batch
    EXPECT_EQ(map->view().countyColor("522633"), classColor(2020));  // 从江县, last batch
    EXPECT_EQ(map->view().countyColor("520102"), choropleth->otherColor);  // 南明区, never on the list
    EXPECT_EQ(map->view().countyColor("999999"), choropleth->otherColor);  // unknown county
}

TEST_F(MapSceneTest, PlacesEveryPrefectureLabelWithoutOverlaps) {
    for (glm::ivec2 size : {glm::ivec2{1920, 1080}, glm::ivec2{3840, 2160}, glm::ivec2{5760, 1080}}) {
        auto scene = makeScene();
        Canvas canvas;
        canvas.begin(size, {});
        scene->draw(canvas);
        const auto labels = dynamic_cast<MapScene*>(scene.get())->view().placedLabels();
        std::set<std::string> names;
        for (const auto& l : labels) names.insert(l.text);
        for (const char* prefecture : {"贵阳市", "六盘水市", "遵义市", "安顺市", "毕节市", "铜仁市", "黔西南布依族苗族自治州",
                                       "黔东南苗族侗族自治州", "黔南布依族苗族自治州"})
            EXPECT_TRUE(names.count(prefecture)) << prefecture << " at " << size.x << "x" << size.y;
        for (std::size_t i = 0; i < labels.size(); ++i)
            for (std::size_t j = i + 1; j < labels.size(); ++j)
                EXPECT_FALSE(labels[i].box.intersects(labels[j].box)) << labels[i].text << " / " << labels[j].text;
        // A 4K output has room for more county names than 1080p, never fewer.
        if (size.x == 3840) {
            EXPECT_GT(labels.size(), 60u);
        }
    }
}

TEST_F(MapSceneTest, DrawRecordsMeshesShapesAndText) {
    auto scene = makeScene();
    Canvas canvas;
    canvas.begin({1920, 1080}, {});
    scene->draw(canvas);
    const DrawList& list = canvas.list();
    const auto meshes = std::count_if(list.items.begin(), list.items.end(),
                                      [](const DrawItem& i) { return i.kind == DrawItem::Kind::Mesh; });
    // glow + outline, a fill per county (tinted, so a drill-down can dim them), county borders,
    // prefecture borders, inner outline
    const auto counties = static_cast<long>(dynamic_cast<MapScene*>(scene.get())->view().counties().features.size());
    EXPECT_EQ(meshes, 5 + counties);
    EXPECT_GT(list.glyphs.size(), 200u);
    EXPECT_GT(list.shapes.size(), 10u);
    // Every vertex of the map lies on the output (the projection fits the map region).
    for (const auto& item : list.items)
        if (item.kind == DrawItem::Kind::Mesh)
            for (const auto& v : item.mesh->vertices) {
                ASSERT_GE(v.pos.x, -30.0f);
                ASSERT_LE(v.pos.x, 1950.0f);
                ASSERT_GE(v.pos.y, -30.0f);
                ASSERT_LE(v.pos.y, 1110.0f);
            }
}

TEST_F(MapSceneTest, ResizeRebuildsForTheNewPixels) {
    auto scene = makeScene();
    Canvas canvas;
    canvas.begin({1920, 1080}, {});
    scene->draw(canvas);
    float maxX1080 = 0;
    for (const auto& v : canvas.list().items[2].mesh->vertices) maxX1080 = std::max(maxX1080, v.pos.x);
    canvas.begin({3840, 2160}, {});
    scene->draw(canvas);
    float maxX4k = 0;
    for (const auto& v : canvas.list().items[2].mesh->vertices) maxX4k = std::max(maxX4k, v.pos.x);
    EXPECT_NEAR(maxX4k, 2 * maxX1080, 4.0f);
}

}  // namespace
}  // namespace exhibit
