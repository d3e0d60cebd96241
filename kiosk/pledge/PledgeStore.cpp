// PledgeStore: schema and migrations, the integrity check at open, the pledge transaction and the sync
// queries.
#include "pledge/PledgeStore.h"

#include "core/TimeFormat.h"
#include "pledge/CaptureFacts.h"

#include <chrono>
#include <ctime>
#include <sodium.h>
#include <sys/stat.h>
#include <utility>

namespace kiosk::pledge {
namespace {

using sqlite::Statement;
using sqlite::Status;

// Each entry moves the schema up one version (PRAGMA user_version); never edit one that has shipped.
const std::vector<const char*> kMigrations = {
    // 1: pledges with their sync state, the sequence counter, signer hashes.
    R"sql(
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES ('sequence', 0);
    CREATE TABLE pledges (
        uuid TEXT PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        sequence INTEGER NOT NULL UNIQUE,
        action_id TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL,
        clock_synced INTEGER NOT NULL,
        boot_id TEXT NOT NULL,
        monotonic_ms INTEGER NOT NULL,
        sealed BLOB NOT NULL,
        exported_at TEXT,
        bundle_id TEXT,
        delivered_at TEXT
    );
    CREATE INDEX pledges_unexported ON pledges (sequence) WHERE exported_at IS NULL;
    CREATE INDEX pledges_bundle ON pledges (bundle_id);
    CREATE TABLE signers (
        action_id TEXT NOT NULL,
        signer_hash BLOB NOT NULL,
        PRIMARY KEY (action_id, signer_hash)
    ) WITHOUT ROWID;
    )sql",
    // 2: when a delivery was confirmed by the kiosk's own clock (boot and monotonic time), so retention does
    // not depend on a wall clock that may be wrong.
    R"sql(
    ALTER TABLE pledges ADD COLUMN delivered_boot_id TEXT;
    ALTER TABLE pledges ADD COLUMN delivered_monotonic_ms INTEGER;
    )sql",
    // 3: engagement counts (core/EngagementCount.h): running totals in batch '' until an export seals them
    // under a random batch id, which they keep in every bundle that carries them, so the coordinator counts
    // each once. Only ids, an hour bucket and integers: no column can hold anything typed.
    R"sql(
    CREATE TABLE counts (
        batch TEXT NOT NULL,
        kiosk_id TEXT NOT NULL,
        day TEXT NOT NULL,
        hour INTEGER NOT NULL,
        metric TEXT NOT NULL,
        subject TEXT NOT NULL,
        value INTEGER NOT NULL,
        exported_at TEXT,
        bundle_id TEXT,
        delivered_at TEXT,
        PRIMARY KEY (batch, kiosk_id, day, hour, metric, subject)
    ) WITHOUT ROWID;
    CREATE INDEX counts_bundle ON counts (bundle_id);
    )sql",
};

constexpr const char* kRecordColumns =
    "uuid, kiosk_id, sequence, action_id, pack_id, pack_version, language, "
    "created_at, clock_synced, boot_id, monotonic_ms, sealed";

Error writeError(const Status& status, const std::string& what) {
    if (status.code == SQLITE_FULL) {
        return Error{ErrorKind::StorageFull, "storage full: could not " + what +
                                                 "; export and purge delivered pledges or free space on the "
                                                 "kiosk's card"};
    }
    return Error{ErrorKind::WriteFailed, "write failed: could not " + what + " (" + status.message + ")"};
}

Error readError(const Status& status, const std::string& what) {
    return Error{ErrorKind::WriteFailed, "could not " + what + " (" + status.message + ")"};
}

PledgeRecord readRecord(sqlite3_stmt* row) {
    PledgeRecord record;
    record.uuid = sqlite::text(row, 0);
    record.kioskId = sqlite::text(row, 1);
    record.sequence = sqlite::integer(row, 2);
    record.actionId = sqlite::text(row, 3);
    record.packId = sqlite::text(row, 4);
    record.packVersion = sqlite::text(row, 5);
    record.language = sqlite::text(row, 6);
    record.createdAtUtc = sqlite::text(row, 7);
    record.clockSynced = sqlite::integer(row, 8) != 0;
    record.bootId = sqlite::text(row, 9);
    record.monotonicMs = sqlite::integer(row, 10);
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(row, 11));
    record.sealed.assign(blob, blob + sqlite3_column_bytes(row, 11));
    return record;
}

