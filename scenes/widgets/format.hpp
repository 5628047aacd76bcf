// Number, time and axis formatting for the chart widgets: what a figure on the wall reads like.
//
// Use:
//   formatGrouped(12345.6, 1)      -> "12,345.6"     thousands separators, fixed decimals
//   formatCompact(1234000)         -> "123.4万"      Chinese units for large magnitudes (rule below)
//   formatPercent(0.1234)          -> "12.3%"
//   formatAge(75)                  -> "1min"         for "数据延迟 1min" badges
//   formatClock(t)                 -> "14:32:05"     China Standard Time (UTC+8), no tz database
//   AxisTicks ticks = niceTicks(0, 87, 6);            // 0, 20, 40, 60, 80, 100 (1-2-5 steps)
//
// The compact rule (formatCompact), decided once for the whole show:
//   |v| <  100,000          grouped digits with `decimals` decimals:  12,345   -12,345
//   |v| <  1e8  (1亿)       v / 1e4 with `unitDecimals` + "万":       123.4万  (10.0万 .. 9,999.9万)
//   |v| <  1e12 (1万亿)     v / 1e8 + "亿":                           32.0亿
//   otherwise               v / 1e12 + "万亿"
// In English the same with K, M, B, T (each up to 1,000 of it): 123.4K, 12.3M, 3.2B.
// Rounding happens before the unit is chosen, so 99,999.6 reads "10.0万", never "100,000", and
// 99,999,999 reads "1.0亿", never "10,000.0万". Negative values keep their sign ("-32.0亿");
// NaN and infinities read "—" (an em dash: no value, rather than a wrong one).
// Does not localise grouping (always ',' and '.') or format currencies.
#pragma once

#include <string>
#include <vector>

#include "core/language.hpp"

namespace exhibit {

inline constexpr const char* kNoValue = "—";

std::string formatGrouped(double value, int decimals = 0);
std::string formatCompact(double value, int decimals = 0, int unitDecimals = 1, Language language = Language::Zh);
std::string formatPercent(double fraction, int decimals = 1);
// Seconds of data age as a short label: "12s" (< 100 s), "5min" (< 100 min), "3h" (< 48 h), "2d".
std::string formatAge(double seconds);
// Wall-clock time of a Unix timestamp at a fixed UTC offset: "HH:MM:SS" or "HH:MM".
std::string formatClock(double unixSeconds, bool withSeconds = true, int utcOffsetHours = 8);

// The step of 1, 2 or 5 times a power of ten nearest above `roughStep` (> 0).
double niceStep(double roughStep);

struct AxisTicks {
    double min = 0, max = 1, step = 1;  // the axis range: multiples of step enclosing the data
    std::vector<double> values;         // min, min + step, ..., max
    int decimals = 0;                   // decimals that show every tick distinctly
};
// Ticks for data in [lo, hi] with at most about maxTicks intervals; a flat range (lo == hi) gets
// a range around the value, and non-finite input gives 0..1.
AxisTicks niceTicks(double lo, double hi, int maxTicks);

// Step for a scrolling time axis: the smallest of 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min,
// 1, 2, 3, 6, 12 h, 1 d that is at least roughSeconds.
double niceTimeStep(double roughSeconds);

}  // namespace exhibit
