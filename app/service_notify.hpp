// Tells systemd how the show is doing (sd_notify): READY=1 once the first frame is on the wall,
// WATCHDOG=1 from the main loop (so a hung loop is restarted after WatchdogSec), STATUS= lines the
// operator sees in `systemctl status`, STOPPING=1 on the way out. Outside systemd ($NOTIFY_SOCKET
// unset) every call does nothing.
//
//   ServiceNotifier notify;
//   ...first frame presented...  notify.ready("scene dashboard");
//   every frame:                  notify.heartbeat(nowSeconds);   // sends at most every interval
//   at exit:                      notify.stopping();
//
// Does not: restart anything (systemd does, see deploy/exhibit.service) or watch other threads.
#pragma once

#include <string>

namespace exhibit {

class ServiceNotifier {
public:
    ServiceNotifier();
    bool enabled() const { return enabled_; }
    // Watchdog pings go out at half the interval systemd asked for (WATCHDOG_USEC); with no
    // watchdog, every 5 s, which is harmless.
    double heartbeatInterval() const { return interval_; }

    void ready(const std::string& status);
    void heartbeat(double nowSeconds);
    void status(const std::string& text);
    void stopping();

private:
    bool enabled_ = false;
    double interval_ = 5;
    double lastBeat_ = -1e300;
};

}  // namespace exhibit
