// SQLite storage for the coordinator: schema, merge by uuid, ordered reads for CSV and the report.
#include "sync/CentralDb.h"

#include <sqlite3.h>

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
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  state TEXT NOT NULL,
  consent_sign INTEGER NOT NULL,
  consent_updates INTEGER NOT NULL,
  consent_wording_sha256 TEXT NOT NULL,
  consent_language TEXT NOT NULL,
  kiosk_public_key TEXT NOT NULL,
  bundle TEXT NOT NULL,
  imported_at_utc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pledges_by_kiosk ON pledges (kiosk_id, sequence);
PRAGMA user_version = 1;
)sql";

constexpr const char* kColumns =
    "uuid, reference, kiosk_id, sequence, action_id, pack_id, pack_version, language, created_at_utc, "
    "clock_synced, boot_id, monotonic_ms, name, email, phone, state, consent_sign, consent_updates, "
    "consent_wording_sha256, consent_language, kiosk_public_key, bundle, imported_at_utc";

std::string text(sqlite3_stmt* statement, int column) {
    const unsigned char* value = sqlite3_column_text(statement, column);
    return value ? std::string(reinterpret_cast<const char*>(value),
                               static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
                 : std::string();
}

}  // namespace

struct CentralDb::Handles {
    std::filesystem::path path;
    DbPtr db;
    StatementPtr insert;

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
    if (auto made = handles->exec(kSchema); !made) return made.error();
    auto insert = handles->prepare(std::string("INSERT OR IGNORE INTO pledges (") + kColumns +
                                   ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert) return insert.error();
    handles->insert = std::move(insert.value());
    return CentralDb(std::move(handles));
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

Result<InsertOutcome> CentralDb::insert(const CentralPledge& p) {
    sqlite3_stmt* s = handles_->insert.get();
    sqlite3_reset(s);
    int i = 0;
    auto bindText = [&](const std::string& value) {
        sqlite3_bind_text(s, ++i, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
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
    bindText(p.name);
    bindText(p.email);
    bindText(p.phone);
    bindText(p.state);
    bindInt(p.consentSign ? 1 : 0);
    bindInt(p.consentUpdates ? 1 : 0);
    bindText(p.consentWordingSha256);
    bindText(p.consentLanguage);
    bindText(p.kioskPublicKey);
    bindText(p.bundle);
    bindText(p.importedAtUtc);
    if (sqlite3_step(s) != SQLITE_DONE) return handles_->error("cannot store pledge " + p.uuid);
    if (sqlite3_changes(handles_->db.get()) == 1) return InsertOutcome::New;
    auto existing = handles_->prepare("SELECT kiosk_public_key FROM pledges WHERE uuid = ?");
    if (!existing) return existing.error();
    sqlite3_stmt* lookup = existing.value().get();
    sqlite3_bind_text(lookup, 1, p.uuid.data(), static_cast<int>(p.uuid.size()), SQLITE_TRANSIENT);
    const bool sameKey = sqlite3_step(lookup) == SQLITE_ROW && text(lookup, 0) == p.kioskPublicKey;
    return sameKey ? InsertOutcome::Duplicate : InsertOutcome::Conflict;
}

Result<void> CentralDb::forEachPledge(const std::function<void(const CentralPledge&)>& visit) const {
    auto statement = handles_->prepare(std::string("SELECT ") + kColumns +
                                       " FROM pledges ORDER BY kiosk_id, sequence, uuid");
    if (!statement) return statement.error();
    sqlite3_stmt* s = statement.value().get();
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
        p.name = text(s, i++);
        p.email = text(s, i++);
        p.phone = text(s, i++);
        p.state = text(s, i++);
        p.consentSign = sqlite3_column_int(s, i++) != 0;
        p.consentUpdates = sqlite3_column_int(s, i++) != 0;
        p.consentWordingSha256 = text(s, i++);
        p.consentLanguage = text(s, i++);
        p.kioskPublicKey = text(s, i++);
        p.bundle = text(s, i++);
        p.importedAtUtc = text(s, i++);
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
