// Feed ingest: how many messages and value rows per second the FeedHub parses, validates, merges
// and publishes, fed by simulator payloads for 88 counties (446 value rows per metrics message).
// Prints one JSON object. Single-threaded: the payloads are produced before the timed part.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "data_feed/feed_hub.hpp"
#include "data_feed/simulator_source.hpp"

int main() {
    using namespace exhibit;
    std::set<std::string, std::less<>> adcodes = {"520000"};
    std::vector<SimulatedCounty> counties;
    for (int i = 0; i < 88; ++i) {
        const std::string code = std::to_string(520100 + i * 7 + 1);
        adcodes.insert(code);
        counties.push_back({code, "520100", "县"});
    }
    SimulatorSource sim(1, counties);
    std::vector<std::string> payloads;
    std::size_t bytes = 0;
    for (int i = 0; i < 2000; ++i) {
        payloads.push_back(sim.generate(1764316800.0 + i));
        bytes += payloads.back().size();
    }
    std::size_t rowsPerPayload = 0;
    for (const auto& m : MessageParser(adcodes).parse(payloads.front()).messages) rowsPerPayload += m.metrics.size();
    double now = 0;
    FeedHub hub(adcodes, [&] { return now; });
    SourceSink& sink = hub.addManual("simulator", 5);
    const auto start = std::chrono::steady_clock::now();
    for (const auto& p : payloads) {
        sink.payload(p);
        now += 1;
        hub.tick();  // publishes a snapshot for every payload: the worst case for copying
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const auto snapshot = hub.latest();
    std::printf("{\"bench\": \"feed_ingest\", \"payloads\": %zu, \"messages\": %llu, \"rejected\": %llu, "
                "\"mib\": %.1f, \"seconds\": %.3f, \"messages_per_s\": %.0f, \"mib_per_s\": %.1f, "
                "\"value_rows_per_s\": %.0f, \"snapshots_per_s\": %.0f}\n",
                payloads.size(), static_cast<unsigned long long>(snapshot->sources[0].messages),
                static_cast<unsigned long long>(snapshot->sources[0].rejected), static_cast<double>(bytes) / 1048576.0,
                seconds, static_cast<double>(snapshot->sources[0].messages) / seconds,
                static_cast<double>(bytes) / 1048576.0 / seconds, static_cast<double>(rowsPerPayload * payloads.size()) / seconds,
                static_cast<double>(payloads.size()) / seconds);
    return snapshot->sources[0].rejected == 0 ? 0 : 1;
}
