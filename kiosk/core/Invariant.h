// A checked invariant: a condition this program's own code guarantees, checked in every build (release too).
// When it fails the fault is ours, not the content's or the config's, so the kiosk stops with the place and
// the condition (systemd restarts it) instead of running on with state nobody can reason about. Bad input is
// never an invariant: it travels as a Result.
#pragma once

namespace kiosk {

// Writes "invariant broken at FILE:LINE: CONDITION (WHY)" to stderr and aborts.
[[noreturn]] void invariantBroken(const char* condition, const char* why, const char* file, int line);

}  // namespace kiosk

#define KIOSK_INVARIANT(condition, why)                                                                      \
    ((condition) ? static_cast<void>(0) : ::kiosk::invariantBroken(#condition, why, __FILE__, __LINE__))