// One integer from a single-row query; nothing if the query fails.
std::optional<std::int64_t> queryInteger(sqlite3* db, const char* sql) {
    Statement statement;
    if (!sqlite::prepare(db, sql, statement).ok()) return std::nullopt;
    if (sqlite::step(db, statement.get()).code != SQLITE_ROW) return std::nullopt;
    return sqlite::integer(statement.get(), 0);
}

// Runs `work` inside BEGIN IMMEDIATE ... COMMIT, rolling back if work or the commit fails.
template <class Work> Status inTransaction(sqlite3* db, Work work) {
    if (Status begin = sqlite::exec(db, "BEGIN IMMEDIATE"); !begin.ok()) return begin;
    Status status = work();
    if (status.ok()) status = sqlite::exec(db, "COMMIT");
    if (!status.ok()) sqlite::exec(db, "ROLLBACK");  // may fail if SQLite already rolled back: nothing left
    return status;
}

enum class Health { Good, Corrupt, Unreadable };

// Opens `path` and runs PRAGMA integrity_check; `detail` says what was wrong.
Health openChecked(const std::filesystem::path& path, sqlite::Database& db, std::string& detail) {
    const Status opened = sqlite::open(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, db);
    if (!opened.ok()) {
        detail = opened.message;
        return Health::Unreadable;
    }
    sqlite3_busy_timeout(db.get(), 5000);
    Statement check;
    Status status = sqlite::prepare(db.get(), "PRAGMA integrity_check", check);
    if (status.ok()) status = sqlite::step(db.get(), check.get());
    if (status.code == SQLITE_NOTADB || status.code == SQLITE_CORRUPT) {
        detail = status.message;
        return Health::Corrupt;
    }
    if (!status.ok()) {
        detail = status.message;
        return Health::Unreadable;
    }
    const std::string verdict = sqlite::text(check.get(), 0);
    if (verdict != "ok") {
        detail = verdict;
        return Health::Corrupt;
    }
    return Health::Good;
}

std::string compactUtcNow() {
    return formatUtc(std::time(nullptr), "%Y%m%dT%H%M%SZ");
}

// Moves the database and its WAL and shared-memory files aside; returns the new database path.
std::filesystem::path moveAside(const std::filesystem::path& dbPath) {
    const std::string stamp = compactUtcNow();
    std::filesystem::path aside;
    for (int attempt = 0;; ++attempt) {
        aside = dbPath.string() + ".corrupt-" + stamp + (attempt ? "-" + std::to_string(attempt) : "");
        if (!std::filesystem::exists(aside)) break;
    }
    std::error_code ignored;
    std::filesystem::rename(dbPath, aside, ignored);
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::filesystem::path companion = dbPath.string() + suffix;
        if (std::filesystem::exists(companion, ignored)) {
            std::filesystem::rename(companion, aside.string() + suffix, ignored);
        }
    }
    return aside;
}

// The sequence to continue from after a damaged database: its counter if still readable, otherwise the
// current Unix time in seconds, which is above any count a kiosk reaches and keeps numbers from repeating.
std::int64_t sequenceAfterDamage(const std::filesystem::path& aside) {
    sqlite::Database old;
    if (sqlite::open(aside.string(), SQLITE_OPEN_READONLY, old).ok()) {
        if (auto value = queryInteger(old.get(), "SELECT value FROM meta WHERE key = 'sequence'"))
            return *value;
    }
    return static_cast<std::int64_t>(std::time(nullptr));
}

Status configure(sqlite3* db) {
    Statement mode;
    Status status = sqlite::prepare(db, "PRAGMA journal_mode = WAL", mode);
    if (status.ok()) status = sqlite::step(db, mode.get());
    if (status.ok() && sqlite::text(mode.get(), 0) != "wal") {
        return {SQLITE_ERROR, "the database refused write-ahead logging"};
    }
    if (!status.ok()) return status;
    // FULL: a pledge acknowledged on screen survives a power cut. secure_delete: purged rows leave no trace.
    return sqlite::exec(db,
                        "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;");
}

