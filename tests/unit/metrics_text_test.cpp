// renderPrometheus read back by a small parser of the text exposition format 0.0.4 written here:
// comment lines (# HELP, # TYPE), samples `name{label="value",...} value`, label escaping. It
// validates what a Prometheus server relies on: every sample's family has HELP and TYPE before it
// and its samples are contiguous, names match [a-zA-Z_:][a-zA-Z0-9_:]*, no series repeats, values
// parse as floats, counters end in _total, histogram buckets are non-decreasing and end with
// le="+Inf" equal to _count. The parser is tested against broken texts too, so it can fail.
// (Debian's `prometheus` package ships promtool, whose `check metrics` accepts the same output;
// this test does not need it.)
#include "app/metrics_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "app/frame_health.hpp"

namespace exhibit {
namespace {

using Labels = std::map<std::string, std::string>;

struct Sample {
    std::string name;
    Labels labels;
    double value = 0;
};

struct Family {
    std::string help, type;
    bool hasHelp = false, hasType = false;
};

struct Exposition {
    std::map<std::string, Family> families;
    std::vector<Sample> samples;
    std::vector<std::string> errors;

    // The value of the one sample with this name and exactly these labels.
    std::optional<double> value(const std::string& name, const Labels& labels = {}) const {
        std::optional<double> found;
        for (const auto& s : samples)
            if (s.name == name && s.labels == labels) found = s.value;
        return found;
    }
    std::size_t count(const std::string& name) const {
        std::size_t n = 0;
        for (const auto& s : samples) n += s.name == name;
        return n;
    }
};

bool validMetricName(const std::string& name) {
    static const std::regex re("[a-zA-Z_:][a-zA-Z0-9_:]*");
    return std::regex_match(name, re);
}
bool validLabelName(const std::string& name) {
    static const std::regex re("[a-zA-Z_][a-zA-Z0-9_]*");
    return std::regex_match(name, re);
}

std::optional<double> parseFloat(const std::string& text) {
    if (text.empty()) return std::nullopt;
    if (text == "+Inf" || text == "Inf") return HUGE_VAL;
    if (text == "-Inf") return -HUGE_VAL;
    if (text == "NaN") return std::nan("");
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return std::nullopt;
    if (text.find_first_not_of("0123456789+-.eE") != std::string::npos) return std::nullopt;  // no "inf", hex
    return v;
}

// The family a sample belongs to: its own name, or for histograms the name without the suffix.
std::string familyOf(const std::string& name, const std::map<std::string, Family>& families) {
    if (families.count(name)) return name;
    for (const char* suffix : {"_bucket", "_sum", "_count"}) {
        const std::string s = suffix;
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
            const std::string base = name.substr(0, name.size() - s.size());
            auto it = families.find(base);
            if (it != families.end() && (it->second.type == "histogram" || it->second.type == "summary")) return base;
        }
    }
    return name;
}

Exposition parse(const std::string& text) {
    Exposition ex;
    auto error = [&](std::size_t lineNo, const std::string& what) {
        ex.errors.push_back("line " + std::to_string(lineNo) + ": " + what);
    };
    if (!text.empty() && text.back() != '\n') ex.errors.push_back("the text does not end with a newline");
    std::set<std::string> finished;  // families whose samples are over
    std::string current;             // family of the previous sample
    std::set<std::string> series;
    std::size_t lineNo = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (line.empty()) continue;
        if (line[0] == '#') {
            std::smatch m;
            static const std::regex meta("# (HELP|TYPE) (\\S+) ?(.*)");
            if (!std::regex_match(line, m, meta)) continue;  // a plain comment
            const std::string name = m[2];
            if (!validMetricName(name)) error(lineNo, "bad metric name " + name);
            Family& f = ex.families[name];
            if (m[1] == "HELP") {
                if (f.hasHelp) error(lineNo, "second HELP for " + name);
                f.hasHelp = true;
                std::string help;
                const std::string raw = m[3];
                for (std::size_t i = 0; i < raw.size(); ++i) {
                    if (raw[i] == '\\' && i + 1 < raw.size() && (raw[i + 1] == '\\' || raw[i + 1] == 'n')) {
                        help += raw[i + 1] == 'n' ? '\n' : '\\';
                        ++i;
                    } else {
                        help += raw[i];
                    }
                }
                f.help = help;
            } else {
                if (f.hasType) error(lineNo, "second TYPE for " + name);
                static const std::set<std::string> types{"counter", "gauge", "histogram", "summary", "untyped"};
                if (!types.count(m[3])) error(lineNo, "bad type " + std::string(m[3]));
                f.hasType = true;
                f.type = m[3];
            }
            if (finished.count(name) || current == name) error(lineNo, "metadata for " + name + " after its samples");
            continue;
        }
        // name{labels} value [timestamp]
        Sample s;
        std::size_t i = 0;
        while (i < line.size() && line[i] != '{' && line[i] != ' ') ++i;
        s.name = line.substr(0, i);
        if (!validMetricName(s.name)) error(lineNo, "bad metric name '" + s.name + "'");
        if (i < line.size() && line[i] == '{') {
            ++i;
            while (i < line.size() && line[i] != '}') {
                std::size_t eq = line.find('=', i);
                if (eq == std::string::npos) {
                    error(lineNo, "label without =");
                    break;
                }
                const std::string labelName = line.substr(i, eq - i);
                if (!validLabelName(labelName)) error(lineNo, "bad label name '" + labelName + "'");
                i = eq + 1;
                if (i >= line.size() || line[i] != '"') {
                    error(lineNo, "label value not quoted");
                    break;
                }
                ++i;
                std::string value;
                bool closed = false;
                for (; i < line.size(); ++i) {
                    if (line[i] == '\\') {
                        if (i + 1 >= line.size()) break;
                        const char c = line[++i];
                        if (c == '\\') value += '\\';
                        else if (c == '"') value += '"';
                        else if (c == 'n') value += '\n';
                        else error(lineNo, std::string("bad escape \\") + c);
                    } else if (line[i] == '"') {
                        closed = true;
                        ++i;
                        break;
                    } else {
                        value += line[i];
                    }
                }
                if (!closed) {
                    error(lineNo, "unterminated label value");
                    break;
                }
                if (s.labels.count(labelName)) error(lineNo, "label " + labelName + " twice");
                s.labels[labelName] = value;
                if (i < line.size() && line[i] == ',') ++i;
                else if (i < line.size() && line[i] != '}') error(lineNo, "expected , or }");
            }
            if (i >= line.size()) {
                error(lineNo, "unterminated label set");
                continue;
            }
            ++i;  // '}'
        }
        if (i >= line.size() || line[i] != ' ') {
            error(lineNo, "no value");
            continue;
        }
        std::string rest = line.substr(i + 1);
        const std::size_t space = rest.find(' ');
        const std::string valueText = rest.substr(0, space);
        if (space != std::string::npos && !parseFloat(rest.substr(space + 1))) error(lineNo, "bad timestamp");
        const auto value = parseFloat(valueText);
        if (!value) error(lineNo, "bad value '" + valueText + "'");
        s.value = value.value_or(0);

        const std::string family = familyOf(s.name, ex.families);
        const auto f = ex.families.find(family);
        if (f == ex.families.end() || !f->second.hasHelp || !f->second.hasType)
            error(lineNo, s.name + " without HELP and TYPE before it");
        else if (f->second.type == "counter" && !s.name.ends_with("_total"))
            error(lineNo, "counter " + s.name + " does not end in _total");
        if (family != current) {
            if (finished.count(family)) error(lineNo, family + " samples are not contiguous");
            if (!current.empty()) finished.insert(current);
            current = family;
        }
        std::string key = s.name;
        for (const auto& [k, v] : s.labels) key += "\x1f" + k + "=" + v;
        if (!series.insert(key).second) error(lineNo, "series repeated: " + s.name);
        ex.samples.push_back(std::move(s));
    }

