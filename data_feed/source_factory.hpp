// Creates a Source from a show file's feeds[] entry or a --feed argument: "simulator",
// "file:PATH", http(s):// polling and mqtt(s):// subscriptions. Unknown schemes and malformed URLs
// are a ContentError naming the URL.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "data_feed/simulator_source.hpp"
#include "data_feed/source.hpp"

namespace exhibit {

struct SourceConfig {
    std::string url = "simulator";
    double intervalSeconds = 1;
    double staleAfterSeconds = 5;
    double replaySpeed = 1;  // file: replays and the simulator
    std::uint64_t seed = 1;
    std::filesystem::path baseDir;  // file: paths are relative to it (the show folder)
    std::string username, password;          // HTTP basic auth / MQTT login
    std::string caFile, certFile, keyFile;   // TLS
};

std::unique_ptr<Source> createSource(const SourceConfig& config, const std::vector<SimulatedCounty>& counties);

}  // namespace exhibit