Result<void> migrate(sqlite3* db) {
    const auto version = queryInteger(db, "PRAGMA user_version");
    if (!version) return Error{ErrorKind::WriteFailed, "cannot read the database's schema version"};
    if (*version > static_cast<std::int64_t>(kMigrations.size())) {
        return Error{ErrorKind::WriteFailed, "pledges.db is from a newer kiosk version (schema " +
                                                 std::to_string(*version) + "); update the kiosk software"};
    }
    for (auto next = static_cast<std::size_t>(*version); next < kMigrations.size(); ++next) {
        const Status status = inTransaction(db, [&] {
            Status applied = sqlite::exec(db, kMigrations[next]);
            if (!applied.ok()) return applied;
            const std::string setVersion = "PRAGMA user_version = " + std::to_string(next + 1);
            return sqlite::exec(db, setVersion.c_str());
        });
        if (!status.ok())
            return writeError(status, "update the database schema to " + std::to_string(next + 1));
    }
    return {};
}

}  // namespace

PledgeStore::PledgeStore(std::filesystem::path dataDir, sqlite::Database db,
                         std::optional<SignerKey> signerKey, std::string notice)
    : dataDir_(std::move(dataDir)), db_(std::move(db)), signerKey_(std::move(signerKey)),
      openNotice_(std::move(notice)), monotonic_([] {
          return MonotonicStamp{readBootId(), monotonicMillis()};
      }) {}

Result<PledgeStore> PledgeStore::open(const std::filesystem::path& dataDir) {
    std::error_code error;
    std::filesystem::create_directories(dataDir, error);
    if (error) {
        return Error{ErrorKind::Io,
                     "cannot create the data directory " + dataDir.string() + ": " + error.message()};
    }
    auto signerKey = SignerKey::loadOrCreate(dataDir / kSignerKeyFile);
    if (!signerKey) return signerKey.error();

    const std::filesystem::path dbPath = dataDir / kDatabaseFile;
    sqlite::Database db;
    std::string detail;
    std::string notice;
    std::optional<std::int64_t> resumeSequence;
    switch (openChecked(dbPath, db, detail)) {
    case Health::Good:
        break;
    case Health::Unreadable:
        return Error{ErrorKind::Io, "cannot open " + dbPath.string() + ": " + detail};
    case Health::Corrupt: {
        db.reset();
        const auto aside = moveAside(dbPath);
        resumeSequence = sequenceAfterDamage(aside);
        notice = "The pledge database failed its integrity check (" + detail + "). It was kept as " +
                 aside.filename().string() +
                 " and a new, empty database was started. Pledges in the damaged "
                 "file that were not yet exported are not counted here: copy that file off the kiosk for "
                 "recovery.";
        if (openChecked(dbPath, db, detail) != Health::Good) {
            return Error{ErrorKind::Io, "cannot start a new database at " + dbPath.string() + ": " + detail};
        }
        break;
    }
    }
    if (const Status status = configure(db.get()); !status.ok()) {
        return Error{ErrorKind::Io, "cannot set up " + dbPath.string() + ": " + status.message};
    }
    if (auto migrated = migrate(db.get()); !migrated) return migrated.error();
    if (resumeSequence) {
        Statement seed;
        Status status = sqlite::prepare(db.get(), "UPDATE meta SET value = ?1 WHERE key = 'sequence'", seed);
        if (status.ok()) {
            sqlite::bind(seed.get(), 1, *resumeSequence);
            status = sqlite::step(db.get(), seed.get());
        }
        if (!status.ok()) return writeError(status, "carry the sequence over to the new database");
    }
    ::chmod(dbPath.c_str(), 0600);
    return PledgeStore(dataDir, std::move(db), std::move(signerKey).value(), std::move(notice));
}

Result<PledgeStore> PledgeStore::openReadOnly(const std::filesystem::path& dataDir) {
    const std::filesystem::path dbPath = dataDir / kDatabaseFile;
    std::error_code error;
    if (!std::filesystem::exists(dbPath, error)) {
        return Error{ErrorKind::Io, "no pledge database at " + dbPath.string() +
                                        " (no pledge recorded yet, or "
                                        "data_dir points elsewhere)"};
    }
    sqlite::Database db;
    if (const Status status = sqlite::open(dbPath.string(), SQLITE_OPEN_READONLY, db); !status.ok()) {
        return Error{ErrorKind::Io, "cannot open " + dbPath.string() + ": " + status.message};
    }
    sqlite3_busy_timeout(db.get(), 5000);
    const auto version = queryInteger(db.get(), "PRAGMA user_version");
    if (!version || *version != static_cast<std::int64_t>(kMigrations.size())) {
        return Error{ErrorKind::Io, dbPath.string() +
                                        " is damaged or from another kiosk version; start the kiosk "
                                        "once to check and update it"};
    }
    std::optional<SignerKey> signerKey;
    if (std::filesystem::exists(dataDir / kSignerKeyFile, error)) {
        auto loaded = SignerKey::loadOrCreate(dataDir / kSignerKeyFile);
        if (!loaded) return loaded.error();
        signerKey = std::move(loaded).value();
    }
    return PledgeStore(dataDir, std::move(db), std::move(signerKey), {});
}

