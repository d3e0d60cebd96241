// Streams pledge records into a signed .okb bundle, written atomically and named by its content hash.
#pragma once

#include "pledge/PledgeRecord.h"
#include "sync/BundleFormat.h"
#include "sync/SigningKey.h"
#include "sync/SyncResult.h"

#include <filesystem>
#include <memory>

namespace kiosk::sync {

class BundleWriter {
public:
    // Starts a bundle in `folder` as a hidden temporary file; nothing is visible under a bundle name until
    // finish(). The header's count and first/last sequence must match the records that follow (0 records,
    // sequences 0, for a bundle of counts only).
    static Result<BundleWriter> begin(const std::filesystem::path& folder, const BundleHeader& header,
                                      const SigningKey& key);

    BundleWriter(BundleWriter&&) noexcept;
    BundleWriter& operator=(BundleWriter&&) noexcept;
    ~BundleWriter();  // an unfinished bundle's temporary file is removed

    // Appends one record; records must come in increasing sequence order from the header's kiosk.
    Result<void> add(const pledge::PledgeRecord& record);

    // Appends the engagement counts (format 3), once, after the last record; a bundle without a call holds
    // none. A bundle of counts only has a header count of 0 and needs at least one row.
    Result<void> addCounts(const std::vector<StoredCount>& rows);

    // Signs, fsyncs, renames to "<kiosk>-<first>-<last>-<hash>.okb", fsyncs the folder; returns the path.
    // Renaming over an existing bundle of the same name is harmless: same name, same bytes.
    Result<std::filesystem::path> finish();

    // The header as written; after finish() its chainHash is known.
    const BundleHeader& header() const;

private:
    struct State;
    explicit BundleWriter(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace kiosk::sync
