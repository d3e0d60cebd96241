// The sleep computation for the event loop, kept pure so it is tested without SDL.
#include "platform/IdleWait.h"

#include <algorithm>

namespace kiosk::platform {

int idleWaitTimeout(Millis now, std::initializer_list<std::optional<Millis>> deadlines, Millis cap) {
    Millis wait = std::max(cap, Millis{0});
    for (const auto& deadline : deadlines)
        if (deadline) wait = std::min(wait, std::max(*deadline - now, Millis{0}));
    return static_cast<int>(wait.count());
}

}  // namespace kiosk::platform
