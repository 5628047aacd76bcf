#include "app/log_ring.hpp"

#include "core/local_time.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace exhibit {

std::string truncateUtf8(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // …
    const bool mark = maxBytes >= ellipsis.size();
    std::size_t cut = mark ? maxBytes - ellipsis.size() : maxBytes;
    // Back up to the start of the character that straddles the cut (continuation bytes: 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    std::string out(text.substr(0, cut));
    if (mark) out += ellipsis;
    return out;
}

LogRing::LogRing(std::size_t capacity) { lines_.resize(capacity == 0 ? 1 : capacity); }

void LogRing::sink_it_(const spdlog::details::log_msg& msg) {
    const std::string clock = localTimeText("%H:%M:%S", std::chrono::system_clock::to_time_t(msg.time));

    const auto level = spdlog::level::to_string_view(msg.level);
    std::string line;
    line.reserve(16 + level.size() + msg.payload.size());
    line += clock;
    line += ' ';
    line.append(level.data(), level.size());
    line += ' ';
    for (char c : std::string_view(msg.payload.data(), msg.payload.size()))
        line += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
    line = truncateUtf8(line, kMaxLineBytes);

    std::lock_guard lock(linesMutex_);
    lines_[next_] = std::move(line);
    next_ = (next_ + 1) % lines_.size();
    ++total_;
}

std::vector<std::string> LogRing::recent(std::size_t n) const {
    std::lock_guard lock(linesMutex_);
    const std::size_t stored = total_ < lines_.size() ? static_cast<std::size_t>(total_) : lines_.size();
    n = std::min(n, stored);
    std::vector<std::string> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(lines_[(next_ + lines_.size() - n + i) % lines_.size()]);
    return out;
}

std::uint64_t LogRing::total() const {
    std::lock_guard lock(linesMutex_);
    return total_;
}

}  // namespace exhibit