    // Histograms: per label set (without le), buckets in order, non-decreasing, +Inf last = _count.
    for (const auto& [name, family] : ex.families) {
        if (family.type != "histogram") continue;
        std::map<Labels, std::vector<std::pair<double, double>>> buckets;
        for (const auto& s : ex.samples) {
            if (s.name != name + "_bucket") continue;
            auto labels = s.labels;
            const auto le = labels.find("le");
            if (le == labels.end()) {
                ex.errors.push_back(name + ": bucket without le");
                continue;
            }
            const auto bound = parseFloat(le->second);
            if (!bound) ex.errors.push_back(name + ": bad le " + le->second);
            labels.erase(le);
            buckets[labels].emplace_back(bound.value_or(0), s.value);
        }
        if (buckets.empty()) ex.errors.push_back(name + ": histogram without buckets");
        for (const auto& [labels, list] : buckets) {
            for (std::size_t k = 1; k < list.size(); ++k) {
                if (!(list[k].first > list[k - 1].first)) ex.errors.push_back(name + ": le not ascending");
                if (list[k].second < list[k - 1].second) ex.errors.push_back(name + ": buckets not cumulative");
            }
            if (list.back().first != HUGE_VAL) ex.errors.push_back(name + ": last bucket is not +Inf");
            const auto count = ex.value(name + "_count", labels);
            if (!count || *count != list.back().second) ex.errors.push_back(name + ": +Inf bucket != _count");
            if (!ex.value(name + "_sum", labels)) ex.errors.push_back(name + ": no _sum");
        }
    }
    return ex;
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

TEST(MetricsParser, RejectsBrokenTexts) {
    // Each text breaks one rule; the parser must say so.
    const std::vector<std::string> broken = {
        "x 1\n",                                                                   // no HELP / TYPE
        "# HELP x h\n# TYPE x gauge\nx{a=\"b} 1\n",                                // unterminated label
        "# HELP x h\n# TYPE x gauge\nx{a=\"\\q\"} 1\n",                            // bad escape
        "# HELP x h\n# TYPE x gauge\nx one\n",                                     // bad value
        "# HELP x h\n# TYPE x gauge\n9x 1\n",                                      // bad name
        "# HELP x h\n# TYPE x gauge\nx 1\nx 2\n",                                  // repeated series
        "# HELP x h\n# TYPE x counter\nx 1\n",                                     // counter without _total
        "# HELP x h\n# TYPE x gauge\nx{a=\"1\"} 1\n# HELP y h\n# TYPE y gauge\ny 1\nx{a=\"2\"} 1\n",  // split
        "# HELP h h\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
        "# HELP h h\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n",  // no +Inf
        "# HELP h h\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n",  // +Inf != count
        "# HELP x h\n# TYPE x gauge\nx 1",                                          // no final newline
    };
    for (const auto& text : broken) EXPECT_FALSE(parse(text).errors.empty()) << text;
    const auto good = parse("# HELP x a \\\\ and \\n\n# TYPE x gauge\nx{a=\"q\\\"\\\\\\n\",} 1.5e3\n");
    EXPECT_TRUE(good.errors.empty()) << joined(good.errors);
    EXPECT_EQ(good.families.at("x").help, "a \\ and \n");
    EXPECT_EQ(good.value("x", {{"a", "q\"\\\n"}}), 1500);
}

OperatorStatus fixedStatus() {
    OperatorStatus s;
    s.showTitle = "贵州 \"数字\" 乡村";
    s.version = "0.1.0";
    s.scene = "dashboard";
    s.mode = WallMode::Standby;
    s.attract = true;
    s.uptimeSeconds = 3725.5;
    s.frames.fps = 59.5;
    s.frames.p50Ms = 8;
    s.frames.p99Ms = 21.5;
    s.frames.frames = 1000;
    s.frames.bucketUpperMs = {4, 8, 16.7, 33.3};
    s.frames.bucketCounts = {100, 600, 950, 990};
    s.frames.sumMs = 9250;
    s.residentBytes = 123456789;
    s.openFiles = 42;
    s.threads = 9;
    FeedHealth weird;
    weird.name = "http://host/api?q=\"a\\b\"\nx";
    weird.state = "stale";
    weird.ageSeconds = 12.25;
    weird.messagesPerSecond = 0;
    weird.messages = 77;
    weird.rejected = 3;
    FeedHealth sim;
    sim.name = "simulator";
    sim.state = "ok";
    sim.ageSeconds = 0.5;
    sim.messagesPerSecond = 20;
    sim.messages = 5000;
    FeedHealth waiting;
    waiting.name = "simulator";  // the same name twice
    waiting.state = "connecting";
    s.feeds = {weird, sim, waiting};
    s.touch.activeContacts = 3;
    s.touch.touchesPerSecond = 1.5;
    s.touch.touches = 250;
    s.touch.events = 9000;
    s.touch.latencyP50Ms = 25;
    s.touch.latencyP99Ms = 60;
    s.touch.droppedEvents = 4;
    s.touch.droppedMessages = 2;
    return s;
}

TEST(MetricsText, AFixedStatusParsesAndCarriesItsValues) {
    const std::string text = renderPrometheus(fixedStatus());
    const Exposition ex = parse(text);
    ASSERT_TRUE(ex.errors.empty()) << joined(ex.errors) << text;

    for (const auto& [name, family] : ex.families) {
        EXPECT_TRUE(name.starts_with("exhibit_")) << name;
        EXPECT_TRUE(family.hasHelp && family.hasType) << name;
    }
    EXPECT_EQ(ex.families.at("exhibit_frame_seconds").type, "histogram");
    EXPECT_EQ(ex.families.at("exhibit_frames_total").type, "counter");
    EXPECT_EQ(ex.families.at("exhibit_fps").type, "gauge");

    EXPECT_EQ(ex.value("exhibit_build_info", {{"version", "0.1.0"}, {"show", "贵州 \"数字\" 乡村"}}), 1);
    EXPECT_EQ(ex.value("exhibit_uptime_seconds"), 3725.5);
    EXPECT_EQ(ex.value("exhibit_frames_total"), 1000);
    EXPECT_EQ(ex.value("exhibit_fps"), 59.5);
    EXPECT_EQ(ex.value("exhibit_frame_time_p50_seconds"), 0.008);
    EXPECT_EQ(ex.value("exhibit_frame_time_p99_seconds"), 0.0215);
    // Buckets in seconds, written as the bounds read (16.7 ms -> "0.0167").
    EXPECT_EQ(ex.value("exhibit_frame_seconds_bucket", {{"le", "0.004"}}), 100);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_bucket", {{"le", "0.0167"}}), 950);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_bucket", {{"le", "0.0333"}}), 990);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_bucket", {{"le", "+Inf"}}), 1000);
    EXPECT_EQ(ex.count("exhibit_frame_seconds_bucket"), 5u);
    EXPECT_DOUBLE_EQ(ex.value("exhibit_frame_seconds_sum").value_or(0), 9.25);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_count"), 1000);

    EXPECT_EQ(ex.value("exhibit_resident_memory_bytes"), 123456789);
    EXPECT_EQ(ex.value("exhibit_open_fds"), 42);
    EXPECT_EQ(ex.value("exhibit_threads"), 9);

    // The URL with a quote, a backslash and a newline comes back exactly.
    const std::string url = "http://host/api?q=\"a\\b\"\nx";
    EXPECT_EQ(ex.value("exhibit_feed_age_seconds", {{"source", url}}), 12.25);
    EXPECT_EQ(ex.value("exhibit_feed_messages_total", {{"source", url}}), 77);
    EXPECT_EQ(ex.value("exhibit_feed_rejected_total", {{"source", url}}), 3);
    EXPECT_EQ(ex.value("exhibit_feed_state", {{"source", url}, {"state", "stale"}}), 1);
    EXPECT_EQ(ex.value("exhibit_feed_state", {{"source", url}, {"state", "ok"}}), 0);
    EXPECT_EQ(ex.value("exhibit_feed_state", {{"source", url}, {"state", "error"}}), 0);
    EXPECT_EQ(ex.value("exhibit_feed_state", {{"source", url}, {"state", "connecting"}}), 0);
    EXPECT_EQ(ex.value("exhibit_feed_messages_per_second", {{"source", "simulator"}}), 20);
    EXPECT_EQ(ex.value("exhibit_feed_age_seconds", {{"source", "simulator"}}), 0.5);
    // The second "simulator" is told apart, and has no age before its first message.
    EXPECT_EQ(ex.value("exhibit_feed_state", {{"source", "simulator#2"}, {"state", "connecting"}}), 1);
    EXPECT_FALSE(ex.value("exhibit_feed_age_seconds", {{"source", "simulator#2"}}));
    EXPECT_EQ(ex.count("exhibit_feed_age_seconds"), 2u);
    EXPECT_EQ(ex.count("exhibit_feed_state"), 12u);

    EXPECT_EQ(ex.value("exhibit_touch_contacts"), 3);
    EXPECT_EQ(ex.value("exhibit_touches_per_second"), 1.5);
    EXPECT_EQ(ex.value("exhibit_touches_total"), 250);
    EXPECT_EQ(ex.value("exhibit_touch_events_total"), 9000);
    EXPECT_EQ(ex.value("exhibit_touch_latency_p50_seconds"), 0.025);
    EXPECT_EQ(ex.value("exhibit_touch_latency_p99_seconds"), 0.06);
    EXPECT_EQ(ex.value("exhibit_touch_dropped_events_total"), 4);
    EXPECT_EQ(ex.value("exhibit_touch_dropped_messages_total"), 2);

    EXPECT_EQ(ex.value("exhibit_scene_info", {{"scene", "dashboard"}}), 1);
    EXPECT_EQ(ex.value("exhibit_wall_mode", {{"mode", "standby"}}), 1);
    EXPECT_EQ(ex.value("exhibit_wall_mode", {{"mode", "show"}}), 0);
    EXPECT_EQ(ex.value("exhibit_wall_mode", {{"mode", "blackout"}}), 0);
    EXPECT_EQ(ex.value("exhibit_attract"), 1);
    EXPECT_EQ(ex.value("exhibit_xr_info", {{"state", "off"}}), 1);
}

