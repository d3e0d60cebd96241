// The one call to sodium_init in the code base.
#include "crypto/Sodium.h"

#include <sodium.h>

namespace kiosk::crypto {

Result<void> startSodium() {
    // A function-local static is initialised once, even with threads racing; sodium_init is itself
    // idempotent.
    static const bool started = sodium_init() >= 0;
    if (!started)
        return Failure{"libsodium could not start: the system gives no randomness (is /dev/urandom there?); "
                       "nothing can be sealed or signed until it does"};
    return {};
}

}  // namespace kiosk::crypto
