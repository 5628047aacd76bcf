// Reading helpers shared by the show-file readers (show.cpp, show_dashboard.cpp).
#include "core/show_reader.hpp"

#include <algorithm>

#include "core/metric_catalog.hpp"

namespace exhibit::show_detail {

namespace {

bool isIdChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; }

}  // namespace

std::string idProblem(const std::string& s, bool requireLetter) {
    bool ok = !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), isIdChar) &&
              (!requireLetter || (s[0] >= 'a' && s[0] <= 'z'));
    if (ok) return {};
    return std::string("1 to 32 characters a-z, 0-9, \"_\" or \"-\"") + (requireLetter ? " starting with a letter" : "");
}

std::string readId(const JsonNode& node, bool requireLetter) {
    std::string s = node.string();
    if (auto problem = idProblem(s, requireLetter); !problem.empty()) {
        node.fail("expected " + problem + ", got " + quoteForMessage(s));
    }
    return s;
}

std::string readText(const JsonNode& node) {
    std::string s = node.string();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) node.fail("must not be empty");
    return s;
}

std::string readTextOr(const JsonNode& parent, std::string_view key) {
    auto c = parent.optionalChild(key);
    return c ? readText(*c) : std::string();
}

std::string readRelativePath(const JsonNode& node) {
    std::string s = node.string();
    if (s.empty()) node.fail("expected a path relative to the show folder, got \"\"");
    if (s.find('\0') != std::string::npos) node.fail("path must not contain a NUL character");
    bool absolute = s[0] == '/' || s[0] == '\\' || (s.size() >= 2 && s[1] == ':') || s[0] == '~';
    if (absolute) node.fail("path must be relative to the show folder, got " + quoteForMessage(s));
    if (s.find('\\') != std::string::npos) node.fail("use \"/\" to separate folders, got " + quoteForMessage(s));
    for (std::size_t start = 0; start <= s.size();) {
        std::size_t end = std::min(s.find('/', start), s.size());
        if (std::string_view(s).substr(start, end - start) == "..") {
            node.fail("path must stay inside the show folder (no \"..\"), got " + quoteForMessage(s));
        }
        start = end + 1;
    }
    return s;
}

MapLevel readLevel(const JsonNode& layer) {
    return layer.choice("level", {"county", "prefecture"}) == "county" ? MapLevel::County : MapLevel::Prefecture;
}

std::string readFeedMetric(const JsonNode& node) {
    std::string metric = node.string();
    if (isKnownMetric(metric)) return metric;
    std::vector<std::string_view> names;
    for (const auto& m : knownMetrics()) names.push_back(m.name);
    std::string message = "unknown metric " + quoteForMessage(metric);
    std::string_view suggestion = closestMatch(metric, names);
    if (!suggestion.empty()) message += " (did you mean " + quoteForMessage(suggestion) + "?)";
    node.fail(message + "; the metrics are listed in docs/feed-format.md");
}

std::string readEventKind(const JsonNode& node) {
    std::string kind = node.string();
    if (!isKnownEventKind(kind)) {
        std::vector<std::string_view> names(knownEventKinds().begin(), knownEventKinds().end());
        std::string message = "unknown event kind " + quoteForMessage(kind);
        std::string_view suggestion = closestMatch(kind, names);
        if (!suggestion.empty()) message += " (did you mean " + quoteForMessage(suggestion) + "?)";
        node.fail(message);
    }
    return kind;
}

std::vector<std::string> readEventKinds(const JsonNode& node) {
    std::vector<std::string> kinds;
    for (const JsonNode& item : node.items(1, 8)) kinds.push_back(readEventKind(item));
    return kinds;
}

}  // namespace exhibit::show_detail
