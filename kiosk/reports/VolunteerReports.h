// What the services report to the volunteer menu, as data: why pledges cannot be collected, what an export,
// a sync or an update check did, and the last sync. The services fill these with numbers, names, times and
// the system's own words for a failure; reports/VolunteerWords.cpp writes the sentences, for the menu, the
// log and kioskctl alike.
#pragma once

#include "reports/PackRefusal.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::reports {

// Why this kiosk cannot take pledges (None: it can).
enum class CollectionBlock {
    None,
    NoDataDir,          // no data_dir in the config
    StoreUnavailable,   // the pledge store in data_dir cannot be opened: `detail` says why
    NoKioskId,          // no kiosk_id in the config
    NoCoordinatorKey,   // no coordinator_public_key in the config
    BadCoordinatorKey,  // coordinator_public_key cannot be read: `detail` says why
};

struct Collection {
    CollectionBlock block = CollectionBlock::None;
    std::string detail;    // the key reader's or the store's own words
    std::string folder{};  // StoreUnavailable: the data_dir that cannot hold the store
    bool ready() const { return block == CollectionBlock::None; }
};

// Where pledges went: onto a USB stick, or to the coordinator's server.
enum class SyncWork { Export, Push };

// What "Export to USB" or "Sync now" did.
struct SyncOutcome {
    enum class Result {
        Done,           // `pledges` went (and `resent` again)
        NothingNew,     // nothing to export, or nothing to send
        NoStore,        // no pledge store (`store`: why), so nothing to export or send
        StoreClosed,    // the store is there, but a connection for this work cannot be opened (a problem
                        // on the menu says why)
        NoSigningKey,   // the kiosk has no signing key (`detail`: why)
        NoStick,        // export: no USB stick is plugged in
        StickReadOnly,  // export: every stick found is read-only
        NoServer,       // push: no [sync] url in the settings
        BadServer,      // push: the [sync] url cannot be used (`detail`: why)
        Failed,         // `detail`: why; a push may have sent `pledges` first
    };
    SyncWork work = SyncWork::Export;
    Result result = Result::Failed;
    std::uint64_t pledges = 0;
    std::uint64_t resent = 0;       // export: pledges of earlier, unconfirmed bundles written again
    std::string folder;             // export: where on the stick
    bool unnoted = false;           // export: the card was too full to note it; the pledges go again
    std::uint64_t bundlesLeft = 0;  // push: bundles left for the next sync (the button keeps to seconds)
    Collection store;               // NoStore: why there is no store
    std::string detail;             // the system's words for a failure
    std::string logProblem;         // why the sync log could not be written; empty when it was
};

// The last sync that worked, and a failure since then.
struct LastSync {
    std::string when;                                                     // local time; empty: none yet
    enum class What { Exported, Sent, Delivered } what = What::Exported;  // Delivered: by the push timer
    std::uint64_t pledges = 0;
    bool pledgesKnown = false;  // a log written before counts were kept says only when
};
struct SyncFailure {
    std::string when;  // local time; empty: none since the last success
    SyncWork work = SyncWork::Export;
    std::string detail;
};

// Something the kiosk met that the volunteer should know about: the menu lists the latest, the log has each.
struct KioskProblem {
    enum class Kind {
        Diagnostic,           // a settings or pack line that is wrong: `detail` is its FILE:LINE:COLUMN line
        PackDidNotLoad,       // the pack in `folder` did not load (its diagnostics follow)
        ShowingLastGoodPack,  // instead, the copy of the last pack that loaded: `packId` `version`
        PackNotKept,          // no copy of the pack that loaded could be kept in `folder`: `copy` says why
        NoSigningKey,         // no kiosk signing key, so no export or sync: `detail`
        StoreUnavailable,     // the pledge store in `folder` cannot be opened: `detail`
        CountsUnavailable,    // the store's connection for sync and figures cannot be opened: `detail`
        CannotCount,          // counting the pledges failed: `detail`
        PledgeNotSaved,       // `detail`
        StorageFull,          // a pledge was not saved for want of room: `detail`
        StoreSays,            // what the store reports of itself (a repair, a lock-out not saved): `detail`
    };
    // PackNotKept: the pack is over the size limits, or the system's `detail`.
    enum class CopyFailure { System, TooManyFiles, TooBig };
    Kind kind = Kind::Diagnostic;
    std::string detail;  // the diagnostic, or the system's or the store's own words
    // Default initialisers: {kind, detail} is complete for the kinds that need no more.
    std::string folder{};
    std::string packId{};
    std::string version{};
    CopyFailure copy{CopyFailure::System};
};

// What setting the clock by hand did.
struct ClockSetting {
    enum class Result {
        Set,
        NotHere,  // this kiosk has no clock to set (no services)
        Refused,  // the system refused: `detail` (most likely the service lacks CAP_SYS_TIME)
    };
    Result result = Result::Set;
    std::string detail{};  // the system's words
};

// Who signed the pack on screen.
struct PackSigner {
    enum class Kind { Unsigned, Named, UnknownKey } kind = Kind::Unsigned;  // Unsigned: the configured folder
    std::string name;                                                       // Named: content_keys' name
};

// Why the kiosk went back to the previous pack by itself (None: it has not, or that pack has shown since).
struct PackFallback {
    enum class Why {
        None,
        SlotMissing,  // the installed update's folder was gone at start
        NotShown,     // the update started once and never showed its first screen
        DidNotLoad,   // the update did not load
    };
    Why why = Why::None;
    std::string from{};  // the installed update it left (its slot's name)
};

// What one source of content packs (a stick, the server) held.
struct UpdateFinding {
    enum class Result { Installed, NothingNew, Skipped, Failed };
    Result result = Result::NothingNew;
    std::string where;                  // the stick's packs folder or the server's packs URL
    std::string packId;                 // Installed
    std::string version;                // Installed
    std::vector<PackRefusal> refusals;  // each pack refused
    // What kept the source from offering packs (None: it offered them).
    enum class Problem {
        None,
        NothingPublished,  // `where` has no index (`file`) and cannot be listed
        NoFolder,          // there is no `where`
        NoRoute,           // `where` cannot be reached: `reason`
        Unreadable,        // `file` in `where` could not be fetched: `reason`
        CannotOpen,        // the source at `where` cannot be opened: `reason`
    };
    Problem problem = Problem::None;
    std::string file;
    std::string reason;  // the transport's own words
};

// What looking for a newer content pack found.
struct UpdateOutcome {
    enum class Result {
        Off,             // updates are off: `offReason`
        NothingToCheck,  // no [sync] url and no stick with the packs folder
        Checked,         // `findings`, one a source
    };
    enum class OffReason { NotSetUp, NoDataDir, NoContentKeys };  // NotSetUp: this kiosk has no updates
    Result result = Result::Checked;
    OffReason offReason = OffReason::NotSetUp;
    std::vector<UpdateFinding> findings;
    bool installed() const {
        for (const auto& finding : findings)
            if (finding.result == UpdateFinding::Result::Installed) return true;
        return false;
    }
};

}  // namespace kiosk::reports
