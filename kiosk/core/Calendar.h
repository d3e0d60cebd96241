// The kiosk's calendar: today's local date by its clock, and whether that clock was set from the network.
// Scheduled content (content/Schedule.h) reads it; the app wires the system clock, `kiosk play` its virtual
// one from --start-time, tests a fake, so the core never reads a clock itself (core/Time.h).
#pragma once

#include "core/Time.h"

#include <compare>
#include <functional>
#include <optional>

namespace kiosk {

struct LocalDate {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31
    friend auto operator<=>(const LocalDate&, const LocalDate&) = default;
};

struct ClockReading {
    std::optional<LocalDate> today;  // unset: the clock could not be read
    bool synced = false;             // set from the network (NTP); otherwise it may lag by days or years
};

// The kiosk's clock at a controller time.
using WallClock = std::function<ClockReading(Millis now)>;

}  // namespace kiosk
