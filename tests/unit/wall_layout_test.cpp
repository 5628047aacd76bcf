// Wall layouts (core/wall_layout.hpp): grids with bezels in px and mm, outputs listed one by one,
// rotation, rank and display assignment, the show file's "wall" section, and every rejection with
// the field it names.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/json_reader.hpp"
#include "core/show.hpp"
#include "core/wall_layout.hpp"

namespace exhibit::test {
namespace {

WallLayout parse(const std::string& json) {
    const JsonDocument doc = JsonDocument::parse(json, "wall.json");
    return parseWallLayout(doc.root());
}

std::string errorOf(const std::string& json) {
    try {
        parse(json);
    } catch (const ContentError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(WallLayout, GridWithPixelBezelsLaysPanelsOutWithGaps) {
    const WallLayout wall = parse(R"({"grid": {"columns": 3, "rows": 2, "panel": [1920, 1080], "bezel": [40, 20]}})");
    EXPECT_EQ(wall.canvas, glm::ivec2(3 * 1920 + 2 * 40, 2 * 1080 + 20));
    ASSERT_EQ(wall.outputs.size(), 6u);
    EXPECT_EQ(wall.outputs[0].name, "r1c1");
    EXPECT_EQ(wall.outputs[0].rect, glm::ivec4(0, 0, 1920, 1080));
    EXPECT_EQ(wall.outputs[4].name, "r2c2");
    EXPECT_EQ(wall.outputs[4].rect, glm::ivec4(1960, 1100, 1920, 1080));
    EXPECT_EQ(wall.outputs[4].size, glm::ivec2(1920, 1080));
    EXPECT_EQ(wall.ranks(), 1);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(wall.outputs[i].display, static_cast<int>(i));
}

TEST(WallLayout, GridBezelsInMillimetresUseThePixelPitch) {
    const WallLayout wall = parse(
        R"({"grid": {"columns": 3, "rows": 2, "panel": [3840, 2160], "bezelMm": [3.5, 3.5], "pixelPitchMm": 0.315}})");
    EXPECT_EQ(wall.canvas, glm::ivec2(3 * 3840 + 2 * 11, 2 * 2160 + 11));  // 3.5 / 0.315 = 11.1 px
    EXPECT_EQ(wall.outputs[1].rect.x, 3840 + 11);
}

TEST(WallLayout, GridSpreadsColumnsOverRanksAndNumbersDisplaysPerRank) {
    const WallLayout wall = parse(R"({"grid": {"columns": 3, "rows": 2, "panel": [640, 360], "ranks": 3}})");
    EXPECT_EQ(wall.ranks(), 3);
    for (int rank = 0; rank < 3; ++rank) {
        const auto mine = wall.outputsOf(rank);
        ASSERT_EQ(mine.size(), 2u) << rank;
        EXPECT_EQ(mine[0]->name, "r1c" + std::to_string(rank + 1));
        EXPECT_EQ(mine[1]->name, "r2c" + std::to_string(rank + 1));
        EXPECT_EQ(mine[0]->display, 0);
        EXPECT_EQ(mine[1]->display, 1);
    }
}

TEST(WallLayout, RotatedPanelsGetTurnedFramebuffers) {
    const WallLayout wall = parse(R"({"canvas": [2200, 1920], "outputs": [
        {"name": "a", "rect": [0, 0, 1080, 1920], "rotation": 90},
        {"name": "b", "rect": [1120, 0, 1080, 1920], "rotation": 270, "display": 1, "size": [3840, 2160]}]})");
    EXPECT_EQ(wall.outputs[0].size, glm::ivec2(1920, 1080));
    EXPECT_EQ(wall.outputs[0].quarterTurns(), 1);
    EXPECT_EQ(wall.outputs[1].size, glm::ivec2(3840, 2160));
    EXPECT_EQ(wall.outputs[1].quarterTurns(), 3);
}

TEST(WallLayout, SyncSettingsHaveDefaultsAndRanges) {
    const WallLayout plain = parse(R"({"grid": {"columns": 1, "rows": 1, "panel": [640, 360]}})");
    EXPECT_DOUBLE_EQ(plain.sync.timeoutSeconds, 1.0);
    const WallLayout set = parse(
        R"({"grid": {"columns": 1, "rows": 1, "panel": [640, 360]}, "sync": {"timeoutSeconds": 0.5, "restartAfterLossSeconds": 0}})");
    EXPECT_DOUBLE_EQ(set.sync.timeoutSeconds, 0.5);
    EXPECT_DOUBLE_EQ(set.sync.restartAfterLossSeconds, 0);
    EXPECT_NE(errorOf(R"({"grid": {"columns": 1, "rows": 1, "panel": [640, 360]}, "sync": {"timeoutSeconds": 0}})")
                  .find("sync.timeoutSeconds"),
              std::string::npos);
}

TEST(WallLayout, RejectionsNameTheFieldAndTheProblem) {
    const std::string two = R"("canvas": [1000, 500], "outputs": [{"name": "a", "rect": [0, 0, 500, 500]}, )";
    const struct {
        std::string json;
        std::string expected;
    } cases[] = {
        {"{" + two + R"({"name": "b", "rect": [400, 0, 500, 500], "display": 1}]})", "overlaps \"a\""},
        {"{" + two + R"({"name": "b", "rect": [600, 0, 500, 500], "display": 1}]})", "reaches outside the 1000x500 canvas"},
        {"{" + two + R"({"name": "a", "rect": [500, 0, 500, 500], "display": 1}]})", "\"a\" is used twice"},
        {"{" + two + R"({"name": "b c", "rect": [500, 0, 500, 500], "display": 1}]})", "outputs[1].name"},
        {"{" + two + R"({"name": "b", "rect": [500, 0, 500, 500]}]})", "drives display 0 twice"},
        {"{" + two + R"({"name": "b", "rect": [500, 0, 500, 500], "rank": 2}]})", "rank 1 drives no output"},
        {"{" + two + R"({"name": "b", "rect": [500, 0, 500, 500], "display": 1, "rotation": 45}]})", "0, 90, 180 or 270"},
        {R"({"canvas": [100, 100]})", "either \"grid\" or \"outputs\""},
        {R"({"grid": {"columns": 2, "rows": 1, "panel": [64, 64], "ranks": 3}})", "grid.ranks"},
        {R"({"grid": {"columns": 2, "rows": 1, "panel": [64, 64], "bezelMm": [3, 3]}})", "pixelPitchMm"},
        {R"({"grid": {"columns": 2, "rows": 1, "panel": [64, 64]}, "canvas": [10, 10]})", "leave it out"},
        {R"({"grid": {"columns": 2, "rows": 1, "panel": [64, 64], "colums": 3}})", "colums"},
    };
    for (const auto& c : cases) {
        const std::string message = errorOf(c.json);
        EXPECT_NE(message.find("wall.json"), std::string::npos) << message;
        EXPECT_NE(message.find(c.expected), std::string::npos) << c.json << "\n  gave: " << message;
    }
}

TEST(WallLayout, TheShowFilesWallSectionIsParsedAndChecked) {
    const std::string base = R"({"format": "exhibit-show", "version": 1, "name": "t", "title": "t",
        "scenes": [{"id": "map", "type": "map", "title": "地图",
                    "geo": {"province": "p.geojson", "prefectures": "f.geojson", "counties": "c.geojson"},
                    "facts": {"counties": "c.csv", "sources": "s.csv"},
                    "layers": [{"type": "borders", "level": "county", "color": "#000000", "width": 1}]}], )";
    const ShowFile show = parseShowFile(base + R"("wall": {"grid": {"columns": 2, "rows": 1, "panel": [640, 360]}}})",
                                        "show.json", ".");
    ASSERT_TRUE(show.wall.has_value());
    EXPECT_EQ(show.wall->outputs.size(), 2u);
    try {
        parseShowFile(base + R"("wall": {"grid": {"columns": 0, "rows": 1, "panel": [640, 360]}}})", "show.json", ".");
        FAIL() << "no error";
    } catch (const ContentError& e) {
        EXPECT_NE(std::string(e.what()).find("wall.grid.columns"), std::string::npos) << e.what();
    }
}

TEST(WallLayout, BundledExampleLayoutsLoad) {
    const WallLayout triple = loadWallLayout(EXHIBIT_ASSETS "/walls/triple-1080p.json");
    EXPECT_EQ(triple.ranks(), 1);
    EXPECT_EQ(triple.outputs.size(), 3u);
    const WallLayout pcs = loadWallLayout(EXHIBIT_ASSETS "/walls/triple-1080p-3-pcs.json");
    EXPECT_EQ(pcs.ranks(), 3);
    const WallLayout big = loadWallLayout(EXHIBIT_ASSETS "/walls/3x2-4k-12k.json");
    EXPECT_EQ(big.ranks(), 3);
    EXPECT_GE(big.canvas.x, 11520);
}

}  // namespace
}  // namespace exhibit::test
