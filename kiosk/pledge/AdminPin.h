// The admin PIN: Argon2id hashes for the config, and a lock-out that slows guessing on the touch screen.
#pragma once

#include "core/Time.h"
#include "pledge/Result.h"

#include <functional>
#include <string>
#include <string_view>

namespace kiosk::pledge {

// 4 to 12 digits: typed on the kiosk's number pad.
Result<void> checkPinShape(std::string_view pin);
// crypto_pwhash_str (Argon2id, interactive limits: 64 MiB, fits the Pi Zero 2 W's 512 MB) for admin_pin_hash.
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

private:
    std::function<bool(std::string_view)> check_;
    PinLockout lockout_;
};

}  // namespace kiosk::pledge
