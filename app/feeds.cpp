#include "app/feeds.hpp"

#include <spdlog/spdlog.h>

#include "data_feed/county_facts.hpp"
#include "data_feed/source_factory.hpp"

namespace exhibit {

std::unique_ptr<FeedHub> startFeeds(const ShowFile& show, const Options& options, SnapshotBuffer& buffer) {
    std::set<std::string, std::less<>> adcodes = {"520000"};
    std::vector<SimulatedCounty> counties;
    for (const auto& scene : show.scenes) {
        if (!scene.map) continue;
        for (const auto& c : loadCountyFacts(show.resolve(scene.map->facts.counties)).counties) {
            if (adcodes.insert(c.adcode).second) counties.push_back({c.adcode, c.prefectureAdcode, c.name});
            adcodes.insert(c.prefectureAdcode);
        }
        break;
    }

    std::vector<FeedSpec> feeds = show.feeds;
    if (!options.feeds.empty()) {
        feeds.clear();
        for (const auto& url : options.feeds) {
            FeedSpec spec;
            spec.url = url;
            feeds.push_back(spec);
        }
    }
    auto hub = std::make_unique<FeedHub>(std::move(adcodes));
    if (!options.record.empty()) hub->record(options.record);
    for (const auto& feed : feeds) {
        SourceConfig config;
        config.url = feed.url;
        config.intervalSeconds = feed.interval;
        config.staleAfterSeconds = feed.staleAfter;
        config.replaySpeed = options.replaySpeed.value_or(feed.speed);
        config.seed = options.seed.value_or(feed.seed);
        config.baseDir = options.feeds.empty() ? show.baseDir : std::filesystem::path();
        config.username = feed.username;
        config.password = feed.password;
        config.caFile = feed.caFile;
        config.certFile = feed.certFile;
        config.keyFile = feed.keyFile;
        hub->add(createSource(config, counties), feed.staleAfter);
        spdlog::info("[app.feeds] source {}", feed.url);
    }
    hub->start(buffer);
    return hub;
}

}  // namespace exhibit
