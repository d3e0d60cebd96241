// sd_notify behind an injectable function, so the heartbeat schedule is tested without systemd.
#include "platform/Watchdog.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <systemd/sd-daemon.h>
#include <utility>

namespace kiosk::platform {

Watchdog Watchdog::fromEnvironment() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    if (socket == nullptr || *socket == '\0') return Watchdog({}, std::nullopt);

    std::optional<Millis> timeout;
    std::uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if any) is this process.
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        timeout = std::chrono::duration_cast<Millis>(std::chrono::microseconds(usec));
    Notifier notifier = [](std::string_view state) {
        const std::string text(state);
        sd_notify(0, text.c_str());
    };
    return Watchdog(std::move(notifier), timeout);
}

Watchdog::Watchdog(Notifier notifier, std::optional<Millis> watchdogTimeout)
    : notifier_(std::move(notifier)) {
    if (notifier_ && watchdogTimeout && watchdogTimeout->count() > 0)
        interval_ = std::max(Millis{1}, *watchdogTimeout / 2);
}

void Watchdog::send(std::string_view state) const {
    if (notifier_) notifier_(state);
}

void Watchdog::ready() {
    send("READY=1");
}

void Watchdog::status(std::string_view text) {
    // sd_notify separates assignments by newlines: one in the text would start a bogus assignment.
    std::string line = "STATUS=";
    for (char c : text)
        line += (c == '\n' || c == '\r') ? ' ' : c;
    send(line);
}

void Watchdog::stopping() {
    send("STOPPING=1");
}

void Watchdog::tick(Millis now) {
    if (!interval_) return;
    if (nextBeat_ && now < *nextBeat_) return;
    send("WATCHDOG=1");
    nextBeat_ = now + *interval_;
}

std::optional<Millis> Watchdog::nextDeadline() const {
    if (!interval_) return std::nullopt;
    return nextBeat_.value_or(Millis{0});
}

}  // namespace kiosk::platform
