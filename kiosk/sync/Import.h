// The coordinator's import: verify each bundle, open each pledge, merge by uuid; one bad bundle never stops
// the batch.
#pragma once

#include "pledge/PledgeRecord.h"
#include "sync/CentralDb.h"
#include "sync/SyncResult.h"
#include "sync/TrustedKiosks.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace kiosk::sync {

using PledgeOpener = std::function<Result<pledge::SealedPledge>(std::span<const unsigned char>)>;

struct ImportOptions {
    // pledge::openSealedPledge with the coordinator's key; called from several threads at once.
    PledgeOpener open;
    // The short code the kiosk showed, from the uuid (pledge::referenceCode).
    std::function<std::string(const std::string&)> reference;
    // Base64 kiosk keys and the kiosk ids each may sign for; unset accepts any signer for any kiosk id.
    std::optional<TrustedKiosks> trustedKiosks;
    // "YYYY-MM-DDTHH:MM:SSZ", given so tests are repeatable.
    std::string importedAtUtc;
};

// What happened to one bundle file.
struct BundleImport {
    std::filesystem::path path;
    std::string kioskId;
    std::string signerKey;                  // base64; empty when the header could not be read
    std::uint64_t added = 0;                // new pledges
    std::uint64_t duplicates = 0;           // already in the database
    std::uint64_t rejected = 0;             // pledges not imported (all of them when the bundle is rejected)
    std::uint64_t displaced = 0;            // of `added`: took the place of a row an untrusted key had signed
    std::uint64_t chainNumber = 0;          // its place in the kiosk's chain of bundles (0: an older kiosk's)
    std::uint64_t countsAdded = 0;          // engagement count rows new to the database
    std::uint64_t countsDuplicate = 0;      // count rows already there (the same batch carried before)
    std::string bundleError;                // non-empty: the whole bundle was rejected for this reason
    std::vector<std::string> recordErrors;  // single pledges that could not be opened
};

struct ImportSummary {
    std::uint64_t added = 0;
    std::uint64_t duplicates = 0;
    std::uint64_t rejected = 0;
    std::vector<BundleImport> bundles;
    // "imported N new, D duplicate, R rejected"
    std::string line() const;
};

// The bundle files named by `inputs`: files as given, folders searched (recursively) for *.okb, sorted by
// path, each file once.
std::vector<std::filesystem::path> collectBundles(const std::vector<std::filesystem::path>& inputs,
                                                  std::vector<BundleImport>& missing);

// Imports every bundle under `inputs` into `db`. Each bundle is one transaction: it lands whole or not at
// all.
ImportSummary importBundles(CentralDb& db, const std::vector<std::filesystem::path>& inputs,
                            const ImportOptions& options);

}  // namespace kiosk::sync
