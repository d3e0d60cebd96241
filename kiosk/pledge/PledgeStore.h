// Durable pledge storage in SQLite (WAL, synchronous=FULL, one transaction a pledge) with sync bookkeeping.
#pragma once

#include "core/EngagementCount.h"
#include "pledge/AdminPin.h"
#include "pledge/PledgeRecord.h"
#include "pledge/Result.h"
#include "pledge/SignerKey.h"
#include "pledge/Sqlite.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::pledge {

struct PledgeCounts {
    std::int64_t total = 0;
    std::int64_t today = 0;       // created on the given local date
    std::int64_t unsynced = 0;    // not yet confirmed delivered to the coordinator
    std::int64_t unexported = 0;  // not yet in any bundle
    std::map<std::string, std::int64_t> perAction;
    std::array<std::int64_t, 24> perHourToday{};  // by local hour on the given date
};

class PledgeStore {
public:
    static constexpr const char* kDatabaseFile = "pledges.db";
    static constexpr const char* kSignerKeyFile = "signer-key";

    // Opens (creating if needed) dataDir/pledges.db and dataDir/signer-key. A database that fails
    // PRAGMA integrity_check is moved aside to pledges.db.corrupt-<UTC time> and a fresh one started;
    // openNotice() then says so for the admin screen.
    static Result<PledgeStore> open(const std::filesystem::path& dataDir);
    // For looking only (kioskctl status beside a running kiosk): no integrity repair, no migration, no signer
    // key created; every write returns an error.
    static Result<PledgeStore> openReadOnly(const std::filesystem::path& dataDir);

    // What happened at open that an admin should know about; empty when all was well.
    const std::string& openNotice() const { return openNotice_; }
    const std::filesystem::path& dataDir() const { return dataDir_; }

    // Stores `record` with the next sequence number (filled in on the returned copy) and, given a signer's
    // e-mail, its keyed hash, all in one transaction: on any error nothing is written and no sequence used.
    // ErrorKind::AlreadySigned if the e-mail already signed this action; StorageFull; WriteFailed.
    // Given `seal`, the sealed box is made inside the transaction once the sequence is known, so the box can
    // name the sequence it belongs to; its error aborts the insert.
    using SealWithSequence = std::function<Result<std::vector<unsigned char>>(std::int64_t sequence)>;
    Result<PledgeRecord> insert(PledgeRecord record, const std::optional<std::string>& signerEmail,
                                const SealWithSequence& seal = {});

    // Whether this e-mail (any case, surrounding spaces ignored) already signed `actionId` on this kiosk.
    bool alreadySigned(const std::string& actionId, const std::string& email) const;

    // Pledges not yet exported, oldest first, at most `limit`; the visitor returns false to stop early.
    Result<void> forEachUnexported(std::size_t limit,
                                   const std::function<bool(const PledgeRecord&)>& visit) const;
    Result<std::vector<PledgeRecord>> unexported(std::size_t limit) const;
    // Records that these pledges went into bundle `bundleId`; returns how many rows changed.
    Result<std::int64_t> markExported(const std::vector<std::string>& uuids, const std::string& bundleId,
                                      const std::string& exportedAtUtc);
    // Puts a lost bundle's undelivered pledges back among the unexported.
    Result<std::int64_t> forgetExport(const std::string& bundleId);
    // The coordinator confirmed the bundle arrived: stamped with `deliveredAtUtc` and with this boot's id and
    // monotonic time, which no clock setting can move.
    Result<std::int64_t> markDelivered(const std::string& bundleId, const std::string& deliveredAtUtc);
    // Deletes pledges delivered at least `olderThanDays` days ago; returns how many. The age is the larger of
    // the wall-clock age at `nowUtc` and, for a delivery in this boot, the monotonic age, so a clock that was
    // ahead at delivery (a stamp in the future) never stretches retention; a stamp in the future is pulled
    // back to `nowUtc`, and a delivery of this boot is re-dated from its monotonic age for later boots.
    Result<std::int64_t> purgeDelivered(int olderThanDays, const std::string& nowUtc);

    // The admin PIN's lock-out, kept durably so a restart does not give fresh guesses.
    Result<void> savePinLockout(const PinLockout::Saved& saved);
    std::optional<PinLockout::Saved> loadPinLockout() const;

    // This boot and milliseconds on its monotonic clock.
    struct MonotonicStamp {
        std::string bootId;
        std::int64_t millis = 0;
    };
    // Test hook: where markDelivered and purgeDelivered read the boot id and monotonic time.
    void setMonotonicSourceForTest(std::function<MonotonicStamp()> source) { monotonic_ = std::move(source); }

    // `localDate` is "YYYY-MM-DD" in the kiosk's time zone (the process's TZ).
    Result<PledgeCounts> counts(const std::string& localDate) const;

    std::int64_t lastSequence() const;

    // Adds engagement counts to this kiosk's running totals, all in one transaction. A count that fails
    // isKeepableCount (core/EngagementCount.h) is not stored; returns how many were refused so.
    Result<std::int64_t> addCounts(const std::string& kioskId, const std::vector<EngagementCount>& counts);
    // Gives every count still counting a fresh random batch id. Sealed rows never change again, so every
    // bundle that carries them (a repeated export, a lost stick) carries the same rows under the same id, and
    // the coordinator counts them once.
    Result<void> sealCounts();
    // Sealed counts of `kioskId` not yet in a bundle, ordered by batch, day, hour, metric and subject.
    Result<std::vector<StoredCount>> unexportedCounts(const std::string& kioskId) const;
    Result<std::vector<std::string>> kiosksWithUnexportedCounts() const;
    // Records that these batches of `kioskId` went into bundle `bundleId`; markDelivered, forgetExport and
    // purgeDelivered treat them as they treat pledges.
    Result<std::int64_t> markCountsExported(const std::string& kioskId,
                                            const std::vector<std::string>& batches,
                                            const std::string& bundleId, const std::string& exportedAtUtc);

    // For tests and for capping the database's size: PRAGMA max_page_count. A low value makes inserts fail
    // exactly as a full disk does.
    void setMaxPageCount(std::int64_t pages);
    // Test hook: PRAGMA query_only, so every write fails as on a read-only medium.
    void setQueryOnlyForTest(bool on);

private:
    PledgeStore(std::filesystem::path dataDir, sqlite::Database db, std::optional<SignerKey> signerKey,
                std::string notice);

    std::filesystem::path dataDir_;
    sqlite::Database db_;
    std::optional<SignerKey> signerKey_;  // absent only when opened read-only before any pledge
    std::string openNotice_;
    std::function<MonotonicStamp()> monotonic_;
};

}  // namespace kiosk::pledge
