// Imports bundles: signature and trust checks, opening sealed pledges, merging into the central database.
#include "sync/Import.h"

#include "sync/BundleReader.h"
#include "sync/SigningKey.h"

#include <algorithm>
#include <future>
#include <memory>
#include <optional>
#include <sodium.h>
#include <string>
#include <thread>
#include <utility>

namespace kiosk::sync {

namespace {

CentralPledge toCentral(pledge::PledgeRecord&& record, pledge::SealedPledge&& opened) {
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
    p.fields = std::move(opened.fields);
    p.consents = std::move(opened.consents);
    p.formFields = std::move(opened.formFields);
    p.formConsents = std::move(opened.formConsents);
    p.consentWordingSha256 = std::move(opened.consentWordingSha256);
    p.consentLanguage = std::move(opened.consentLanguage);
    p.sealedFormat = opened.format;
    return p;
}

// A format-2 box names the record it was sealed for; under any other uuid, kiosk, sequence or action it is a
// copy (a replay with a stolen kiosk key), refused whatever arrives first.
std::string bindingProblem(const pledge::PledgeRecord& record, const pledge::SealedPledge& opened) {
    if (opened.format < 2) return {};
    std::string differs;
    auto compare = [&](const char* what, const std::string& inside, const std::string& outside) {
        if (inside != outside)
            differs += std::string(differs.empty() ? "" : ", ") + what + " \"" + inside +
                       "\" (the record says \"" + outside + "\")";
    };
    compare("uuid", opened.uuid, record.uuid);
    compare("kiosk", opened.kioskId, record.kioskId);
    compare("sequence", std::to_string(opened.sequence), std::to_string(record.sequence));
    compare("action", opened.actionId, record.actionId);
    if (differs.empty()) return {};
    return "the sealed box was made for another pledge (" + differs +
           "): a copy under a new identity, refused as a replay (was a kiosk key stolen?)";
}

std::string sha256Hex(std::span<const unsigned char> bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, bytes.data(), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool trustedFor(const ImportOptions& options, const std::string& key, const std::string& kioskId) {
    if (!options.trustedKiosks) return false;
    auto found = options.trustedKiosks->find(key);
    return found != options.trustedKiosks->end() && found->second.contains(kioskId);
}

// A pledge whose uuid or sealed box is already taken. With a trusted list (this bundle passed it), a row
// signed by a key the list does not allow for its kiosk was a forgery that arrived first: it moves aside and
// this pledge takes its place (returns ""). Otherwise this pledge is kept aside whole in the conflicts table
// and the reason is returned: the first stays, nothing is lost, and the report shows it.
Result<std::string> settle(CentralDb& db, const CentralPledge& pledge, InsertOutcome outcome,
                           const ImportOptions& options) {
    auto owner = db.blocking(pledge);
    if (!owner) return owner.error();
    if (options.trustedKiosks && owner.value() &&
        !trustedFor(options, owner.value()->kioskPublicKey, owner.value()->kioskId)) {
        auto replaced = db.replace(owner.value()->uuid, pledge,
                                   "displaced: signed by kiosk key " + owner.value()->kioskPublicKey +
                                       ", which the trusted kiosk list does not allow for kiosk " +
                                       owner.value()->kioskId);
        if (!replaced) return replaced.error();
        return std::string();
    }
    std::string reason =
        outcome == InsertOutcome::Replay
            ? "its sealed box was already imported under another uuid or kiosk: a copy, refused as a replay "
              "(was a kiosk key stolen?)"
            : "already imported from another kiosk key or with other contents; one of the two is forged, the "
              "first stays (check the kiosk keys and import again with --trusted-kiosks to settle it)";
    if (auto kept = db.setAside(pledge, reason); !kept) return kept.error();
    return reason + "; kept aside in the conflicts table";
}

// Opening a sealed box costs about 40 µs of X25519: spread it over the cores, a batch at a time, while
// inserts stay on this thread in file order. The box's hash is made there too (libsodium's SHA-256 is plain
// C: about a quarter of the inserting thread's work when it was made there).
constexpr std::size_t kBatchSize = 1024;

struct OpenedBox {
    Result<pledge::SealedPledge> content;
    std::string sha256;
};

void openAll(const std::vector<pledge::PledgeRecord>& batch, const PledgeOpener& open,
             std::vector<std::optional<OpenedBox>>& contents) {
    contents.clear();
    contents.resize(batch.size());
    auto openRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            contents[i].emplace(OpenedBox{open(batch[i].sealed), sha256Hex(batch[i].sealed)});
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
        if (options.trustedKiosks) {
            auto found = options.trustedKiosks->find(result.signerKey);
            if (found == options.trustedKiosks->end())
                return Error{ErrorKind::BadKey, "signed by kiosk key " + result.signerKey +
                                                    ", which is not in the trusted kiosk list"};
            if (!found->second.contains(header.kioskId))
                return Error{ErrorKind::BadKey,
                             "signed by kiosk key " + result.signerKey + " for kiosk \"" + header.kioskId +
                                 "\", which the trusted kiosk list does not allow that key "
                                 "to sign for (a stolen key posing as another kiosk?)"};
        }
        return {};
    };
    // A batch's boxes are opened on the other cores while the batch before it is stored on this thread.
    struct Batch {
        std::vector<pledge::PledgeRecord> records;
        std::vector<std::optional<OpenedBox>> contents;
        std::future<void> opened;
    };
    // Held by pointer: the workers keep references into a batch while it moves from reading to opening.
    auto reading = std::make_unique<Batch>();
    std::unique_ptr<Batch> opening;
    auto storeBatch = [&](Batch& done) {
        done.opened.get();
        std::vector<pledge::PledgeRecord>& batch = done.records;
        std::vector<std::optional<OpenedBox>>& contents = done.contents;
        for (std::size_t i = 0; i < batch.size() && storeError.empty(); ++i) {
            pledge::PledgeRecord& record = batch[i];
            Result<pledge::SealedPledge>& content = contents[i]->content;
            auto refuse = [&](const std::string& why) {
                ++result.rejected;
                result.recordErrors.push_back("pledge " + record.uuid + " (sequence " +
                                              std::to_string(record.sequence) + "): " + why);
            };
            if (!content) {
                refuse(content.error().message);
                continue;
            }
            ++opened;
            if (auto problem = bindingProblem(record, content.value()); !problem.empty()) {
                refuse(problem);
                continue;
            }
            CentralPledge pledge = toCentral(std::move(record), std::move(content).value());
            pledge.sealedSha256 = std::move(contents[i]->sha256);
            pledge.reference = options.reference ? options.reference(pledge.uuid) : std::string();
            pledge.kioskPublicKey = result.signerKey;
            pledge.bundle = result.path.filename().string();
            pledge.importedAtUtc = options.importedAtUtc;
            auto stored = db.insert(pledge);
            if (!stored) {
                storeError = stored.error().message;
            } else if (stored.value() == InsertOutcome::New) {
                ++result.added;
            } else if (stored.value() == InsertOutcome::Duplicate) {
                ++result.duplicates;
            } else if (auto settled = settle(db, pledge, stored.value(), options); !settled) {
                storeError = settled.error().message;
            } else if (settled.value().empty()) {
                ++result.added;
                ++result.displaced;
            } else {
                ++result.rejected;
                result.recordErrors.push_back("pledge " + pledge.uuid + " (sequence " +
                                              std::to_string(pledge.sequence) + "): " + settled.value());
            }
        }
    };
    // Starts opening what was read, then stores the batch opened before it.
    auto handOver = [&] {
        std::unique_ptr<Batch> next = std::exchange(reading, std::make_unique<Batch>());
        Batch* started = next.get();
        started->opened = std::async(std::launch::async, [started, &open = options.open] {
            openAll(started->records, open, started->contents);
        });
        if (opening) storeBatch(*opening);
        opening = std::move(next);
    };
    callbacks.onRecord = [&](pledge::PledgeRecord&& record) {
        reading->records.push_back(std::move(record));
        if (reading->records.size() == kBatchSize) handOver();
    };
    std::vector<StoredCount> counts;
    callbacks.onCount = [&](StoredCount&& row) { counts.push_back(std::move(row)); };
    auto read = readBundle(result.path, callbacks);
    if (read) {
        handOver();
        storeBatch(*opening);
    } else if (opening) {
        opening->opened.wait();  // its records and results must outlive the workers
    }
    // Counts by their batch: a batch already imported (this bundle again, or another that carried it) adds
    // nothing, so nothing is counted twice.
    for (std::size_t i = 0; read && storeError.empty() && i < counts.size(); ++i) {
        auto stored = db.insertCount(counts[i], result.signerKey, result.path.filename().string(),
                                     options.importedAtUtc);
        if (!stored)
            storeError = stored.error().message;
        else if (stored.value())
            ++result.countsAdded;
        else
            ++result.countsDuplicate;
    }
    std::string reason;
    if (!read)
        reason = read.error().message;
    else if (!storeError.empty())
        reason = storeError;
    else if (opened == 0 && announced > 0)
        reason = "none of its " + std::to_string(announced) +
                 " pledges opens with this coordinator key: it was sealed to another coordinator's key";
    if (reason.empty() && read.value().chainNumber > 0) {
        const BundleHeader& header = read.value();
        result.chainNumber = header.chainNumber;
        auto noted = db.recordBundle(header.kioskId, header.chainNumber, chainHashHex(header.chainHash),
                                     chainHashHex(header.previousChainHash), result.signerKey,
                                     result.path.filename().string(), options.importedAtUtc);
        if (!noted) reason = noted.error().message;
    }
    if (reason.empty()) {
        if (auto committed = db.commit(); committed)
            return;
        else
            reason = committed.error().message;
    }
    db.rollback();
    result.bundleError = reason;
    result.added = result.duplicates = 0;
    result.countsAdded = result.countsDuplicate = 0;
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
            if (std::filesystem::is_regular_file(input, ec)) {
                files.push_back(input);
            } else {
                BundleImport odd;
                odd.path = input;
                odd.bundleError = "not a regular file (a FIFO, device or socket): refused without opening it";
                missing.push_back(odd);
            }
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
