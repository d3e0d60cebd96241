// Imports bundles: signature and trust checks, opening sealed pledges, merging into the central database.
#include "sync/Import.h"

#include "sync/BundleReader.h"
#include "sync/SigningKey.h"

#include <algorithm>
#include <optional>
#include <thread>

namespace kiosk::sync {

namespace {

std::string field(const pledge::SealedPledge& opened, const char* name) {
    auto found = opened.fields.find(name);
    return found == opened.fields.end() ? std::string() : found->second;
}

bool consent(const pledge::SealedPledge& opened, const char* name) {
    auto found = opened.consents.find(name);
    return found != opened.consents.end() && found->second;
}

CentralPledge toCentral(pledge::PledgeRecord&& record, const pledge::SealedPledge& opened) {
    CentralPledge p;
    p.uuid = std::move(record.uuid);
    p.kioskId = std::move(record.kioskId);
    p.sequence = record.sequence;
    p.actionId = std::move(record.actionId);
    p.packId = std::move(record.packId);
    p.packVersion = std::move(record.packVersion);
    p.language = std::move(record.language);
    p.createdAtUtc = std::move(record.createdAtUtc);
    p.clockSynced = record.clockSynced;
    p.bootId = std::move(record.bootId);
    p.monotonicMs = record.monotonicMs;
    p.name = field(opened, "name");
    p.email = field(opened, "email");
    p.phone = field(opened, "phone");
    p.state = field(opened, "state");
    p.consentSign = consent(opened, "sign");
    p.consentUpdates = consent(opened, "updates");
    p.consentWordingSha256 = opened.consentWordingSha256;
    p.consentLanguage = opened.consentLanguage;
    return p;
}

// Opening a sealed box costs about 30 µs of X25519: spread it over the cores, a batch at a time, while
// inserts stay on this thread in file order.
constexpr std::size_t kBatchSize = 1024;

void openAll(const std::vector<pledge::PledgeRecord>& batch, const PledgeOpener& open,
             std::vector<std::optional<Result<pledge::SealedPledge>>>& contents) {
    contents.clear();
    contents.resize(batch.size());
    auto openRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            contents[i].emplace(open(batch[i].sealed));
    };
    std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    if (batch.size() < 64 || workers == 1) {
        openRange(0, batch.size());
        return;
    }
    std::vector<std::thread> threads;
    std::size_t slice = (batch.size() + workers - 1) / workers;
    for (std::size_t from = slice; from < batch.size(); from += slice)
        threads.emplace_back(openRange, from, std::min(batch.size(), from + slice));
    openRange(0, std::min(batch.size(), slice));
    for (auto& thread : threads)
        thread.join();
}

void importOne(CentralDb& db, BundleImport& result, const ImportOptions& options) {
    std::uint64_t announced = 0;
    std::uint64_t opened = 0;
    std::string storeError;
    if (auto begun = db.begin(); !begun) {
        result.bundleError = begun.error().message;
        return;
    }
    BundleReadCallbacks callbacks;
    callbacks.onHeader = [&](const BundleHeader& header) -> Result<void> {
        announced = header.count;
        result.kioskId = header.kioskId;
        result.signerKey = publicKeyBase64(header.kioskPublicKey);
        if (options.trustedKiosks && !options.trustedKiosks->contains(result.signerKey))
            return Error{ErrorKind::BadKey, "signed by kiosk key " + result.signerKey +
                                                ", which is not in the trusted kiosk list"};
        return {};
    };
    std::vector<pledge::PledgeRecord> batch;
    std::vector<std::optional<Result<pledge::SealedPledge>>> contents;
    auto storeBatch = [&] {
        openAll(batch, options.open, contents);
        for (std::size_t i = 0; i < batch.size() && storeError.empty(); ++i) {
            pledge::PledgeRecord& record = batch[i];
            const Result<pledge::SealedPledge>& content = *contents[i];
            if (!content) {
                ++result.rejected;
                result.recordErrors.push_back("pledge " + record.uuid + " (sequence " +
                                              std::to_string(record.sequence) +
                                              "): " + content.error().message);
                continue;
            }
            ++opened;
            CentralPledge pledge = toCentral(std::move(record), content.value());
            pledge.reference = options.reference ? options.reference(pledge.uuid) : std::string();
            pledge.kioskPublicKey = result.signerKey;
            pledge.bundle = result.path.filename().string();
            pledge.importedAtUtc = options.importedAtUtc;
            auto stored = db.insert(pledge);
            if (!stored)
                storeError = stored.error().message;
            else if (stored.value() == InsertOutcome::New)
                ++result.added;
            else if (stored.value() == InsertOutcome::Duplicate)
                ++result.duplicates;
            else {
                ++result.rejected;
                result.recordErrors.push_back(
                    "pledge " + pledge.uuid + " (sequence " + std::to_string(pledge.sequence) +
                    "): already imported from another kiosk key; one of the two is "
                    "forged, the first stays (check the kiosk keys, use --trusted-kiosks)");
            }
        }
        batch.clear();
    };
    callbacks.onRecord = [&](pledge::PledgeRecord&& record) {
        batch.push_back(std::move(record));
        if (batch.size() == kBatchSize) storeBatch();
    };
    auto read = readBundle(result.path, callbacks);
    if (read) storeBatch();
    std::string reason;
    if (!read)
        reason = read.error().message;
    else if (!storeError.empty())
        reason = storeError;
    else if (opened == 0)
        reason = "none of its " + std::to_string(announced) +
                 " pledges opens with this coordinator key: it was sealed to another coordinator's key";
    if (reason.empty()) {
        if (auto committed = db.commit(); committed)
            return;
        else
            reason = committed.error().message;
    }
    db.rollback();
    result.bundleError = reason;
    result.added = result.duplicates = 0;
    result.recordErrors.clear();
    result.rejected = announced;
}

}  // namespace

