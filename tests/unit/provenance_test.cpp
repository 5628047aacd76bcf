// Honest figures: every figure every scene of the bundled show puts on the wall is either marked
// simulated on screen (the "模拟数据" badge) or real, naming sources that facts/sources.csv lists (and
// so the credits scene shows). Each scene runs 20 s on the simulator first (dashboard_fixture.hpp),
// so live widgets have their values. A new widget or layer that shows a figure without saying what
// it rests on fails here.
#include <gtest/gtest.h>

#include "data_feed/source_list.hpp"
#include "tests/support/dashboard_fixture.hpp"

namespace exhibit::test {
namespace {

class Provenance : public ::testing::TestWithParam<std::string> {};

TEST_P(Provenance, EveryFigureIsMarkedSimulatedOrNamesListedSources) {
    const SourceList sources = loadSourceList(EXHIBIT_ASSETS "/shows/guizhou/facts/sources.csv");
    DashboardFixture f(GetParam());
    Canvas canvas;
    canvas.begin({1920, 1080}, f.show.theme.background);
    f.scene->draw(canvas);
    f.run(60 * 20);
    f.scene->draw(canvas);
    const SceneSpec& spec = *f.show.findScene(GetParam());
    const std::vector<ShownFigure> figures = f.scene->figures();
    EXPECT_GE(figures.size(), spec.widgets.size()) << "every widget reports its figures";
    for (const ShownFigure& figure : figures) {
        SCOPED_TRACE(figure.what);
        if (figure.simulated) continue;
        EXPECT_FALSE(figure.sources.empty()) << "a real figure without a source, or a simulated one without its badge";
        for (const std::string& source : figure.sources)
            EXPECT_TRUE(sources.find(source) || sources.findByTitle(source)) << "not in sources.csv: " << source;
    }
}

INSTANTIATE_TEST_SUITE_P(BundledShow, Provenance, ::testing::ValuesIn(bundledSceneIds()),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

// The check itself: a figure that claims nothing fails, a listed source passes.
TEST(ProvenanceCheck, SourcesResolveByIdOrTitleAndNothingElse) {
    const SourceList sources = loadSourceList(EXHIBIT_ASSETS "/shows/guizhou/facts/sources.csv");
    EXPECT_TRUE(sources.find("CGTN-2019-08-09"));
    EXPECT_TRUE(sources.findByTitle(sources.entries.front().title));
    EXPECT_FALSE(sources.find("made-up-source"));
    EXPECT_FALSE(sources.findByTitle("A blog nobody cites"));
}

}  // namespace
}  // namespace exhibit::test
