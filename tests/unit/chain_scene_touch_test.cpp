// Taps on the cloud scene's own widgets (the bundled show, fed by the simulator on a fixed dt): a
// traced product tapped stays shown until tapped again or the scene resets, without touching the
// map; a crowdfunding row tapped highlights its county on the map like a bar does.
#include <gtest/gtest.h>

#include <optional>

#include "scenes/widgets/progress_bars.hpp"
#include "scenes/widgets/trace_list.hpp"
#include "tests/support/dashboard_fixture.hpp"

namespace exhibit {
namespace {

constexpr glm::ivec2 kOutput{1920, 1080};

class ChainSceneTouch : public ::testing::Test {
protected:
    void draw() {
        canvas.begin(kOutput, {});
        f.scene->draw(canvas);
    }
    template <class W>
    W* find() {
        for (const auto& w : f.dashboard().widgets())
            if (auto* found = dynamic_cast<W*>(&w->widget())) return found;
        return nullptr;
    }
    // A point in `region` where the widget answers `key`, scanning down a column 60 px in.
    std::optional<glm::vec2> pointOf(const Widget& w, const std::string& region, const std::string& key) {
        const Layout layout(f.show, kOutput);
        const Rect box = *layout.find(region);
        Canvas scratch;
        scratch.begin(kOutput, {});
        const WidgetFrame frame{scratch, layout, f.show.theme, f.regular, f.bold, f.text};
        for (float y = box.y; y < box.y + box.h; y += 2)
            if (w.itemAt(frame, box, {box.x + 60, y}) == key) return glm::vec2{box.x + 60, y};
        return std::nullopt;
    }
    bool tap(glm::vec2 pos) {
        Gesture g;
        g.kind = GestureKind::Tap;
        g.pos = pos;
        g.target = f.scene->hitTarget(pos);
        return f.scene->gesture(g);
    }

    test::DashboardFixture f{"cloud"};
    Canvas canvas;
};

TEST_F(ChainSceneTouch, ATappedProductStaysUntilTappedAgain) {
    f.run(30);
    draw();
    TraceList* trace = find<TraceList>();
    ASSERT_NE(trace, nullptr);
    const auto pig = pointOf(*trace, "stage", "pig");
    ASSERT_TRUE(pig) << "the pig's row is drawn";
    EXPECT_EQ(f.scene->hitTarget(*pig), "widget:stage");
    EXPECT_TRUE(tap(*pig));
    f.run(1);
    EXPECT_EQ(trace->highlight(), "pig");
    EXPECT_TRUE(trace->chosen());
    const int pigIndex = trace->shown();
    EXPECT_EQ(trace->products()[static_cast<std::size_t>(pigIndex)].key, "pig");
    f.run(60 * 20);  // longer than the rotation's period
    EXPECT_EQ(trace->shown(), pigIndex);
    EXPECT_EQ(f.dashboard().map().highlightedCounty(), "") << "a product is no county: the map stays as it was";

    EXPECT_TRUE(tap(*pig));  // again: the rotation resumes
    f.run(1);
    EXPECT_FALSE(trace->chosen());

    EXPECT_TRUE(tap(*pig));
    f.run(1);
    EXPECT_TRUE(trace->chosen());
    f.scene->reset();
    f.run(1);
    EXPECT_FALSE(trace->chosen()) << "a reset (attract mode, idle) forgets the choice";
}

TEST_F(ChainSceneTouch, ACrowdfundingRowHighlightsItsCounty) {
    f.run(90);
    draw();
    ProgressBars* bars = find<ProgressBars>();
    ASSERT_NE(bars, nullptr);
    const auto keys = bars->orderedKeys();
    ASSERT_FALSE(keys.empty()) << "the simulator's projects reached the widget";
    const auto row = pointOf(*bars, "right1", keys.front());
    ASSERT_TRUE(row);
    EXPECT_TRUE(tap(*row));
    f.run(1);
    EXPECT_EQ(f.dashboard().map().highlightedCounty(), keys.front());
    EXPECT_EQ(bars->highlight(), keys.front());
}

}  // namespace
}  // namespace exhibit
