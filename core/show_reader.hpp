// Internal to the show-file readers (show.cpp, show_dashboard.cpp, show_story.cpp, show_tour.cpp):
// the value rules every part of a show file shares (ids, non-empty texts, paths that stay inside
// the show folder, map levels).
// Not part of the show-file API; include core/show.hpp instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json_reader.hpp"
#include "core/show.hpp"

namespace exhibit::show_detail {

// Empty when s matches [a-z0-9_-]{1,32} (starting with a letter when requireLetter), else what
// an id must look like.
std::string idProblem(const std::string& s, bool requireLetter);
std::string readId(const JsonNode& node, bool requireLetter);
std::string readText(const JsonNode& node);                           // not blank
std::string readTextOr(const JsonNode& parent, std::string_view key);  // empty when absent
std::string readRelativePath(const JsonNode& node);
MapLevel readLevel(const JsonNode& layer);
std::string readFeedMetric(const JsonNode& node);               // one of core/metric_catalog.hpp
std::string readAdcode(const JsonNode& node);                   // 6 digits
std::string readEventKind(const JsonNode& node);                // a known event kind
std::vector<std::string> readEventKinds(const JsonNode& node);  // 1 to 8 known event kinds
WidgetSpec readWidget(const JsonNode& node);                     // show_dashboard.cpp
TimelineSpec readTimeline(const JsonNode& node);                 // show_story.cpp
// Fails on `scene` unless its map has a choropleth of metric "exit_year" (the batch colours).
void checkTimelineMap(const JsonNode& scene, const MapSceneSpec& map);
CreditsSpec readCredits(const JsonNode& node);                   // show_story.cpp
TourSpec readTour(const JsonNode& node);                         // show_tour.cpp

}  // namespace exhibit::show_detail
