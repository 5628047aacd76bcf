// The last lines the exhibit logged, for the operator console and the status API: an spdlog sink
// that keeps the newest kDefaultCapacity lines as "HH:MM:SS level message" (local time), each on
// one line (control characters become spaces) and at most kMaxLineBytes long, cut at a UTF-8
// character boundary with "…" at the end.
//
//   auto ring = std::make_shared<LogRing>();
//   spdlog::get("exhibit")->sinks().push_back(ring);   // next to the stderr sink, at start-up
//   status.recentLog = ring->recent(50);               // any thread; newest last
//
// The line format is fixed: set_pattern / set_formatter on this sink (spdlog::set_pattern does it
// for every sink) do nothing, so the console always gets the time and level.
// Does not: write files, filter by level (the logger's level applies), or keep more than its
// capacity.
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace exhibit {

class LogRing final : public spdlog::sinks::base_sink<std::mutex> {
public:
    static constexpr std::size_t kDefaultCapacity = 200;
    static constexpr std::size_t kMaxLineBytes = 300;

    explicit LogRing(std::size_t capacity = kDefaultCapacity);

    // The newest min(n, stored) lines, oldest first. Thread-safe.
    std::vector<std::string> recent(std::size_t n) const;
    // Lines ever logged into the ring (a console can tell whether anything new arrived).
    std::uint64_t total() const;

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override {}
    void set_pattern_(const std::string&) override {}
    void set_formatter_(std::unique_ptr<spdlog::formatter>) override {}

private:
    mutable std::mutex linesMutex_;  // the ring; base_sink's mutex only serialises sink_it_
    std::vector<std::string> lines_;
    std::size_t next_ = 0;
    std::uint64_t total_ = 0;
};

// `text` cut to at most `maxBytes` bytes without splitting a UTF-8 sequence; when cut, it ends
// with "…" (counted in maxBytes; maxBytes < 3 cuts without the mark).
std::string truncateUtf8(std::string_view text, std::size_t maxBytes);

}  // namespace exhibit
