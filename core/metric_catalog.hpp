// The metrics and event kinds the wall knows (docs/feed-format.md): the feed parser accepts only
// these, and the show loader checks widget and layer bindings against them, so a misspelt metric
// fails when the show loads instead of leaving a widget empty for ever.
#pragma once

#include <span>
#include <string_view>

namespace exhibit {

struct MetricInfo {
    std::string_view name;
    bool counts;  // whole, non-negative numbers of things
};

std::span<const MetricInfo> knownMetrics();
std::span<const std::string_view> knownEventKinds();
const MetricInfo* findMetric(std::string_view name);
bool isKnownMetric(std::string_view metric);
bool isKnownEventKind(std::string_view kind);

}  // namespace exhibit
