// Creates a Source from a show file's feeds[] entry or a --feed argument: "simulator" and
// "file:PATH" and http(s):// polling are built in; mqtt(s):// is refused with a clear message until
// its transport exists. Unknown schemes are a ContentError naming the URL.
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
    double replaySpeed = 1;
    std::uint64_t seed = 1;
    std::filesystem::path baseDir;  // file: paths are relative to it (the show folder)
    std::string username, password, caFile;  // HTTP basic auth and TLS CA bundle
};

std::unique_ptr<Source> createSource(const SourceConfig& config, const std::vector<SimulatedCounty>& counties);

}  // namespace exhibit