TEST(MetricsText, UnknownProcessFiguresAndNoFeedsLeaveTheirFamiliesOut) {
    OperatorStatus s;  // a fresh status: nothing measured yet
    const Exposition ex = parse(renderPrometheus(s));
    ASSERT_TRUE(ex.errors.empty()) << joined(ex.errors);
    EXPECT_FALSE(ex.families.count("exhibit_resident_memory_bytes"));
    EXPECT_FALSE(ex.families.count("exhibit_open_fds"));
    EXPECT_FALSE(ex.families.count("exhibit_threads"));
    EXPECT_EQ(ex.count("exhibit_feed_state"), 0u);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_bucket", {{"le", "+Inf"}}), 0);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_count"), 0);
    EXPECT_EQ(ex.value("exhibit_wall_mode", {{"mode", "show"}}), 1);
    EXPECT_EQ(ex.value("exhibit_attract"), 0);
}

TEST(MetricsText, TheMetersHistogramRendersAsAValidPrometheusHistogram) {
    FrameHealthMeter meter;
    for (int i = 0; i < 5000; ++i) meter.record(i / 60.0, (i * 7919) % 1200 / 10.0);  // 0..119.9 ms
    OperatorStatus s;
    s.frames = meter.health(5000 / 60.0);
    const Exposition ex = parse(renderPrometheus(s));
    ASSERT_TRUE(ex.errors.empty()) << joined(ex.errors);
    EXPECT_EQ(ex.count("exhibit_frame_seconds_bucket"), FrameHealthMeter::kBucketUpperMs.size() + 1);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_count"), 5000);
    EXPECT_EQ(ex.value("exhibit_frame_seconds_bucket", {{"le", "1"}}), 5000);
    EXPECT_NEAR(ex.value("exhibit_frame_seconds_sum").value_or(0), s.frames.sumMs / 1000, 1e-9);
}

