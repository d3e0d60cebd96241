// Admin PIN hashing with libsodium's crypto_pwhash_str and the lock-out state machine.
#include "pledge/AdminPin.h"

#include "crypto/Sodium.h"
#include "pledge/Keys.h"

#include <algorithm>
#include <sodium.h>
#include <string>

namespace kiosk::pledge {

Result<void> checkPinShape(std::string_view pin) {
    const bool digits = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || pin.size() < 4 || pin.size() > 12) {
        return Error{ErrorKind::Invalid,
                     "the admin PIN must be 4 to 12 digits (it is typed on a number pad)"};
    }
    return {};
}

Result<std::string> hashPin(std::string_view pin) {
    if (auto shape = checkPinShape(pin); !shape) return shape.error();
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::Io, sodium.error().message};
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, pin.data(), pin.size(), kPinHashPasses, kPinHashMemoryBytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Error{ErrorKind::Io, "not enough memory to hash the PIN (Argon2id needs " +
                                        std::to_string(kPinHashMemoryBytes >> 20) + " MiB)"};
    }
    return std::string(hash);
}

bool verifyPin(const std::string& hash, std::string_view pin) {
    if (!crypto::startSodium() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

void PinLockout::recordFailure(Millis now) {
    ++failures_;
    if (failures_ < kFreeAttempts) return;
    lockedUntil_ = now + nextLock_;
    nextLock_ = std::min(nextLock_ * 2, kLongestLock);
}

void PinLockout::recordSuccess() {
    *this = PinLockout{};
}

PinLockout::Saved PinLockout::save(Millis now, std::int64_t unixMsNow) const {
    return {failures_, nextLock_.count(), remaining(now).count(), unixMsNow};
}

PinLockout PinLockout::restore(const Saved& saved, Millis now, std::int64_t unixMsNow) {
    PinLockout lockout;
    lockout.failures_ = static_cast<int>(std::clamp<std::int64_t>(saved.failures, 0, 1'000'000));
    lockout.nextLock_ = Millis(std::clamp(saved.nextLockMs, kFirstLock.count(), kLongestLock.count()));
    std::int64_t remaining = std::clamp<std::int64_t>(saved.remainingMs, 0, kLongestLock.count());
    // A Pi has no battery clock: after a power cut its clock resumes from the last time saved, so it runs
    // behind and the lock is kept longer, never shorter. A clock set back keeps the whole lock.
    const std::int64_t since = unixMsNow - saved.savedAtUnixMs;
    if (since >= remaining)
        remaining = 0;
    else if (since > 0)
        remaining -= since;
    lockout.lockedUntil_ = now + Millis(remaining);
    return lockout;
}

PinGate::PinGate(std::string pinHash)
    : check_([hash = std::move(pinHash)](std::string_view pin) { return verifyPin(hash, pin); }) {}

PinGate::Outcome PinGate::attempt(std::string_view pin, Millis now) {
    if (lockout_.locked(now)) return Outcome::LockedOut;
    if (check_(pin)) {
        lockout_.recordSuccess();
        return Outcome::Accepted;
    }
    lockout_.recordFailure(now);
    return Outcome::Rejected;
}

}  // namespace kiosk::pledge
