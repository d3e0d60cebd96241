// Export to a stick and push now for the kiosk's admin screen: sync/'s pieces in order, with the outcome
// reported as data and written to the sync log.
#include "sync/KioskSync.h"

#include "sync/BundleReader.h"
#include "sync/Export.h"
#include "sync/FileIo.h"
#include "sync/SyncLog.h"

#include <algorithm>

namespace kiosk::sync {

namespace {

// The log is a display aid: failing to write it is said, never fatal.
void note(SyncAttempt& attempt, const KioskSyncSettings& settings, SyncKind kind, const std::string& nowUtc) {
    auto noted = attempt.ok ? recordSyncSuccess(settings.dataDir, kind, attempt.pledges, nowUtc)
                            : recordSyncFailure(settings.dataDir, kind, attempt.failure, nowUtc);
    if (!noted) attempt.logProblem = noted.error().message;
}

Result<std::int64_t> purge(pledge::PledgeStore& store, const KioskSyncSettings& settings,
                           const std::string& nowUtc) {
    return purgeDelivered(store, settings.dataDir, settings.keepDaysAfterDelivery, nowUtc);
}

// Takes a bundle back that never reached its destination: its pledges become unexported again.
void takeBack(pledge::PledgeStore& store, const std::filesystem::path& bundle) {
    if (store.forgetExport(bundle.filename().string())) {
        std::error_code ignored;
        std::filesystem::remove(bundle, ignored);
    }
}

std::vector<std::filesystem::path> bundlesIn(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> bundles;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        if (entry.is_regular_file() && entry.path().extension() == kBundleExtension &&
            entry.path().filename().string()[0] != '.')
            bundles.push_back(entry.path());
    std::sort(bundles.begin(), bundles.end());
    return bundles;
}

// After a confirmed delivery: the pledges are marked delivered and the bundle rests in sent/ (dated now,
// so keep_days_after_delivery counts from the delivery).
Result<void> settleDelivered(pledge::PledgeStore& store, const KioskSyncSettings& settings,
                             const std::filesystem::path& bundle, const std::string& nowUtc) {
    const std::string name = bundle.filename().string();
    auto marked = store.markDelivered(name, nowUtc);
    if (!marked) return marked.error();
    const auto sent = sentFolder(settings.dataDir);
    std::error_code error;
    std::filesystem::create_directories(sent, error);
    std::filesystem::rename(bundle, sent / name, error);
    if (error)
        return Error{ErrorKind::Io,
                     bundle.string() + ": cannot move to " + sent.string() + ": " + error.message()};
    std::filesystem::last_write_time(sent / name, std::filesystem::file_time_type::clock::now(), error);
    return fsyncFolder(bundle.parent_path());
}

}  // namespace

SyncAttempt exportToFolder(pledge::PledgeStore& store, const SigningKey& key,
                           const KioskSyncSettings& settings, const std::filesystem::path& folder,
                           const std::string& nowUtc) {
    SyncAttempt attempt;
    const auto failed = [&](const std::string& why) {
        attempt.ok = false;
        attempt.outcome = SyncAttempt::Outcome::Failed;
        attempt.failure = why;
        note(attempt, settings, SyncKind::Export, nowUtc);
        return attempt;
    };
    if (auto purged = purge(store, settings, nowUtc); !purged) return failed(purged.error().message);
    auto exported = exportPending(store, key, outboxFolder(settings.dataDir), nowUtc, folder);
    if (!exported) return failed(exported.error().message);
    const auto& bundles = exported.value();
    bool unmarked = false;
    for (std::size_t i = 0; i < bundles.size(); ++i) {
        if (bundles[i].straightToStick) {
            attempt.pledges += bundles[i].count;
            if (!bundles[i].marked) unmarked = true;
            continue;
        }
        auto copied = copyIntoFolder(bundles[i].path, folder);
        if (!copied) {
            for (std::size_t j = i; j < bundles.size(); ++j)
                takeBack(store, bundles[j].path);
            return failed(copied.error().message);
        }
        attempt.pledges += bundles[i].count;
    }
    // Earlier bundles a failed push left in the outbox go on the stick too: otherwise an offline booth with
    // a sync url would strand them there.
    for (const auto& bundle : undeliveredBundles(settings.dataDir)) {
        const bool justWritten = std::any_of(bundles.begin(), bundles.end(), [&](const auto& b) {
            return b.path.filename() == bundle.filename();
        });
        if (justWritten) continue;
        auto header = readBundleHeader(bundle);
        if (!header) continue;  // a damaged outbox file is reported by push; the stick gets the rest
        if (auto copied = copyIntoFolder(bundle, folder); !copied) return failed(copied.error().message);
        attempt.resent += header.value().count;
    }
    attempt.ok = true;
    if (attempt.pledges == 0) {
        attempt.outcome = SyncAttempt::Outcome::NothingNew;
        return attempt;
    }
    attempt.outcome = SyncAttempt::Outcome::Done;
    attempt.unnoted = unmarked;
    note(attempt, settings, SyncKind::Export, nowUtc);
    return attempt;
}

SyncAttempt pushPending(pledge::PledgeStore& store, const SigningKey& key, const KioskSyncSettings& settings,
                        const PushOptions& options, std::chrono::milliseconds budget,
                        const std::string& nowUtc) {
    const std::string& url = options.transport.location;
    // Only a server confirms delivery: a folder here would mark pledges delivered that are only on a stick.
    auto transport = url.empty() || url.front() == '/' || url.rfind("file:", 0) == 0
                         ? Result<std::unique_ptr<Transport>>(Error{ErrorKind::NotSetUp, "no [sync] url"})
                         : openTransport(options.transport);
    if (!transport) {
        SyncAttempt attempt;
        attempt.outcome = transport.error().kind == ErrorKind::NotSetUp ? SyncAttempt::Outcome::NoServer
                                                                        : SyncAttempt::Outcome::BadServer;
        attempt.failure = transport.error().message;
        return attempt;
    }
    return pushPending(store, key, settings, **transport, budget, nowUtc);
}

SyncAttempt pushPending(pledge::PledgeStore& store, const SigningKey& key, const KioskSyncSettings& settings,
                        Transport& server, std::chrono::milliseconds budget, const std::string& nowUtc) {
    SyncAttempt attempt;
    const auto failed = [&](const std::string& why) {
        attempt.ok = false;
        attempt.outcome = SyncAttempt::Outcome::Failed;
        attempt.failure = why;
        note(attempt, settings, SyncKind::Push, nowUtc);
        return attempt;
    };
    if (auto purged = purge(store, settings, nowUtc); !purged) return failed(purged.error().message);
    if (auto exported = exportPending(store, key, outboxFolder(settings.dataDir), nowUtc); !exported)
        return failed(exported.error().message);

    const auto start = std::chrono::steady_clock::now();
    const auto bundles = bundlesIn(outboxFolder(settings.dataDir));
    std::size_t delivered = 0;
    for (const auto& bundle : bundles) {
        if (std::chrono::steady_clock::now() - start > budget) break;
        const auto header = readBundleHeader(bundle);
        if (auto delivered = server.deliver(bundle); !delivered) return failed(delivered.error().message);
        if (auto settled = settleDelivered(store, settings, bundle, nowUtc); !settled)
            return failed("delivered, but " + settled.error().message);
        ++delivered;
        if (header) attempt.pledges += header.value().count;
    }
    if (auto purged = purge(store, settings, nowUtc); !purged) return failed(purged.error().message);
    attempt.ok = true;
    if (bundles.empty()) {
        // Nothing was sent, so nothing was learnt about the network: not a sync for the log.
        attempt.outcome = SyncAttempt::Outcome::NothingNew;
        return attempt;
    }
    attempt.outcome = SyncAttempt::Outcome::Done;
    attempt.bundlesLeft = bundles.size() - delivered;
    note(attempt, settings, SyncKind::Push, nowUtc);
    return attempt;
}

}  // namespace kiosk::sync
