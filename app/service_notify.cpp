#include "app/service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>

namespace exhibit {

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    enabled_ = socket && *socket;
    std::uint64_t usec = 0;
    if (enabled_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_ = static_cast<double>(usec) / 2e6;
}

void ServiceNotifier::ready(const std::string& text) {
    if (enabled_) sd_notifyf(0, "READY=1\nSTATUS=%s", text.c_str());
}

void ServiceNotifier::heartbeat(double nowSeconds) {
    if (!enabled_ || nowSeconds - lastBeat_ < interval_) return;
    lastBeat_ = nowSeconds;
    sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::status(const std::string& text) {
    if (enabled_) sd_notifyf(0, "STATUS=%s", text.c_str());
}

void ServiceNotifier::stopping() {
    if (enabled_) sd_notify(0, "STOPPING=1");
}

}  // namespace exhibit