Result<PledgeRecord> PledgeStore::insert(PledgeRecord record, const std::optional<std::string>& signerEmail,
                                         const SealWithSequence& seal) {
    sqlite3* db = db_.get();
    bool duplicate = false;
    std::optional<Error> sealError;
    const Status status = inTransaction(db, [&]() -> Status {
        if (signerEmail) {
            if (!signerKey_) return {SQLITE_READONLY, "opened read-only"};
            const auto hash = signerKey_->hashEmail(*signerEmail);
            Statement signer;
            Status s =
                sqlite::prepare(db, "INSERT INTO signers (action_id, signer_hash) VALUES (?1, ?2)", signer);
            if (!s.ok()) return s;
            sqlite::bind(signer.get(), 1, record.actionId);
            sqlite::bind(signer.get(), 2, std::span<const unsigned char>(hash));
            s = sqlite::step(db, signer.get());
            if (s.code == SQLITE_CONSTRAINT) duplicate = true;
            if (!s.ok()) return s;
        }
        Statement next;
        Status s = sqlite::prepare(
            db, "UPDATE meta SET value = value + 1 WHERE key = 'sequence' RETURNING value", next);
        if (s.ok()) s = sqlite::step(db, next.get());
        if (!s.ok()) return s;
        if (s.code != SQLITE_ROW) return {SQLITE_CORRUPT, "the sequence counter is missing"};
        record.sequence = sqlite::integer(next.get(), 0);
        next.reset();
        if (seal) {
            auto sealed = seal(record.sequence);
            if (!sealed) {
                sealError = sealed.error();
                return {SQLITE_ABORT, "sealing failed"};
            }
            record.sealed = std::move(sealed).value();
        }

        Statement insert;
        s = sqlite::prepare(
            db,
            "INSERT INTO pledges (uuid, kiosk_id, sequence, action_id, pack_id, pack_version, "
            "language, created_at, clock_synced, boot_id, monotonic_ms, sealed) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            insert);
        if (!s.ok()) return s;
        sqlite::bind(insert.get(), 1, record.uuid);
        sqlite::bind(insert.get(), 2, record.kioskId);
        sqlite::bind(insert.get(), 3, record.sequence);
        sqlite::bind(insert.get(), 4, record.actionId);
        sqlite::bind(insert.get(), 5, record.packId);
        sqlite::bind(insert.get(), 6, record.packVersion);
        sqlite::bind(insert.get(), 7, record.language);
        sqlite::bind(insert.get(), 8, record.createdAtUtc);
        sqlite::bind(insert.get(), 9, std::int64_t{record.clockSynced ? 1 : 0});
        sqlite::bind(insert.get(), 10, record.bootId);
        sqlite::bind(insert.get(), 11, record.monotonicMs);
        sqlite::bind(insert.get(), 12, std::span<const unsigned char>(record.sealed));
        return sqlite::step(db, insert.get());
    });
    if (sealError) return *sealError;
    if (duplicate) {
        return Error{ErrorKind::AlreadySigned,
                     "this e-mail address has already signed this action on this kiosk"};
    }
    if (!status.ok()) return writeError(status, "save the pledge");
    return record;
}

bool PledgeStore::alreadySigned(const std::string& actionId, const std::string& email) const {
    if (!signerKey_) return false;
    const auto hash = signerKey_->hashEmail(email);
    Statement query;
    if (!sqlite::prepare(db_.get(), "SELECT 1 FROM signers WHERE action_id = ?1 AND signer_hash = ?2", query)
             .ok()) {
        return false;
    }
    sqlite::bind(query.get(), 1, actionId);
    sqlite::bind(query.get(), 2, std::span<const unsigned char>(hash));
    return sqlite::step(db_.get(), query.get()).code == SQLITE_ROW;
}

Result<void> PledgeStore::forEachUnexported(std::size_t limit,
                                            const std::function<bool(const PledgeRecord&)>& visit) const {
    Statement query;
    const std::string sql = std::string("SELECT ") + kRecordColumns +
                            " FROM pledges WHERE exported_at IS NULL ORDER BY sequence LIMIT ?1";
    Status status = sqlite::prepare(db_.get(), sql, query);
    if (!status.ok()) return readError(status, "list unexported pledges");
    sqlite::bind(query.get(), 1, static_cast<std::int64_t>(limit));
    while ((status = sqlite::step(db_.get(), query.get())).code == SQLITE_ROW) {
        if (!visit(readRecord(query.get()))) return {};
    }
    if (!status.ok()) return readError(status, "list unexported pledges");
    return {};
}

Result<std::vector<PledgeRecord>> PledgeStore::unexported(std::size_t limit) const {
    std::vector<PledgeRecord> records;
    auto listed = forEachUnexported(limit, [&](const PledgeRecord& record) {
        records.push_back(record);
        return true;
    });
    if (!listed) return listed.error();
    return records;
}

Result<std::int64_t> PledgeStore::markExported(const std::vector<std::string>& uuids,
                                               const std::string& bundleId,
                                               const std::string& exportedAtUtc) {
    sqlite3* db = db_.get();
    std::int64_t changed = 0;
    const Status status = inTransaction(db, [&]() -> Status {
        Statement update;
        Status s = sqlite::prepare(
            db,
            "UPDATE pledges SET exported_at = ?1, bundle_id = ?2 WHERE uuid = ?3 AND delivered_at IS NULL",
            update);
        if (!s.ok()) return s;
        for (const auto& uuid : uuids) {
            sqlite3_reset(update.get());
            sqlite::bind(update.get(), 1, exportedAtUtc);
            sqlite::bind(update.get(), 2, bundleId);
            sqlite::bind(update.get(), 3, uuid);
            if (s = sqlite::step(db, update.get()); !s.ok()) return s;
            changed += sqlite3_changes(db);
        }
        return s;
    });
    if (!status.ok()) return writeError(status, "mark pledges as exported in bundle " + bundleId);
    return changed;
}

namespace {

// One UPDATE or DELETE bound to text parameters, in its own transaction; returns the rows changed.
Result<std::int64_t> change(sqlite3* db, const char* sql, const std::vector<std::string>& parameters,
                            const std::string& what) {
    std::int64_t changed = 0;
    const Status status = inTransaction(db, [&]() -> Status {
        Statement statement;
        Status s = sqlite::prepare(db, sql, statement);
        if (!s.ok()) return s;
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            sqlite::bind(statement.get(), static_cast<int>(i + 1), parameters[i]);
        }
        s = sqlite::step(db, statement.get());
        changed = sqlite3_changes(db);
        return s;
    });
    if (!status.ok()) return writeError(status, what);
    return changed;
}

}  // namespace

