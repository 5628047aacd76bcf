// The feed core without network: message validation, the hub's merging and source statuses with a
// manual clock, and the simulator's determinism and rhythm.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "data_feed/feed_hub.hpp"
#include "data_feed/message_parser.hpp"
#include "data_feed/simulator_source.hpp"

namespace exhibit {
namespace {

std::set<std::string, std::less<>> adcodes() { return {"520000", "520100", "520102", "522633"}; }

TEST(FeedParser, AcceptsTheDocumentedExamples) {
    MessageParser parser(adcodes());
    const auto r = parser.parse(
        R"({"type":"metrics","ts":1764316800.0,"provenance":"simulated","values":[{"adcode":"520100","metric":"ecommerce_orders","value":1234}]})"
        "\n"
        R"({"type":"metrics","ts":"2026-11-28T08:00:00Z","provenance":"real","source":"CNS-2020-11-23","values":[{"adcode":"520000","metric":"poor_population","value":0}]})"
        "\n"
        R"({"type":"event","ts":1764316801.5,"event":"order_shipped","from":"522633","to":{"name":"上海","lon":121.47,"lat":31.23},"value":3,"provenance":"simulated","text":"从江县 香猪 → 上海"})");
    ASSERT_TRUE(r.rejections.empty()) << r.rejections.front();
    ASSERT_EQ(r.messages.size(), 3u);
    EXPECT_EQ(r.messages[0].metrics[0].value.value, 1234);
    EXPECT_EQ(r.messages[1].metrics[0].value.provenance, Provenance::Real);
    EXPECT_EQ(r.messages[1].metrics[0].value.sourceId, "CNS-2020-11-23");
    EXPECT_DOUBLE_EQ(r.messages[1].metrics[0].value.timestamp, 1795852800.0);  // 2026-11-28T08:00:00Z
    EXPECT_EQ(r.messages[2].events[0].toName, "上海");
    EXPECT_DOUBLE_EQ(*r.messages[2].events[0].toLon, 121.47);
}

TEST(FeedParser, ArraysAndBlankLines) {
    MessageParser parser(adcodes());
    const auto r = parser.parse(
        R"([{"type":"event","ts":1,"event":"class_held","from":"520102","provenance":"simulated"}, {"type":"x"}])");
    EXPECT_EQ(r.messages.size(), 1u);
    EXPECT_EQ(r.rejections.size(), 1u);
    EXPECT_TRUE(parser.parse("\n\n  \n").rejections.empty());
}

TEST(FeedParser, EveryBadInputIsRejectedWithItsReason) {
    MessageParser parser(adcodes());
    const std::pair<const char*, const char*> cases[] = {
        {"truncated.json", "malformed JSON"},
        {"garbage.json", "malformed JSON"},
        {"unknown_adcode.json", "values[0].adcode: unknown adcode \"999999\""},
        {"negative.json", "values[0].value: must not be negative"},
        {"nan_string.json", "values[0].value: expected a number, got string"},
        {"huge.json", "malformed JSON"},
        {"real_without_source.json", "missing field \"source\""},
        {"unknown_type.json", "type: expected \"metrics\" or \"event\""},
        {"deep.json", "nesting deeper than 16 levels"},
        {"bad_time.json", "ts: expected epoch seconds or an RFC 3339 UTC time"},
        {"unknown_metric.json", "values[0].metric: unknown metric \"happiness\""},
        {"fractional_count.json", "ecommerce_orders counts, expected a whole number"},
    };
    for (const auto& [file, reason] : cases) {
        std::ifstream in(std::string(EXHIBIT_TEST_DATA) + "/feed/bad/" + file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        ASSERT_FALSE(text.str().empty()) << file;
        const auto r = parser.parse(text.str());
        EXPECT_TRUE(r.messages.empty()) << file;
        ASSERT_EQ(r.rejections.size(), 1u) << file;
        EXPECT_NE(r.rejections[0].find(reason), std::string::npos) << file << ": " << r.rejections[0];
    }
    EXPECT_EQ(parser.parse(std::string(300 * 1024, ' ') + "{}").rejections.at(0), "message larger than 256 KiB");
}

class HubTest : public ::testing::Test {
protected:
    double now = 100;
    FeedHub hub{adcodes(), [this] { return now; }};
    static std::string orders(double ts, double value) {
        return R"({"type":"metrics","ts":)" + std::to_string(ts) +
               R"(,"provenance":"simulated","values":[{"adcode":"520100","metric":"ecommerce_orders","value":)" +
               std::to_string(static_cast<long>(value)) + "}]}";
    }
};

TEST_F(HubTest, NewestTimestampWinsAcrossSources) {
    SourceSink& a = hub.addManual("a", 5);
    SourceSink& b = hub.addManual("b", 5);
    a.payload(orders(10, 100));
    b.payload(orders(9, 50));  // older: ignored
    auto snap = hub.tick();
    EXPECT_EQ(snap->value("520100", "ecommerce_orders")->value, 100);
    b.payload(orders(11, 120));
    EXPECT_EQ(hub.tick()->value("520100", "ecommerce_orders")->value, 120);
    EXPECT_EQ(snap->value("520100", "ecommerce_orders")->value, 100) << "published snapshots are immutable";
}

TEST_F(HubTest, StatusGoesOkStaleOkAndKeepsTheLastGoodValue) {
    SourceSink& s = hub.addManual("sim", 5);
    EXPECT_EQ(hub.tick()->sources[0].state, SourceState::Connecting);
    s.payload(orders(1, 7));
    EXPECT_EQ(hub.tick()->sources[0].state, SourceState::Ok);
    now += 4.9;
    EXPECT_EQ(hub.tick()->sources[0].state, SourceState::Ok);
    now += 0.2;
    auto stale = hub.tick();
    EXPECT_EQ(stale->sources[0].state, SourceState::Stale);
    EXPECT_EQ(stale->value("520100", "ecommerce_orders")->value, 7);
    s.payload(orders(2, 8));
    EXPECT_EQ(hub.tick()->sources[0].state, SourceState::Ok);
}

TEST_F(HubTest, TransportErrorsAndRejectionsAreCountedAndRecoverable) {
    SourceSink& s = hub.addManual("http://127.0.0.1:1/x", 5);
    s.payload(orders(1, 1));
    s.transportError("http://127.0.0.1:1/x: HTTP 503");
    auto snap = hub.tick();
    EXPECT_EQ(snap->sources[0].state, SourceState::Error);
    EXPECT_EQ(snap->sources[0].lastError, "http://127.0.0.1:1/x: HTTP 503");
    EXPECT_EQ(snap->value("520100", "ecommerce_orders")->value, 1);
    s.payload("{broken");
    s.payload(orders(2, 2));
    snap = hub.tick();
    EXPECT_EQ(snap->sources[0].state, SourceState::Ok);
    EXPECT_EQ(snap->sources[0].messages, 2u);
    EXPECT_EQ(snap->sources[0].rejected, 1u);
    EXPECT_GT(snap->sources[0].bytes, 50u);
}

TEST_F(HubTest, EventsAreBoundedAndSequenceGrows) {
    SourceSink& s = hub.addManual("sim", 5);
    std::string many;
    for (int i = 0; i < 300; ++i)
        many += R"({"type":"event","ts":)" + std::to_string(i) +
                R"(,"event":"class_held","from":"520102","provenance":"simulated"})" "\n";
    s.payload(many);
    auto first = hub.tick();
    EXPECT_EQ(first->events.size(), FeedHub::kMaxEvents);
    EXPECT_DOUBLE_EQ(first->events.back().timestamp, 299);
    EXPECT_LT(first->sequence, hub.tick(true)->sequence);
}

TEST_F(HubTest, RecordingKeepsOnlyAcceptedMessages) {
    const auto file = std::filesystem::path(EXHIBIT_BINARY_DIR) / "feed-record.ndjson";
    std::filesystem::remove(file);
    hub.record(file);
    SourceSink& s = hub.addManual("sim", 5);
    s.payload(orders(1, 1) + "\n{bad\n" + orders(2, 2) + "\n");
    std::ifstream in(file);
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) ++lines;
    EXPECT_EQ(lines, 2);
}

TEST(Simulator, SameSeedSamePayloadsDifferentSeedDifferent) {
    const std::vector<SimulatedCounty> counties = {{"520102", "520100", "南明区"}, {"522633", "522600", "从江县"}};
    SimulatorSource a(7, counties), b(7, counties), c(8, counties);
    const double t0 = 1764316800.0;  // 2025-11-28 16:00 China time (08:00 UTC)
    for (int i = 0; i < 20; ++i) {
        const auto pa = a.generate(t0 + i), pb = b.generate(t0 + i), pc = c.generate(t0 + i);
        EXPECT_EQ(pa, pb);
        if (i == 0) {
            EXPECT_NE(pa, pc);
        }
    }
}

TEST(Simulator, EverythingIsSimulatedValidAndCountersGrow) {
    std::vector<SimulatedCounty> counties;
    for (const char* code : {"520102", "522633"}) counties.push_back({code, "520100", "县"});
    SimulatorSource sim(1, counties);
    MessageParser parser(adcodes());
    double lastOrders = -1;
    const double t0 = 1764316800.0;
    for (int minute = 0; minute < 120; minute += 10) {
        const auto r = parser.parse(sim.generate(t0 + minute * 60.0));
        ASSERT_TRUE(r.rejections.empty()) << r.rejections.front();
        double orders = -1;
        for (const auto& m : r.messages) {
            for (const auto& u : m.metrics) {
                EXPECT_EQ(u.value.provenance, Provenance::Simulated);
                if (u.adcode == "520000" && u.metric == "ecommerce_orders") orders = u.value.value;
            }
            for (const auto& e : m.events) EXPECT_EQ(e.provenance, Provenance::Simulated);
        }
        EXPECT_GE(orders, lastOrders);
        lastOrders = orders;
    }
    EXPECT_GT(lastOrders, 1000);  // 16:00 China time: most of a day's orders are in
}

TEST(Simulator, NightIsQuieterThanDay) {
    EXPECT_LT(SimulatorSource::rhythm(3), 0.3);
    EXPECT_GT(SimulatorSource::rhythm(10.5), 1.4);
    EXPECT_GT(SimulatorSource::rhythm(20.5), 1.2);
    double mean = 0;
    for (int i = 0; i < 240; ++i) mean += SimulatorSource::rhythm(i / 10.0) / 240;
    EXPECT_NEAR(mean, 1.0, 0.25);
}

TEST(Simulator, ConsultationsAreAnchoredOnSixThousandADay) {
    std::vector<SimulatedCounty> counties;
    for (int i = 0; i < 88; ++i) counties.push_back({"520102", "520100", "县"});
    SimulatorSource sim(3, counties);
    // 2025-11-28 23:59:59 China time (UTC+8): the whole day is in.
    const double endOfDay = 1764345600.0 - 1.0;
    const auto r = MessageParser({"520000", "520102"}).parse(sim.generate(endOfDay));
    double consults = 0;
    for (const auto& m : r.messages)
        for (const auto& u : m.metrics)
            if (u.adcode == "520000" && u.metric == "telemedicine_consults") consults = u.value.value;
    EXPECT_NEAR(consults, 6000, 1500);
}

}  // namespace
}  // namespace exhibit
