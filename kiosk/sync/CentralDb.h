// The coordinator's SQLite database of imported pledges, merged by uuid so importing twice changes nothing.
#pragma once

#include "core/EngagementCount.h"
#include "sync/SyncResult.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace kiosk::sync {

// One imported pledge: the clear fields, the opened personal data, and where it came from.
struct CentralPledge {
    std::string uuid;
    std::string reference;
    std::string kioskId;
    std::int64_t sequence = 0;
    std::string actionId;
    std::string packId;
    std::string packVersion;
    std::string language;
    std::string createdAtUtc;
    bool clockSynced = false;
    std::string bootId;
    std::int64_t monotonicMs = 0;
    // Every value of the opened box under its own id, whatever the form: nothing is dropped.
    std::map<std::string, std::string> fields;
    std::map<std::string, bool> consents;
    // The form's field and consent ids in form order, as the box declared them (empty from older kiosks).
    std::vector<std::string> formFields;
    std::vector<std::string> formConsents;
    std::string consentWordingSha256;
    std::string consentLanguage;
    std::string kioskPublicKey;  // base64 Ed25519 key that signed the bundle
    std::string bundle;          // file name of the bundle it first arrived in
    std::string importedAtUtc;
    int sealedFormat = 0;      // 1 or 2 as sealed by the kiosk; 0 for rows migrated from a version-1 database
    std::string sealedSha256;  // of the sealed bytes: the same box never counts twice
};

// Duplicate: the uuid is already there from the same kiosk key with the same box (a bundle imported twice).
// Conflict: it is there from another key or with another box, so one of the two is forged; the first stays
// and the second is refused. Replay: this very sealed box is already there under another uuid.
enum class InsertOutcome { New, Duplicate, Conflict, Replay };

// The row already holding a uuid or a sealed box.
struct PledgeOwner {
    std::string uuid;
    std::string kioskId;
    std::string kioskPublicKey;
};

class CentralDb {
public:
    // Opens or creates the database file and its tables. A version-1 database (fixed name/email/phone/state
    // columns) is first copied beside itself as FILE.v1-backup, then migrated in one transaction; a newer
    // version than this program knows is refused with a message.
    static Result<CentralDb> open(const std::filesystem::path& path);
    // What open did that the coordinator should hear about (a migration); empty otherwise.
    const std::string& notice() const;

    CentralDb(CentralDb&&) noexcept;
    CentralDb& operator=(CentralDb&&) noexcept;
    ~CentralDb();

    // One transaction a bundle: a bundle whose signature fails at its end is rolled back whole.
    Result<void> begin();
    Result<void> commit();
    void rollback();

    // Adds the pledge unless its uuid is already there (then it is left exactly as it was).
    Result<InsertOutcome> insert(const CentralPledge& pledge);

    // Adds one engagement count row unless the same kiosk, batch, hour, metric and subject is already there
    // (a bundle imported twice, or a batch carried again): true when it was new.
    Result<bool> insertCount(const StoredCount& row, const std::string& kioskPublicKey,
                             const std::string& bundle, const std::string& importedAtUtc);

    // Notes a chained (format 2) bundle: its kiosk, number, hash and the hash it names before it. The same
    // bundle twice is noted once.
    Result<void> recordBundle(const std::string& kioskId, std::uint64_t number, const std::string& sha256,
                              const std::string& previousSha256, const std::string& kioskPublicKey,
                              const std::string& file, const std::string& importedAtUtc);

    // The row that blocks `p` (same uuid, or same sealed box), if any.
    Result<std::optional<PledgeOwner>> blocking(const CentralPledge& p) const;
    // Keeps a refused pledge whole in the conflicts table (with why), so nothing that arrived is lost; the
    // same arrival twice is kept once.
    Result<void> setAside(const CentralPledge& p, const std::string& reason);
    // Moves the row `uuid` to the conflicts table (with why) and stores `p` in its place.
    Result<void> replace(const std::string& uuid, const CentralPledge& p, const std::string& reason);

    // Every pledge (of `actionId` only, if given) ordered by kiosk, then sequence; the callback sees one row
    // at a time.
    Result<void> forEachPledge(const std::function<void(const CentralPledge&)>& visit,
                               const std::optional<std::string>& actionId = std::nullopt) const;

    // Runs a read-only query and hands each row's columns as text (NULL as "").
    Result<void> query(const std::string& sql,
                       const std::function<void(const std::vector<std::string>&)>& row) const;

private:
    struct Handles;
    explicit CentralDb(std::unique_ptr<Handles> handles);
    std::unique_ptr<Handles> handles_;
};

}  // namespace kiosk::sync