Result<std::int64_t> PledgeStore::forgetExport(const std::string& bundleId) {
    auto counts = change(db_.get(),
                         "UPDATE counts SET exported_at = NULL, bundle_id = NULL WHERE bundle_id = ?1 AND "
                         "delivered_at IS NULL",
                         {bundleId}, "return bundle " + bundleId + "'s counts to the export queue");
    if (!counts) return counts.error();
    return change(db_.get(),
                  "UPDATE pledges SET exported_at = NULL, bundle_id = NULL WHERE bundle_id = ?1 AND "
                  "delivered_at IS NULL",
                  {bundleId}, "return bundle " + bundleId + "'s pledges to the export queue");
}

Result<std::int64_t> PledgeStore::markDelivered(const std::string& bundleId,
                                                const std::string& deliveredAtUtc) {
    sqlite3* db = db_.get();
    const MonotonicStamp stamp = monotonic_();
    std::int64_t changed = 0;
    const Status status = inTransaction(db, [&]() -> Status {
        Statement update;
        Status s =
            sqlite::prepare(db,
                            "UPDATE pledges SET delivered_at = ?2, delivered_boot_id = ?3, "
                            "delivered_monotonic_ms = ?4 WHERE bundle_id = ?1 AND delivered_at IS NULL",
                            update);
        if (!s.ok()) return s;
        sqlite::bind(update.get(), 1, bundleId);
        sqlite::bind(update.get(), 2, deliveredAtUtc);
        sqlite::bind(update.get(), 3, stamp.bootId);
        sqlite::bind(update.get(), 4, stamp.millis);
        s = sqlite::step(db, update.get());
        changed = sqlite3_changes(db);
        if (!s.ok()) return s;
        Statement counts;
        s = sqlite::prepare(
            db, "UPDATE counts SET delivered_at = ?2 WHERE bundle_id = ?1 AND delivered_at IS NULL", counts);
        if (!s.ok()) return s;
        sqlite::bind(counts.get(), 1, bundleId);
        sqlite::bind(counts.get(), 2, deliveredAtUtc);
        return sqlite::step(db, counts.get());
    });
    if (!status.ok()) return writeError(status, "mark bundle " + bundleId + " as delivered");
    return changed;
}