TEST(MetricsText, EscapesLabelValues) {
    EXPECT_EQ(escapeLabelValue("plain"), "plain");
    EXPECT_EQ(escapeLabelValue("a\"b"), "a\\\"b");
    EXPECT_EQ(escapeLabelValue("a\\b"), "a\\\\b");
    EXPECT_EQ(escapeLabelValue("a\nb"), "a\\nb");
    EXPECT_EQ(escapeLabelValue("贵阳"), "贵阳");
}

TEST(MetricsText, TheWallsRanksAndLossesAreGauges) {
    OperatorStatus s = fixedStatus();
    s.wall = {"3 x 2", 11542, 4331, 6, 3, {1, 2}, 2.5, 1.25, 900};
    const Exposition ex = parse(renderPrometheus(s));
    ASSERT_TRUE(ex.errors.empty()) << joined(ex.errors);
    EXPECT_EQ(ex.value("exhibit_wall_ranks"), 3);
    EXPECT_EQ(ex.value("exhibit_wall_lost_ranks"), 2);
    EXPECT_EQ(ex.value("exhibit_wall_sync_p99_seconds"), 0.0025);
    EXPECT_EQ(ex.value("exhibit_wall_present_skew_p99_seconds"), 0.00125);
}

}  // namespace
}  // namespace exhibit
