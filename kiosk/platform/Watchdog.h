// Talks to systemd (sd_notify): readiness, a status line, stopping, and the watchdog heartbeat.
#pragma once

#include "core/Time.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::platform {

// Sends one sd_notify state string such as "READY=1". Empty means "not under systemd": every call is a no-op.
using Notifier = std::function<void(std::string_view state)>;

class Watchdog {
public:
    // Reads NOTIFY_SOCKET and WATCHDOG_USEC through libsystemd. Outside systemd nothing is sent and
    // nextDeadline() stays empty, so the event loop never wakes for it.
    static Watchdog fromEnvironment();

    // `watchdogTimeout` is systemd's WatchdogSec (nullopt when the unit has none); heartbeats go at half of
    // it.
    Watchdog(Notifier notifier, std::optional<Millis> watchdogTimeout);

    void ready();
    void status(std::string_view text);
    void stopping();

    // Call from the render loop, so a hung loop stops the heartbeat and systemd restarts the kiosk.
    // `now` is any monotonic clock in milliseconds; the first call always sends.
    void tick(Millis now);
    // When tick() must next run; nullopt when there is no watchdog.
    std::optional<Millis> nextDeadline() const;

    std::optional<Millis> heartbeatInterval() const { return interval_; }

private:
    void send(std::string_view state) const;

    Notifier notifier_;
    std::optional<Millis> interval_;
    std::optional<Millis> nextBeat_;
};

}  // namespace kiosk::platform