std::string ImportSummary::line() const {
    return "imported " + std::to_string(added) + " new, " + std::to_string(duplicates) + " duplicate, " +
           std::to_string(rejected) + " rejected";
}

std::vector<std::filesystem::path> collectBundles(const std::vector<std::filesystem::path>& inputs,
                                                  std::vector<BundleImport>& missing) {
    std::vector<std::filesystem::path> files;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (std::filesystem::is_directory(input, ec)) {
            std::vector<std::filesystem::path> found;
            for (auto it = std::filesystem::recursive_directory_iterator(
                     input, std::filesystem::directory_options::skip_permission_denied, ec);
                 !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec) && it->path().extension() == kBundleExtension &&
                    it->path().filename().string()[0] != '.')
                    found.push_back(it->path());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (std::filesystem::exists(input, ec)) {
            files.push_back(input);
        } else {
            BundleImport absent;
            absent.path = input;
            absent.bundleError = "no such file or folder";
            missing.push_back(absent);
        }
    }
    std::vector<std::filesystem::path> unique;
    std::set<std::filesystem::path> seen;
    for (const auto& file : files) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(file, ec);
        if (seen.insert(ec ? file : canonical).second) unique.push_back(file);
    }
    return unique;
}

ImportSummary importBundles(CentralDb& db, const std::vector<std::filesystem::path>& inputs,
                            const ImportOptions& options) {
    ImportSummary summary;
    std::vector<BundleImport> missing;
    for (const auto& path : collectBundles(inputs, missing)) {
        BundleImport result;
        result.path = path;
        importOne(db, result, options);
        summary.bundles.push_back(std::move(result));
    }
    summary.bundles.insert(summary.bundles.end(), missing.begin(), missing.end());
    for (const auto& bundle : summary.bundles) {
        summary.added += bundle.added;
        summary.duplicates += bundle.duplicates;
        summary.rejected += bundle.rejected;
    }
    return summary;
}

}  // namespace kiosk::sync
