#include "app/metrics_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace exhibit {
namespace {

// Shortest text that reads back as the same double; +Inf, -Inf and NaN as the format spells them.
std::string number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    std::array<char, 32> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), result.ptr);
}

std::string number(std::uint64_t v) { return std::to_string(v); }

// Bucket bounds are written rounded (16.7 ms -> "0.0167", not "0.016700000000000003").
std::string bound(double seconds) {
    std::array<char, 32> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), seconds, std::chars_format::general, 12);
    return std::string(buf.data(), result.ptr);
}

std::string escapeHelp(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

class Writer {
public:
    void family(std::string_view name, std::string_view type, std::string_view help) {
        out_ += "# HELP ";
        out_ += name;
        out_ += ' ';
        out_ += escapeHelp(help);
        out_ += "\n# TYPE ";
        out_ += name;
        out_ += ' ';
        out_ += type;
        out_ += '\n';
    }
    void sample(std::string_view name, const Labels& labels, const std::string& value) {
        out_ += name;
        if (!labels.empty()) {
            out_ += '{';
            for (std::size_t i = 0; i < labels.size(); ++i) {
                if (i > 0) out_ += ',';
                out_ += labels[i].first;
                out_ += "=\"";
                out_ += escapeLabelValue(labels[i].second);
                out_ += '"';
            }
            out_ += '}';
        }
        out_ += ' ';
        out_ += value;
        out_ += '\n';
    }
    template <typename T>
    void single(std::string_view name, std::string_view type, std::string_view help, T value) {
        family(name, type, help);
        sample(name, {}, number(value));
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// FeedHealth::state values (app/feed_health.cpp feedStateName).
constexpr std::array<std::string_view, 4> kFeedStates{"connecting", "ok", "stale", "error"};

}  // namespace

std::string escapeLabelValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string renderPrometheus(const OperatorStatus& s) {
    Writer w;
    w.family("exhibit_build_info", "gauge", "The running exhibit: version and show title, always 1.");
    w.sample("exhibit_build_info", {{"version", s.version}, {"show", s.showTitle}}, "1");
    w.single("exhibit_uptime_seconds", "gauge", "Seconds since the exhibit started.", s.uptimeSeconds);

    // Frames.
    const FrameHealth& f = s.frames;
    w.single("exhibit_frames_total", "counter", "Frames drawn since start.", f.frames);
    w.family("exhibit_frame_seconds", "histogram", "CPU time of each frame since start, in seconds.");
    const std::size_t buckets = std::min(f.bucketUpperMs.size(), f.bucketCounts.size());
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i < buckets; ++i) {
        previous = std::max(previous, f.bucketCounts[i]);  // cumulative by contract; never let it fall
        const std::string le = bound(f.bucketUpperMs[i] / 1000.0);
        w.sample("exhibit_frame_seconds_bucket", {{"le", le}}, number(std::min(previous, f.frames)));
    }
    w.sample("exhibit_frame_seconds_bucket", {{"le", "+Inf"}}, number(f.frames));
    w.sample("exhibit_frame_seconds_sum", {}, number(f.sumMs / 1000.0));
    w.sample("exhibit_frame_seconds_count", {}, number(f.frames));
    w.single("exhibit_fps", "gauge", "Frames per second over the last seconds.", f.fps);
    w.single("exhibit_frame_time_p50_seconds", "gauge", "Median frame CPU time over the last seconds.",
             f.p50Ms / 1000.0);
    w.single("exhibit_frame_time_p99_seconds", "gauge", "99th percentile frame CPU time over the last seconds.",
             f.p99Ms / 1000.0);

    // Process.
    if (s.residentBytes > 0)
        w.single("exhibit_resident_memory_bytes", "gauge", "Resident memory of the exhibit process.", s.residentBytes);
    if (s.openFiles > 0)
        w.single("exhibit_open_fds", "gauge", "Open file descriptors of the exhibit process.", s.openFiles);
    if (s.threads > 0) w.single("exhibit_threads", "gauge", "Threads of the exhibit process.", s.threads);
    if (!s.glObjects.empty()) {
        w.family("exhibit_gl_objects", "gauge", "GL objects (names) held by the renderer now, by kind.");
        for (const auto& g : s.glObjects) w.sample("exhibit_gl_objects", {{"kind", g.kind}}, std::to_string(g.live));
    }

    // Feeds: one label value per source, repeats told apart.
    std::vector<std::string> sources;
    for (const FeedHealth& feed : s.feeds) {
        std::string name = feed.name;
        for (int n = 2; std::find(sources.begin(), sources.end(), name) != sources.end(); ++n)
            name = feed.name + "#" + std::to_string(n);
        sources.push_back(std::move(name));
    }
    if (!s.feeds.empty()) {
        w.family("exhibit_feed_state", "gauge",
                 "1 for the data source's current state (connecting, ok, stale, error), 0 for the others.");
        for (std::size_t i = 0; i < s.feeds.size(); ++i)
            for (std::string_view state : kFeedStates)
                w.sample("exhibit_feed_state", {{"source", sources[i]}, {"state", state}},
                         s.feeds[i].state == state ? "1" : "0");
        w.family("exhibit_feed_age_seconds", "gauge",
                 "Seconds since the data source's last accepted message (absent before the first).");
        for (std::size_t i = 0; i < s.feeds.size(); ++i)
            if (s.feeds[i].ageSeconds >= 0)
                w.sample("exhibit_feed_age_seconds", {{"source", sources[i]}}, number(s.feeds[i].ageSeconds));
        w.family("exhibit_feed_messages_per_second", "gauge", "Messages per second accepted from the data source.");
        for (std::size_t i = 0; i < s.feeds.size(); ++i)
            w.sample("exhibit_feed_messages_per_second", {{"source", sources[i]}},
                     number(s.feeds[i].messagesPerSecond));
        w.family("exhibit_feed_messages_total", "counter", "Messages accepted from the data source.");
        for (std::size_t i = 0; i < s.feeds.size(); ++i)
            w.sample("exhibit_feed_messages_total", {{"source", sources[i]}}, number(s.feeds[i].messages));
        w.family("exhibit_feed_rejected_total", "counter", "Messages from the data source rejected as malformed.");
        for (std::size_t i = 0; i < s.feeds.size(); ++i)
            w.sample("exhibit_feed_rejected_total", {{"source", sources[i]}}, number(s.feeds[i].rejected));
    }

    // Touch.
    const TouchStats& t = s.touch;
    w.single("exhibit_touch_contacts", "gauge", "Fingers on the wall now.", static_cast<std::uint64_t>(t.activeContacts));
    w.single("exhibit_touches_per_second", "gauge", "Touches (finger downs) over the last second.", t.touchesPerSecond);
    w.single("exhibit_touches_total", "counter", "Touches (finger downs) since start.", t.touches);
    w.single("exhibit_touch_events_total", "counter", "Pointer events since start.", t.events);
    w.single("exhibit_touch_latency_p50_seconds", "gauge", "Median touch-to-frame latency over recent events.",
             t.latencyP50Ms / 1000.0);
    w.single("exhibit_touch_latency_p99_seconds", "gauge", "99th percentile touch-to-frame latency over recent events.",
             t.latencyP99Ms / 1000.0);
    w.single("exhibit_touch_dropped_events_total", "counter", "Pointer events dropped: the input queue was full.",
             t.droppedEvents);
    w.single("exhibit_touch_dropped_messages_total", "counter", "TUIO messages dropped, all reasons.",
             t.droppedMessages);

    // What the wall shows.
    w.family("exhibit_scene_info", "gauge", "The scene on the wall now, always 1.");
    w.sample("exhibit_scene_info", {{"scene", s.scene}}, "1");
    w.family("exhibit_wall_mode", "gauge", "1 for the wall's current mode (show, standby, blackout), 0 for the others.");
    for (WallMode m : {WallMode::Show, WallMode::Standby, WallMode::Blackout})
        w.sample("exhibit_wall_mode", {{"mode", toString(m)}}, s.mode == m ? "1" : "0");
    w.single("exhibit_attract", "gauge", "1 while attract mode tours the wall by itself.",
             static_cast<std::uint64_t>(s.attract ? 1 : 0));
    w.single("exhibit_wall_ranks", "gauge", "Processes (machines) of the video wall; 1 without one.",
             static_cast<std::uint64_t>(s.wall.ranks));
    w.single("exhibit_wall_lost_ranks", "gauge", "Ranks of the video wall lost (no answer within the sync timeout).",
             static_cast<std::uint64_t>(s.wall.lostRanks.size()));
    w.single("exhibit_wall_sync_p99_seconds", "gauge", "Rank 0's time in frame sync per frame, 99th percentile.",
             s.wall.syncMsP99 / 1000);
    w.single("exhibit_wall_present_skew_p99_seconds", "gauge",
             "Spread of the wall's ranks' present times per frame, 99th percentile.", s.wall.skewMsP99 / 1000);
    w.family("exhibit_xr_info", "gauge", "The VR state, always 1.");
    w.sample("exhibit_xr_info", {{"state", s.xr}}, "1");
    return w.take();
}

}  // namespace exhibit
