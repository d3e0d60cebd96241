// libsodium's start, made once for the whole process: every module that seals, signs or hashes asks here
// first, so no caller can forget it and no two callers word its failure differently.
#pragma once

#include "core/Result.h"

namespace kiosk::crypto {

// Starts libsodium on the first call (thread-safe) and gives every later call the same answer. It fails only
// when the system offers no randomness; then nothing sealed, signed or hashed here could be trusted.
Result<void> startSodium();

}  // namespace kiosk::crypto
