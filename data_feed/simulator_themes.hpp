// The simulator's figures for the theme scenes (docs/feed-format.md, "The simulator"): the
// e-commerce chain from training classes to consumers, consumption aid (直播带货 live rooms and
// their viewers, aid orders flying to Chinese cities), and the precision poverty-alleviation cloud
// (express stations per county, QS and 三品一标 certifications, village-affairs postings,
// crowdfunding projects with their goals). Every magnitude is illustrative; SimulatorSource marks
// every message it makes "provenance": "simulated".
//
//   ThemeSimulation themes(seed, {{"522633", "从江县", 0.012}, ...});  // county shares sum to 1
//   themes.advance(to, dt, share, counties, events, out);  // share: the day's fraction in dt, by rhythm
//   themes.appendMetrics(values, provinceViewers);        // the "values" of a metrics message
//
// Deterministic: its own random engine (seeded from the simulator's seed), so adding these figures
// left the older ones byte-identical. Counters are "today so far" (resetDay at local midnight)
// except crowdfunding, which accumulates over a project's life, and the stock figures (stations,
// certifications), which stay put.
// Does not: run a thread or know wall time (SimulatorSource drives it).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace exhibit {

struct ThemeCounty {
    std::string adcode;
    std::string name;
    double weight = 0;  // share of the province's activity
};

class ThemeSimulation {
public:
    ThemeSimulation(std::uint64_t seed, std::vector<ThemeCounty> counties);

    void resetDay();
    // Advances by dt seconds ending at `to` (Unix seconds); dayShare = rhythm * dt / 86400, the
    // fraction of a day's activity in it. Appends the events (NDJSON lines) to `out` unless
    // `events` is false (a long catch-up emits counters only).
    void advance(double to, double dt, double dayShare, bool events, std::string& out);
    // Per-county and province values; provinceViewers (the simulator's livestream_viewers of
    // 520000) is shared out among the counties streaming now.
    void appendMetrics(nlohmann::json& values, double provinceViewers) const;

private:
    struct County {
        ThemeCounty info;
        double trainees = 0, baseShipments = 0, warehouse = 0, delivery = 0;
        double aidOrders = 0, aidSales = 0, villagePosts = 0;
        double stations = 0;  // stock
        double streamWeight = 0;  // > 0: the county streams (直播带货)
        long rooms = 0;           // live rooms now
        double goal = 0, raised = 0, backers = 0;  // goal > 0: a crowdfunding project
    };
    std::mt19937_64 rng_;
    std::vector<County> counties_;
};

}  // namespace exhibit
