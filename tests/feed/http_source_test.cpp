// HttpSource against a real HTTP server on 127.0.0.1 (cpp-httplib, in this process). Waits are
// bounded by generous deadlines; nothing asserts on how fast anything was.
#include "data_feed/http_source.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace exhibit {
namespace {

class RecordingSink : public SourceSink {
public:
    void payload(std::string_view body) override {
        std::lock_guard lock(mutex_);
        payloads.emplace_back(body);
        changed_.notify_all();
    }
    void transportError(std::string_view what) override {
        std::lock_guard lock(mutex_);
        errors.emplace_back(what);
        changed_.notify_all();
    }
    template <typename Predicate>
    bool waitFor(Predicate predicate) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(20), [&] { return predicate(*this); });
    }
    std::vector<std::string> payloads, errors;

private:
    std::mutex mutex_;
    std::condition_variable changed_;
};

class HttpSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        server_.Get("/good", [this](const httplib::Request& req, httplib::Response& res) {
            ++requests;
            if (req.get_header_value("If-None-Match") == "\"v1\"") {
                ++notModified;
                res.status = 304;
                return;
            }
            res.set_header("ETag", "\"v1\"");
            res.set_content(R"({"type":"metrics"})", "application/json");
        });
        server_.Get("/flaky", [this](const httplib::Request&, httplib::Response& res) {
            if (failing) {
                res.status = 503;
                return;
            }
            res.set_content("recovered", "application/json");
        });
        server_.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
            for (int i = 0; i < 50 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            res.set_content("late", "text/plain");
        });
        server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(std::string(5u << 20, 'x'), "text/plain");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        ASSERT_GT(port_, 0);
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    void TearDown() override {
        stopping_ = true;
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    HttpSourceConfig config(const std::string& path) {
        HttpSourceConfig c;
        c.url = "http://127.0.0.1:" + std::to_string(port_) + path;
        c.intervalSeconds = 1;
        c.timeoutSeconds = 1;
        return c;
    }

    std::atomic<int> requests{0}, notModified{0};
    std::atomic<bool> failing{true};
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
};

TEST_F(HttpSourceTest, DeliversTheBodyThenUsesTheEtag) {
    RecordingSink sink;
    HttpSource source(config("/good"));
    source.start(sink);
    ASSERT_TRUE(sink.waitFor([](const RecordingSink& s) { return !s.payloads.empty(); }));
    // A 304 reaches no sink: poll the server's count, with a generous deadline.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (notModified.load() < 1 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_GE(notModified.load(), 1);
    source.stop();
    EXPECT_EQ(sink.payloads.size(), 1u) << "a 304 delivers nothing";
    EXPECT_EQ(sink.payloads[0], R"({"type":"metrics"})");
    EXPECT_TRUE(sink.errors.empty()) << sink.errors.front();
}

TEST_F(HttpSourceTest, ServerErrorsAreReportedAndRecoverBySelf) {
    RecordingSink sink;
    HttpSource source(config("/flaky"));
    source.start(sink);
    ASSERT_TRUE(sink.waitFor([](const RecordingSink& s) { return !s.errors.empty(); }));
    EXPECT_NE(sink.errors[0].find(":" + std::to_string(port_) + "/flaky: HTTP 503"), std::string::npos) << sink.errors[0];
    failing = false;
    ASSERT_TRUE(sink.waitFor([](const RecordingSink& s) { return !s.payloads.empty(); }));
    source.stop();
    EXPECT_EQ(sink.payloads[0], "recovered");
}

TEST_F(HttpSourceTest, TimeoutsOversizedBodiesAndDeadServers) {
    {
        RecordingSink sink;
        HttpSource source(config("/slow"));
        source.start(sink);
        ASSERT_TRUE(sink.waitFor([](const RecordingSink& s) { return !s.errors.empty(); }));
        EXPECT_NE(sink.errors[0].find("/slow: timed out"), std::string::npos) << sink.errors[0];
        source.stop();
    }
    {
        RecordingSink sink;
        HttpSource source(config("/big"));
        source.start(sink);
        ASSERT_TRUE(sink.waitFor([](const RecordingSink& s) { return !s.errors.empty(); }));
        EXPECT_NE(sink.errors[0].find("/big: body larger than 4096 KiB"), std::string::npos) << sink.errors[0];
        EXPECT_TRUE(sink.payloads.empty());
        source.stop();
    }
    {
        stopping_ = true;
        server_.stop();
        thread_.join();
        RecordingSink sink;
        HttpSource source(config("/good"));
        source.start(sink);
        ASSERT_TRUE(sink.waitFor([](const RecordingSink& s) { return !s.errors.empty(); }));
        EXPECT_NE(sink.errors[0].find("/good: "), std::string::npos) << sink.errors[0];
        source.stop();
    }
}

TEST_F(HttpSourceTest, StopReturnsWhileARequestHangs) {
    RecordingSink sink;
    HttpSourceConfig c = config("/slow");
    c.timeoutSeconds = 30;
    HttpSource source(c);
    source.start(sink);
    ASSERT_TRUE(sink.waitFor([](const RecordingSink&) { return true; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the request start
    std::atomic<bool> stopped{false};
    std::thread stopper([&] {
        source.stop();
        stopped = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!stopped && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_TRUE(stopped) << "stop() must not wait for the 30 s request timeout";
    stopper.join();
}

}  // namespace
}  // namespace exhibit
