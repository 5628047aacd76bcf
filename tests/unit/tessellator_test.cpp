// tessellatePolygon: polygons with holes and self-touching rings into triangles (GLU, no GL context).
#include "renderer/tessellator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace exhibit {
namespace {

using Ring = std::vector<glm::vec2>;

double area(const std::vector<glm::vec2>& triangles, std::size_t from = 0) {
    double sum = 0;
    for (std::size_t i = from; i + 2 < triangles.size(); i += 3) {
        const glm::dvec2 a = triangles[i], b = triangles[i + 1], c = triangles[i + 2];
        sum += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) * 0.5;
    }
    return sum;
}

bool tessellate(const std::vector<Ring>& rings, std::vector<glm::vec2>& out) {
    return tessellatePolygon(std::span<const Ring>(rings), out);
}

TEST(Tessellator, UnitSquareIsTwoTrianglesOfAreaOne) {
    std::vector<glm::vec2> out;
    ASSERT_TRUE(tessellate({{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, out));
    ASSERT_EQ(out.size(), 6u);
    EXPECT_NEAR(area(out), 1.0, 1e-6);
    for (const auto& p : out) {
        EXPECT_TRUE(p.x == 0.0f || p.x == 1.0f);
        EXPECT_TRUE(p.y == 0.0f || p.y == 1.0f);
    }
}

TEST(Tessellator, OrientationDoesNotMatter) {
    std::vector<glm::vec2> out;
    ASSERT_TRUE(tessellate({{{0, 0}, {0, 1}, {1, 1}, {1, 0}}}, out));
    EXPECT_EQ(out.size(), 6u);
    EXPECT_NEAR(area(out), 1.0, 1e-6);
}

TEST(Tessellator, SquareWithSquareHole) {
    const Ring outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const Ring holeCcw{{3, 3}, {7, 3}, {7, 7}, {3, 7}};
    const Ring holeCw{{3, 3}, {3, 7}, {7, 7}, {7, 3}};
    for (const Ring& hole : {holeCcw, holeCw}) {
        std::vector<glm::vec2> out;
        ASSERT_TRUE(tessellate({outer, hole}, out));
        EXPECT_EQ(out.size() % 3, 0u);
        EXPECT_NEAR(area(out), 100.0 - 16.0, 1e-4);
        // No triangle lies inside the hole: every centroid is outside it.
        for (std::size_t i = 0; i < out.size(); i += 3) {
            const glm::vec2 c = (out[i] + out[i + 1] + out[i + 2]) / 3.0f;
            EXPECT_FALSE(c.x > 3 && c.x < 7 && c.y > 3 && c.y < 7) << "triangle " << i / 3 << " fills the hole";
        }
    }
}

TEST(Tessellator, SelfTouchingRingKeepsItsArea) {
    // Two unit squares that touch at (1, 1), walked as one ring (as boundary data has them).
    std::vector<glm::vec2> out;
    ASSERT_TRUE(tessellate({{{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}, {0, 1}}}, out));
    EXPECT_NEAR(area(out), 2.0, 1e-5);
}

TEST(Tessellator, RingTouchingItselfAroundAnInnerPocket) {
    // A 4 x 4 square whose boundary runs in to enclose a 2 x 2 pocket that touches the outer edge
    // at one vertex (2, 0): with the odd rule the pocket is a hole.
    const Ring ring{{0, 0}, {2, 0}, {1, 1}, {1, 3}, {3, 3}, {3, 1}, {2, 0}, {4, 0}, {4, 4}, {0, 4}};
    std::vector<glm::vec2> out;
    ASSERT_TRUE(tessellate({ring}, out));
    // Square 16 minus the pocket: the pentagon (2,0),(1,1),(1,3),(3,3),(3,1) of area 4 + 1 = 5.
    EXPECT_NEAR(area(out), 16.0 - 5.0, 1e-4);
}

TEST(Tessellator, SelfIntersectingBowTieUsesTheOddRule) {
    std::vector<glm::vec2> out;
    ASSERT_TRUE(tessellate({{{0, 0}, {2, 2}, {2, 0}, {0, 2}}}, out));
    EXPECT_NEAR(area(out), 2.0, 1e-5) << "two triangles of area 1 meeting at the crossing (1, 1)";
}

TEST(Tessellator, DegenerateInputYieldsNoTriangles) {
    std::vector<glm::vec2> out;
    EXPECT_TRUE(tessellate({}, out));
    EXPECT_TRUE(out.empty());
    EXPECT_TRUE(tessellate({{}}, out));
    EXPECT_TRUE(out.empty()) << "empty ring";
    EXPECT_TRUE(tessellate({{{0, 0}, {5, 5}}}, out));
    EXPECT_TRUE(out.empty()) << "2-point ring";
    tessellate({{{0, 0}, {1, 1}, {2, 2}, {3, 3}}}, out);
    EXPECT_NEAR(area(out), 0.0, 1e-9) << "collinear ring";
}

TEST(Tessellator, NonFinitePointsAreSkipped) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::vector<glm::vec2> out;
    ASSERT_TRUE(tessellate({{{0, 0}, {1, 0}, {nan, 0.5f}, {1, 1}, {0, 1}}}, out));
    EXPECT_NEAR(area(out), 1.0, 1e-6);
    for (const auto& p : out) EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
}

TEST(Tessellator, AppendsAfterExistingPoints) {
    std::vector<glm::vec2> out{{42, 42}};
    ASSERT_TRUE(tessellate({{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, out));
    ASSERT_EQ(out.size(), 7u);
    EXPECT_EQ(out[0], glm::vec2(42, 42));
    EXPECT_NEAR(area(out, 1), 1.0, 1e-6);
}

TEST(Tessellator, ConcavePolygon) {
    // An L shape: 3 unit squares.
    std::vector<glm::vec2> out;
    ASSERT_TRUE(tessellate({{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}}, out));
    EXPECT_EQ(out.size(), 4u * 3u) << "a hexagon triangulates into 4 triangles";
    EXPECT_NEAR(area(out), 3.0, 1e-6);
}

}  // namespace
}  // namespace exhibit
