// Fault-injection tests (label `fault`): what every test in tests/fault needs to run the real
// `exhibit` headless with its control API on a free port and a state directory of its own, read
// /api/status and /api/settings over HTTP, and wait for something to become true.
//
//   TempDir dir("fault-http");
//   Wall wall(dir.path(), "fault-http.log", {"--feed", url});
//   ASSERT_TRUE(wall.start());                 // API up, first frame drawn, token read
//   EXPECT_TRUE(eventually([&] { return wall.feed()["state"] == "ok"; })) << wall.log();
//   EXPECT_TRUE(wall.presents());             // the frame counter still grows
//   EXPECT_EQ(wall.stop(), 0);
//
// The deadlines are upper bounds for a slow machine, never expectations: a test waits for a state,
// it does not assert how fast the wall got there.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/control_access.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace exhibit::test {

namespace fs = std::filesystem;
using json = nlohmann::json;

inline constexpr double kFaultDeadline = kEventuallySeconds;  // seconds: an upper bound, never an expectation

// A TCP port on 127.0.0.1 that was free a moment ago.
inline int freeTcpPort() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(s);
    return ntohs(addr.sin_port);
}

// One valid feed message (docs/feed-format.md): the province's e-commerce orders = `value`.
inline std::string feedMessage(double value) {
    const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    return json{{"type", "metrics"},
                {"ts", now},
                {"provenance", "simulated"},
                {"values", {{{"adcode", "520000"}, {"metric", "ecommerce_orders"}, {"value", value}}}}}
        .dump();
}

// A running headless exhibit with `--control 127.0.0.1:0 --state-dir <stateDir>`, small output,
// TUIO off unless the extra arguments name a port, running until stopped.
class Wall {
public:
    Wall(fs::path stateDir, std::string logName, std::vector<std::string> extraArgs = {}, SpawnOptions spawn = {})
        : stateDir_(std::move(stateDir)), logName_(std::move(logName)), extra_(std::move(extraArgs)),
          spawn_(std::move(spawn)) {}

    // Starts it and waits for the API, the token and the first frame.
    ::testing::AssertionResult start() {
        std::vector<std::string> argv{EXHIBIT_EXE, "--headless", "--size", "320x180", "--control", "127.0.0.1:0",
                                      "--state-dir", stateDir_.string(), "--frames", "100000000",
                                      "--screenshot", screenshot.empty() ? (stateDir_ / "last-frame.png").string() : screenshot};
        bool tuioGiven = false;
        for (const auto& a : extra_) tuioGiven = tuioGiven || a == "--tuio";
        if (!tuioGiven) argv.insert(argv.end(), {"--tuio", "0"});
        argv.insert(argv.end(), extra_.begin(), extra_.end());
        process_ = std::make_unique<BackgroundProcess>(argv, (fs::path(EXHIBIT_BINARY_DIR) / logName_).string(), spawn_);
        ControlAccess api;
        if (auto ok = waitForControlApi(*process_, stateDir_, api, kFaultDeadline); !ok) return ok;
        port_ = api.port;
        token_ = api.token;
        if (!eventually([&] { return status().contains("frames"); }))
            return ::testing::AssertionFailure() << "no status:\n" << log();
        return ::testing::AssertionSuccess();
    }

    // SIGTERM, and the exit code (0: a clean exit).
    int stop() {
        const int rc = process_ ? process_->stop() : -1;
        return rc;
    }
    bool running() { return process_ && process_->running(); }
    std::string log() const { return process_ ? process_->log() : std::string(); }
    BackgroundProcess& process() { return *process_; }
    int port() const { return port_; }
    std::string screenshot;  // where the last frame goes at exit; empty: <stateDir>/last-frame.png

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_url_encode(false);
        c.set_connection_timeout(5, 0);
        c.set_read_timeout(30, 0);
        return c;
    }
    httplib::Headers bearer() const { return {{"Authorization", "Bearer " + token_}}; }

    json get(const std::string& path) const {
        auto r = client().Get(path);
        if (!r || r->status != 200) return json::object();
        const json j = json::parse(r->body, nullptr, false);
        return j.is_discarded() ? json::object() : j;
    }
    json status() const { return get("/api/status"); }
    // The first feed's health ({} until there is one).
    json feed(std::size_t i = 0) const {
        const json s = status();
        if (!s.contains("feeds") || s["feeds"].size() <= i) return json::object();
        return s["feeds"][i];
    }
    // frames.total of the status (frames ever presented); -1 when the status cannot be read.
    long long frames() const {
        const json s = status();
        if (!s.contains("frames")) return -1;
        return s["frames"]["total"].get<long long>();
    }
    // The wall keeps presenting: the frame counter grows by `by` from now on.
    ::testing::AssertionResult presents(long long by = 5) const {
        const long long from = frames();
        if (from < 0) return ::testing::AssertionFailure() << "no status";
        long long now = from;
        if (eventually([&] { return (now = frames()) >= from + by; })) return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "frames stuck at " << now << " (from " << from << ")";
    }

    // PUT /api/settings; returns the HTTP status (-1: no answer) and the body in `body`.
    int putSettings(const json& settings, std::string* body = nullptr) const {
        auto r = client().Put("/api/settings", bearer(), settings.dump(), "application/json");
        if (!r) return -1;
        if (body) *body = r->body;
        return r->status;
    }

private:
    fs::path stateDir_;
    std::string logName_;
    std::vector<std::string> extra_;
    SpawnOptions spawn_;
    std::unique_ptr<BackgroundProcess> process_;
    int port_ = 0;
    std::string token_;
};

// Settings as an operator saves them: A and B differ in every field an operator edits.
inline json settingsA() {
    return {{"playlist", {"dashboard", "map"}},
            {"rotationSeconds", 600},
            {"schedule", {{{"at", "09:00"}, {"mode", "show"}}, {{"at", "18:00"}, {"mode", "standby"}}}},
            {"language", "zh"}};
}
inline json settingsB() {
    return {{"playlist", {"map"}},
            {"rotationSeconds", 120},
            {"schedule", {{{"at", "08:30"}, {"mode", "show"}}, {{"at", "20:15"}, {"mode", "blackout"}}}},
            {"language", "en"}};
}

// The operator's fields of a settings object (from settings.json's "settings" or GET /api/settings).
inline json operatorFields(const json& settings) {
    json out = json::object();
    for (const char* key : {"playlist", "rotationSeconds", "schedule", "language"})
        if (settings.contains(key)) out[key] = settings[key];
    return out;
}

// settings.json of a state dir, parsed: the "settings" object, or a string naming what is wrong.
inline json savedSettings(const fs::path& stateDir) {
    const std::string text = readFile(stateDir / "settings.json");
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("settings"))
        return "settings.json is not a settings file: \"" + text + "\"";
    return doc["settings"];
}

}  // namespace exhibit::test
