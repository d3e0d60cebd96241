// Waiting for the next event without spinning. SDL 2.26 really sleeps in SDL_WaitEventTimeout only on
// drivers with a wait primitive (X11, Wayland); on KMSDRM (the Pi without a desktop) and the dummy driver it
// pumps and sleeps 1 ms in a loop, about 550 wake-ups a second. There we poll at a frame's pace instead:
// a touch waits at most one frame longer, and an idle kiosk wakes 60 times a second, not 550.
#pragma once

#include <SDL.h>
#include <string_view>

namespace kiosk::platform {

// Whether SDL_WaitEventTimeout sleeps until an event with this video driver.
bool driverWaitsForEvents(std::string_view videoDriver);

class EventWaiter {
public:
    explicit EventWaiter(std::string_view videoDriver, int pollIntervalMs = 16)
        : sleepsInSdl_(driverWaitsForEvents(videoDriver)), pollIntervalMs_(pollIntervalMs) {}

    // Like SDL_WaitEventTimeout: 1 with an event in `event`, 0 when `timeoutMs` passed without one.
    int wait(SDL_Event& event, int timeoutMs) const;
    bool sleepsInSdl() const { return sleepsInSdl_; }

private:
    bool sleepsInSdl_;
    int pollIntervalMs_;
};

}  // namespace kiosk::platform
