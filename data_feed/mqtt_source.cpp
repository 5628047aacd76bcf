#include "data_feed/mqtt_source.hpp"

#include <mosquitto.h>

#include <charconv>
#include <functional>

#include "core/error.hpp"

namespace exhibit {
namespace {

void initMosquittoOnce() {
    static const int done = mosquitto_lib_init();
    (void)done;
}

}  // namespace

MqttSource::MqttSource(MqttSourceConfig config) : config_(std::move(config)) {
    initMosquittoOnce();
    const std::string& url = config_.url;
    std::string rest;
    if (url.rfind("mqtt://", 0) == 0) {
        rest = url.substr(7);
    } else if (url.rfind("mqtts://", 0) == 0) {
        rest = url.substr(8);
        tls_ = true;
        port_ = 8883;
    } else {
        throw ContentError("feed \"" + url + "\": expected mqtt://host[:port]/topic");
    }
    const auto slash = rest.find('/');
    if (slash == std::string::npos || slash + 1 >= rest.size())
        throw ContentError("feed \"" + url + "\": no topic (expected mqtt://host[:port]/topic/#)");
    std::string hostPort = rest.substr(0, slash);
    topic_ = rest.substr(slash + 1);
    const auto colon = hostPort.rfind(':');
    if (colon != std::string::npos) {
        const char* first = hostPort.data() + colon + 1;
        const char* last = hostPort.data() + hostPort.size();
        auto [end, ec] = std::from_chars(first, last, port_);
        if (ec != std::errc{} || end != last || port_ < 1 || port_ > 65535)
            throw ContentError("feed \"" + url + "\": bad port");
        hostPort.resize(colon);
    }
    if (hostPort.empty()) throw ContentError("feed \"" + url + "\": no host");
    host_ = hostPort;
    broker_ = (tls_ ? "mqtts://" : "mqtt://") + host_ + ":" + std::to_string(port_);
    if (config_.clientId.empty()) config_.clientId = "exhibit-" + std::to_string(std::hash<std::string>{}(url) % 1000000007);
}

MqttSource::~MqttSource() { stop(); }

void MqttSource::onConnect(mosquitto* client, void* self, int rc) {
    auto* source = static_cast<MqttSource*>(self);
    if (rc != 0) {
        source->sink_->transportError(source->broker_ + ": connection refused (" + mosquitto_connack_string(rc) + ")");
        return;
    }
    mosquitto_subscribe(client, nullptr, source->topic_.c_str(), 1);
}

void MqttSource::onDisconnect(mosquitto*, void* self, int rc) {
    auto* source = static_cast<MqttSource*>(self);
    if (rc != 0 && source->running_) source->sink_->transportError(source->broker_ + ": connection lost");
}

void MqttSource::onMessage(mosquitto*, void* self, const mosquitto_message* message) {
    auto* source = static_cast<MqttSource*>(self);
    const auto bytes = static_cast<std::size_t>(message->payloadlen);
    if (bytes > source->config_.maxMessageBytes) {
        source->sink_->transportError(source->broker_ + ": message on " + message->topic + " larger than " +
                                      std::to_string(source->config_.maxMessageBytes / 1024) + " KiB dropped");
        return;
    }
    source->sink_->payload(std::string_view(static_cast<const char*>(message->payload), bytes));
}

void MqttSource::start(SourceSink& sink) {
    stop();
    sink_ = &sink;
    client_ = mosquitto_new(config_.clientId.c_str(), false, this);
    if (!client_) {
        sink.transportError(broker_ + ": cannot create an MQTT client");
        return;
    }
    mosquitto_connect_callback_set(client_, onConnect);
    mosquitto_disconnect_callback_set(client_, onDisconnect);
    mosquitto_message_callback_set(client_, onMessage);
    mosquitto_reconnect_delay_set(client_, 1, 30, true);
    if (!config_.username.empty())
        mosquitto_username_pw_set(client_, config_.username.c_str(), config_.password.c_str());
    if (tls_ || !config_.caFile.empty()) {
        const int rc = mosquitto_tls_set(client_, config_.caFile.empty() ? nullptr : config_.caFile.c_str(),
                                         config_.caFile.empty() ? "/etc/ssl/certs" : nullptr,
                                         config_.certFile.empty() ? nullptr : config_.certFile.c_str(),
                                         config_.keyFile.empty() ? nullptr : config_.keyFile.c_str(), nullptr);
        if (rc != MOSQ_ERR_SUCCESS) sink.transportError(broker_ + ": TLS setup failed: " + mosquitto_strerror(rc));
    }
    running_ = true;
    const int rc = mosquitto_connect_async(client_, host_.c_str(), port_, 30);
    if (rc != MOSQ_ERR_SUCCESS) sink.transportError(broker_ + ": " + mosquitto_strerror(rc));
    mosquitto_loop_start(client_);  // its thread reconnects by itself
}

void MqttSource::stop() {
    if (!client_) return;
    running_ = false;
    mosquitto_disconnect(client_);
    mosquitto_loop_stop(client_, true);
    mosquitto_destroy(client_);
    client_ = nullptr;
}

}  // namespace exhibit
