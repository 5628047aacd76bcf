// Fuzz target: a feed payload (docs/feed-format.md) through MessageParser, as every feed source
// (file replay, HTTP poll, MQTT) hands it over. The parser documents that it never throws on bad
// input, so no exception is caught here: every one is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "data_feed/message_parser.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace exhibit;

namespace {

const std::set<std::string, std::less<>>& adcodes() {
    // The province, a prefecture and a few counties of the bundled show; enough for the parser's
    // "unknown adcode" rule to have both outcomes.
    static const std::set<std::string, std::less<>> codes{"520000", "520100", "520102", "520103", "522633",
                                                          "522700", "522732"};
    return codes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const MessageParser parser(adcodes());
    const ParseResult result = parser.parse(fuzz::asText(data, size));
    for (const ParsedMessage& message : result.messages) {
        for (const MetricUpdate& update : message.metrics) {
            fuzz::fuzzCheck(adcodes().count(update.adcode) == 1, "accepted a metric for an unknown adcode");
            fuzz::fuzzCheck(std::isfinite(update.value.value) && std::abs(update.value.value) <= kMaxMetricValue,
                            "accepted a metric value that is not finite or beyond 1e15");
            fuzz::fuzzCheck(std::isfinite(update.value.timestamp), "accepted a non-finite timestamp");
        }
        for (const FeedEvent& event : message.events) {
            fuzz::fuzzCheck(std::isfinite(event.timestamp), "accepted an event with a non-finite timestamp");
            fuzz::fuzzCheck(!event.toLon || std::isfinite(*event.toLon), "accepted a non-finite event longitude");
            fuzz::fuzzCheck(!event.toLat || std::isfinite(*event.toLat), "accepted a non-finite event latitude");
        }
    }
    return 0;
}
