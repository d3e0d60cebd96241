// The system and virtual calendars of WallClocks.h.
#include "app/WallClocks.h"

#include "pledge/CaptureFacts.h"

namespace kiosk::app {

ClockReading readingAt(std::time_t time, bool synced) {
    std::tm local{};
    if (localtime_r(&time, &local) == nullptr) return {std::nullopt, synced};
    return {LocalDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, synced};
}

WallClock systemWallClock() {
    return [](Millis) { return readingAt(std::time(nullptr), pledge::systemClockSynchronised()); };
}

WallClock virtualWallClock(std::time_t start, bool synced) {
    return [start, synced](Millis now) {
        return readingAt(start + static_cast<std::time_t>(now.count() / 1000), synced);
    };
}

}  // namespace kiosk::app
