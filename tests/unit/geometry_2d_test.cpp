// CPU geometry of the canvas and the map: strokes, GLU tessellation, label placement.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "renderer/stroke.hpp"
#include "renderer/tessellator.hpp"
#include "scenes/label_placer.hpp"

namespace exhibit {
namespace {

float triangleArea(const std::vector<glm::vec2>& t) {
    float area = 0;
    for (std::size_t i = 0; i + 2 < t.size(); i += 3) {
        const glm::vec2 a = t[i], b = t[i + 1], c = t[i + 2];
        area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5f;
    }
    return area;
}

TEST(Stroke, SegmentIsOneQuadWithSignedEdgeDistances) {
    std::vector<ShapeVertex> out;
    const glm::vec2 pts[] = {{0, 0}, {10, 0}};
    appendStroke(pts, 4.0f, 0xFFFFFFFFu, false, out);
    ASSERT_EQ(out.size(), 6u);
    for (const auto& v : out) {
        EXPECT_FLOAT_EQ(v.edge.y, 2.0f);                  // half width
        EXPECT_FLOAT_EQ(std::abs(v.edge.x), 3.0f);         // half width + 1 px of anti-aliasing
        EXPECT_FLOAT_EQ(std::abs(v.pos.y), 3.0f);
        EXPECT_GT(v.edge.x * v.pos.y, 0.0f);               // the sign follows the side of the line
    }
}

TEST(Stroke, ClosedSquareHasFourSegmentsAndMitredCorners) {
    std::vector<ShapeVertex> out;
    const glm::vec2 square[] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    appendStroke(square, 2.0f, 1u, true, out);
    ASSERT_EQ(out.size(), 24u);
    // Mitred corner: the outer vertex at (0,0) sits on the diagonal, sqrt(2) * extent away.
    bool foundMiter = false;
    for (const auto& v : out)
        if (std::abs(v.pos.x + 2.0f) < 1e-4f && std::abs(v.pos.y + 2.0f) < 1e-4f) foundMiter = true;
    EXPECT_TRUE(foundMiter);
}

TEST(Stroke, SkipsDuplicatesNonFiniteAndDegenerateInput) {
    std::vector<ShapeVertex> out;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const glm::vec2 pts[] = {{0, 0}, {0, 0}, {nan, 1}, {5, 0}};
    appendStroke(pts, 1.0f, 1u, false, out);
    EXPECT_EQ(out.size(), 6u);
    out.clear();
    appendStroke(pts, 0.0f, 1u, false, out);
    EXPECT_TRUE(out.empty());
    const glm::vec2 one[] = {{1, 1}};
    appendStroke(one, 3.0f, 1u, false, out);
    EXPECT_TRUE(out.empty());
}

TEST(Stroke, SoftStrokesCarryANegativeHalfWidth) {
    std::vector<ShapeVertex> out;
    const glm::vec2 pts[] = {{0, 0}, {10, 0}};
    appendStroke(pts, 8.0f, 1u, false, out, true);
    ASSERT_FALSE(out.empty());
    for (const auto& v : out) EXPECT_FLOAT_EQ(v.edge.y, -4.0f);
}

TEST(Tessellator, SquareBecomesTwoTrianglesOfTheRightArea) {
    std::vector<std::vector<glm::vec2>> rings = {{{0, 0}, {4, 0}, {4, 4}, {0, 4}}};
    std::vector<glm::vec2> tris;
    ASSERT_TRUE(tessellatePolygon(rings, tris));
    EXPECT_EQ(tris.size(), 6u);
    EXPECT_NEAR(triangleArea(tris), 16.0f, 1e-4f);
}

TEST(Tessellator, HolesAreCutOutWhateverTheirOrientation) {
    std::vector<std::vector<glm::vec2>> rings = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{2, 2}, {2, 6}, {6, 6}, {6, 2}}};
    std::vector<glm::vec2> tris;
    ASSERT_TRUE(tessellatePolygon(rings, tris));
    EXPECT_NEAR(triangleArea(tris), 100.0f - 16.0f, 1e-3f);
    rings[1] = {{2, 2}, {6, 2}, {6, 6}, {2, 6}};
    tris.clear();
    ASSERT_TRUE(tessellatePolygon(rings, tris));
    EXPECT_NEAR(triangleArea(tris), 84.0f, 1e-3f);
}

TEST(Tessellator, SelfTouchingRingKeepsItsArea) {
    // Two squares touching at one vertex, drawn as one ring (as quantised boundary data has).
    std::vector<std::vector<glm::vec2>> rings = {{{0, 0}, {2, 0}, {2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}, {0, 2}}};
    std::vector<glm::vec2> tris;
    ASSERT_TRUE(tessellatePolygon(rings, tris));
    EXPECT_NEAR(triangleArea(tris), 8.0f, 1e-3f);
}

TEST(Tessellator, DegenerateRingsGiveNothing) {
    std::vector<std::vector<glm::vec2>> rings = {{{0, 0}, {1, 1}}};
    std::vector<glm::vec2> tris;
    tessellatePolygon(rings, tris);
    EXPECT_TRUE(tris.empty());
    rings.clear();
    tessellatePolygon(rings, tris);
    EXPECT_TRUE(tris.empty());
}

TEST(LabelPlacer, ManyLabelsNeverOverlap) {
    LabelPlacer placer({0, 0, 400, 300});
    std::vector<LabelCandidate> candidates;
    for (int i = 0; i < 200; ++i)
        candidates.push_back({{static_cast<float>((i * 37) % 400), static_cast<float>((i * 53) % 300)}, {40, 14},
                              static_cast<float>(i % 7)});
    const auto boxes = placer.placeAll(candidates);
    std::vector<Rect> placed;
    for (const auto& b : boxes)
        if (b) placed.push_back(*b);
    ASSERT_GT(placed.size(), 20u);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        EXPECT_TRUE(placed[i].x >= 0 && placed[i].y >= 0 && placed[i].x + placed[i].w <= 400 &&
                    placed[i].y + placed[i].h <= 300);
        for (std::size_t j = i + 1; j < placed.size(); ++j) EXPECT_FALSE(placed[i].intersects(placed[j]));
    }
}

TEST(LabelPlacer, HigherPriorityWinsTheSpot) {
    LabelPlacer placer({0, 0, 100, 20});
    const auto boxes = placer.placeAll({{{50, 10}, {90, 18}, 1}, {{50, 10}, {90, 18}, 5}});
    EXPECT_FALSE(boxes[0]);
    ASSERT_TRUE(boxes[1]);
    EXPECT_FLOAT_EQ(boxes[1]->center().x, 50);
}

TEST(LabelPlacer, ObstaclesAndBoundsAreRespected) {
    LabelPlacer placer({0, 0, 100, 100});
    placer.addObstacle({50, 40, 20, 20});
    const auto moved = placer.place({{48, 50}, {10, 10}, 0});  // its first choice overlaps the obstacle
    ASSERT_TRUE(moved);
    EXPECT_FALSE(moved->intersects({50, 40, 20, 20}));
    EXPECT_LT(moved->center().x, 48);
    EXPECT_FALSE(placer.place({{500, 500}, {10, 10}, 0}));
}

}  // namespace
}  // namespace exhibit
