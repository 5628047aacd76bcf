// Recording and replay, and the hub running its own thread with real sources. Threaded tests wait
// for a condition with a generous deadline; they never assert on how long anything took.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/error.hpp"
#include "data_feed/feed_hub.hpp"
#include "data_feed/file_source.hpp"
#include "data_feed/source_factory.hpp"

namespace exhibit {
namespace {

namespace fs = std::filesystem;

std::set<std::string, std::less<>> adcodes() { return {"520000", "520100", "520102", "522633"}; }

template <typename Predicate>
bool waitUntil(Predicate predicate) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

fs::path writeRecording(const std::string& name, const std::string& text) {
    const fs::path file = fs::path(EXHIBIT_BINARY_DIR) / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
}

SourceConfig config(const std::string& url) {
    SourceConfig c;
    c.url = url;
    return c;
}

std::string orders(double ts, long value) {
    return R"({"type":"metrics","ts":)" + std::to_string(ts) +
           R"(,"provenance":"simulated","values":[{"adcode":"520100","metric":"ecommerce_orders","value":)" +
           std::to_string(value) + "}]}\n";
}

TEST(FileSource, ReadsDelaysFromTimestampsAndCapsLongGaps) {
    const auto file = writeRecording("replay-read.ndjson", orders(100, 1) + orders(101.5, 2) + "\n" + orders(5000, 3));
    const auto lines = FileSource::read(file);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_DOUBLE_EQ(lines[0].delay, 0);
    EXPECT_DOUBLE_EQ(lines[1].delay, 1.5);
    EXPECT_DOUBLE_EQ(lines[2].delay, 10);
    EXPECT_THROW(FileSource::read(fs::path(EXHIBIT_BINARY_DIR) / "no-such.ndjson"), ContentError);
}

TEST(FileSource, ReplaysARecordingThroughTheHubAndLoops) {
    const auto file = writeRecording("replay-loop.ndjson", orders(1, 10) + orders(1.2, 20) + "{not json}\n");
    FeedHub hub(adcodes());
    hub.add(std::make_unique<FileSource>(file, 50.0), 5);
    SnapshotBuffer buffer;
    hub.start(buffer, 0.02);
    ASSERT_TRUE(waitUntil([&] {
        auto s = buffer.latest();
        return !s->sources.empty() && s->sources[0].messages >= 4;  // both lines, twice: it looped
    }));
    hub.stop();
    auto s = buffer.latest();
    EXPECT_EQ(s->value("520100", "ecommerce_orders")->value, 20);
    EXPECT_GE(s->sources[0].rejected, 1u);
    EXPECT_NE(s->sources[0].lastError.find("malformed JSON"), std::string::npos);
}

TEST(FileSource, MissingRecordingIsAnErrorStatusNotACrash) {
    FeedHub hub(adcodes());
    hub.add(std::make_unique<FileSource>(fs::path(EXHIBIT_BINARY_DIR) / "missing.ndjson", 1.0), 5);
    SnapshotBuffer buffer;
    hub.start(buffer, 0.02);
    ASSERT_TRUE(waitUntil([&] {
        auto s = buffer.latest();
        return !s->sources.empty() && s->sources[0].state == SourceState::Error;
    }));
    EXPECT_NE(buffer.latest()->sources[0].lastError.find("missing.ndjson: cannot open"), std::string::npos);
    hub.stop();
}

TEST(FeedHub, SimulatorRecordedThenReplayedGivesTheSameValues) {
    const auto file = fs::path(EXHIBIT_BINARY_DIR) / "replay-sim.ndjson";
    fs::remove(file);
    std::vector<SimulatedCounty> counties = {{"520102", "520100", "南明区"}, {"522633", "522600", "从江县"}};
    double recorded = 0;
    {
        FeedHub hub(adcodes());
        hub.record(file);
        SourceSink& sink = hub.addManual("simulator", 5);
        SimulatorSource sim(5, counties);
        for (int i = 0; i < 5; ++i) sink.payload(sim.generate(1764316800.0 + i));
        recorded = hub.tick()->value("520000", "ecommerce_orders")->value;
    }
    FeedHub replay(adcodes());
    replay.add(std::make_unique<FileSource>(file, 100.0), 5);
    SnapshotBuffer buffer;
    replay.start(buffer, 0.02);
    ASSERT_TRUE(waitUntil([&] {
        auto v = buffer.latest()->value("520000", "ecommerce_orders");
        return v && v->value == recorded;
    }));
    replay.stop();
}

TEST(SourceFactory, BuildsKnownSchemesAndNamesUnknownOnes) {
    EXPECT_EQ(createSource(config("simulator"), {})->name(), "simulator");
    SourceConfig file;
    file.url = "file:rec/day.ndjson";
    file.baseDir = "/show";
    EXPECT_EQ(createSource(file, {})->name(), "file:/show/rec/day.ndjson");
    try {
        createSource(config("gopher://x"), {});
        FAIL();
    } catch (const ContentError& e) {
        EXPECT_EQ(std::string(e.what()), "feed \"gopher://x\": expected simulator, file:PATH, http(s)://… or mqtt(s)://…");
    }
    EXPECT_EQ(createSource(config("http://127.0.0.1/x"), {})->name(), "http://127.0.0.1/x");
    EXPECT_EQ(createSource(config("mqtt://127.0.0.1:1883/t/#"), {})->name(), "mqtt://127.0.0.1:1883/t/#");
    EXPECT_THROW(createSource(config("mqtt://127.0.0.1:1883"), {}), ContentError);
    EXPECT_THROW(createSource(config("mqtt://127.0.0.1:99999/t"), {}), ContentError);
}

TEST(FeedHub, StartStopWithTheSimulatorThread) {
    FeedHub hub(adcodes());
    hub.add(createSource(config("simulator"), {{"520102", "520100", "南明区"}}), 5);
    SnapshotBuffer buffer;
    hub.start(buffer, 0.02);
    ASSERT_TRUE(waitUntil([&] { return buffer.latest()->value("520000", "telemedicine_consults") != nullptr; }));
    hub.stop();
    EXPECT_EQ(buffer.latest()->sources[0].state, SourceState::Ok);
}

}  // namespace
}  // namespace exhibit
