#include "data_feed/message_parser.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <stdexcept>

namespace exhibit {
namespace {

using json = nlohmann::json;

class Reject : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// RFC 3339 UTC ("2026-11-28T08:00:00Z", optional fraction) or epoch seconds.
double readTimestamp(const json& message) {
    auto it = message.find("ts");
    if (it == message.end()) throw Reject("missing field \"ts\"");
    if (it->is_number()) {
        const double t = it->get<double>();
        if (!std::isfinite(t) || t < 0 || t > 4102444800.0) throw Reject("ts: out of range");
        return t;
    }
    if (!it->is_string()) throw Reject("ts: expected epoch seconds or an RFC 3339 UTC time");
    const std::string s = it->get<std::string>();
    std::tm tm{};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, consumed = 0;
    double second = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%lf%n", &year, &month, &day, &hour, &minute, &second, &consumed) != 6 ||
        consumed <= 0 || s.substr(static_cast<std::size_t>(consumed)) != "Z" || month < 1 || month > 12 || day < 1 ||
        day > 31 || hour > 23 || minute > 59 || second < 0 || second >= 61)
        throw Reject("ts: expected epoch seconds or an RFC 3339 UTC time like 2026-11-28T08:00:00Z, got \"" +
                     s.substr(0, 40) + "\"");
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    return static_cast<double>(timegm(&tm)) + second;
}

const json& field(const json& object, const char* name) {
    auto it = object.find(name);
    if (it == object.end()) throw Reject(std::string("missing field \"") + name + "\"");
    return *it;
}

std::string stringField(const json& object, const char* name) {
    const json& v = field(object, name);
    if (!v.is_string()) throw Reject(std::string(name) + ": expected a string");
    return v.get<std::string>();
}

double numberField(const json& object, const char* name) {
    const json& v = field(object, name);
    if (!v.is_number()) throw Reject(std::string(name) + ": expected a number, got " + v.type_name());
    const double d = v.get<double>();
    if (!std::isfinite(d)) throw Reject(std::string(name) + ": not a finite number");
    if (std::abs(d) > kMaxMetricValue) throw Reject(std::string(name) + ": beyond 1e15");
    return d;
}

void readProvenance(const json& message, Provenance& provenance, std::string& sourceId) {
    const std::string p = stringField(message, "provenance");
    if (p == "real") {
        provenance = Provenance::Real;
        sourceId = stringField(message, "source");
        if (sourceId.empty()) throw Reject("source: a real figure needs its source id");
    } else if (p == "simulated") {
        provenance = Provenance::Simulated;
        if (message.contains("source")) throw Reject("source: simulated values have no source id");
    } else {
        throw Reject("provenance: expected \"real\" or \"simulated\", got \"" + p.substr(0, 40) + "\"");
    }
}

std::string checkedAdcode(const json& object, const char* name, const std::set<std::string, std::less<>>& valid) {
    const json& v = field(object, name);
    std::string code = v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>())
                       : v.is_string()        ? v.get<std::string>()
                                              : throw Reject(std::string(name) + ": expected an adcode");
    if (!valid.count(code)) throw Reject(std::string(name) + ": unknown adcode \"" + code.substr(0, 20) + "\"");
    return code;
}

ParsedMessage readMessage(const json& message, const std::set<std::string, std::less<>>& adcodes) {
    if (!message.is_object()) throw Reject(std::string("expected a JSON object, got ") + message.type_name());
    ParsedMessage parsed;
    const std::string type = stringField(message, "type");
    const double ts = readTimestamp(message);
    Provenance provenance;
    std::string sourceId;
    readProvenance(message, provenance, sourceId);
    if (type == "metrics") {
        const json& values = field(message, "values");
        if (!values.is_array() || values.empty()) throw Reject("values: expected a non-empty array");
        for (std::size_t i = 0; i < values.size(); ++i) {
            const json& v = values[i];
            const std::string at = "values[" + std::to_string(i) + "].";
            try {
                if (!v.is_object()) throw Reject("expected an object");
                MetricUpdate u;
                u.adcode = checkedAdcode(v, "adcode", adcodes);
                u.metric = stringField(v, "metric");
                const MetricInfo* info = findMetric(u.metric);
                if (!info) throw Reject("metric: unknown metric \"" + u.metric.substr(0, 40) + "\"");
                const double value = numberField(v, "value");
                if (value < 0) throw Reject("value: must not be negative");
                if (info->counts && value != std::floor(value)) throw Reject("value: " + u.metric + " counts, expected a whole number");
                u.value = {value, provenance, sourceId, ts};
                parsed.metrics.push_back(std::move(u));
            } catch (const Reject& e) {
                throw Reject(at + e.what());
            }
        }
    } else if (type == "event") {
        FeedEvent e;
        e.kind = stringField(message, "event");
        if (!isKnownEventKind(e.kind)) throw Reject("event: unknown event kind \"" + e.kind.substr(0, 40) + "\"");
        e.timestamp = ts;
        e.fromAdcode = checkedAdcode(message, "from", adcodes);
        if (auto to = message.find("to"); to != message.end()) {
            if (!to->is_object()) throw Reject("to: expected an object");
            if (to->contains("name")) e.toName = stringField(*to, "name");
            if (to->contains("adcode")) e.toAdcode = checkedAdcode(*to, "adcode", adcodes);
            if (to->contains("lon") || to->contains("lat")) {
                const double lon = numberField(*to, "lon"), lat = numberField(*to, "lat");
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw Reject("to: lon/lat out of range");
                e.toLon = lon;
                e.toLat = lat;
            }
        }
        if (message.contains("value")) {
            e.value = numberField(message, "value");
            if (e.value < 0) throw Reject("value: must not be negative");
        }
        if (message.contains("text")) e.text = stringField(message, "text").substr(0, 200);
        e.provenance = provenance;
        e.sourceId = sourceId;
        parsed.events.push_back(std::move(e));
    } else {
        throw Reject("type: expected \"metrics\" or \"event\", got \"" + type.substr(0, 40) + "\"");
    }
    return parsed;
}

// nlohmann's parser callback sees every value; refusing deep documents keeps hostile input cheap.
json parseBounded(std::string_view text) {
    constexpr int kMaxDepth = 16;
    json::parser_callback_t limitDepth = [](int depth, json::parse_event_t, json&) {
        if (depth > kMaxDepth) throw Reject("nesting deeper than 16 levels");
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), limitDepth);
    } catch (const json::exception& e) {
        throw Reject(std::string("malformed JSON: ") + e.what());
    }
}

}  // namespace

ParseResult MessageParser::parse(std::string_view payload) const {
    ParseResult result;
    auto one = [&](std::string_view text) {
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
        try {
            if (text.size() > kMaxMessageBytes) throw Reject("message larger than 256 KiB");
            json doc = parseBounded(text);
            if (doc.is_array()) {
                for (const json& m : doc) {
                    try {
                        result.messages.push_back(readMessage(m, adcodes_));
                    } catch (const Reject& e) {
                        result.rejections.emplace_back(e.what());
                    }
                }
            } else {
                result.messages.push_back(readMessage(doc, adcodes_));
            }
        } catch (const Reject& e) {
            result.rejections.emplace_back(e.what());
        }
    };
    const auto first = payload.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && payload[first] == '[') {
        one(payload);
        return result;
    }
    for (std::size_t start = 0; start < payload.size();) {
        std::size_t end = payload.find('\n', start);
        if (end == std::string_view::npos) end = payload.size();
        one(payload.substr(start, end - start));
        start = end + 1;
    }
    return result;
}

}  // namespace exhibit
