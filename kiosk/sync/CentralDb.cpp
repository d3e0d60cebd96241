// SQLite storage for the coordinator: schema, merge by uuid, ordered reads for CSV and the report.
#include "sync/CentralDb.h"

#include "pledge/Sealing.h"

#include <sqlite3.h>
#include <system_error>

namespace kiosk::sync {

namespace {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Version 2: fields and consents as JSON objects by id (any form), the form's ids in order, the sealed box's
// hash (unique: one box counts once) and each kiosk's chain of bundles.
// Version 3: the kiosks' engagement counts, one row a batch, kiosk, hour, metric and subject.
constexpr int kSchemaVersion = 3;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS pledges (
  uuid TEXT NOT NULL UNIQUE,
  reference TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  action_id TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  pack_version TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at_utc TEXT NOT NULL,
  clock_synced INTEGER NOT NULL,
  boot_id TEXT NOT NULL,
  monotonic_ms INTEGER NOT NULL,
  fields TEXT NOT NULL,
  consents TEXT NOT NULL,
  form_fields TEXT NOT NULL,
  form_consents TEXT NOT NULL,
  consent_wording_sha256 TEXT NOT NULL,
  consent_language TEXT NOT NULL,
  kiosk_public_key TEXT NOT NULL,
  bundle TEXT NOT NULL,
  imported_at_utc TEXT NOT NULL,
  sealed_format INTEGER NOT NULL,
  sealed_sha256 TEXT UNIQUE
);
CREATE INDEX IF NOT EXISTS pledges_by_kiosk ON pledges (kiosk_id, sequence);
-- One action's rows in CSV order straight from the index: no sort of every row in memory (118 MiB for
-- 100,000 pledges). It also serves every lookup by action, so the older action-only index goes.
DROP INDEX IF EXISTS pledges_by_action;
CREATE INDEX IF NOT EXISTS pledges_by_action_in_order ON pledges (action_id, kiosk_id, sequence, uuid);
CREATE TABLE IF NOT EXISTS conflicts (
  uuid TEXT NOT NULL, reference TEXT NOT NULL, kiosk_id TEXT NOT NULL, sequence INTEGER NOT NULL,
  action_id TEXT NOT NULL, pack_id TEXT NOT NULL, pack_version TEXT NOT NULL, language TEXT NOT NULL,
  created_at_utc TEXT NOT NULL, clock_synced INTEGER NOT NULL, boot_id TEXT NOT NULL, monotonic_ms INTEGER NOT NULL,
  fields TEXT NOT NULL, consents TEXT NOT NULL, form_fields TEXT NOT NULL, form_consents TEXT NOT NULL,
  consent_wording_sha256 TEXT NOT NULL, consent_language TEXT NOT NULL, kiosk_public_key TEXT NOT NULL,
  bundle TEXT NOT NULL, imported_at_utc TEXT NOT NULL, sealed_format INTEGER NOT NULL, sealed_sha256 TEXT,
  reason TEXT NOT NULL,
  UNIQUE (uuid, kiosk_public_key, sealed_sha256)
);
CREATE TABLE IF NOT EXISTS bundles (
  sha256 TEXT NOT NULL UNIQUE,
  kiosk_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  previous_sha256 TEXT NOT NULL,
  kiosk_public_key TEXT NOT NULL,
  file TEXT NOT NULL,
  imported_at_utc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counts (
  kiosk_id TEXT NOT NULL,
  batch TEXT NOT NULL,
  day TEXT NOT NULL,
  hour INTEGER NOT NULL,
  metric TEXT NOT NULL,
  subject TEXT NOT NULL,
  value INTEGER NOT NULL,
  kiosk_public_key TEXT NOT NULL,
  bundle TEXT NOT NULL,
  imported_at_utc TEXT NOT NULL,
  PRIMARY KEY (kiosk_id, batch, day, hour, metric, subject)
) WITHOUT ROWID;
PRAGMA user_version = 3;
)sql";

// Version 1 kept name, email, phone, state, consent_sign and consent_updates in their own columns (and
// nothing else). They move into the JSON columns as they were; the form's ids are the ones version 1 knew.
constexpr const char* kMigrateFrom1 = R"sql(
ALTER TABLE pledges RENAME TO pledges_v1;
DROP INDEX IF EXISTS pledges_by_kiosk;
)sql";
constexpr const char* kCopyFrom1 = R"sql(
INSERT INTO pledges (uuid, reference, kiosk_id, sequence, action_id, pack_id, pack_version, language,
  created_at_utc, clock_synced, boot_id, monotonic_ms, fields, consents, form_fields, form_consents,
  consent_wording_sha256, consent_language, kiosk_public_key, bundle, imported_at_utc, sealed_format, sealed_sha256)
