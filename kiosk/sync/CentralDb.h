// The coordinator's SQLite database of imported pledges, merged by uuid so importing twice changes nothing.
#pragma once

#include "sync/SyncResult.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
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
    std::string name;
    std::string email;
    std::string phone;
    std::string state;
    bool consentSign = false;
    bool consentUpdates = false;
    std::string consentWordingSha256;
    std::string consentLanguage;
    std::string kioskPublicKey;  // base64 Ed25519 key that signed the bundle
    std::string bundle;          // file name of the bundle it first arrived in
    std::string importedAtUtc;
};

// Duplicate: the uuid is already there from the same kiosk key (a bundle imported twice). Conflict: it is
// there from another key, so one of the two is forged; the first stays and the second is refused.
enum class InsertOutcome { New, Duplicate, Conflict };

class CentralDb {
public:
    // Opens or creates the database file and its tables.
    static Result<CentralDb> open(const std::filesystem::path& path);

    CentralDb(CentralDb&&) noexcept;
    CentralDb& operator=(CentralDb&&) noexcept;
    ~CentralDb();

    // One transaction a bundle: a bundle whose signature fails at its end is rolled back whole.
    Result<void> begin();
    Result<void> commit();
    void rollback();

    // Adds the pledge unless its uuid is already there (then it is left exactly as it was).
    Result<InsertOutcome> insert(const CentralPledge& pledge);

    // Every pledge ordered by kiosk, then sequence; the callback sees one row at a time.
    Result<void> forEachPledge(const std::function<void(const CentralPledge&)>& visit) const;

    // Runs a read-only query and hands each row's columns as text (NULL as "").
    Result<void> query(const std::string& sql,
                       const std::function<void(const std::vector<std::string>&)>& row) const;

private:
    struct Handles;
    explicit CentralDb(std::unique_ptr<Handles> handles);
    std::unique_ptr<Handles> handles_;
};

}  // namespace kiosk::sync
