// The kiosk's last successful sync and last sync failure, kept in data_dir so the admin screen still shows
// them after a restart.
#pragma once

#include "sync/SyncResult.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::sync {

// The file name inside data_dir: a few `key=value` lines.
inline constexpr const char* kSyncLogFileName = "sync-status";

// How pledges left: onto a USB stick, or to the coordinator's server.
enum class SyncKind { Export, Push };

// Data, not sentences: the volunteer menu words it.
struct SyncLog {
    std::string lastSuccessUtc;  // "2024-06-01T10:00:00Z"; empty when none was recorded
    SyncKind lastSuccessKind = SyncKind::Export;
    std::optional<std::uint64_t> lastSuccessPledges;  // none in a log written before counts were kept
    std::string lastErrorUtc;
    SyncKind lastErrorKind = SyncKind::Export;
    std::string lastError;  // why, as the system said it; cleared by the next success: an old failure since
                            // put right is no news
};

// A missing or unreadable file reads as an empty log: this is a display aid, never a reason to stop.
SyncLog readSyncLog(const std::filesystem::path& dataDir);

Result<void> recordSyncSuccess(const std::filesystem::path& dataDir, SyncKind kind, std::uint64_t pledges,
                               const std::string& nowUtc);
Result<void> recordSyncFailure(const std::filesystem::path& dataDir, SyncKind kind, const std::string& why,
                               const std::string& nowUtc);

// When the newest bundle in data_dir/sent was delivered ("...Z"), empty when none is there. Pushes by
// `kioskctl push` (the timer) leave their mark here even though they do not write the log.
std::string lastDeliveryUtc(const std::filesystem::path& dataDir);

}  // namespace kiosk::sync