SELECT uuid, reference, kiosk_id, sequence, action_id, pack_id, pack_version, language, created_at_utc,
  clock_synced, boot_id, monotonic_ms,
  json_object('email', email, 'name', name, 'phone', phone, 'state', state),
  json_object('sign', json(CASE WHEN consent_sign THEN 'true' ELSE 'false' END),
              'updates', json(CASE WHEN consent_updates THEN 'true' ELSE 'false' END)),
  '["name","email","phone","state"]', '["sign","updates"]',
  consent_wording_sha256, consent_language, kiosk_public_key, bundle, imported_at_utc, 0, NULL
FROM pledges_v1;
DROP TABLE pledges_v1;
)sql";

constexpr const char* kColumns =
    "uuid, reference, kiosk_id, sequence, action_id, pack_id, pack_version, language, created_at_utc, "
    "clock_synced, boot_id, monotonic_ms, fields, consents, form_fields, form_consents, "
    "consent_wording_sha256, consent_language, kiosk_public_key, bundle, imported_at_utc, sealed_format, "
    "sealed_sha256";

std::string text(sqlite3_stmt* statement, int column) {
    const unsigned char* value = sqlite3_column_text(statement, column);
    return value ? std::string(reinterpret_cast<const char*>(value),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
                 : std::string();
}

std::string escapeSql(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\'') out.push_back('\'');
        out.push_back(c);
    }
    return out;
}

}  // namespace

struct CentralDb::Handles {
    std::filesystem::path path;
    DbPtr db;
    StatementPtr insert;
    StatementPtr insertCount;
    std::string notice;

