// The kiosk's own sync, as its admin screen's buttons run it: export to a USB stick and push now, each
// purging delivered pledges and noting its outcome in the sync log, each reporting what it did as data (the
// volunteer menu words it).
#pragma once

#include "pledge/PledgeStore.h"
#include "sync/Push.h"
#include "sync/SigningKey.h"
#include "sync/Transport.h"

#include <chrono>
#include <filesystem>
#include <string>

namespace kiosk::sync {

// The folder on a USB stick that bundles go into; a stick with this folder exports by itself when plugged
// in (systemd/99-outreach-kiosk-usb.rules).
inline constexpr const char* kStickFolderName = "outreach-kiosk-sync";

struct KioskSyncSettings {
    std::filesystem::path dataDir;
    int keepDaysAfterDelivery = 30;
};

struct SyncAttempt {
    enum class Outcome {
        Done,        // `pledges` went (and `resent` again)
        NothingNew,  // nothing to export, or nothing to send
        NoServer,    // push: no [sync] url (a folder is no server: it cannot confirm a delivery)
        BadServer,   // push: the url cannot be used; `failure` says why
        Failed,      // `failure` says why; nothing is lost
    };
    bool ok = false;
    Outcome outcome = Outcome::Failed;
    std::uint64_t pledges = 0;      // exported (export) or delivered (push), also before a failure
    std::uint64_t resent = 0;       // export: pledges of earlier, undelivered bundles written again
    bool unnoted = false;           // export: the card was too full to note it; the pledges go again
    std::uint64_t bundlesLeft = 0;  // push: bundles left for the next sync (the budget ran out)
    std::string failure;            // the system's or the server's words
    std::string logProblem;         // why the sync log could not be written; empty when it was
};

// Deletes pledges delivered more than keepDaysAfterDelivery ago, writes new pledges into bundles in the
// outbox and copies those onto `folder` (made if missing). A bundle that cannot be copied is taken back:
// its pledges count as unexported again, so the next export carries them and nothing is lost.
SyncAttempt exportToFolder(pledge::PledgeStore& store, const SigningKey& key,
                           const KioskSyncSettings& settings, const std::filesystem::path& folder,
                           const std::string& nowUtc);

// Deletes old delivered pledges, exports new pledges into the outbox, and PUTs every bundle there (oldest
// first) to options.transport.location, marking each delivered pledge delivered; then deletes old delivered
// pledges again. Stops at the first bundle that fails, and starts no bundle once `budget` has passed, so a
// kiosk without network answers within about one timeout. options.transport.attempts is used as given (1 for
// a button).
SyncAttempt pushPending(pledge::PledgeStore& store, const SigningKey& key, const KioskSyncSettings& settings,
                        const PushOptions& options, std::chrono::milliseconds budget,
                        const std::string& nowUtc);
// The same through any transport that reaches the coordinator's server (a delivery there is confirmed).
SyncAttempt pushPending(pledge::PledgeStore& store, const SigningKey& key, const KioskSyncSettings& settings,
                        Transport& server, std::chrono::milliseconds budget, const std::string& nowUtc);

}  // namespace kiosk::sync
