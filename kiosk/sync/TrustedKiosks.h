// The coordinator's list of kiosk signing keys it accepts bundles from (--trusted-kiosks FILE).
#pragma once

#include "sync/SyncResult.h"

#include <filesystem>
#include <set>
#include <string>

namespace kiosk::sync {

// One base64 Ed25519 public key a line, as `kioskctl status` prints it; blank lines and lines starting with
// '#' are skipped, and anything after the key on a line (a label) is ignored. A line that is not a key is
// an error naming the line.
Result<std::set<std::string>> loadTrustedKiosks(const std::filesystem::path& path);

}  // namespace kiosk::sync
