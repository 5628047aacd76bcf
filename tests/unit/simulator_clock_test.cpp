// The simulator when the wall clock is stepped (NTP, a clock set by hand): its timestamps follow a
// step forward and never run backwards, because the hub keeps the newest timestamp of each value
// and older payloads would freeze the wall's simulated figures for as long as the step back.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
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
        const auto doc = nlohmann::json::parse(body.substr(0, body.find('\n')));  // the metrics line
        std::lock_guard lock(mutex_);
        ts_.push_back(doc.at("ts").get<double>());
    }
    void transportError(std::string_view) override {}
    std::vector<double> timestamps() {
        std::lock_guard lock(mutex_);
        return ts_;
    }
    bool waitFor(std::size_t count) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (timestamps().size() < count) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return true;
    }

private:
    std::mutex mutex_;
    std::vector<double> ts_;
};

const std::vector<SimulatedCounty> kCounties = {{"520102", "520100", "南明区"}, {"522633", "522600", "从江县"}};

TEST(SimulatorClock, AWallClockSteppedBackDoesNotSendOlderTimestamps) {
    constexpr double kStart = 1764316800;  // 2025-11-28 08:00 UTC
    constexpr double kInterval = 0.02;
    std::atomic<double> wall{kStart};
    SimulatorSource sim(7, kCounties, kInterval, 1.0, [&] { return wall.load(); });
    TimestampSink sink;
    sim.start(sink);
    ASSERT_TRUE(sink.waitFor(3));
    wall = kStart + 86400 + 3 * 3600;  // a day and three hours forward: followed
    const std::size_t beforeForward = sink.timestamps().size();
    ASSERT_TRUE(sink.waitFor(beforeForward + 3));
    wall = kStart + 86400 + 2 * 3600;  // an hour back: simulated time goes on from where it was
    const std::size_t beforeBack = sink.timestamps().size();
    ASSERT_TRUE(sink.waitFor(beforeBack + 5));
    sim.stop();

    const std::vector<double> ts = sink.timestamps();
    for (std::size_t i = 1; i < ts.size(); ++i) EXPECT_GT(ts[i], ts[i - 1]) << "payload " << i;
    EXPECT_GE(ts.back(), kStart + 86400 + 3 * 3600);  // the forward step was taken
    EXPECT_LT(ts.back(), kStart + 86400 + 3 * 3600 + 60);  // and, stepped back, it only crept on
}

TEST(SimulatorClock, FasterThanRealTimeItRunsOnTheSteadyClock) {
    constexpr double kStart = 1764316800;
    std::atomic<double> wall{kStart};
    SimulatorSource sim(7, kCounties, 1.0, 100.0, [&] { return wall.load(); });  // a payload every 10 ms
    TimestampSink sink;
    sim.start(sink);
    ASSERT_TRUE(sink.waitFor(3));
    wall = kStart - 7 * 86400;  // a week back: ignored once started
    const std::size_t before = sink.timestamps().size();
    ASSERT_TRUE(sink.waitFor(before + 5));
    sim.stop();
    const std::vector<double> ts = sink.timestamps();
    for (std::size_t i = 1; i < ts.size(); ++i) EXPECT_GT(ts[i], ts[i - 1]) << "payload " << i;
    EXPECT_GE(ts.front(), kStart);
}

}  // namespace
}  // namespace exhibit
