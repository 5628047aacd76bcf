#include "data_feed/source_factory.hpp"

#include "core/error.hpp"
#include "data_feed/file_source.hpp"
#include "data_feed/http_source.hpp"
#include "data_feed/mqtt_source.hpp"

namespace exhibit {

std::unique_ptr<Source> createSource(const SourceConfig& config, const std::vector<SimulatedCounty>& counties) {
    const std::string& url = config.url;
    if (url == "simulator") return std::make_unique<SimulatorSource>(config.seed, counties, config.intervalSeconds, config.replaySpeed);
    if (url.rfind("file:", 0) == 0) {
        std::filesystem::path path = url.substr(5);
        if (path.is_relative() && !config.baseDir.empty()) path = config.baseDir / path;
        return std::make_unique<FileSource>(path, config.replaySpeed);
    }
    if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) {
        HttpSourceConfig http;
        http.url = url;
        http.intervalSeconds = config.intervalSeconds;
        http.username = config.username;
        http.password = config.password;
        http.caFile = config.caFile;
        return std::make_unique<HttpSource>(http);
    }
    if (url.rfind("mqtt://", 0) == 0 || url.rfind("mqtts://", 0) == 0) {
        MqttSourceConfig mqtt;
        mqtt.url = url;
        mqtt.username = config.username;
        mqtt.password = config.password;
        mqtt.caFile = config.caFile;
        mqtt.certFile = config.certFile;
        mqtt.keyFile = config.keyFile;
        return std::make_unique<MqttSource>(mqtt);
    }
    throw ContentError("feed \"" + url + "\": expected simulator, file:PATH, http(s)://… or mqtt(s)://…");
}

}  // namespace exhibit
