// How long the event loop may sleep in SDL_WaitEventTimeout, so an idle kiosk uses no CPU.
#pragma once

#include "core/Time.h"

#include <initializer_list>
#include <optional>

namespace kiosk::platform {

// Milliseconds until the earliest deadline (controller timers, gestures, watchdog), never negative and never
// more than `cap`; `cap` when there is none. A deadline already past gives 0: handle it without sleeping.
int idleWaitTimeout(Millis now, std::initializer_list<std::optional<Millis>> deadlines,
                    Millis cap = Millis{1000});

}  // namespace kiosk::platform