Result<std::int64_t> PledgeStore::purgeDelivered(int olderThanDays, const std::string& nowUtc) {
    sqlite3* db = db_.get();
    const MonotonicStamp stamp = monotonic_();
    const std::int64_t keepMs = static_cast<std::int64_t>(olderThanDays) * 86'400'000;
    std::int64_t purged = 0;
    // Three steps in one transaction. A delivery stamped in the future came from a clock that was ahead:
    // it is pulled back to now. A delivery made in this boot is dated from the monotonic clock (its true
    // age), carried into delivered_at for later boots. Then a pledge goes when either its wall-clock age
    // or, within the boot, its monotonic age reaches the retention.
    const char* const steps[] = {
        // Delivered counts go by the wall clock alone: they name nobody, so a wrong clock costs nothing.
        "DELETE FROM counts WHERE delivered_at IS NOT NULL AND "
        "julianday(delivered_at) <= julianday(?1) - ?4 / 86400000.0",
        "UPDATE pledges SET delivered_at = ?1 WHERE delivered_at IS NOT NULL AND "
        "julianday(delivered_at) > julianday(?1)",
        "UPDATE pledges SET delivered_at = strftime('%Y-%m-%dT%H:%M:%SZ', julianday(?1) - "
        "(?3 - delivered_monotonic_ms) / 86400000.0) WHERE delivered_at IS NOT NULL AND "
        "delivered_boot_id = ?2 AND delivered_monotonic_ms <= ?3 AND "
        "julianday(?1) - (?3 - delivered_monotonic_ms) / 86400000.0 < julianday(delivered_at)",
        "DELETE FROM pledges WHERE delivered_at IS NOT NULL AND "
        "(julianday(delivered_at) <= julianday(?1) - ?4 / 86400000.0 OR "
        "(delivered_boot_id = ?2 AND ?3 - delivered_monotonic_ms >= ?4))",
    };
    const Status status = inTransaction(db, [&]() -> Status {
        Status s;
        for (const char* sql : steps) {
            Statement statement;
            if (s = sqlite::prepare(db, sql, statement); !s.ok()) return s;
            sqlite::bind(statement.get(), 1, nowUtc);
            sqlite::bind(statement.get(), 2, stamp.bootId);
            sqlite::bind(statement.get(), 3, stamp.millis);
            sqlite::bind(statement.get(), 4, keepMs);
            if (s = sqlite::step(db, statement.get()); !s.ok()) return s;
            purged = sqlite3_changes(db);
        }
        return s;
    });
    if (!status.ok()) return writeError(status, "purge delivered pledges");
    return purged;
}

