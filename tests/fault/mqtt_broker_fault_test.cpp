// An MQTT broker restart against the real exhibit (`--feed mqtt://127.0.0.1:PORT/guizhou/#`): a real
// mosquitto on a free loopback port is killed and started again on the same port (no persistence,
// so the wall's subscription is gone with it). The feed shows the lost connection, the wall keeps
// presenting, and after the restart the feed reconnects and subscribes again by itself: messages
// flow and the state is ok, without restarting the wall. Skips when /usr/sbin/mosquitto is missing.
#include <gtest/gtest.h>
#include <mosquitto.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <thread>

#include "tests/fault/fault_fixture.hpp"

namespace exhibit::test {
namespace {

constexpr const char* kBroker = "/usr/sbin/mosquitto";

bool portOpen(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(s);
    return ok;
}

class Broker {
public:
    Broker(int port, const fs::path& dir) : port_(port), conf_(dir / "mosquitto.conf") {
        std::ofstream(conf_) << "listener " << port << " 127.0.0.1\nallow_anonymous true\n"
                             << "persistence false\nlog_dest none\n";
    }
    ~Broker() { kill(); }
    bool start() {
        pid_ = ::fork();
        if (pid_ == 0) {
            ::execl(kBroker, kBroker, "-c", conf_.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        return eventually([this] { return portOpen(port_); }, 30);
    }
    void kill() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    int port_;
    fs::path conf_;
    pid_t pid_ = -1;
};

// Publishes one feed message every 200 ms on guizhou/stats (QoS 1) until destroyed.
class Publisher {
public:
    explicit Publisher(int port) {
        client_ = mosquitto_new(nullptr, true, nullptr);
        connected = mosquitto_connect(client_, "127.0.0.1", port, 10) == MOSQ_ERR_SUCCESS;
        mosquitto_loop_start(client_);
        thread_ = std::thread([this] {
            double value = 0;
            while (!stopping_) {
                const std::string body = feedMessage(++value);
                if (mosquitto_publish(client_, nullptr, "guizhou/stats", static_cast<int>(body.size()), body.data(), 1,
                                      false) == MOSQ_ERR_SUCCESS)
                    ++published;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
    }
    ~Publisher() {
        stopping_ = true;
        thread_.join();
        mosquitto_disconnect(client_);
        mosquitto_loop_stop(client_, true);
        mosquitto_destroy(client_);
    }
    bool connected = false;
    std::atomic<int> published{0};

private:
    mosquitto* client_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

TEST(FaultMqttFeed, BrokerRestartOnTheSamePortAndTheFeedReconnects) {
    if (!fs::exists(kBroker)) GTEST_SKIP() << kBroker << " not installed (apt-get install mosquitto)";
    mosquitto_lib_init();
    TempDir dir("fault-mqtt");
    const int port = freeTcpPort();
    Broker broker(port, dir.path());
    ASSERT_TRUE(broker.start());
    const std::string url = "mqtt://127.0.0.1:" + std::to_string(port) + "/guizhou/#";
    Wall wall(dir.path(), "fault-mqtt.log", {"--feed", url});
    ASSERT_TRUE(wall.start());

    auto messages = [&] {
        const json f = wall.feed();
        return f.contains("messages") ? f["messages"].get<long long>() : -1;
    };
    auto state = [&] { return wall.feed().value("state", std::string()); };
    {
        Publisher publisher(port);
        ASSERT_TRUE(publisher.connected);
        ASSERT_TRUE(eventually([&] { return state() == "ok" && messages() >= 2; })) << wall.status().dump() << wall.log();
    }

    broker.kill();
    ASSERT_TRUE(eventually([&] { return state() == "error"; })) << wall.status().dump() << wall.log();
    EXPECT_NE(wall.feed().value("lastError", std::string()).find("connection lost"), std::string::npos)
        << wall.feed().dump();
    EXPECT_TRUE(wall.presents()) << "the wall stopped presenting while the broker was down";
    EXPECT_EQ(state(), "error");

    const long long before = messages();
    ASSERT_TRUE(broker.start());
    Publisher publisher(port);
    ASSERT_TRUE(publisher.connected);
    EXPECT_TRUE(eventually([&] { return state() == "ok" && messages() > before; })) << wall.status().dump() << wall.log();
    EXPECT_TRUE(wall.presents());
    EXPECT_EQ(wall.stop(), 0) << wall.log();
    mosquitto_lib_cleanup();
}

}  // namespace
}  // namespace exhibit::test
