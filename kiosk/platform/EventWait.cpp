// Event waiting: SDL's own wait where it sleeps, a frame-paced poll elsewhere.
#include "platform/EventWait.h"

#include <algorithm>

namespace kiosk::platform {

bool driverWaitsForEvents(std::string_view videoDriver) {
    return videoDriver == "x11" || videoDriver == "wayland";
}

int EventWaiter::wait(SDL_Event& event, int timeoutMs) const {
    if (sleepsInSdl_) return SDL_WaitEventTimeout(&event, timeoutMs);
    const Uint64 start = SDL_GetTicks64();
    for (;;) {
        if (SDL_PollEvent(&event)) return 1;
        const Uint64 elapsed = SDL_GetTicks64() - start;
        if (elapsed >= static_cast<Uint64>(std::max(0, timeoutMs))) return 0;
        SDL_Delay(
            static_cast<Uint32>(std::min<Uint64>(static_cast<Uint64>(pollIntervalMs_), timeoutMs - elapsed)));
    }
}

}  // namespace kiosk::platform
