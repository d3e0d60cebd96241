// The admin PIN: Argon2id hashes for the config, and a lock-out that slows guessing on the touch screen.
#pragma once

#include "core/Time.h"
#include "pledge/Result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace kiosk::pledge {

// 4 to 12 digits: typed on the kiosk's number pad.
Result<void> checkPinShape(std::string_view pin);
// Argon2id with 12 MiB and 3 passes, one of the settings OWASP lists as equal to its 19 MiB, 2 passes: the
// check is the largest allocation the kiosk makes, and at 19 MiB it was the peak of a visit on a 512 MB Pi
// (64 MiB before that was a third of the budget). docs/hardening.md weighs it against an offline search: the
// length of the PIN, not the memory setting, is what protects a lost card. Hashes made with other parameters
// (an older kiosk's 19 or 64 MiB ones) still verify: they are written into the string.
inline constexpr unsigned long long kPinHashPasses = 3;
inline constexpr std::size_t kPinHashMemoryBytes = 12ull * 1024 * 1024;
Result<std::string> hashPin(std::string_view pin);
// Constant-time check against a hashPin() string; false for a malformed hash.
bool verifyPin(const std::string& hash, std::string_view pin);

// Five wrong PINs lock for 30 s; after that each further wrong PIN locks again for twice as long as the last
// lock, up to an hour. A right PIN clears it all. Time is an input (milliseconds on a monotonic clock).
class PinLockout {
public:
    static constexpr int kFreeAttempts = 5;
    static constexpr Millis kFirstLock{30'000};
    static constexpr Millis kLongestLock{3'600'000};

    bool locked(Millis now) const { return now < lockedUntil_; }
    // Time left before the next attempt is allowed; zero when not locked.
    Millis remaining(Millis now) const { return locked(now) ? lockedUntil_ - now : Millis{0}; }
    void recordFailure(Millis now);
    void recordSuccess();

    // What is kept across restarts (in the pledge store): a restart must not hand out fresh guesses.
    struct Saved {
        std::int64_t failures = 0;
        std::int64_t nextLockMs = kFirstLock.count();
        std::int64_t remainingMs = 0;    // of the lock in force when saved
        std::int64_t savedAtUnixMs = 0;  // wall clock when saved
    };
    Saved save(Millis now, std::int64_t unixMsNow) const;
    // The lock-out as saved, its lock shortened by the wall-clock time since it was saved (a clock set back
    // shortens nothing). Failures and the next lock's length carry over as they were.
    static PinLockout restore(const Saved& saved, Millis now, std::int64_t unixMsNow);
    int failures() const { return failures_; }

private:
    int failures_ = 0;
    Millis nextLock_ = kFirstLock;
    Millis lockedUntil_{0};
};

// The admin screen's door: checks PINs against the configured hash, refusing to even check while locked.
class PinGate {
public:
    enum class Outcome { Accepted, Rejected, LockedOut };

    // Checks PINs against a hashPin() string (admin_pin_hash from the config).
    explicit PinGate(std::string pinHash);
    // Checks PINs with `check`: lets tests skip Argon2's deliberate slowness.
    explicit PinGate(std::function<bool(std::string_view)> check) : check_(std::move(check)) {}

    Outcome attempt(std::string_view pin, Millis now);
    const PinLockout& lockout() const { return lockout_; }
    void restoreLockout(const PinLockout& lockout) { lockout_ = lockout; }

private:
    std::function<bool(std::string_view)> check_;
    PinLockout lockout_;
};

}  // namespace kiosk::pledge
