// MqttSource against a real mosquitto broker started by the fixture on a free 127.0.0.1 port.
#include "data_feed/mqtt_source.hpp"

#include <arpa/inet.h>
#include <mosquitto.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "core/error.hpp"

namespace exhibit {
namespace {

namespace fs = std::filesystem;
constexpr const char* kBroker = "/usr/sbin/mosquitto";

int freePort() {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    close(s);
    return ntohs(addr.sin_port);
}

bool portOpen(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(s);
    return ok;
}

template <typename Predicate>
bool eventually(Predicate predicate) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

class Broker {
public:
    explicit Broker(int port) : port_(port) {
        dir_ = fs::path(EXHIBIT_BINARY_DIR) / ("mosquitto-" + std::to_string(port));
        fs::create_directories(dir_);
        std::ofstream(dir_ / "mosquitto.conf") << "listener " << port << " 127.0.0.1\nallow_anonymous true\n"
                                               << "persistence false\nlog_dest none\n";
    }
    ~Broker() { kill(); }
    bool start() {
        pid_ = fork();
        if (pid_ == 0) {
            execl(kBroker, kBroker, "-c", (dir_ / "mosquitto.conf").c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        return eventually([this] { return portOpen(port_); });
    }
    void kill() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    int port_;
    pid_t pid_ = -1;
    fs::path dir_;
};

class Publisher {
public:
    explicit Publisher(int port) {
        mosquitto_lib_init();
        client_ = mosquitto_new(nullptr, true, nullptr);
        connected_ = mosquitto_connect(client_, "127.0.0.1", port, 10) == MOSQ_ERR_SUCCESS;
        mosquitto_loop_start(client_);
    }
    ~Publisher() {
        mosquitto_disconnect(client_);
        mosquitto_loop_stop(client_, true);
        mosquitto_destroy(client_);
    }
    void publish(const std::string& topic, const std::string& body) {
        mosquitto_publish(client_, nullptr, topic.c_str(), static_cast<int>(body.size()), body.data(), 1, false);
    }
    bool connected_ = false;

private:
    mosquitto* client_;
};

MqttSourceConfig mqtt(const std::string& url) {
    MqttSourceConfig c;
    c.url = url;
    return c;
}

class RecordingSink : public SourceSink {
public:
    void payload(std::string_view body) override {
        std::lock_guard lock(mutex);
        payloads.emplace_back(body);
    }
    void transportError(std::string_view what) override {
        std::lock_guard lock(mutex);
        errors.emplace_back(what);
    }
    std::size_t count(const std::vector<std::string>& v) {
        std::lock_guard lock(mutex);
        return v.size();
    }
    std::mutex mutex;
    std::vector<std::string> payloads, errors;
};

class MqttSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(kBroker)) GTEST_SKIP() << kBroker << " not installed (apt-get install mosquitto)";
        port = freePort();
        broker = std::make_unique<Broker>(port);
        ASSERT_TRUE(broker->start()) << "mosquitto did not start on port " << port;
    }
    std::string url(const std::string& topic) { return "mqtt://127.0.0.1:" + std::to_string(port) + "/" + topic; }
    int port = 0;
    std::unique_ptr<Broker> broker;
};

TEST_F(MqttSourceTest, DeliversMessagesOnTheSubscribedTopicOnly) {
    RecordingSink sink;
    MqttSource source(mqtt(url("guizhou/#")));
    source.start(sink);
    Publisher publisher(port);
    ASSERT_TRUE(publisher.connected_);
    // Keep publishing until the subscription is in place (no fixed sleep).
    ASSERT_TRUE(eventually([&] {
        publisher.publish("other/topic", "ignored");
        publisher.publish("guizhou/stats", "hello");
        return sink.count(sink.payloads) > 0;
    }));
    source.stop();
    for (const auto& p : sink.payloads) EXPECT_EQ(p, "hello");
}

TEST_F(MqttSourceTest, ReconnectsWhenTheBrokerComesBack) {
    RecordingSink sink;
    MqttSource source(mqtt(url("guizhou/#")));
    source.start(sink);
    {
        Publisher publisher(port);
        ASSERT_TRUE(eventually([&] {
            publisher.publish("guizhou/a", "before");
            return sink.count(sink.payloads) > 0;
        }));
    }
    broker->kill();
    ASSERT_TRUE(eventually([&] { return sink.count(sink.errors) > 0; }));
    EXPECT_NE(sink.errors[0].find(":" + std::to_string(port) + ": connection lost"), std::string::npos) << sink.errors[0];
    ASSERT_TRUE(broker->start());
    const std::size_t before = sink.count(sink.payloads);
    Publisher again(port);
    ASSERT_TRUE(eventually([&] {
        again.publish("guizhou/a", "after");
        return sink.count(sink.payloads) > before;
    }));
    source.stop();
}

TEST_F(MqttSourceTest, OversizedMessagesAreDropped) {
    RecordingSink sink;
    MqttSourceConfig config = mqtt(url("big"));
    config.maxMessageBytes = 1024;
    MqttSource source(config);
    source.start(sink);
    Publisher publisher(port);
    ASSERT_TRUE(eventually([&] {
        publisher.publish("big", std::string(4096, 'x'));
        return sink.count(sink.errors) > 0;
    }));
    source.stop();
    EXPECT_TRUE(sink.payloads.empty());
    EXPECT_NE(sink.errors[0].find("larger than 1 KiB dropped"), std::string::npos) << sink.errors[0];
}

TEST(MqttSourceUrl, BadUrlsAreContentErrors) {
    EXPECT_THROW(MqttSource(mqtt("mqtt://host")), ContentError);
    EXPECT_THROW(MqttSource(mqtt("mqtt://:1883/t")), ContentError);
    EXPECT_THROW(MqttSource(mqtt("mqtt://host:0/t")), ContentError);
    MqttSource tls(mqtt("mqtts://broker.example/g/#"));
    EXPECT_EQ(tls.port(), 8883);
    EXPECT_EQ(tls.topic(), "g/#");
}

}  // namespace
}  // namespace exhibit
