// The admin PIN: hashes that verify, and a lock-out that grows with each wrong guess.
#include "pledge/AdminPin.h"

#include <catch2/catch.hpp>
#include <sodium.h>

using namespace kiosk;
using namespace kiosk::pledge;

TEST_CASE("a hashed PIN verifies, a wrong one does not", "[pledge][pin]") {
    const auto hash = hashPin("4821");
    REQUIRE(hash.ok());
    CHECK_THAT(hash.value(), Catch::StartsWith("$argon2id$"));
    CHECK(verifyPin(hash.value(), "4821"));
    CHECK_FALSE(verifyPin(hash.value(), "4822"));
    CHECK_FALSE(verifyPin("not a hash", "4821"));
    CHECK(hashPin("4821").value() != hash.value());  // salted
    PinGate gate(hash.value());
    CHECK(gate.attempt("4820", Millis{0}) == PinGate::Outcome::Rejected);
    CHECK(gate.attempt("4821", Millis{0}) == PinGate::Outcome::Accepted);
}

TEST_CASE("PINs must be 4 to 12 digits", "[pledge][pin]") {
    CHECK_FALSE(hashPin("123").ok());
    CHECK_FALSE(hashPin("12a4").ok());
    CHECK_FALSE(hashPin("1234567890123").ok());
    CHECK(checkPinShape("123456789012").ok());
}

TEST_CASE("five wrong PINs lock for 30 s, each further one locks twice as long, up to an hour",
          "[pledge][pin]") {
    PinLockout lockout;
    Millis now{1000};
    for (int i = 0; i < 4; ++i) {
        lockout.recordFailure(now);
        CHECK_FALSE(lockout.locked(now));
    }
    lockout.recordFailure(now);
    CHECK(lockout.locked(now));
    CHECK(lockout.remaining(now) == Millis{30'000});
    CHECK(lockout.locked(now + Millis{29'999}));
    CHECK_FALSE(lockout.locked(now + Millis{30'000}));

    Millis expected{60'000};
    for (int lock = 0; lock < 10; ++lock) {
        now += lockout.remaining(now);
        lockout.recordFailure(now);
        CHECK(lockout.remaining(now) == expected);
        expected = std::min(expected * 2, Millis{3'600'000});
    }
    CHECK(lockout.remaining(now) == Millis{3'600'000});
}

TEST_CASE("the gate refuses to check while locked and a right PIN clears the count", "[pledge][pin]") {
    PinGate gate([](std::string_view pin) { return pin == "2468"; });
    Millis now{0};
    for (int i = 0; i < 4; ++i)
        CHECK(gate.attempt("0000", now) == PinGate::Outcome::Rejected);
    CHECK(gate.attempt("2468", now) == PinGate::Outcome::Accepted);
    for (int i = 0; i < 5; ++i)
        CHECK(gate.attempt("0000", now) == PinGate::Outcome::Rejected);
    CHECK(gate.attempt("2468", now + Millis{10'000}) == PinGate::Outcome::LockedOut);
    CHECK(gate.attempt("2468", now + Millis{30'000}) == PinGate::Outcome::Accepted);
    CHECK_FALSE(gate.lockout().locked(now + Millis{30'000}));
    for (int i = 0; i < 4; ++i)
        CHECK(gate.attempt("0000", now + Millis{31'000}) == PinGate::Outcome::Rejected);
    CHECK_FALSE(gate.lockout().locked(now + Millis{31'000}));
}

TEST_CASE("new PIN hashes use the documented Argon2id cost, older hashes still verify", "[pledge][pin]") {
    const auto hash = hashPin("48213307");
    REQUIRE(hash.ok());
    // One of OWASP's equal settings: 12 MiB (12288 KiB), 3 passes.
    CHECK_THAT(hash.value(), Catch::StartsWith("$argon2id$v=19$m=12288,t=3,p=1$"));
    CHECK(verifyPin(hash.value(), "48213307"));
    // Made by a kiosk of issue 12's first round (19 MiB, 2 passes).
    char earlier[128];
    REQUIRE(crypto_pwhash_str_alg(earlier, "13579", 5, 2, 19 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13) ==
            0);
    CHECK(verifyPin(earlier, "13579"));
    CHECK_FALSE(verifyPin(earlier, "13578"));
    // Made by an older kiosk (64 MiB, 2 passes): the parameters travel in the string.
    char older[128];
    REQUIRE(crypto_pwhash_str_alg(older, "2468", 4, 2, 64 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13) == 0);
    CHECK_THAT(older, Catch::StartsWith("$argon2id$v=19$m=65536,t=2,p=1$"));
    CHECK(verifyPin(older, "2468"));
    CHECK_FALSE(verifyPin(older, "2469"));
}

TEST_CASE("a saved lock-out restores its failures, its next lock and the lock still due", "[pledge][pin]") {
    PinLockout lockout;
    const Millis now{500};
    for (int i = 0; i < 5; ++i)
        lockout.recordFailure(now);
    const std::int64_t wall = 1'700'000'000'000;
    const auto saved = lockout.save(now + Millis{10'000}, wall);
    CHECK(saved.failures == 5);
    CHECK(saved.remainingMs == 20'000);

    SECTION("a restart soon after keeps the rest of the lock") {
        const auto restored = PinLockout::restore(saved, Millis{0}, wall + 5'000);
        CHECK(restored.remaining(Millis{0}) == Millis{15'000});
        CHECK(restored.failures() == 5);
    }
    SECTION("a clock set back keeps the whole lock") {
        const auto restored = PinLockout::restore(saved, Millis{0}, wall - 60'000);
        CHECK(restored.remaining(Millis{0}) == Millis{20'000});
    }
    SECTION("once the lock has passed, the next wrong PIN locks for twice as long: no fresh guesses") {
        auto restored = PinLockout::restore(saved, Millis{0}, wall + 3'600'000);
        CHECK_FALSE(restored.locked(Millis{0}));
        restored.recordFailure(Millis{0});
        CHECK(restored.remaining(Millis{0}) == Millis{60'000});
    }
}
