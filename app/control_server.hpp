// The remote control API: an HTTP server (cpp-httplib) on its own threads that turns requests into
// ControlCommands for the main loop and answers from the StatusBoard the main loop publishes. It
// also serves the web remote (assets/web) at `/`. docs/control-api.md is the reference for clients.
//
//   CommandQueue commands;  StatusBoard status;
//   ControlServer api({.host = "127.0.0.1", .port = 8080, .token = token, .metrics = renderPrometheus},
//                     commands, status);     // listening now; logs "[app.control] listening on http://…"
//   main loop: drain `commands`, publish `status` once a frame, fulfil TakeScreenshot promises.
//   ~ControlServer() stops accepting, finishes the requests in flight and joins its threads.
//
// Security: every call that changes state, the screenshot, and anything asked from a non-loopback
// address needs `Authorization: Bearer <token>` (compared in constant time). Wrong tokens are
// counted per client address; after `authFailureLimit` of them within `authFailureWindow` that
// address gets 429 for the next window (AuthFailureLimiter, a bounded table). Bodies over 64 KiB
// get 413, also when chunked or compressed. The page's files are read once at start into memory;
// no path from a request reaches the file system. Every 4xx/5xx answer is {"error": "…"}.
//
// Does not: apply commands (the main loop does, and checks scene ids again), persist settings
// (ChangeSettings goes to the main loop, which saves them), speak TLS (keep it on loopback or a
// trusted hall network), or generate the token (app/control_token.hpp does).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/control_channel.hpp"
#include "app/operator_types.hpp"

namespace exhibit {

struct ControlServerOptions {
    std::string host = "127.0.0.1";  // --control ADDR:PORT; a non-loopback address logs a warning
    int port = 8080;                 // 0 = any free port (tests); port() tells which
    std::string token;               // Bearer token for every state-changing call; must not be empty
    std::function<std::string(const OperatorStatus&)> metrics;  // Prometheus text; unset = /metrics is 404
    std::filesystem::path webDir;    // the web remote's files; empty = WebRemote::bundledDirectory()
    std::chrono::milliseconds screenshotTimeout{5000};  // how long /api/screenshot.png waits for a frame
    // How long PUT /api/settings waits for the main loop to apply and save the change (then 202
    // without knowing whether the save worked; a failed save within it is a 500 naming the reason).
    std::chrono::milliseconds settingsSaveTimeout{5000};
    int authFailureLimit = 10;                          // wrong tokens per address per window, then 429
    std::chrono::seconds authFailureWindow{60};
    std::size_t threads = 8;                            // requests served at once; more wait for a thread
    std::function<std::chrono::steady_clock::time_point()> clock;  // for the limiter; unset = steady_clock
};

// Counts wrong tokens per client address. Thread-safe. The table holds at most kMaxClients
// addresses: when it is full, expired entries go first, then the entry whose window began longest
// ago, so a flood of addresses costs bounded memory (and can at worst make one blocked address
// forget its failures early).
class AuthFailureLimiter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::size_t kMaxClients = 1024;

    AuthFailureLimiter(int limit, std::chrono::seconds window);
    // How long `client` must still wait (zero when it may try).
    std::chrono::seconds blockedFor(const std::string& client, Clock::time_point now);
    // Records a wrong token; true when this failure starts a block.
    bool recordFailure(const std::string& client, Clock::time_point now);
    std::size_t clients() const;

private:
    struct Entry {
        Clock::time_point windowStart;
        int failures = 0;
        Clock::time_point blockedUntil;
    };
    void makeRoom(Clock::time_point now);

    int limit_;
    std::chrono::seconds window_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

// Equal strings in time that depends on their lengths only, not on where they differ.
bool constantTimeEquals(std::string_view a, std::string_view b);
// 127.0.0.0/8, ::1 and ::ffff:127.x.x.x.
bool isLoopbackAddress(std::string_view address);

class ControlServer {
public:
    // Binds and starts serving. StartupError "control API: cannot listen on HOST:PORT: <why>" when
    // the address cannot be bound; StartupError when the web remote's files are missing.
    ControlServer(ControlServerOptions options, CommandQueue& commands, const StatusBoard& status);
    ~ControlServer();
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    int port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace exhibit
