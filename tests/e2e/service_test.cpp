// End to end: the exhibit under a service manager. The test plays systemd's side of sd_notify:
// it binds a unix datagram socket, starts a headless exhibit with NOTIFY_SOCKET pointing at it and
// a watchdog interval, and checks the messages: READY=1 after the first frame, WATCHDOG=1 heartbeats
// while the loop runs, STOPPING=1 when SIGTERM ends it (exit code 0).
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/process.hpp"

namespace exhibit::test {
namespace {

class NotifySocket {
public:
    explicit NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
        std::filesystem::remove(path_);
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const std::string p = path_.string();
        EXPECT_LT(p.size(), sizeof address.sun_path);
        p.copy(address.sun_path, sizeof address.sun_path - 1);
        EXPECT_EQ(::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
        timeval timeout{0, 100000};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~NotifySocket() {
        ::close(fd_);
        std::filesystem::remove(path_);
    }
    // Every datagram that arrived so far (waits up to 100 ms for the next one).
    void drain(std::vector<std::string>& into) {
        char buffer[4096];
        for (ssize_t n; (n = ::recv(fd_, buffer, sizeof buffer, 0)) > 0;) into.emplace_back(buffer, static_cast<std::size_t>(n));
    }

private:
    std::filesystem::path path_;
    int fd_ = -1;
};

bool contains(const std::vector<std::string>& messages, const std::string& text) {
    for (const auto& m : messages)
        if (m.find(text) != std::string::npos) return true;
    return false;
}

TEST(Service, ReadyWatchdogAndStoppingReachTheServiceManager) {
    const auto dir = std::filesystem::path(EXHIBIT_BINARY_DIR) / "service-test";
    std::filesystem::create_directories(dir);
    NotifySocket socket(dir / "notify.sock");
    // The environment systemd gives a Type=notify unit with WatchdogSec=0.4 (heartbeats every 0.2 s).
    ::setenv("NOTIFY_SOCKET", (dir / "notify.sock").c_str(), 1);
    ::setenv("WATCHDOG_USEC", "400000", 1);
    BackgroundProcess exhibit({EXHIBIT_EXE, "--headless", "--size", "320x180", "--seconds", "100000", "--tuio", "0",
                               "--state-dir", (dir / "state").string()},
                              (dir / "exhibit.log").string());
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");

    std::vector<std::string> messages;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    auto heartbeats = [&] {
        std::size_t n = 0;
        for (const auto& m : messages) n += m == "WATCHDOG=1";
        return n;
    };
    while (heartbeats() < 3 && std::chrono::steady_clock::now() < deadline && exhibit.running()) socket.drain(messages);
    ASSERT_FALSE(messages.empty()) << exhibit.log();
    EXPECT_NE(messages.front().find("READY=1"), std::string::npos) << messages.front();
    EXPECT_TRUE(contains(messages, "STATUS=showing dashboard"));
    EXPECT_GE(heartbeats(), 3u) << exhibit.log();

    EXPECT_EQ(exhibit.stop(), 0) << exhibit.log();
    socket.drain(messages);
    EXPECT_EQ(messages.back(), "STOPPING=1");
}

}  // namespace
}  // namespace exhibit::test
