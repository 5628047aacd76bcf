// The control API's guards: constant-time token comparison, loopback detection and the per-address
// limiter for wrong tokens.
#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

#include "app/control_server.hpp"

namespace exhibit {

bool constantTimeEquals(std::string_view a, std::string_view b) {
    // Walk the longer string whole, so the time says nothing about where they first differ.
    const std::size_t n = std::max(a.size(), b.size());
    unsigned diff = a.size() == b.size() ? 0u : 1u;
    for (std::size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(i < a.size() ? a[i] : 0);
        const auto y = static_cast<unsigned char>(i < b.size() ? b[i] : 0);
        diff |= static_cast<unsigned>(x ^ y);
    }
    return diff == 0;
}

bool isLoopbackAddress(std::string_view address) {
    const std::string text(address);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return false;
    static constexpr unsigned char loopback6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    if (std::memcmp(v6.s6_addr, loopback6, 16) == 0) return true;
    static constexpr unsigned char mapped4[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    return std::memcmp(v6.s6_addr, mapped4, 12) == 0 && v6.s6_addr[12] == 127;
}

AuthFailureLimiter::AuthFailureLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

std::chrono::seconds AuthFailureLimiter::blockedFor(const std::string& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(client);
    if (it == entries_.end() || it->second.blockedUntil <= now) return std::chrono::seconds(0);
    // Rounded up: a client told "retry after 0 s" while still blocked would retry at once.
    return std::chrono::ceil<std::chrono::seconds>(it->second.blockedUntil - now);
}

bool AuthFailureLimiter::recordFailure(const std::string& client, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(client);
    if (it == entries_.end()) {
        makeRoom(now);
        it = entries_.emplace(client, Entry{now, 0, {}}).first;
    }
    Entry& e = it->second;
    if (now - e.windowStart >= window_ && e.blockedUntil <= now) e = Entry{now, 0, {}};
    ++e.failures;
    if (e.failures >= limit_ && e.blockedUntil <= now) {
        e.blockedUntil = now + window_;
        return true;
    }
    return false;
}

std::size_t AuthFailureLimiter::clients() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void AuthFailureLimiter::makeRoom(Clock::time_point now) {
    if (entries_.size() < kMaxClients) return;
    std::erase_if(entries_, [&](const auto& item) {
        return now - item.second.windowStart >= window_ && item.second.blockedUntil <= now;
    });
    if (entries_.size() < kMaxClients) return;
    auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return a.second.windowStart < b.second.windowStart;
    });
    entries_.erase(oldest);
}

}  // namespace exhibit
