// Subscribes to an MQTT topic with libmosquitto (`mqtt://host:port/topic/#`, `mqtts://` for TLS):
// QoS 1, a stable client id with a persistent session (so the broker keeps QoS 1 messages across a
// short disconnect), optional username/password and TLS files, automatic reconnection with backoff
// (1 s up to 30 s) when the broker goes away or is not there yet. Every message goes to the sink;
// messages over the size limit are dropped with a transport error; connection problems are
// transport errors naming the broker (`mqtt://127.0.0.1:1883: connection lost`).
//
// Does not: publish, or keep messages while stopped.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>

#include "data_feed/source.hpp"

struct mosquitto;
struct mosquitto_message;

namespace exhibit {

struct MqttSourceConfig {
    std::string url;  // mqtt://host[:port]/topic filter
    std::string clientId;  // empty: "exhibit-" + a hash of the URL
    std::string username, password;
    std::string caFile, certFile, keyFile;
    std::size_t maxMessageBytes = 1u << 20;
};

class MqttSource final : public Source {
public:
    // Throws ContentError when the URL is not mqtt(s)://host[:port]/topic.
    explicit MqttSource(MqttSourceConfig config);
    ~MqttSource() override;
    const std::string& name() const override { return config_.url; }
    void start(SourceSink& sink) override;
    void stop() override;

    const std::string& host() const { return host_; }
    int port() const { return port_; }
    const std::string& topic() const { return topic_; }

private:
    static void onConnect(mosquitto*, void* self, int rc);
    static void onDisconnect(mosquitto*, void* self, int rc);
    static void onMessage(mosquitto*, void* self, const mosquitto_message* message);

    MqttSourceConfig config_;
    std::string host_, topic_, broker_;
    int port_ = 1883;
    bool tls_ = false;
    mosquitto* client_ = nullptr;
    SourceSink* sink_ = nullptr;
    std::atomic<bool> running_{false};
};

}  // namespace exhibit
