// The kiosk's side of sync: unexported pledges into signed bundles in the outbox, copies to a stick, purging.
#pragma once

#include "pledge/PledgeStore.h"
#include "sync/SigningKey.h"
#include "sync/SyncResult.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::sync {

// Where bundles wait in data_dir until the coordinator confirms them, and where delivered ones rest.
std::filesystem::path outboxFolder(const std::filesystem::path& dataDir);
// Bundles in the outbox, oldest name first: exported but not yet confirmed delivered (a failed push leaves
// them there). Every export to a stick carries them too, so an offline booth never strands a pledge.
std::vector<std::filesystem::path> undeliveredBundles(const std::filesystem::path& dataDir);
std::filesystem::path sentFolder(const std::filesystem::path& dataDir);

struct ExportedBundle {
    std::filesystem::path path;
    std::uint64_t count = 0;
    bool straightToStick = false;  // written into whenCardFull because the outbox's card was full
    bool marked = true;            // false: the card was too full to note the export; its pledges go again
};

// Room kept free on the card (a preallocated hidden file in the outbox) so that an export on a full card can
// still note its chain and mark its pledges: released when the card is full, taken again when there is room.
inline constexpr std::uintmax_t kExportReserveBytes = 4 * 1024 * 1024;
void keepExportReserve(const std::filesystem::path& outbox);
void releaseExportReserve(const std::filesystem::path& outbox);

// Writes every pledge not yet exported into a new bundle in `outbox` and marks them exported under the
// bundle's file name. Normally one bundle; pledges recorded under an earlier kiosk id get a bundle of their
// own. Nothing to export gives an empty list. Streams: the store is read twice (count, then write), never
// held. When the outbox's disk is full and `whenCardFull` is given (the stick), the bundle is written there
// instead (atomically too), and the chain and the store's marks are kept as for an outbox bundle.
Result<std::vector<ExportedBundle>> exportPending(pledge::PledgeStore& store, const SigningKey& key,
                                                  const std::filesystem::path& outbox,
                                                  const std::string& nowUtc,
                                                  const std::filesystem::path& whenCardFull = {});

// Removes the hidden temporary files a killed export left in `folder` (".<name>.okb.XXXXXX").
void removeLeftoverTemporaries(const std::filesystem::path& folder);

// Copies `file` into `folder` under the same name: temporary file, fsync, rename, fsync of the folder. A
// killed earlier copy's temporary file there is removed first.
Result<std::filesystem::path> copyIntoFolder(const std::filesystem::path& file,
                                             const std::filesystem::path& folder);

// Deletes pledges delivered more than keepDays ago, and delivered bundles in sentFolder older than that.
// Returns how many pledges were deleted.
Result<std::int64_t> purgeDelivered(pledge::PledgeStore& store, const std::filesystem::path& dataDir,
                                    int keepDays, const std::string& nowUtc);

}  // namespace kiosk::sync
