#include "scenes/widgets/format.hpp"

#include <algorithm>
#include <span>
#include <cmath>
#include <cstdio>

namespace exhibit {
namespace {

// Rounds |value| to `decimals` and prints it with ',' every three integer digits.
std::string groupedAbs(double absValue, int decimals) {
    decimals = std::clamp(decimals, 0, 6);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, absValue);
    std::string digits(buffer);
    const auto dot = digits.find('.');
    std::string integer = digits.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
    std::string out;
    const std::size_t n = integer.size();
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(integer[i]);
        const std::size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out.push_back(',');
    }
    return out + fraction;
}

double roundTo(double value, int decimals) {
    const double scale = std::pow(10.0, std::clamp(decimals, 0, 6));
    return std::round(value * scale) / scale;
}

}  // namespace

std::string formatGrouped(double value, int decimals) {
    if (!std::isfinite(value)) return kNoValue;
    const double rounded = roundTo(value, decimals);
    const std::string body = groupedAbs(std::fabs(rounded), decimals);
    return (rounded < 0 ? "-" : "") + body;
}

std::string formatCompact(double value, int decimals, int unitDecimals, Language language) {
    if (!std::isfinite(value)) return kNoValue;
    const double a = std::fabs(value);
    const char* sign = value < 0 ? "-" : "";
    if (roundTo(a, decimals) < 1e5) {
        const double rounded = roundTo(a, decimals);
        return (rounded > 0 ? sign : "") + groupedAbs(rounded, decimals);
    }
    struct Unit {
        double scale;
        const char* name;
    };
    static constexpr Unit chinese[] = {{1e4, "万"}, {1e8, "亿"}, {1e12, "万亿"}};
    static constexpr Unit english[] = {{1e3, "K"}, {1e6, "M"}, {1e9, "B"}, {1e12, "T"}};
    const std::span<const Unit> units = language == Language::En ? std::span<const Unit>(english) : chinese;
    const double next = language == Language::En ? 1e3 : 1e4;  // a unit covers up to the next one
    for (std::size_t i = 0; i < units.size(); ++i) {
        const double scaled = roundTo(a / units[i].scale, unitDecimals);
        const bool last = i + 1 == units.size();
        if (last || scaled < next) return sign + groupedAbs(scaled, unitDecimals) + units[i].name;
    }
    return kNoValue;  // unreachable: the last unit always returns
}

std::string formatPercent(double fraction, int decimals) {
    if (!std::isfinite(fraction)) return kNoValue;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f%%", std::clamp(decimals, 0, 6), roundTo(fraction * 100.0, decimals) + 0.0);
    return buffer;
}

std::string formatAge(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
    const auto whole = [](double v) { return std::to_string(static_cast<long long>(std::floor(v))); };
    if (seconds < 100) return whole(seconds) + "s";
    if (seconds < 100 * 60) return whole(seconds / 60) + "min";
    if (seconds < 48 * 3600) return whole(seconds / 3600) + "h";
    return whole(seconds / 86400) + "d";
}

std::string formatClock(double unixSeconds, bool withSeconds, int utcOffsetHours) {
    if (!std::isfinite(unixSeconds)) return kNoValue;
    const long long t = static_cast<long long>(std::floor(unixSeconds)) + utcOffsetHours * 3600LL;
    const long long day = ((t % 86400) + 86400) % 86400;
    char buffer[16];
    if (withSeconds)
        std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", day / 3600, day / 60 % 60, day % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", day / 3600, day / 60 % 60);
    return buffer;
}

double niceStep(double roughStep) {
    if (!(roughStep > 0) || !std::isfinite(roughStep)) return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(roughStep)));
    const double f = roughStep / magnitude;
    // A small tolerance so 2.0000000001 (floating-point noise) still picks 2, not 5.
    if (f <= 1.0 + 1e-9) return magnitude;
    if (f <= 2.0 + 1e-9) return 2 * magnitude;
    if (f <= 5.0 + 1e-9) return 5 * magnitude;
    return 10 * magnitude;
}

AxisTicks niceTicks(double lo, double hi, int maxTicks) {
    AxisTicks ticks;
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (lo > hi) std::swap(lo, hi);
    if (hi - lo < 1e-12 * std::max(1.0, std::fabs(hi))) {
        const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
        lo -= pad;
        hi += pad;
        if (lo < 0 && lo + pad >= 0) lo = 0;  // a flat non-negative series keeps its zero baseline
    }
    maxTicks = std::max(1, maxTicks);
    ticks.step = niceStep((hi - lo) / maxTicks);
    ticks.min = std::floor(lo / ticks.step + 1e-12) * ticks.step;
    ticks.max = std::ceil(hi / ticks.step - 1e-12) * ticks.step;
    const int count = static_cast<int>(std::llround((ticks.max - ticks.min) / ticks.step));
    for (int i = 0; i <= count; ++i) {
        double v = ticks.min + i * ticks.step;
        if (std::fabs(v) < ticks.step * 1e-9) v = 0;  // no "-0"
        ticks.values.push_back(v);
    }
    ticks.decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(ticks.step) - 1e-9)));
    return ticks;
}

double niceTimeStep(double roughSeconds) {
    static constexpr double steps[] = {1,    2,    5,    10,   15,    30,    60,    120,   300,  600,
                                       900,  1800, 3600, 7200, 10800, 21600, 43200, 86400};
    for (double s : steps)
        if (s >= roughSeconds) return s;
    return std::ceil(roughSeconds / 86400) * 86400;
}

}  // namespace exhibit
