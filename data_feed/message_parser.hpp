// Parses and validates feed payloads (docs/feed-format.md): one JSON message, a JSON array of
// messages, or newline-delimited JSON. Each message is accepted whole or rejected with one reason;
// a payload may mix both. Nothing here throws on bad input.
//
//   MessageParser parser(validAdcodes);
//   ParseResult r = parser.parse(body);
//   for (auto& m : r.messages) ...;   for (auto& why : r.rejections) log(why);
//
// Does not: merge values (FeedHub does), do any I/O, or keep state between payloads.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/metric_catalog.hpp"
#include "data_feed/snapshot.hpp"

namespace exhibit {

inline constexpr std::size_t kMaxMessageBytes = 256 * 1024;
inline constexpr double kMaxMetricValue = 1e15;

struct MetricUpdate {
    std::string adcode;
    std::string metric;
    MetricValue value;
};

struct ParsedMessage {
    std::vector<MetricUpdate> metrics;  // type "metrics"
    std::vector<FeedEvent> events;      // type "event" (one per message)
};

struct ParseResult {
    std::vector<ParsedMessage> messages;
    std::vector<std::string> rejections;  // one reason per rejected message
};


class MessageParser {
public:
    explicit MessageParser(std::set<std::string, std::less<>> validAdcodes) : adcodes_(std::move(validAdcodes)) {}
    ParseResult parse(std::string_view payload) const;

private:
    std::set<std::string, std::less<>> adcodes_;
};

}  // namespace exhibit
