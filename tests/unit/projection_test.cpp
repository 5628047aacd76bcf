#include "core/projection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace exhibit {
namespace {

GeoBounds guizhouBox() {
    GeoBounds b;
    b.add({103.6015625, 24.6191406});
    b.add({109.5986328, 29.2216797});
    return b;
}

bool finite(glm::vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); }

TEST(Projection, RoundTripsLonLat) {
    const MapProjection p = MapProjection::fit(guizhouBox(), {0, 0, 1920, 1080}, 40);
    for (glm::dvec2 ll : {glm::dvec2(106.71, 26.57), glm::dvec2(103.6, 24.6), glm::dvec2(109.6, 29.2),
                          glm::dvec2(0.0, 0.0), glm::dvec2(-120.0, -60.0)}) {
        const glm::dvec2 back = p.toLonLat(p.toScreen(ll));
        // Float pixels: 1e-5 degree is about 1 m, far below a pixel at province scale.
        EXPECT_NEAR(back.x, ll.x, 1e-4 * std::max(1.0, std::abs(ll.x - 106.6)));
        EXPECT_NEAR(back.y, ll.y, 1e-4 * std::max(1.0, std::abs(ll.y - 26.9)));
    }
}

TEST(Projection, NorthIsUpEastIsRight) {
    const MapProjection p = MapProjection::fit(guizhouBox(), {0, 0, 1000, 1000}, 0);
    const glm::vec2 centre = p.toScreen({106.6, 26.9});
    EXPECT_LT(p.toScreen({106.6, 27.9}).y, centre.y);  // north: smaller y
    EXPECT_GT(p.toScreen({106.6, 25.9}).y, centre.y);
    EXPECT_GT(p.toScreen({107.6, 26.9}).x, centre.x);  // east: larger x
    EXPECT_FLOAT_EQ(p.toScreen({107.6, 26.9}).y, centre.y);
}

TEST(Projection, WideViewportLimitedByHeightAndCentredHorizontally) {
    const ScreenRect vp{100, 50, 3840, 1080};
    const float margin = 40;
    const MapProjection p = MapProjection::fit(guizhouBox(), vp, margin);
    const ScreenRect r = p.fittedRect();
    // Limiting axis (height) touches both margins.
    EXPECT_NEAR(r.y, vp.y + margin, 0.01);
    EXPECT_NEAR(r.y + r.h, vp.y + vp.h - margin, 0.01);
    // Other axis centred, inside the margins.
    EXPECT_NEAR(r.x + r.w / 2, vp.x + vp.w / 2, 0.01);
    EXPECT_GT(r.x, vp.x + margin);
    // The bounds corners land on the fitted rectangle.
    const glm::vec2 sw = p.toScreen(guizhouBox().min), ne = p.toScreen(guizhouBox().max);
    EXPECT_NEAR(sw.x, r.x, 0.01);
    EXPECT_NEAR(sw.y, r.y + r.h, 0.01);
    EXPECT_NEAR(ne.x, r.x + r.w, 0.01);
    EXPECT_NEAR(ne.y, r.y, 0.01);
}

TEST(Projection, TallViewportLimitedByWidthAndCentredVertically) {
    const ScreenRect vp{0, 0, 500, 2000};
    const MapProjection p = MapProjection::fit(guizhouBox(), vp, 10);
    const ScreenRect r = p.fittedRect();
    EXPECT_NEAR(r.x, 10, 0.01);
    EXPECT_NEAR(r.x + r.w, 490, 0.01);
    EXPECT_NEAR(r.y + r.h / 2, 1000, 0.01);
    EXPECT_GT(r.y, 10);
}

TEST(Projection, KeepsAspectRatio) {
    const GeoBounds b = guizhouBox();
    const glm::dvec2 m0 = MapProjection::mercator(b.min), m1 = MapProjection::mercator(b.max);
    const double mercatorAspect = (m1.x - m0.x) / (m1.y - m0.y);
    for (ScreenRect vp : {ScreenRect{0, 0, 1920, 1080}, ScreenRect{0, 0, 400, 1600}, ScreenRect{0, 0, 777, 777}}) {
        const ScreenRect r = MapProjection::fit(b, vp, 20).fittedRect();
        EXPECT_NEAR(r.w / r.h, mercatorAspect, 1e-4);
        // Equal pixel steps per Mercator unit in x and y.
        const MapProjection p = MapProjection::fit(b, vp, 20);
        EXPECT_NEAR(r.w, (m1.x - m0.x) * p.pixelsPerMercatorUnit(), 0.01);
    }
}

TEST(Projection, MercatorStretchesNorth) {
    // One degree of latitude is taller on screen further north (conformal).
    const MapProjection p = MapProjection::fit(guizhouBox(), {0, 0, 1000, 1000}, 0);
    const float south = p.toScreen({106, 25}).y - p.toScreen({106, 26}).y;
    const float north = p.toScreen({106, 28}).y - p.toScreen({106, 29}).y;
    EXPECT_GT(north, south);
}

TEST(Projection, DegenerateInputsStayFinite) {
    GeoBounds point;
    point.add({106.0, 26.0});
    const MapProjection a = MapProjection::fit(point, {0, 0, 800, 600}, 10);
    EXPECT_TRUE(finite(a.toScreen({106.0, 26.0})));
    EXPECT_NEAR(a.toScreen({106.0, 26.0}).x, 400, 0.01);
    EXPECT_NEAR(a.toScreen({106.0, 26.0}).y, 300, 0.01);
    EXPECT_TRUE(finite(a.toScreen({107.0, 27.0})));

    const MapProjection empty = MapProjection::fit(GeoBounds{}, {0, 0, 800, 600}, 10);
    EXPECT_TRUE(finite(empty.toScreen({106.0, 26.0})));

    const MapProjection zeroViewport = MapProjection::fit(guizhouBox(), {10, 20, 0, 0}, 10);
    EXPECT_EQ(zeroViewport.toScreen({106.0, 26.0}), glm::vec2(10, 20));
    const glm::dvec2 ll = zeroViewport.toLonLat({500, 500});
    EXPECT_TRUE(std::isfinite(ll.x) && std::isfinite(ll.y));

    const float nan = std::numeric_limits<float>::quiet_NaN();
    const MapProjection bad = MapProjection::fit(guizhouBox(), {nan, nan, -5, nan}, nan);
    EXPECT_TRUE(finite(bad.toScreen({106.0, 26.0})));

    const MapProjection hugeMargin = MapProjection::fit(guizhouBox(), {0, 0, 100, 100}, 1000);
    EXPECT_TRUE(finite(hugeMargin.toScreen({106.0, 26.0})));
}

TEST(Projection, ClampsPolarLatitudes) {
    const MapProjection p = MapProjection::fit(guizhouBox(), {0, 0, 1000, 1000}, 0);
    const glm::vec2 pole = p.toScreen({106.0, 90.0});
    EXPECT_TRUE(finite(pole));
    EXPECT_EQ(pole, p.toScreen({106.0, kMercatorMaxLatitude}));
    EXPECT_EQ(p.toScreen({106.0, -90.0}), p.toScreen({106.0, -kMercatorMaxLatitude}));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(finite(p.toScreen({nan, nan})));
}

}  // namespace
}  // namespace exhibit
