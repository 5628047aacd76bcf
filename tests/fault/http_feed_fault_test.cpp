// Faults of an HTTP feed, against the real exhibit (`--feed http://127.0.0.1:PORT/feed`, polled once a
// second, stale after 5 s, 10 s request timeout):
//   - the feed server is killed and started again on the same port;
//   - the network stalls: a server that accepts the connection and never answers (half-open), and
//     one that dribbles its answer a byte at a time.
// Each shows the feed's outage in /api/status (state and lastError naming the cause), the frame
// counter growing all along, and the feed back to ok with new messages once the server answers
// normally again, without restarting the wall.
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "tests/fault/fault_fixture.hpp"

namespace exhibit::test {
namespace {

std::string feedUrl(int port) { return "http://127.0.0.1:" + std::to_string(port) + "/feed"; }

long long messagesOf(const json& feed) { return feed.contains("messages") ? feed["messages"].get<long long>() : -1; }
std::string stateOf(const json& feed) { return feed.contains("state") ? feed["state"].get<std::string>() : ""; }
std::string errorOf(const json& feed) { return feed.contains("lastError") ? feed["lastError"].get<std::string>() : ""; }

// The feed is back by itself: state ok, with messages accepted since `before`.
::testing::AssertionResult recoversWithNewMessages(Wall& wall, long long before) {
    if (eventually([&] {
            const json f = wall.feed();
            return stateOf(f) == "ok" && messagesOf(f) > before;
        }))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << wall.status().dump() << wall.log();
}

// A real HTTP feed server (cpp-httplib) that can be killed and started again on the same port.
class FeedServer {
public:
    explicit FeedServer(int port) : port_(port) {}
    ~FeedServer() { kill(); }

    bool start() {
        // The port was ours a moment ago; give a lingering socket a moment to let go.
        return eventually([&] {
            server_ = std::make_unique<httplib::Server>();
            server_->Get("/feed", [this](const httplib::Request&, httplib::Response& res) {
                res.set_content(feedMessage(static_cast<double>(++served)), "application/json");
            });
            if (!server_->bind_to_port("127.0.0.1", port_)) return false;
            thread_ = std::thread([this] { server_->listen_after_bind(); });
            return eventually([&] { return server_->is_running(); }, 10);
        }, 30);
    }
    void kill() {
        if (!server_) return;
        server_->stop();
        if (thread_.joinable()) thread_.join();
        server_.reset();
    }
    std::atomic<int> served{0};

private:
    int port_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
};

// A hand-made HTTP server on a raw socket whose behaviour the test switches: answer normally,
// accept and never answer (half-open: the connection is held, the request never read), or answer
// with the headers and then one byte of the body every 400 ms.
class StallingServer {
public:
    enum class Mode { Normal, Stall, Dribble };

