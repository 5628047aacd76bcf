// GET /metrics: the OperatorStatus in the Prometheus text exposition format 0.0.4
// (Content-Type: text/plain; version=0.0.4; charset=utf-8). Every family has # HELP and # TYPE,
// names start with exhibit_ and carry their base unit (seconds, bytes):
//
//   exhibit_build_info{version,show} 1            exhibit_uptime_seconds
//   exhibit_frames_total                          exhibit_frame_seconds (histogram: _bucket{le}, _sum, _count)
//   exhibit_fps                                   exhibit_frame_time_p50_seconds, exhibit_frame_time_p99_seconds
//   exhibit_resident_memory_bytes, exhibit_open_fds, exhibit_threads (only when known, i.e. > 0)
//   exhibit_feed_state{source,state} 1/0 (one sample per state), exhibit_feed_age_seconds{source}
//   (only once the source brought data), exhibit_feed_messages_per_second{source},
//   exhibit_feed_messages_total{source}, exhibit_feed_rejected_total{source}
//   exhibit_touch_contacts, exhibit_touches_per_second, exhibit_touches_total, exhibit_touch_events_total,
//   exhibit_touch_latency_p50_seconds, exhibit_touch_latency_p99_seconds,
//   exhibit_touch_dropped_events_total, exhibit_touch_dropped_messages_total
//   exhibit_scene_info{scene} 1, exhibit_wall_mode{mode} 1/0 (show, standby, blackout), exhibit_attract 0/1,
//   exhibit_xr_info{state} 1
//
//   server.Get("/metrics", [&](auto&, auto& res) {
//       res.set_content(renderPrometheus(*board.latest()), kPrometheusContentType);
//   });
//
// Label values are escaped (\\, \", \n), so feed names that are URLs with quotes stay one sample.
// Two feeds with the same name get source="name#2", "#3", ... so no series repeats.
// `promtool check metrics` (Debian package prometheus, not installed here) can lint it by hand;
// nothing here needs it (tests/unit/metrics_text_test.cpp parses and validates the text itself).
// Does not: serve HTTP, read the clock, or compute anything the status does not already hold.
#pragma once

#include <string>
#include <string_view>

#include "app/operator_types.hpp"

namespace exhibit {

inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

std::string renderPrometheus(const OperatorStatus& status);

// A label value as the text format wants it: backslash, double quote and newline escaped.
std::string escapeLabelValue(std::string_view value);

}  // namespace exhibit
