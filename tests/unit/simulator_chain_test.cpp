// The simulator's figures for the e-commerce, consumption-aid and cloud scenes (simulator_themes.hpp):
// every new metric arrives per county and for the province, valid for the feed parser and marked
// simulated; counters grow through a day and reset at midnight; crowdfunding stays within its goals
// and survives midnight; the new events come with their destinations; the same seed gives the
// same payloads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

#include "data_feed/message_parser.hpp"
#include "data_feed/simulator_source.hpp"

namespace exhibit {
namespace {

// 2025-11-28 08:00 UTC = 16:00 China time.
constexpr double kAfternoon = 1764316800.0;

std::vector<SimulatedCounty> counties() {
    std::vector<SimulatedCounty> out;
    // Enough counties for the 24 streaming and 14 crowdfunding ones to be a part of them.
    for (int i = 0; i < 40; ++i) out.push_back({std::to_string(522600 + i + 1), "522600", "测试县"});
    return out;
}

std::set<std::string, std::less<>> adcodes() {
    // The province, its prefectures (other figures' events go up to them) and the counties.
    std::set<std::string, std::less<>> out{"520000", "520100", "520200", "520300", "520400", "520500",
                                           "520600", "522300", "522600", "522700"};
    for (const auto& c : counties()) out.insert(c.adcode);
    return out;
}

struct Parsed {
    std::map<std::string, std::map<std::string, double>> values;  // metric -> adcode -> value
    std::vector<FeedEvent> events;
};

Parsed parse(const std::string& payload) {
    const MessageParser parser(adcodes());
    const ParseResult r = parser.parse(payload);
    EXPECT_TRUE(r.rejections.empty()) << r.rejections.front();
    Parsed p;
    for (const auto& m : r.messages) {
        for (const auto& u : m.metrics) {
            EXPECT_EQ(u.value.provenance, Provenance::Simulated) << u.metric;
            p.values[u.metric][u.adcode] = u.value.value;
        }
        for (const auto& e : m.events) {
            EXPECT_EQ(e.provenance, Provenance::Simulated) << e.kind;
            p.events.push_back(e);
        }
    }
    return p;
}

TEST(ThemeSimulation, EveryNewMetricComesPerCountyAndForTheProvince) {
    SimulatorSource sim(3, counties());
    const Parsed p = parse(sim.generate(kAfternoon));
    for (const char* metric : {"ecommerce_trainees", "base_shipments", "warehouse_parcels", "delivery_parcels",
                               "consumption_aid_orders", "consumption_aid_sales", "village_affairs_posts",
                               "express_stations"}) {
        ASSERT_TRUE(p.values.count(metric)) << metric;
        const auto& byRegion = p.values.at(metric);
        EXPECT_EQ(byRegion.size(), counties().size() + 1) << metric;
        double sum = 0;
        for (const auto& [adcode, v] : byRegion)
            if (adcode != "520000") sum += v;
        EXPECT_DOUBLE_EQ(byRegion.at("520000"), sum) << metric << ": the province is the sum of its counties";
        EXPECT_GT(sum, 0) << metric << " by 16:00";
    }
    // Streaming counties and crowdfunding projects: some counties, not all, and the province.
    EXPECT_EQ(p.values.at("livestream_rooms").size(), 24u + 1);
    EXPECT_EQ(p.values.at("crowdfunding_goal").size(), 14u + 1);
    for (const auto& [adcode, goal] : p.values.at("crowdfunding_goal")) {
        const double raised = p.values.at("crowdfunding_raised").at(adcode);
        EXPECT_GT(goal, 0);
        EXPECT_GT(raised, 0);
        EXPECT_LE(raised, goal) << adcode;
        EXPECT_GE(p.values.at("crowdfunding_backers").at(adcode), 1);
    }
    for (const char* stock : {"qs_certifications", "cert_pollution_free", "cert_green_food", "cert_organic", "cert_geo_indication"})
        EXPECT_GT(p.values.at(stock).at("520000"), 0) << stock;
}

TEST(ThemeSimulation, CountersGrowThroughTheDayAndResetAtMidnightButCrowdfundingStays) {
    SimulatorSource sim(3, counties());
    double lastWarehouse = -1, lastRaised = -1;
    for (int minute = 0; minute <= 180; minute += 15) {
        const Parsed p = parse(sim.generate(kAfternoon + minute * 60.0));
        const double warehouse = p.values.at("warehouse_parcels").at("520000");
        const double raised = p.values.at("crowdfunding_raised").at("520000");
        EXPECT_GE(warehouse, lastWarehouse);
        EXPECT_GE(raised, lastRaised);
        lastWarehouse = warehouse;
        lastRaised = raised;
    }
    // 16:00 + 8 h + 5 min = 00:05 China time the next day.
    const Parsed night = parse(sim.generate(kAfternoon + 8 * 3600.0 + 300));
    EXPECT_LT(night.values.at("warehouse_parcels").at("520000"), lastWarehouse / 10);
    EXPECT_GE(night.values.at("crowdfunding_raised").at("520000"), lastRaised);
    EXPECT_EQ(night.values.at("express_stations").at("520000"),
              parse(SimulatorSource(3, counties()).generate(kAfternoon)).values.at("express_stations").at("520000"))
        << "stations are a stock, the same every day";
}

TEST(ThemeSimulation, NewEventsArriveWithTheirDestinationsAndCaptions) {
    SimulatorSource sim(5, counties());
    std::map<std::string, int> kinds;
    sim.generate(kAfternoon - 3600 * 6);  // 10:00 China time, a busy hour
    for (int s = 1; s <= 120; ++s) {
        for (const FeedEvent& e : parse(sim.generate(kAfternoon - 3600 * 6 + s)).events) {
            ++kinds[e.kind];
            if (e.kind == "consumption_order") {
                EXPECT_TRUE(e.toLon && e.toLat) << "an aid order flies to a city";
                EXPECT_FALSE(e.toName.empty());
                EXPECT_GT(e.value, 0);
            }
            if (e.kind == "consumption_order" || e.kind == "village_affairs_posted" || e.kind == "livestream_started") {
                EXPECT_FALSE(e.text.empty()) << e.kind;
            }
        }
    }
    EXPECT_GT(kinds["consumption_order"], 10);
    EXPECT_GT(kinds["village_affairs_posted"], 2);
    EXPECT_GT(kinds["livestream_started"], 0);
}

TEST(ThemeSimulation, SameSeedSameFigures) {
    SimulatorSource a(9, counties()), b(9, counties()), c(10, counties());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(a.generate(kAfternoon + i), b.generate(kAfternoon + i));
    EXPECT_NE(parse(a.generate(kAfternoon + 10)).values.at("express_stations"),
              parse(c.generate(kAfternoon + 10)).values.at("express_stations"));
}

TEST(ThemeSimulation, ThemeSimulationAloneSharesViewersAmongLiveRooms) {
    std::vector<ThemeCounty> themeCounties;
    for (int i = 0; i < 30; ++i) themeCounties.push_back({std::to_string(522601 + i), "县", 1.0 / 30});
    ThemeSimulation themes(1, themeCounties);
    std::string out;
    for (int step = 0; step < 6 * 14; ++step) themes.advance(600.0 * step, 600, 1.0 * 600 / 86400, false, out);
    EXPECT_TRUE(out.empty()) << "no events when told not to";
    nlohmann::json values = nlohmann::json::array();
    themes.appendMetrics(values, 50000);
    double rooms = 0, viewers = 0;
    for (const auto& v : values) {
        if (v["adcode"] == "520000") continue;
        if (v["metric"] == "livestream_rooms") rooms += v["value"].get<double>();
        if (v["metric"] == "livestream_viewers") viewers += v["value"].get<double>();
    }
    EXPECT_GT(rooms, 0);
    EXPECT_NEAR(viewers, 50000, 30) << "the province's viewers, shared by rooms (rounded per county)";
}

}  // namespace
}  // namespace exhibit
