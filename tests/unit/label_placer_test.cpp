// LabelPlacer: labels without overlaps, in priority order, inside bounds, around obstacles.
#include "scenes/label_placer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace exhibit {
namespace {

bool inside(const Rect& r, const Rect& bounds) {
    return r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;
}

// A small deterministic generator (no std::random distributions: those differ between libraries).
struct Lcg {
    std::uint32_t state = 12345;
    float next(float lo, float hi) {
        state = state * 1664525u + 1013904223u;
        return lo + (hi - lo) * static_cast<float>(state >> 8) / static_cast<float>(1u << 24);
    }
};

TEST(LabelPlacer, ManyLabelsNeverOverlapAndStayInBounds) {
    const Rect bounds{0, 0, 1000, 600};
    Lcg rng;
    std::vector<LabelCandidate> candidates;
    for (int i = 0; i < 300; ++i)
        candidates.push_back({{rng.next(0, 1000), rng.next(0, 600)}, {rng.next(30, 120), rng.next(14, 30)},
                              rng.next(0, 10)});
    LabelPlacer placer(bounds);
    const auto result = placer.placeAll(candidates);
    ASSERT_EQ(result.size(), candidates.size());
    int placed = 0;
    for (std::size_t i = 0; i < result.size(); ++i) {
        if (!result[i]) continue;
        ++placed;
        const Rect& r = *result[i];
        EXPECT_TRUE(inside(r, bounds)) << i;
        EXPECT_FLOAT_EQ(r.w, candidates[i].size.x) << i;
        EXPECT_FLOAT_EQ(r.h, candidates[i].size.y) << i;
        // Moved at most one label size (plus 2 px) away from its anchor.
        EXPECT_LE(std::abs(r.center().x - candidates[i].anchor.x), r.w * 0.5f + 2.0f + 1e-3f) << i;
        EXPECT_LE(std::abs(r.center().y - candidates[i].anchor.y), r.h * 0.6f + 1e-3f) << i;
        for (std::size_t j = i + 1; j < result.size(); ++j)
            if (result[j]) {
                EXPECT_FALSE(r.intersects(*result[j])) << i << " overlaps " << j;
            }
    }
    EXPECT_GT(placed, 50) << "a crowded map still gets many labels";
    EXPECT_LT(placed, 300) << "300 labels cannot all fit without overlaps";
}

TEST(LabelPlacer, AnUncrowdedLabelSitsExactlyOnItsAnchor) {
    LabelPlacer placer({0, 0, 200, 200});
    const auto r = placer.place({{100, 50}, {40, 20}, 1});
    ASSERT_TRUE(r);
    EXPECT_FLOAT_EQ(r->x, 80);
    EXPECT_FLOAT_EQ(r->y, 40);
    EXPECT_FLOAT_EQ(r->w, 40);
    EXPECT_FLOAT_EQ(r->h, 20);
}

TEST(LabelPlacer, HigherPriorityWinsRegardlessOfOrder) {
    // The bounds hold exactly one label: whichever is placed first takes it.
    const Rect bounds{0, 0, 40, 20};
    const std::vector<LabelCandidate> candidates{
        {{20, 10}, {40, 20}, 1},  // low priority, listed first
        {{20, 10}, {40, 20}, 5},  // high priority
        {{20, 10}, {40, 20}, 3},
    };
    LabelPlacer placer(bounds);
    const auto result = placer.placeAll(candidates);
    EXPECT_FALSE(result[0]);
    ASSERT_TRUE(result[1]);
    EXPECT_FALSE(result[2]);
    EXPECT_FLOAT_EQ(result[1]->x, 0);
}

TEST(LabelPlacer, HigherPriorityKeepsItsAnchorAndTheOtherMoves) {
    // Two 60 x 20 labels whose anchors are 30 px apart: placed at their anchors they would overlap.
    LabelPlacer placer({0, 0, 400, 400});
    const auto result = placer.placeAll({{{230, 200}, {60, 20}, 0}, {{200, 200}, {60, 20}, 9}});
    ASSERT_TRUE(result[0]);
    ASSERT_TRUE(result[1]);
    EXPECT_FLOAT_EQ(result[1]->center().x, 200);
    EXPECT_FLOAT_EQ(result[1]->center().y, 200);
    EXPECT_FALSE(result[0]->intersects(*result[1]));
    // The lower one went to the first free nearby position: right of its anchor.
    EXPECT_FLOAT_EQ(result[0]->x, 232);
    EXPECT_FLOAT_EQ(result[0]->center().y, 200);
}

TEST(LabelPlacer, EqualPrioritiesKeepSubmissionOrder) {
    LabelPlacer placer({0, 0, 40, 20});
    const auto result = placer.placeAll({{{20, 10}, {40, 20}, 2}, {{20, 10}, {40, 20}, 2}});
    EXPECT_TRUE(result[0]);
    EXPECT_FALSE(result[1]);
}

TEST(LabelPlacer, LabelOutsideTheBoundsIsDropped) {
    LabelPlacer placer({0, 0, 800, 600});
    EXPECT_FALSE(placer.place({{-500, -500}, {80, 20}, 1}));
    EXPECT_FALSE(placer.place({{2000, 300}, {80, 20}, 1}));
    EXPECT_FALSE(placer.place({{400, 300}, {900, 20}, 1})) << "wider than the bounds";
}

TEST(LabelPlacer, LabelOverTheEdgeIsShiftedInside) {
    const Rect bounds{0, 0, 800, 600};
    LabelPlacer placer(bounds);
    const auto r = placer.place({{790, 300}, {80, 20}, 1});  // at its anchor it pokes out on the right
    ASSERT_TRUE(r);
    EXPECT_TRUE(inside(*r, bounds));
    EXPECT_LT(r->center().x, 790);
}

TEST(LabelPlacer, ObstaclesAreRespected) {
    LabelPlacer placer({0, 0, 800, 600});
    const Rect legend{300, 250, 200, 100};
    placer.addObstacle(legend);
    const auto r = placer.place({{400, 300}, {80, 20}, 1});  // anchored in the middle of the legend
    EXPECT_FALSE(r && r->intersects(legend));

    const auto beside = placer.place({{340, 240}, {60, 20}, 1});  // overlaps the legend's top edge
    ASSERT_TRUE(beside);
    EXPECT_FALSE(beside->intersects(legend));
}

TEST(LabelPlacer, AnObstacleCoveringEverythingDropsAllLabels) {
    LabelPlacer placer({0, 0, 300, 300});
    placer.addObstacle({0, 0, 300, 300});
    const auto result = placer.placeAll({{{150, 150}, {20, 10}, 1}, {{10, 10}, {5, 5}, 2}});
    EXPECT_FALSE(result[0]);
    EXPECT_FALSE(result[1]);
}

TEST(LabelPlacer, TouchingBoxesAreNotOverlapping) {
    LabelPlacer placer({0, 0, 200, 100});
    placer.addObstacle({0, 0, 100, 100});
    const auto r = placer.place({{150, 50}, {100, 20}, 1});  // exactly fills the right half's width
    ASSERT_TRUE(r);
    EXPECT_FLOAT_EQ(r->x, 100);
}

}  // namespace
}  // namespace exhibit
