// Streams a .okb bundle: checks its header, hands over records one by one, then verifies the signature.
#pragma once

#include "pledge/PledgeRecord.h"
#include "sync/BundleFormat.h"
#include "sync/SyncResult.h"

#include <filesystem>
#include <functional>

namespace kiosk::sync {

struct BundleReadCallbacks {
    // Called once the header is read and checked; an error stops reading with that reason (an untrusted
    // kiosk, for instance).
    std::function<Result<void>(const BundleHeader&)> onHeader;
    // Called for each record in file order. The signature is only known to be good when readBundle returns
    // success, so a caller keeps what it does with records undoable (a database transaction) until then.
    std::function<void(pledge::PledgeRecord&&)> onRecord;
    // Called for each engagement count row (format 3), after the records; its kiosk id is the header's.
    std::function<void(StoredCount&&)> onCount;
};

// Reads the whole bundle at `path`. Fails with a reason a person can act on when the file is empty, not a
// bundle, of an unknown format version, truncated, malformed, or altered (signature mismatch).
Result<BundleHeader> readBundle(const std::filesystem::path& path, const BundleReadCallbacks& callbacks);

// Reads and checks only the header (for listing bundles); the signature is not verified.
Result<BundleHeader> readBundleHeader(const std::filesystem::path& path);

}  // namespace kiosk::sync
