// The simulator's speed factor (--replay-speed for `simulator`), which the soak (bench/soak.py) uses
// to run days of 1-second updates in an hour: payloads come `speed` times as often and simulated
// time runs `speed` times as fast as the wall clock; speed 1 keeps the real time.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "data_feed/simulator_source.hpp"

namespace exhibit {
namespace {

class TimestampSink final : public SourceSink {
public:
    void payload(std::string_view body) override {
        // The first line of every payload is the metrics message with the payload's time.
        const auto doc = nlohmann::json::parse(body.substr(0, body.find('\n')));
        std::lock_guard lock(mutex_);
        ts_.push_back(doc.at("ts").get<double>());
        received_.push_back(std::chrono::steady_clock::now());
    }
    void transportError(std::string_view) override {}
    std::vector<double> timestamps() {
        std::lock_guard lock(mutex_);
        return ts_;
    }
    // Wall seconds between the first and the last payload's arrival.
    double receivedSpan() {
        std::lock_guard lock(mutex_);
        return received_.empty() ? 0 : std::chrono::duration<double>(received_.back() - received_.front()).count();
    }

private:
    std::mutex mutex_;
    std::vector<double> ts_;
    std::vector<std::chrono::steady_clock::time_point> received_;
};

double wallNow() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

const std::vector<SimulatedCounty> kCounties = {{"520102", "520100", "南明区"}, {"522633", "522600", "从江县"}};

TEST(SimulatorSpeed, FiftyTimesFasterGivesOneSimulatedSecondPerPayload) {
    SimulatorSource sim(1, kCounties, 1.0, 50.0);
    TimestampSink sink;
    const double before = wallNow();
    sim.start(sink);
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    sim.stop();
    const double wall = wallNow() - before;
    const auto ts = sink.timestamps();
    // 0.6 s at 50x: about 30 payloads (a loaded machine may deliver fewer, never more than 50x).
    ASSERT_GE(ts.size(), 5u);
    EXPECT_LE(static_cast<double>(ts.size()), 50.0 * wall + 2);
    for (std::size_t i = 1; i < ts.size(); ++i) {
        EXPECT_GT(ts[i], ts[i - 1]);
        EXPECT_GE(ts[i] - ts[i - 1], 0.9);  // each step covers at least one simulated second
    }
    // Simulated time starts at the real time and runs about 50x the wall clock, however busy the
    // machine (the rate is taken between arrivals, so a late thread only means fewer payloads).
    EXPECT_NEAR(ts.front(), before, 1.0);
    const double span = sink.receivedSpan();
    if (span > 0.2) {
        const double rate = (ts.back() - ts.front()) / span;
        EXPECT_GT(rate, 35.0);
        EXPECT_LT(rate, 65.0);
    }
}

TEST(SimulatorSpeed, SpeedOneFollowsTheRealClock) {
    SimulatorSource sim(1, kCounties);
    TimestampSink sink;
    const double before = wallNow();
    sim.start(sink);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    sim.stop();
    const auto ts = sink.timestamps();
    ASSERT_EQ(ts.size(), 1u);  // one payload a second: only the first in 0.2 s
    EXPECT_GE(ts.front(), before);
    EXPECT_LE(ts.front(), wallNow());
}

}  // namespace
}  // namespace exhibit