    Error error(const std::string& what) const {
        return Error{ErrorKind::WriteFailed, path.string() + ": " + what + ": " + sqlite3_errmsg(db.get())};
    }
    Result<void> exec(const char* sql) {
        char* message = nullptr;
        if (sqlite3_exec(db.get(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::string reason = message ? message : "unknown error";
            sqlite3_free(message);
            return Error{ErrorKind::WriteFailed, path.string() + ": " + reason};
        }
        return {};
    }
    Result<StatementPtr> prepare(const std::string& sql) const {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
            return error("cannot prepare a query");
        return StatementPtr(raw);
    }
};

CentralDb::CentralDb(std::unique_ptr<Handles> handles) : handles_(std::move(handles)) {}
CentralDb::CentralDb(CentralDb&&) noexcept = default;
CentralDb& CentralDb::operator=(CentralDb&&) noexcept = default;
CentralDb::~CentralDb() = default;

Result<CentralDb> CentralDb::open(const std::filesystem::path& path) {
    auto handles = std::make_unique<Handles>();
    handles->path = path;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    handles->db.reset(raw);
    if (rc != SQLITE_OK) return handles->error("cannot open the coordinator database");
    sqlite3_busy_timeout(raw, 5000);
    // A larger page cache keeps the uuid index in memory while a 100,000-pledge bundle is merged.
    if (auto tuned = handles->exec("PRAGMA cache_size = -65536"); !tuned) return tuned.error();
    auto version = handles->prepare("PRAGMA user_version");
    if (!version) return version.error();
    const int found =
        sqlite3_step(version.value().get()) == SQLITE_ROW ? sqlite3_column_int(version.value().get(), 0) : -1;
    version.value().reset();
    if (found > kSchemaVersion || found < 0)
        return Error{ErrorKind::Invalid,
                     path.string() + ": this database is version " + std::to_string(found) +
                         ", newer than this kioskctl knows (" + std::to_string(kSchemaVersion) +
                         "): use the kioskctl that made it, or a newer one; nothing was changed"};
    if (found == 1) {
        // Copy first: if anything goes wrong the coordinator still has every row as it was.
        const std::filesystem::path backup = path.string() + ".v1-backup";
        std::error_code ec;
        if (!std::filesystem::exists(backup, ec)) {
            if (auto copied = handles->exec(("VACUUM INTO '" + escapeSql(backup.string()) + "'").c_str());
                !copied)
                return Error{ErrorKind::WriteFailed,
                             path.string() + ": could not keep a copy before migrating it to version 2 (" +
                                 copied.error().message + "); nothing was changed"};
        }
        if (auto begun = handles->exec("BEGIN IMMEDIATE"); !begun) return begun.error();
        for (const char* step : {kMigrateFrom1, kSchema, kCopyFrom1}) {
            if (auto done = handles->exec(step); !done) {
                (void)handles->exec("ROLLBACK");
                return Error{ErrorKind::WriteFailed, path.string() + ": migrating from version 1 failed, " +
                                                         "nothing was changed: " + done.error().message};
            }
        }
        if (auto committed = handles->exec("COMMIT"); !committed) return committed.error();
        handles->notice = path.string() +
                          ": migrated from version 1 to version 2 (every field and consent by " +
                          "its id); the version-1 file is kept as " + backup.string();
    }
    if (auto made = handles->exec(kSchema); !made) return made.error();
    auto insert = handles->prepare(std::string("INSERT OR IGNORE INTO pledges (") + kColumns +
                                   ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert) return insert.error();
    handles->insert = std::move(insert.value());
    return CentralDb(std::move(handles));
}

const std::string& CentralDb::notice() const {
    return handles_->notice;
}

Result<void> CentralDb::begin() {
    return handles_->exec("BEGIN IMMEDIATE");
}
Result<void> CentralDb::commit() {
    return handles_->exec("COMMIT");
}
void CentralDb::rollback() {
    (void)handles_->exec("ROLLBACK");
}

namespace {

// Binds every column of `p` in kColumns order from parameter 1; returns the last index bound.
// The pledge's JSON columns, made for binding: held by the caller until the statement has run, since the
// texts are bound without a copy.
struct PledgeJsonColumns {
    std::string fields;
    std::string consents;
    std::string formFields;
    std::string formConsents;
};

// Binds without copying (SQLITE_STATIC): `p` and `json` must outlive the statement's step. An import binds
// about twenty texts a pledge, and SQLite's copies were a sixth of the inserting thread's work.
int bindPledge(sqlite3_stmt* s, const CentralPledge& p, PledgeJsonColumns& json) {
    int i = 0;
    auto bindText = [&](const std::string& value) {
        sqlite3_bind_text(s, ++i, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
    };
    auto bindInt = [&](std::int64_t value) { sqlite3_bind_int64(s, ++i, value); };
    bindText(p.uuid);
    bindText(p.reference);
    bindText(p.kioskId);
    bindInt(p.sequence);
    bindText(p.actionId);
    bindText(p.packId);
    bindText(p.packVersion);
    bindText(p.language);
    bindText(p.createdAtUtc);
    bindInt(p.clockSynced ? 1 : 0);
    bindText(p.bootId);
    bindInt(p.monotonicMs);
    json.fields = pledge::jsonObjectOfStrings(p.fields);
    json.consents = pledge::jsonObjectOfBooleans(p.consents);
    json.formFields = pledge::jsonArrayOfStrings(p.formFields);
    json.formConsents = pledge::jsonArrayOfStrings(p.formConsents);
    bindText(json.fields);
    bindText(json.consents);
    bindText(json.formFields);
    bindText(json.formConsents);
    bindText(p.consentWordingSha256);
    bindText(p.consentLanguage);
    bindText(p.kioskPublicKey);
    bindText(p.bundle);
    bindText(p.importedAtUtc);
    bindInt(p.sealedFormat);
    if (p.sealedSha256.empty())
        sqlite3_bind_null(s, ++i);
    else
        bindText(p.sealedSha256);
    return i;
}

}  // namespace

Result<InsertOutcome> CentralDb::insert(const CentralPledge& p) {
    sqlite3_stmt* s = handles_->insert.get();
    sqlite3_reset(s);
    PledgeJsonColumns json;
    bindPledge(s, p, json);
    if (sqlite3_step(s) != SQLITE_DONE) {
        Error failed = handles_->error("cannot store pledge " + p.uuid);  // before another call resets it
        sqlite3_clear_bindings(s);
        return failed;
    }
    sqlite3_clear_bindings(s);  // nothing bound may point at `p` or `json` once they are gone
    if (sqlite3_changes(handles_->db.get()) == 1) return InsertOutcome::New;
    auto existing = handles_->prepare("SELECT kiosk_public_key, sealed_sha256 FROM pledges WHERE uuid = ?");
    if (!existing) return existing.error();
    sqlite3_stmt* lookup = existing.value().get();
    sqlite3_bind_text(lookup, 1, p.uuid.data(), static_cast<int>(p.uuid.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(lookup) != SQLITE_ROW) return InsertOutcome::Replay;  // only the box's hash matched
    const bool sameKey = text(lookup, 0) == p.kioskPublicKey;
    // A row migrated from version 1 has no hash to compare: the same key is then taken as the same pledge.
    const bool sameBox = sqlite3_column_type(lookup, 1) == SQLITE_NULL || text(lookup, 1) == p.sealedSha256;
    return sameKey && sameBox ? InsertOutcome::Duplicate : InsertOutcome::Conflict;
}

Result<bool> CentralDb::insertCount(const StoredCount& row, const std::string& kioskPublicKey,
                                    const std::string& bundle, const std::string& importedAtUtc) {
    if (!handles_->insertCount) {
        auto prepared = handles_->prepare(
            "INSERT OR IGNORE INTO counts (kiosk_id, batch, day, hour, metric, subject, value, "
            "kiosk_public_key, bundle, imported_at_utc) VALUES (?,?,?,?,?,?,?,?,?,?)");
        if (!prepared) return prepared.error();
        handles_->insertCount = std::move(prepared.value());
    }
    sqlite3_stmt* s = handles_->insertCount.get();
    sqlite3_reset(s);
    int i = 0;
    auto bindText = [&](const std::string& value) {
        sqlite3_bind_text(s, ++i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    };
    bindText(row.kioskId);
    bindText(row.batch);
    bindText(row.count.day);
    sqlite3_bind_int64(s, ++i, row.count.hour);
    bindText(row.count.metric);
    bindText(row.count.subject);
    sqlite3_bind_int64(s, ++i, row.count.value);
    bindText(kioskPublicKey);
    bindText(bundle);
    bindText(importedAtUtc);
    if (sqlite3_step(s) != SQLITE_DONE) return handles_->error("cannot store counts of kiosk " + row.kioskId);
    return sqlite3_changes(handles_->db.get()) == 1;
}

Result<void> CentralDb::recordBundle(const std::string& kioskId, std::uint64_t number,
                                     const std::string& sha256, const std::string& previousSha256,
                                     const std::string& kioskPublicKey, const std::string& file,
                                     const std::string& importedAtUtc) {
    auto statement =
        handles_->prepare("INSERT OR IGNORE INTO bundles (sha256, kiosk_id, number, previous_sha256, "
                          "kiosk_public_key, file, imported_at_utc) VALUES (?,?,?,?,?,?,?)");
    if (!statement) return statement.error();
    sqlite3_stmt* s = statement.value().get();
    int i = 0;
    for (const std::string* value : {&sha256, &kioskId}) {
        ++i;
        sqlite3_bind_text(s, i, value->data(), static_cast<int>(value->size()), SQLITE_TRANSIENT);
    }
    sqlite3_bind_int64(s, ++i, static_cast<sqlite3_int64>(number));
    for (const std::string* value : {&previousSha256, &kioskPublicKey, &file, &importedAtUtc}) {
        ++i;
        sqlite3_bind_text(s, i, value->data(), static_cast<int>(value->size()), SQLITE_TRANSIENT);
    }
    if (sqlite3_step(s) != SQLITE_DONE) return handles_->error("cannot note bundle " + file);
    return {};
}

Result<std::optional<PledgeOwner>> CentralDb::blocking(const CentralPledge& p) const {
    auto statement = handles_->prepare(
        "SELECT uuid, kiosk_id, kiosk_public_key FROM pledges WHERE uuid = ?1 OR sealed_sha256 = ?2 LIMIT 1");
    if (!statement) return statement.error();
    sqlite3_stmt* s = statement.value().get();
    sqlite3_bind_text(s, 1, p.uuid.data(), static_cast<int>(p.uuid.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, p.sealedSha256.data(), static_cast<int>(p.sealedSha256.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_ROW) return std::optional<PledgeOwner>();
    return std::optional<PledgeOwner>(PledgeOwner{text(s, 0), text(s, 1), text(s, 2)});
}

Result<void> CentralDb::setAside(const CentralPledge& p, const std::string& reason) {
    PledgeJsonColumns json;  // before the statement: it must outlive it
    auto statement = handles_->prepare(std::string("INSERT OR IGNORE INTO conflicts (") + kColumns +
                                       ", reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!statement) return statement.error();
    sqlite3_stmt* s = statement.value().get();
    const int last = bindPledge(s, p, json);
    sqlite3_bind_text(s, last + 1, reason.data(), static_cast<int>(reason.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE) return handles_->error("cannot set pledge " + p.uuid + " aside");
    return {};
}

Result<void> CentralDb::replace(const std::string& uuid, const CentralPledge& p, const std::string& reason) {
    auto move = handles_->prepare(std::string("INSERT OR IGNORE INTO conflicts (") + kColumns +
                                  ", reason) SELECT " + kColumns + ", ?1 FROM pledges WHERE uuid = ?2");
    auto remove = handles_->prepare("DELETE FROM pledges WHERE uuid = ?1");
    if (!move) return move.error();
    if (!remove) return remove.error();
    sqlite3_bind_text(move.value().get(), 1, reason.data(), static_cast<int>(reason.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(move.value().get(), 2, uuid.data(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(remove.value().get(), 1, uuid.data(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(move.value().get()) != SQLITE_DONE || sqlite3_step(remove.value().get()) != SQLITE_DONE)
        return handles_->error("cannot set pledge " + uuid + " aside");
    auto inserted = insert(p);
    if (!inserted) return inserted.error();
    if (inserted.value() != InsertOutcome::New)
        return Error{ErrorKind::Invalid, "pledge " + p.uuid + " is still blocked by another row"};
    return {};
}

Result<void> CentralDb::forEachPledge(const std::function<void(const CentralPledge&)>& visit,
                                      const std::optional<std::string>& actionId) const {
    auto statement =
        handles_->prepare(std::string("SELECT ") + kColumns + " FROM pledges" +
                          (actionId ? " WHERE action_id = ?" : "") + " ORDER BY kiosk_id, sequence, uuid");
    if (!statement) return statement.error();
    sqlite3_stmt* s = statement.value().get();
    if (actionId)
        sqlite3_bind_text(s, 1, actionId->data(), static_cast<int>(actionId->size()), SQLITE_TRANSIENT);
    CentralPledge p;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int i = 0;
        p.uuid = text(s, i++);
        p.reference = text(s, i++);
        p.kioskId = text(s, i++);
        p.sequence = sqlite3_column_int64(s, i++);
        p.actionId = text(s, i++);
        p.packId = text(s, i++);
        p.packVersion = text(s, i++);
        p.language = text(s, i++);
        p.createdAtUtc = text(s, i++);
        p.clockSynced = sqlite3_column_int(s, i++) != 0;
        p.bootId = text(s, i++);
        p.monotonicMs = sqlite3_column_int64(s, i++);
        auto fields = pledge::parseJsonObjectOfStrings(text(s, i++));
        auto consents = pledge::parseJsonObjectOfBooleans(text(s, i++));
        auto formFields = pledge::parseJsonArrayOfStrings(text(s, i++));
        auto formConsents = pledge::parseJsonArrayOfStrings(text(s, i++));
        if (!fields || !consents || !formFields || !formConsents)
            return Error{ErrorKind::Invalid, handles_->path.string() + ": pledge " + p.uuid +
                                                 " has damaged field or consent data (was the database " +
                                                 "edited by hand?)"};
        p.fields = std::move(fields).value();
        p.consents = std::move(consents).value();
        p.formFields = std::move(formFields).value();
        p.formConsents = std::move(formConsents).value();
        p.consentWordingSha256 = text(s, i++);
        p.consentLanguage = text(s, i++);
        p.kioskPublicKey = text(s, i++);
        p.bundle = text(s, i++);
        p.importedAtUtc = text(s, i++);
        p.sealedFormat = sqlite3_column_int(s, i++);
        p.sealedSha256 = text(s, i++);
        visit(p);
    }
    if (rc != SQLITE_DONE) return handles_->error("cannot read pledges");
    return {};
}

Result<void> CentralDb::query(const std::string& sql,
                              const std::function<void(const std::vector<std::string>&)>& row) const {
    auto statement = handles_->prepare(sql);
    if (!statement) return statement.error();
    sqlite3_stmt* s = statement.value().get();
    std::vector<std::string> values;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        values.resize(static_cast<std::size_t>(sqlite3_column_count(s)));
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = text(s, static_cast<int>(i));
        row(values);
    }
    if (rc != SQLITE_DONE) return handles_->error("cannot read");
    return {};
}

}  // namespace kiosk::sync
