// The kiosk's calendar for scheduled content: the system's clock on a running kiosk, and the virtual one
// `kiosk play` runs on (--start-time, --clock-unsynced).
#pragma once

#include "core/Calendar.h"

#include <ctime>

namespace kiosk::app {

// The local date at `time`, with `synced` as given.
ClockReading readingAt(std::time_t time, bool synced);
// The system clock's local date and whether NTP has set it (pledge::systemClockSynchronised).
WallClock systemWallClock();
// A virtual clock that reads `start` at controller time 0.
WallClock virtualWallClock(std::time_t start, bool synced);

}  // namespace kiosk::app
