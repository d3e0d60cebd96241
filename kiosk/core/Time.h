// Time is an input: the core is handed milliseconds, never reads a clock, so tests run on a virtual one.
#pragma once

#include <chrono>

namespace kiosk {

using Millis = std::chrono::milliseconds;

}  // namespace kiosk
