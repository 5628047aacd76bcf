// Number, time and axis formatting of the chart widgets (scenes/widgets/format.hpp): thousands
// separators, the 万/亿 rule with its rounding edges, negatives, "—" for NaN, 1-2-5 axis ticks,
// and the provenance/staleness badge texts.
#include "scenes/widgets/format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "scenes/widgets/badges.hpp"

namespace exhibit {
namespace {

TEST(WidgetFormat, GroupsThousands) {
    EXPECT_EQ(formatGrouped(0), "0");
    EXPECT_EQ(formatGrouped(999), "999");
    EXPECT_EQ(formatGrouped(12345), "12,345");
    EXPECT_EQ(formatGrouped(1234567), "1,234,567");
    EXPECT_EQ(formatGrouped(-1234567.891, 2), "-1,234,567.89");
    EXPECT_EQ(formatGrouped(12345.65, 1), "12,345.7");
    EXPECT_EQ(formatGrouped(-0.4), "0");  // no "-0"
    EXPECT_EQ(formatGrouped(999.6), "1,000");
}

TEST(WidgetFormat, CompactUsesWanAndYi) {
    EXPECT_EQ(formatCompact(12345), "12,345");
    EXPECT_EQ(formatCompact(99999), "99,999");
    EXPECT_EQ(formatCompact(100000), "10.0万");
    EXPECT_EQ(formatCompact(1234000), "123.4万");
    EXPECT_EQ(formatCompact(1.23e6), "123.0万");
    EXPECT_EQ(formatCompact(12345678), "1,234.6万");
    EXPECT_EQ(formatCompact(3.2e9), "32.0亿");
    EXPECT_EQ(formatCompact(1.5e13), "15.0万亿");
    EXPECT_EQ(formatCompact(3.14159, 2), "3.14");
    EXPECT_EQ(formatCompact(1234000, 0, 2), "123.40万");
}

TEST(WidgetFormat, CompactRoundsBeforeChoosingTheUnit) {
    EXPECT_EQ(formatCompact(99999.6), "10.0万");      // not "100,000"
    EXPECT_EQ(formatCompact(99999999), "1.0亿");      // not "10,000.0万"
    EXPECT_EQ(formatCompact(99994999), "9,999.5万");
}

TEST(WidgetFormat, NegativesAndNonFinite) {
    EXPECT_EQ(formatCompact(-12345), "-12,345");
    EXPECT_EQ(formatCompact(-3.2e9), "-32.0亿");
    EXPECT_EQ(formatCompact(-0.2), "0");
    EXPECT_EQ(formatCompact(std::numeric_limits<double>::quiet_NaN()), "—");
    EXPECT_EQ(formatCompact(std::numeric_limits<double>::infinity()), "—");
    EXPECT_EQ(formatGrouped(std::numeric_limits<double>::quiet_NaN()), "—");
    EXPECT_EQ(formatPercent(std::numeric_limits<double>::quiet_NaN()), "—");
}

TEST(WidgetFormat, PercentAgeAndClock) {
    EXPECT_EQ(formatPercent(0.1234), "12.3%");
    EXPECT_EQ(formatPercent(1), "100.0%");
    EXPECT_EQ(formatPercent(-0.0001), "0.0%");
    EXPECT_EQ(formatAge(12.4), "12s");
    EXPECT_EQ(formatAge(150), "2min");
    EXPECT_EQ(formatAge(7200), "2h");
    EXPECT_EQ(formatAge(3 * 86400), "3d");
    EXPECT_EQ(formatAge(-5), "0s");
    EXPECT_EQ(formatClock(1718000000), "14:13:20");  // 06:13:20 UTC
    EXPECT_EQ(formatClock(1718000000, false), "14:13");
    EXPECT_EQ(formatClock(1718000000, true, 0), "06:13:20");
}

TEST(WidgetFormat, NiceStepsAreOneTwoFive) {
    EXPECT_DOUBLE_EQ(niceStep(0.7), 1);
    EXPECT_DOUBLE_EQ(niceStep(1.3), 2);
    EXPECT_DOUBLE_EQ(niceStep(2), 2);
    EXPECT_DOUBLE_EQ(niceStep(3), 5);
    EXPECT_DOUBLE_EQ(niceStep(7), 10);
    EXPECT_DOUBLE_EQ(niceStep(0.023), 0.05);
    EXPECT_DOUBLE_EQ(niceStep(1700), 2000);
}

TEST(WidgetFormat, NiceTicksEncloseTheData) {
    const AxisTicks t = niceTicks(0, 87, 5);
    EXPECT_DOUBLE_EQ(t.step, 20);
    EXPECT_DOUBLE_EQ(t.min, 0);
    EXPECT_DOUBLE_EQ(t.max, 100);
    ASSERT_EQ(t.values.size(), 6u);
    EXPECT_DOUBLE_EQ(t.values[3], 60);
    EXPECT_EQ(t.decimals, 0);

    const AxisTicks n = niceTicks(-3, 7, 5);
    EXPECT_DOUBLE_EQ(n.step, 2);
    EXPECT_DOUBLE_EQ(n.min, -4);
    EXPECT_DOUBLE_EQ(n.max, 8);

    const AxisTicks small = niceTicks(0.12, 0.31, 4);
    EXPECT_DOUBLE_EQ(small.step, 0.05);
    EXPECT_EQ(small.decimals, 2);

    // Many ranges: steps are 1, 2 or 5 times a power of ten, the range encloses the data, and the
    // number of intervals stays near the request.
    for (double lo : {-1234.5, -1.0, 0.0, 0.003, 17.0, 9.9e7})
        for (double span : {0.01, 1.0, 7.3, 55.0, 1e4, 3.3e9})
            for (int maxTicks : {2, 4, 6, 10}) {
                const AxisTicks a = niceTicks(lo, lo + span, maxTicks);
                const double mantissa = a.step / std::pow(10.0, std::floor(std::log10(a.step) + 1e-9));
                EXPECT_TRUE(std::fabs(mantissa - 1) < 1e-6 || std::fabs(mantissa - 2) < 1e-6 || std::fabs(mantissa - 5) < 1e-6)
                    << lo << " " << span << " step " << a.step;
                EXPECT_LE(a.min, lo + 1e-9 * std::fabs(lo));
                EXPECT_GE(a.max, lo + span - 1e-9 * std::fabs(lo + span));
                EXPECT_LE(static_cast<int>(a.values.size()) - 1, maxTicks + 2);
                EXPECT_GE(a.values.size(), 2u);
            }
}

TEST(WidgetFormat, NiceTicksForFlatAndBadRanges) {
    const AxisTicks flat = niceTicks(5, 5, 4);
    EXPECT_LT(flat.min, flat.max);
    EXPECT_LE(flat.min, 5);
    EXPECT_GE(flat.max, 5);
    const AxisTicks zero = niceTicks(0, 0, 4);
    EXPECT_DOUBLE_EQ(zero.min, 0);
    EXPECT_GT(zero.max, 0);
    const AxisTicks nan = niceTicks(std::numeric_limits<double>::quiet_NaN(), 3, 4);
    EXPECT_DOUBLE_EQ(nan.min, 0);
    EXPECT_DOUBLE_EQ(nan.max, 1);
}

TEST(WidgetFormat, TimeSteps) {
    EXPECT_DOUBLE_EQ(niceTimeStep(0.5), 1);
    EXPECT_DOUBLE_EQ(niceTimeStep(47), 60);
    EXPECT_DOUBLE_EQ(niceTimeStep(61), 120);
    EXPECT_DOUBLE_EQ(niceTimeStep(1000), 1800);
    EXPECT_DOUBLE_EQ(niceTimeStep(3 * 86400 + 1), 4 * 86400);
}

TEST(WidgetBadges, TextsAndColours) {
    EXPECT_TRUE(badgeList({}).empty());  // real data from a healthy source: no badge
    auto sim = badgeList({true, SourceState::Ok, 0});
    ASSERT_EQ(sim.size(), 1u);
    EXPECT_EQ(sim[0].text, "模拟数据");
    auto stale = badgeList({false, SourceState::Stale, 12.4});
    ASSERT_EQ(stale.size(), 1u);
    EXPECT_EQ(stale[0].text, "数据延迟 12s");
    EXPECT_EQ(stale[0].color, kBadgeStale);
    auto error = badgeList({true, SourceState::Error, 300});
    ASSERT_EQ(error.size(), 2u);
    EXPECT_EQ(error[0].text, "数据中断");
    EXPECT_EQ(error[0].color, kBadgeError);
    EXPECT_EQ(error[1].text, "模拟数据");
    EXPECT_EQ(badgeList({false, SourceState::Connecting, 0}).at(0).text, "连接中");
}

}  // namespace
}  // namespace exhibit