    explicit StallingServer(int port) {
        listen_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(listen_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bound_ = ::bind(listen_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(listen_, 16) == 0;
        acceptor_ = std::thread([this] { acceptLoop(); });
    }
    ~StallingServer() {
        stopping_ = true;
        acceptor_.join();
        for (auto& t : workers_) t.join();
        for (int fd : held_) ::close(fd);
        ::close(listen_);
    }
    bool bound() const { return bound_; }
    void mode(Mode m) { mode_ = m; }
    std::atomic<int> answered{0}, stalled{0}, dribbled{0};

private:
    void acceptLoop() {
        while (!stopping_) {
            pollfd p{listen_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const int fd = ::accept4(listen_, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) continue;
            switch (mode_.load()) {
                case Mode::Stall:
                    ++stalled;
                    held_.push_back(fd);  // never read, never answered, never closed (until the end)
                    break;
                case Mode::Normal:
                    workers_.emplace_back([this, fd] { answer(fd, false); });
                    break;
                case Mode::Dribble:
                    workers_.emplace_back([this, fd] { answer(fd, true); });
                    break;
            }
        }
    }
    void answer(int fd, bool dribble) {
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos && !stopping_) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) break;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        const std::string body = feedMessage(dribble ? 0 : ++answered);
        const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
        auto sendAll = [&](std::string_view data) {
            return ::send(fd, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
        };
        if (!dribble) {
            sendAll(head + body);
        } else if (sendAll(head)) {
            ++dribbled;
            for (char c : body) {  // ~40 s for the whole body: longer than the wall's 10 s timeout
                for (int i = 0; i < 8 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
                if (stopping_ || !sendAll(std::string_view(&c, 1))) break;
            }
        }
        ::close(fd);
    }

    int listen_ = -1;
    bool bound_ = false;
    std::atomic<bool> stopping_{false};
    std::atomic<Mode> mode_{Mode::Normal};
    std::thread acceptor_;
    std::vector<std::thread> workers_;  // touched by the acceptor thread only, joined after it
    std::vector<int> held_;
};

TEST(FaultHttpFeed, ServerKilledAndRestartedOnTheSamePort) {
    const int port = freeTcpPort();
    FeedServer server(port);
    ASSERT_TRUE(server.start());
    TempDir dir("fault-http-restart");
    Wall wall(dir.path(), "fault-http-restart.log", {"--feed", feedUrl(port)});
    ASSERT_TRUE(wall.start());
    ASSERT_TRUE(eventually([&] {
        const json f = wall.feed();
        return stateOf(f) == "ok" && messagesOf(f) >= 1;
    })) << wall.status().dump() << wall.log();

    server.kill();
    // (A request in flight as the server went may fail otherwise first; the next ones are refused.)
    ASSERT_TRUE(eventually([&] {
        const json f = wall.feed();
        return stateOf(f) == "error" && errorOf(f) == feedUrl(port) + ": Couldn't connect to server";
    })) << wall.status().dump() << wall.log();
    EXPECT_TRUE(wall.presents()) << "the wall stopped presenting while the feed server was down";
    EXPECT_EQ(stateOf(wall.feed()), "error");  // still down: the frames above grew during the outage

    const long long before = messagesOf(wall.feed());
    const int servedBefore = server.served;
    ASSERT_TRUE(server.start());
    EXPECT_TRUE(recoversWithNewMessages(wall, before));
    EXPECT_GT(server.served, servedBefore);
    EXPECT_TRUE(wall.presents());
    EXPECT_EQ(wall.stop(), 0) << wall.log();
}

TEST(FaultHttpFeed, HalfOpenConnectionTimesOutAndTheFeedComesBack) {
    const int port = freeTcpPort();
    StallingServer server(port);
    ASSERT_TRUE(server.bound());
    TempDir dir("fault-http-halfopen");
    Wall wall(dir.path(), "fault-http-halfopen.log", {"--feed", feedUrl(port)});
    ASSERT_TRUE(wall.start());
    ASSERT_TRUE(eventually([&] { return stateOf(wall.feed()) == "ok"; })) << wall.status().dump() << wall.log();

    server.mode(StallingServer::Mode::Stall);
    // No answer: the last message ages (stale after 5 s), then the request times out (10 s).
    EXPECT_TRUE(eventually([&] { return stateOf(wall.feed()) == "stale"; })) << wall.status().dump();
    EXPECT_TRUE(wall.presents()) << "the wall stopped presenting while a request hung";
    ASSERT_TRUE(eventually([&] { return stateOf(wall.feed()) == "error"; })) << wall.status().dump() << wall.log();
    EXPECT_GE(server.stalled, 1);
    const json down = wall.feed();
    EXPECT_EQ(errorOf(down), feedUrl(port) + ": timed out") << down.dump();
    EXPECT_TRUE(wall.presents());

    const long long before = messagesOf(wall.feed());
    server.mode(StallingServer::Mode::Normal);
    EXPECT_TRUE(recoversWithNewMessages(wall, before));
    EXPECT_GE(server.answered, 2);
    EXPECT_TRUE(wall.presents());
    EXPECT_EQ(wall.stop(), 0) << wall.log();
}

TEST(FaultHttpFeed, SlowDribblingResponseTimesOutAndTheFeedComesBack) {
    const int port = freeTcpPort();
    StallingServer server(port);
    ASSERT_TRUE(server.bound());
    TempDir dir("fault-http-dribble");
    Wall wall(dir.path(), "fault-http-dribble.log", {"--feed", feedUrl(port)});
    ASSERT_TRUE(wall.start());
    ASSERT_TRUE(eventually([&] { return stateOf(wall.feed()) == "ok"; })) << wall.status().dump() << wall.log();

    server.mode(StallingServer::Mode::Dribble);
    ASSERT_TRUE(eventually([&] { return server.dribbled >= 1; }));
    EXPECT_TRUE(wall.presents()) << "the wall stopped presenting while a response trickled in";
    ASSERT_TRUE(eventually([&] { return stateOf(wall.feed()) == "error"; })) << wall.status().dump() << wall.log();
    const json down = wall.feed();
    EXPECT_EQ(errorOf(down), feedUrl(port) + ": timed out") << down.dump();
    EXPECT_TRUE(wall.presents());

    const long long before = messagesOf(wall.feed());
    server.mode(StallingServer::Mode::Normal);
    EXPECT_TRUE(recoversWithNewMessages(wall, before));
    EXPECT_TRUE(wall.presents());
    EXPECT_EQ(wall.stop(), 0) << wall.log();
}

}  // namespace
}  // namespace exhibit::test
