// The coordinator's list of kiosk signing keys and the kiosk ids each may sign for (--trusted-kiosks FILE).
#pragma once

#include "sync/SyncResult.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace kiosk::sync {

// Each key (base64 Ed25519, as `kioskctl status` prints it) and the kiosk ids it may sign bundles for.
using TrustedKiosks = std::map<std::string, std::set<std::string>>;

// One line a key: `KEY KIOSK-ID [KIOSK-ID...]  # optional comment`. Blank lines and lines starting with '#'
// are skipped. A line that is not a key, or a key with no kiosk id after it (the older format of a bare key
// and a free label), is an error naming the line and saying what to write.
Result<TrustedKiosks> loadTrustedKiosks(const std::filesystem::path& path);

}  // namespace kiosk::sync