Result<void> PledgeStore::savePinLockout(const PinLockout::Saved& saved) {
    sqlite3* db = db_.get();
    const std::pair<const char*, std::int64_t> values[] = {{"pin_failures", saved.failures},
                                                           {"pin_next_lock_ms", saved.nextLockMs},
                                                           {"pin_lock_remaining_ms", saved.remainingMs},
                                                           {"pin_saved_at_unix_ms", saved.savedAtUnixMs}};
    const Status status = inTransaction(db, [&]() -> Status {
        Statement upsert;
        Status s = sqlite::prepare(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", upsert);
        for (const auto& [key, value] : values) {
            if (!s.ok()) return s;
            sqlite3_reset(upsert.get());
            sqlite::bind(upsert.get(), 1, std::string_view(key));
            sqlite::bind(upsert.get(), 2, value);
            s = sqlite::step(db, upsert.get());
        }
        return s;
    });
    if (!status.ok()) return writeError(status, "keep the PIN lock-out");
    return {};
}

std::optional<PinLockout::Saved> PledgeStore::loadPinLockout() const {
    sqlite3* db = db_.get();
    const auto failures = queryInteger(db, "SELECT value FROM meta WHERE key = 'pin_failures'");
    if (!failures) return std::nullopt;
    PinLockout::Saved saved;
    saved.failures = *failures;
    saved.nextLockMs = queryInteger(db, "SELECT value FROM meta WHERE key = 'pin_next_lock_ms'")
                           .value_or(PinLockout::kFirstLock.count());
    saved.remainingMs =
        queryInteger(db, "SELECT value FROM meta WHERE key = 'pin_lock_remaining_ms'").value_or(0);
    saved.savedAtUnixMs =
        queryInteger(db, "SELECT value FROM meta WHERE key = 'pin_saved_at_unix_ms'").value_or(0);
    return saved;
}

Result<PledgeCounts> PledgeStore::counts(const std::string& localDate) const {
    sqlite3* db = db_.get();
    PledgeCounts counts;
    Statement totals;
    Status status = sqlite::prepare(db,
                                    "SELECT count(*), "
                                    "count(*) FILTER (WHERE date(created_at, 'localtime') = ?1), "
                                    "count(*) FILTER (WHERE delivered_at IS NULL), "
                                    "count(*) FILTER (WHERE exported_at IS NULL) FROM pledges",
                                    totals);
    if (status.ok()) {
        sqlite::bind(totals.get(), 1, localDate);
        status = sqlite::step(db, totals.get());
    }
    if (!status.ok()) return readError(status, "count pledges");
    counts.total = sqlite::integer(totals.get(), 0);
    counts.today = sqlite::integer(totals.get(), 1);
    counts.unsynced = sqlite::integer(totals.get(), 2);
    counts.unexported = sqlite::integer(totals.get(), 3);

    Statement perAction;
    status = sqlite::prepare(db, "SELECT action_id, count(*) FROM pledges GROUP BY action_id", perAction);
    while (status.ok() && (status = sqlite::step(db, perAction.get())).code == SQLITE_ROW) {
        counts.perAction[sqlite::text(perAction.get(), 0)] = sqlite::integer(perAction.get(), 1);
    }
    if (!status.ok()) return readError(status, "count pledges per action");

    Statement perHour;
    status = sqlite::prepare(db,
                             "SELECT CAST(strftime('%H', created_at, 'localtime') AS INTEGER), count(*) "
                             "FROM pledges WHERE date(created_at, 'localtime') = ?1 GROUP BY 1",
                             perHour);
    if (status.ok()) sqlite::bind(perHour.get(), 1, localDate);
    while (status.ok() && (status = sqlite::step(db, perHour.get())).code == SQLITE_ROW) {
        const auto hour = sqlite::integer(perHour.get(), 0);
        if (hour >= 0 && hour < 24)
            counts.perHourToday[static_cast<std::size_t>(hour)] = sqlite::integer(perHour.get(), 1);
    }
    if (!status.ok()) return readError(status, "count pledges per hour");
    return counts;
}

std::int64_t PledgeStore::lastSequence() const {
    return queryInteger(db_.get(), "SELECT value FROM meta WHERE key = 'sequence'").value_or(0);
}

void PledgeStore::setMaxPageCount(std::int64_t pages) {
    const std::string sql = "PRAGMA max_page_count = " + std::to_string(pages);
    queryInteger(db_.get(), sql.c_str());
}

void PledgeStore::setQueryOnlyForTest(bool on) {
    sqlite::exec(db_.get(), on ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF");
}

Result<std::int64_t> PledgeStore::addCounts(const std::string& kioskId,
                                            const std::vector<EngagementCount>& counts) {
    sqlite3* db = db_.get();
    std::int64_t refused = 0;
    const Status status = inTransaction(db, [&]() -> Status {
        Statement upsert;
        Status s = sqlite::prepare(db,
                                   "INSERT INTO counts (batch, kiosk_id, day, hour, metric, subject, value) "
                                   "VALUES ('', ?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET "
                                   "value = value + excluded.value",
                                   upsert);
        if (!s.ok()) return s;
        for (const auto& count : counts) {
            if (!isKeepableCount(count)) {
                ++refused;
                continue;
            }
            sqlite3_reset(upsert.get());
            sqlite::bind(upsert.get(), 1, kioskId);
            sqlite::bind(upsert.get(), 2, count.day);
            sqlite::bind(upsert.get(), 3, std::int64_t{count.hour});
            sqlite::bind(upsert.get(), 4, count.metric);
            sqlite::bind(upsert.get(), 5, count.subject);
            sqlite::bind(upsert.get(), 6, count.value);
            if (s = sqlite::step(db, upsert.get()); !s.ok()) return s;
        }
        return s;
    });
    if (!status.ok()) return writeError(status, "keep the engagement counts");
    return refused;
}

Result<void> PledgeStore::sealCounts() {
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    char batch[2 * sizeof random + 1];
    sodium_bin2hex(batch, sizeof batch, random, sizeof random);
    auto sealed = change(db_.get(), "UPDATE counts SET batch = ?1 WHERE batch = ''", {batch},
                         "seal the engagement counts for export");
    if (!sealed) return sealed.error();
    return {};
}

Result<std::vector<StoredCount>> PledgeStore::unexportedCounts(const std::string& kioskId) const {
    Statement query;
    Status status = sqlite::prepare(db_.get(),
                                    "SELECT batch, day, hour, metric, subject, value FROM counts "
                                    "WHERE kiosk_id = ?1 AND batch != '' AND exported_at IS NULL "
                                    "ORDER BY batch, day, hour, metric, subject",
                                    query);
    if (!status.ok()) return readError(status, "list unexported counts");
    sqlite::bind(query.get(), 1, kioskId);
    std::vector<StoredCount> rows;
    while ((status = sqlite::step(db_.get(), query.get())).code == SQLITE_ROW) {
        StoredCount row;
        row.batch = sqlite::text(query.get(), 0);
        row.kioskId = kioskId;
        row.count = {sqlite::text(query.get(), 1), static_cast<int>(sqlite::integer(query.get(), 2)),
                     sqlite::text(query.get(), 3), sqlite::text(query.get(), 4),
                     sqlite::integer(query.get(), 5)};
        rows.push_back(std::move(row));
    }
    if (!status.ok()) return readError(status, "list unexported counts");
    return rows;
}

Result<std::vector<std::string>> PledgeStore::kiosksWithUnexportedCounts() const {
    Statement query;
    Status status = sqlite::prepare(
        db_.get(),
        "SELECT DISTINCT kiosk_id FROM counts WHERE batch != '' AND exported_at IS NULL ORDER BY kiosk_id",
        query);
    if (!status.ok()) return readError(status, "list unexported counts");
    std::vector<std::string> kiosks;
    while ((status = sqlite::step(db_.get(), query.get())).code == SQLITE_ROW)
        kiosks.push_back(sqlite::text(query.get(), 0));
    if (!status.ok()) return readError(status, "list unexported counts");
    return kiosks;
}

Result<std::int64_t> PledgeStore::markCountsExported(const std::string& kioskId,
                                                     const std::vector<std::string>& batches,
                                                     const std::string& bundleId,
                                                     const std::string& exportedAtUtc) {
    if (batches.empty()) return std::int64_t{0};
    sqlite3* db = db_.get();
    std::int64_t changed = 0;
    const Status status = inTransaction(db, [&]() -> Status {
        Statement update;
        Status s = sqlite::prepare(db,
                                   "UPDATE counts SET exported_at = ?1, bundle_id = ?2 WHERE kiosk_id = ?3 "
                                   "AND batch = ?4 AND exported_at IS NULL",
                                   update);
        if (!s.ok()) return s;
        for (const auto& batch : batches) {
            sqlite3_reset(update.get());
            sqlite::bind(update.get(), 1, exportedAtUtc);
            sqlite::bind(update.get(), 2, bundleId);
            sqlite::bind(update.get(), 3, kioskId);
            sqlite::bind(update.get(), 4, batch);
            if (s = sqlite::step(db, update.get()); !s.ok()) return s;
            changed += sqlite3_changes(db);
        }
        return s;
    });
    if (!status.ok()) return writeError(status, "mark counts as exported in bundle " + bundleId);
    return changed;
}

}  // namespace kiosk::pledge
