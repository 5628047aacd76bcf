// The simulator's figures for the healthcare, education and social-collaboration scenes (the
// network scenes): every new metric per county and for the province (the province is the
// counties' sum), diagnosis requests that climb to a reading hospital and reports that come back
// later, classes under way, partner pairings announced when a day starts, all of it valid, known
// to the catalog and marked simulated; and the older figures keep their random sequence.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/metric_catalog.hpp"
#include "data_feed/county_facts.hpp"
#include "data_feed/message_parser.hpp"
#include "data_feed/simulator_source.hpp"

namespace exhibit {
namespace {

struct Province {
    CountyFacts facts = loadCountyFacts(EXHIBIT_ASSETS "/shows/guizhou/facts/guizhou_counties.csv");
    std::vector<SimulatedCounty> counties() const {
        std::vector<SimulatedCounty> out;
        for (const auto& c : facts.counties) out.push_back({c.adcode, c.prefectureAdcode, c.name});
        return out;
    }
    std::set<std::string, std::less<>> adcodes() const {
        std::set<std::string, std::less<>> codes = {"520000"};
        for (const auto& c : facts.counties) {
            codes.insert(c.adcode);
            codes.insert(c.prefectureAdcode);
        }
        return codes;
    }
};

constexpr double kEleven = 1764316800.0 + 3 * 3600.0;  // 2025-11-28 11:00 China time: busy
constexpr const char* kNetworkMetrics[] = {"remote_ecg",       "remote_imaging",    "video_consults",
                                           "diagnoses_returned", "consults_referred", "classes_live",
                                           "farmer_trainings", "farmer_trainees",   "trainings_live",
                                           "aid_pledged",      "aid_projects"};

TEST(SimulatorNetworkScenes, EveryNewMetricPerCountyAndTheProvinceIsTheirSum) {
    Province gz;
    SimulatorSource sim(7, gz.counties());
    const MessageParser parser(gz.adcodes());
    const auto r = parser.parse(sim.generate(kEleven));
    ASSERT_TRUE(r.rejections.empty()) << r.rejections.front();
    std::map<std::string, std::map<std::string, double>> values;  // metric -> adcode -> value
    for (const auto& m : r.messages)
        for (const auto& u : m.metrics) {
            EXPECT_EQ(u.value.provenance, Provenance::Simulated);
            values[u.metric][u.adcode] = u.value.value;
        }
    for (const char* metric : kNetworkMetrics) {
        ASSERT_TRUE(isKnownMetric(metric)) << metric;
        const auto& byRegion = values[metric];
        double sum = 0;
        for (const auto& c : gz.facts.counties) {
            ASSERT_TRUE(byRegion.contains(c.adcode)) << metric << " " << c.adcode;
            sum += byRegion.at(c.adcode);
        }
        ASSERT_TRUE(byRegion.contains("520000")) << metric;
        EXPECT_DOUBLE_EQ(byRegion.at("520000"), sum) << metric;
    }
    // 11:00 on a busy day: the morning's figures are in.
    const auto province = [&](const char* metric) { return values[metric]["520000"]; };
    EXPECT_GT(province("remote_ecg"), 0);
    EXPECT_GT(province("remote_imaging"), 0);
    EXPECT_DOUBLE_EQ(province("remote_ecg") + province("remote_imaging") + province("video_consults"),
                     province("telemedicine_consults"));
    EXPECT_GT(province("diagnoses_returned"), 0);
    EXPECT_LE(province("diagnoses_returned"), province("telemedicine_consults"));
    EXPECT_GT(province("classes_live"), 5);  // 40-minute classes started in the last 40 minutes
    EXPECT_LE(province("classes_live"), province("online_classes"));
    EXPECT_GT(province("trainings_live"), 0);
    EXPECT_GT(province("farmer_trainees"), province("farmer_trainings"));
    EXPECT_GT(province("aid_pledged"), 0);
    EXPECT_GT(province("aid_partners"), 0);
    EXPECT_GT(province("aid_counties"), 0);
    EXPECT_LE(province("aid_counties"), 88);
}

TEST(SimulatorNetworkScenes, RequestsClimbAndReportsComeBackDown) {
    Province gz;
    SimulatorSource sim(3, gz.counties());
    const MessageParser parser(gz.adcodes());
    std::map<std::string, int> kinds;
    std::set<std::string, std::less<>> readers;
    int paired = 0;
    for (int s = 0; s < 300; ++s) {
        const auto r = parser.parse(sim.generate(kEleven + 2.0 * s));  // ten minutes in 2-second payloads
        ASSERT_TRUE(r.rejections.empty()) << r.rejections.front();
        for (const auto& m : r.messages)
            for (const auto& e : m.events) {
                ASSERT_TRUE(isKnownEventKind(e.kind)) << e.kind;
                EXPECT_EQ(e.provenance, Provenance::Simulated);
                ++kinds[e.kind];
                const CountyFact* from = gz.facts.find(e.fromAdcode);
                if (e.kind == "diagnosis_requested") {
                    ASSERT_NE(from, nullptr) << "a request starts at a county's clinic";
                    // Read at its own county, its prefecture or the province.
                    EXPECT_TRUE(e.toAdcode == e.fromAdcode || e.toAdcode == from->prefectureAdcode ||
                                e.toAdcode == "520000")
                        << e.toAdcode;
                    readers.insert(e.toAdcode == "520000" ? "province" : e.toAdcode == e.fromAdcode ? "county" : "prefecture");
                }
                if (e.kind == "diagnosis_returned") {
                    const CountyFact* to = gz.facts.find(e.toAdcode);
                    ASSERT_NE(to, nullptr) << "a report goes back to a county's clinic";
                    EXPECT_TRUE(e.fromAdcode == e.toAdcode || e.fromAdcode == to->prefectureAdcode ||
                                e.fromAdcode == "520000");
                }
                if (e.kind == "partner_paired" || e.kind == "aid_project_signed") {
                    EXPECT_NE(from, nullptr);
                    EXPECT_FALSE(e.toName.empty());
                    EXPECT_TRUE(e.toLon && e.toLat);
                }
                if (e.kind == "partner_paired") {
                    EXPECT_EQ(s, 0) << "standing pairings are announced when the day starts, not every second";
                    ++paired;
                }
                if (e.kind == "aid_project_signed") {
                    EXPECT_GT(e.value, 0);
                }
            }
    }
    EXPECT_GT(kinds["diagnosis_requested"], 5);
    EXPECT_GT(kinds["diagnosis_returned"], 5);
    EXPECT_GT(kinds["training_held"], 0);
    EXPECT_GT(kinds["aid_project_signed"], 0);
    EXPECT_GT(paired, 20);
    EXPECT_EQ(readers.size(), 3u);
}

// Seed 7, the 88 counties in file order, payloads at 11:00:00, :01 and :02, from the simulator as
// it was before the network scenes' figures (git 32b8611).
constexpr double kOrdersBefore = 67030, kConsultsBefore = 3365;

TEST(SimulatorNetworkScenes, TheOlderFiguresKeepTheirSequence) {
    Province gz;
    SimulatorSource sim(7, gz.counties());
    const MessageParser parser(gz.adcodes());
    double orders = -1, consults = -1;
    for (int s = 0; s < 3; ++s) {
        const auto r = parser.parse(sim.generate(kEleven + s));
        for (const auto& m : r.messages)
            for (const auto& u : m.metrics) {
                if (u.adcode == "520000" && u.metric == "ecommerce_orders") orders = u.value.value;
                if (u.adcode == "520000" && u.metric == "telemedicine_consults") consults = u.value.value;
            }
    }
    EXPECT_EQ(orders, kOrdersBefore);
    EXPECT_EQ(consults, kConsultsBefore);
}

}  // namespace
}  // namespace exhibit
