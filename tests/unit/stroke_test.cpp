// appendStroke: CPU geometry for anti-aliased strokes (no GL).
#include "renderer/stroke.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include <glm/geometric.hpp>

namespace exhibit {
namespace {

constexpr std::uint32_t kColor = 0xff336699u;

std::vector<ShapeVertex> stroke(const std::vector<glm::vec2>& points, float width, bool closed, bool soft = false) {
    std::vector<ShapeVertex> out;
    appendStroke(points, width, kColor, closed, out, soft);
    return out;
}

// Signed distance of p from the infinite line through a and b, positive on the side of
// perpendicular(b - a) = (-dy, dx).
float signedDistance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 d = glm::normalize(b - a);
    return glm::dot(p - a, glm::vec2{-d.y, d.x});
}

float triangleArea(const ShapeVertex& a, const ShapeVertex& b, const ShapeVertex& c) {
    const glm::vec2 u = b.pos - a.pos, v = c.pos - a.pos;
    return std::abs(u.x * v.y - u.y * v.x) * 0.5f;
}

TEST(Stroke, TwoPointsMakeOneQuadOfSixVertices) {
    const auto out = stroke({{0, 0}, {10, 0}}, 4, false);
    ASSERT_EQ(out.size(), 6u);
    float area = 0;
    for (std::size_t i = 0; i < out.size(); i += 3) area += triangleArea(out[i], out[i + 1], out[i + 2]);
    // Half width 2 plus 1 px of anti-aliasing margin on each side: 10 x 6.
    EXPECT_FLOAT_EQ(area, 60.0f);
    for (const auto& v : out) {
        EXPECT_EQ(v.color, kColor);
        EXPECT_FLOAT_EQ(v.edge.y, 2.0f) << "edge.y is the half width";
        EXPECT_FLOAT_EQ(std::abs(v.edge.x), 3.0f) << "edge.x reaches half width + 1 px margin at the quad sides";
        EXPECT_TRUE(v.pos.x == 0.0f || v.pos.x == 10.0f) << "butt caps: no extension along the line";
    }
}

TEST(Stroke, EdgeAttributeIsTheSignedDistanceFromTheCentreLine) {
    const glm::vec2 a{3, 7}, b{40, 29};
    const auto out = stroke({a, b}, 5, false);
    ASSERT_EQ(out.size(), 6u);
    int positive = 0, negative = 0;
    for (const auto& v : out) {
        EXPECT_NEAR(v.edge.x, signedDistance(v.pos, a, b), 1e-4f);
        (v.edge.x > 0 ? positive : negative)++;
    }
    EXPECT_EQ(positive, 3);
    EXPECT_EQ(negative, 3);
    // Each triangle spans both sides, so interpolation crosses zero on the centre line.
    for (std::size_t i = 0; i < out.size(); i += 3) {
        const bool hasPos = out[i].edge.x > 0 || out[i + 1].edge.x > 0 || out[i + 2].edge.x > 0;
        const bool hasNeg = out[i].edge.x < 0 || out[i + 1].edge.x < 0 || out[i + 2].edge.x < 0;
        EXPECT_TRUE(hasPos && hasNeg) << "triangle " << i / 3;
    }
}

TEST(Stroke, OpenPolylineHasOneQuadPerSegment) {
    EXPECT_EQ(stroke({{0, 0}, {10, 0}, {10, 10}, {0, 10}}, 2, false).size(), 3u * 6u);
}

TEST(Stroke, ClosedRingOfFourPointsHasFourSegments) {
    const std::vector<glm::vec2> square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    EXPECT_EQ(stroke(square, 2, true).size(), 4u * 6u);
    // A ring that repeats its first point at the end is the same ring.
    EXPECT_EQ(stroke({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, 2, true).size(), 4u * 6u);
}

TEST(Stroke, ClosedSquareHasMitredCorners) {
    const auto out = stroke({{0, 0}, {10, 0}, {10, 10}, {0, 10}}, 2, true);
    // Half width 1 + margin 1 = 2; a 90 degree mitre puts the corner vertices 2 * sqrt(2) from the
    // corner, on the diagonal.
    bool outer = false, inner = false;
    for (const auto& v : out) {
        if (glm::distance(v.pos, glm::vec2{-2, -2}) < 1e-4f) outer = true;
        if (glm::distance(v.pos, glm::vec2{2, 2}) < 1e-4f) inner = true;
    }
    EXPECT_TRUE(outer) << "outer mitre vertex at (-2, -2)";
    EXPECT_TRUE(inner) << "inner mitre vertex at (2, 2)";
}

TEST(Stroke, SharpTurnsAreClampedSoNoSpikeShootsOut) {
    const std::vector<glm::vec2> points{{0, 0}, {100, 0}, {0, 1}};
    const auto out = stroke(points, 4, false);
    ASSERT_EQ(out.size(), 12u);
    const float extent = 2 + 1;
    for (const auto& v : out) {
        float nearest = std::numeric_limits<float>::max();
        for (const auto& p : points) nearest = std::min(nearest, glm::distance(v.pos, p));
        EXPECT_LE(nearest, 3.0f * extent + 1e-3f) << "vertex " << v.pos.x << "," << v.pos.y;
    }
}

TEST(Stroke, DuplicateAndNonFinitePointsAreSkipped) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    const auto out = stroke({{0, 0}, {0, 0}, {nan, 5}, {5, inf}, {0.0001f, 0}, {10, 0}, {10, 0.0005f}}, 2, false);
    ASSERT_EQ(out.size(), 6u) << "only (0,0) and (10,0) are distinct finite points";
    for (const auto& v : out) {
        EXPECT_TRUE(std::isfinite(v.pos.x) && std::isfinite(v.pos.y));
        EXPECT_TRUE(std::isfinite(v.edge.x));
    }
}

TEST(Stroke, DegenerateInputProducesNothing) {
    EXPECT_TRUE(stroke({{0, 0}, {10, 0}}, 0, false).empty()) << "width 0";
    EXPECT_TRUE(stroke({{0, 0}, {10, 0}}, -3, false).empty()) << "negative width";
    EXPECT_TRUE(stroke({{0, 0}, {10, 0}}, std::numeric_limits<float>::quiet_NaN(), false).empty()) << "NaN width";
    EXPECT_TRUE(stroke({}, 2, false).empty());
    EXPECT_TRUE(stroke({{5, 5}}, 2, true).empty()) << "one point";
    EXPECT_TRUE(stroke({{5, 5}, {5, 5}, {5, 5.0001f}}, 2, true).empty()) << "one distinct point";
}

TEST(Stroke, TwoPointClosedRingIsOneSegment) {
    EXPECT_EQ(stroke({{0, 0}, {10, 0}}, 2, true).size(), 6u);
}

TEST(Stroke, SoftStrokesHaveNegativeHalfWidthAndNoMargin) {
    const auto out = stroke({{0, 0}, {10, 0}}, 8, false, true);
    ASSERT_EQ(out.size(), 6u);
    for (const auto& v : out) {
        EXPECT_FLOAT_EQ(v.edge.y, -4.0f) << "a negative half width selects the soft profile";
        EXPECT_FLOAT_EQ(std::abs(v.edge.x), 4.0f) << "a glow ends at width / 2";
        EXPECT_FLOAT_EQ(std::abs(v.pos.y), 4.0f);
    }
}

TEST(Stroke, AppendsWithoutTouchingExistingVertices) {
    std::vector<ShapeVertex> out(2, ShapeVertex{{1, 2}, 7u, {0, kSolidEdge}});
    appendStroke(std::vector<glm::vec2>{{0, 0}, {10, 0}}, 2, kColor, false, out);
    ASSERT_EQ(out.size(), 8u);
    EXPECT_EQ(out[0].color, 7u);
    EXPECT_EQ(out[1].pos, glm::vec2(1, 2));
    EXPECT_EQ(out[2].color, kColor);
}

}  // namespace
}  // namespace exhibit
