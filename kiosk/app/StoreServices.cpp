// Wiring the pledge back end to the controller; nothing personal is ever logged here.
#include "app/StoreServices.h"

#include "app/PackUpdates.h"
#include "core/TimeFormat.h"
#include "platform/RemovableDrives.h"
#include "pledge/CaptureFacts.h"
#include "sync/Export.h"
#include "sync/KioskSync.h"
#include "sync/SyncLog.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <sstream>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {
std::string localDate(std::time_t now) {
    return formatLocal(now, "%Y-%m-%d");
}

std::string localDateTime(std::time_t now) {
    return formatLocal(now, "%Y-%m-%d %H:%M");
}

// The zone the clock speaks, so a volunteer does not "correct" a right clock: "Asia/Kuala_Lumpur, +08".
std::string zoneName(std::time_t now) {
    const std::string abbreviation = formatLocal(now, "%Z");
    const char* tz = std::getenv("TZ");
    return "(" + (tz && *tz ? std::string(tz) + ", " : std::string()) + abbreviation + ")";
}

// "2024-06-01T10:00:00Z" as local "2024-06-01 18:00"; anything else as it is.
std::string localFromUtc(const std::string& utc) {
    std::tm parsed{};
    const char* end = strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parsed);
    if (end == nullptr || *end != '\0') return utc;
    return localDateTime(timegm(&parsed));
}

std::int64_t unixMillisNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string nowUtc() {
    return pledge::utcTimestamp(std::chrono::system_clock::now());
}

// Where pushes go, as a volunteer can check it: scheme and host only, never a password in the url.
std::string syncServer(const std::string& url) {
    const auto scheme = url.find("://");
    std::string host = scheme == std::string::npos ? url : url.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    if (const auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
    return (scheme == std::string::npos ? "" : url.substr(0, scheme + 3)) + host;
}
}  // namespace

StoreServices::StoreServices(const config::KioskConfig& config, const fs::path& configFile,
                             std::string packLine)
    : dataDir_(config.dataDir), sync_(config.sync), packLine_(std::move(packLine)) {
    // A coordinator secret key beside the config means this is a development set-up (`make run`): a real
    // kiosk never holds the key that opens its pledges.
    if (!configFile.empty()) {
        std::error_code error;
        developmentKey_ = fs::exists(configFile.parent_path() / "coordinator.key", error);
    }
    if (!config.adminPinHash.empty()) pinGate_.emplace(config.adminPinHash);

    if (dataDir_.empty()) {
        storeProblem_ = "not set up to collect: no data_dir in the config";
        signingProblem_ = "no data_dir in the config";
        return;
    }
    // Made on first start: the coordinator learns this kiosk's public key from the admin screen.
    auto signing = sync::loadOrCreateSigningKey(dataDir_);
    if (signing) {
        signingKey_ = signing.value();
        sync::keepExportReserve(sync::outboxFolder(dataDir_));  // so an export on a full card can note itself
    } else {
        signingProblem_ = signing.error().message;
        note("no kiosk signing key, so no export or sync: " + signingProblem_);
    }
    auto opened = pledge::PledgeStore::open(dataDir_);
    if (!opened) {
        storeProblem_ = "cannot store pledges in " + dataDir_.string() + ": " + opened.error().message;
        note(storeProblem_);
        return;
    }
    store_ = std::make_unique<pledge::PledgeStore>(std::move(opened).value());
    if (!store_->openNotice().empty()) note(store_->openNotice());
    // The lock-out as it was before a restart or power cut: pulling the plug gives no fresh guesses.
    if (pinGate_) {
        if (const auto saved = store_->loadPinLockout())
            pinGate_->restoreLockout(pledge::PinLockout::restore(*saved, Millis{0}, unixMillisNow()));
    }
    recorder_.emplace(*store_, config.kioskId, config.coordinatorPublicKey);
}

void StoreServices::note(std::string error) {
    std::lock_guard lock(errorsMutex_);
    std::cerr << "kiosk: " << error << '\n';
    errors_.push_front(std::move(error));
    if (errors_.size() > 5) errors_.pop_back();
}

std::string StoreServices::collectionProblem() const {
    if (!storeProblem_.empty()) return storeProblem_;
    const auto ready = recorder_->readiness();
    return ready ? std::string() : ready.error().message;
}

PledgeOutcome StoreServices::submitPledge(const form::Form& form, const form::FormState& values,
                                          const std::map<std::string, bool>& ticked,
                                          const form::PledgeContext& context) {
    if (!recorder_) return {PledgeOutcome::Kind::NotSetUp, "", "", collectionProblem()};
    auto saved = recorder_->record(form, values, ticked, context);
    if (saved) return {PledgeOutcome::Kind::Saved, saved.value().uuid, saved.value().referenceCode, ""};
    const auto& error = saved.error();
    using Kind = PledgeOutcome::Kind;
    switch (error.kind) {
    case pledge::ErrorKind::AlreadySigned:
        return {Kind::AlreadySigned, "", "", error.message};
    case pledge::ErrorKind::NotSetUp:
        return {Kind::NotSetUp, "", "", error.message};
    case pledge::ErrorKind::Invalid:
        return {Kind::Invalid, "", "", error.message};
    case pledge::ErrorKind::StorageFull:
        note("pledge not saved, storage full: " + error.message);
        return {Kind::StorageFull, "", "", error.message};
    default:
        note("pledge not saved: " + error.message);
        return {Kind::Failed, "", "", error.message};
    }
}

PinCheck StoreServices::checkPin(const std::string& pin, Millis now) {
    if (!pinGate_) return PinCheck::NotConfigured;
    if (makeRoom_) makeRoom_();
    const auto outcome = pinGate_->attempt(pin, now);
    if (store_ && outcome != pledge::PinGate::Outcome::LockedOut) {
        if (auto saved = store_->savePinLockout(pinGate_->lockout().save(now, unixMillisNow())); !saved)
            note(saved.error().message);
    }
    switch (outcome) {
    case pledge::PinGate::Outcome::Accepted:
        return PinCheck::Accepted;
    case pledge::PinGate::Outcome::Rejected:
        return PinCheck::Rejected;
    case pledge::PinGate::Outcome::LockedOut:
        return PinCheck::LockedOut;
    }
    return PinCheck::Rejected;
}

Millis StoreServices::pinLockRemaining(Millis now) const {
    return pinGate_ ? pinGate_->lockout().remaining(now) : Millis{0};
}

screens::AdminStatus StoreServices::adminStatus() {
    screens::AdminStatus status;
    const std::time_t now = std::time(nullptr);
    status.pack = packLine_;
    if (packUpdates_) packUpdates_->fillStatus(status);
    status.clockSynced = pledge::systemClockSynchronised();
    status.clock = localDateTime(now) + " " + zoneName(now);
    const std::string problem = collectionProblem();
    status.collecting = problem.empty() ? "ready" : problem;
    if (dataDir_.empty()) {
        status.noDataDir = true;
    } else {
        std::error_code error;
        const auto space = fs::space(dataDir_, error);
        if (error)
            status.freeBytesError = error.message();
        else
            status.freeBytes = space.available;
    }
    if (pledge::PledgeStore* store = store_ ? workStore() : nullptr) {
        auto counts = store->counts(localDate(now));
        if (counts) {
            status.total = counts.value().total;
            status.today = counts.value().today;
            status.unsynced = counts.value().unsynced;
            for (std::size_t hour = 0; hour < 24; ++hour)
                status.perHour[hour] = counts.value().perHourToday[hour];
            fillSyncFigures(status, counts.value());
        } else {
            note("cannot count pledges: " + counts.error().message);
        }
    }
    status.kioskKey = signingKey_ ? sync::publicKeyBase64(*signingKey_) : "none (" + signingProblem_ + ")";
    status.syncRoute = sync_.url.empty() ? screens::SyncRoute::UsbOnly : screens::SyncRoute::Server;
    if (!sync_.url.empty()) status.syncServer = syncServer(sync_.url);
    status.pushEvery = std::chrono::minutes(KIOSK_PUSH_EVERY_MINUTES);
    std::lock_guard lock(errorsMutex_);
    status.lastErrors.assign(errors_.begin(), errors_.end());
    return status;
}

pledge::PledgeStore* StoreServices::workStore() {
    if (workStore_) return workStore_.get();
    auto opened = pledge::PledgeStore::open(dataDir_);
    if (!opened) {
        note("cannot open the pledge store for sync and figures: " + opened.error().message);
        return nullptr;
    }
    workStore_ = std::make_unique<pledge::PledgeStore>(std::move(opened).value());
    return workStore_.get();
}

void StoreServices::fillSyncFigures(screens::AdminStatus& status, const pledge::PledgeCounts& counts) const {
    status.exported = counts.total - counts.unexported;
    status.delivered = counts.total - counts.unsynced;
    status.pending = counts.unsynced;
    // The kiosk's own exports and pushes are in the sync log; the timer's pushes (kioskctl push) show as
    // delivered bundles in sent/. The later of the two is the last sync.
    const sync::SyncLog log = sync::readSyncLog(dataDir_);
    const std::string delivered = sync::lastDeliveryUtc(dataDir_);
    if (!delivered.empty() && delivered > log.lastSuccessUtc)
        status.lastSync = localFromUtc(delivered) + ", delivered to the server";
    else if (!log.lastSuccessUtc.empty())
        status.lastSync = localFromUtc(log.lastSuccessUtc) + ", " + log.lastSuccess;
    if (!log.lastError.empty() && log.lastErrorUtc > delivered)
        status.lastSyncError = localFromUtc(log.lastErrorUtc) + ", " + log.lastError;
}

std::string StoreServices::syncProblem() const {
    if (!store_) return "Export and sync are not possible: " + storeProblem_ + ".";
    if (!signingKey_)
        return "Export and sync are not possible: this kiosk has no signing key (" + signingProblem_ + ").";
    return "";
}

std::string StoreServices::exportToUsb() {
    if (const std::string problem = syncProblem(); !problem.empty()) return problem;
    const auto sticks = platform::findRemovableMounts();
    if (sticks.empty()) return "No USB stick found: plug one in and try again";
    const auto writable =
        std::find_if(sticks.begin(), sticks.end(), [](const auto& stick) { return !stick.readOnly; });
    if (writable == sticks.end())
        return "The USB stick can only be read: check its lock switch, then take it out and plug it in "
               "again.";
    const auto folder = writable->mountPoint / sync::kStickFolderName;
    pledge::PledgeStore* store = workStore();
    if (!store) return "Export is not possible: the pledge store cannot be opened (see the problems below).";
    const auto attempt =
        sync::exportToFolder(*store, *signingKey_, {dataDir_, sync_.keepDaysAfterDelivery}, folder, nowUtc());
    std::cerr << "kiosk: export to USB: " << attempt.message << '\n';
    return attempt.message;
}

std::string StoreServices::syncNow() {
    if (const std::string problem = syncProblem(); !problem.empty()) return problem;
    // One short try: the volunteer is looking at a waiting screen. The timer's kioskctl push retries
    // with patience in the background.
    sync::PushOptions options;
    options.transport.location = sync_.url;
    options.transport.token = sync_.token;
    options.transport.caFile = sync_.caFile.string();
    options.transport.attempts = 1;
    options.transport.connectTimeout = std::chrono::seconds(3);
    options.transport.totalTimeout = std::chrono::seconds(6);
    options.transport.allowInsecureLoopback = allowInsecureLoopback_;
    pledge::PledgeStore* store = workStore();
    if (!store) return "Sync is not possible: the pledge store cannot be opened (see the problems below).";
    const auto attempt = sync::pushPending(*store, *signingKey_, {dataDir_, sync_.keepDaysAfterDelivery},
                                           options, std::chrono::seconds(6), nowUtc());
    std::cerr << "kiosk: sync now: " << attempt.message << '\n';
    return attempt.message;
}

std::string StoreServices::checkForUpdate() {
    if (!packUpdates_) return KioskServices::checkForUpdate();
    return packUpdates_->check();
}

std::string StoreServices::adjustClock(std::chrono::seconds delta) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    now.tv_sec += delta.count();
    if (clock_settime(CLOCK_REALTIME, &now) != 0)
        return std::string("cannot set the clock (") + std::strerror(errno) +
               "): the kiosk service needs CAP_SYS_TIME (see systemd/outreach-kiosk.service)";
    return "";
}

}  // namespace kiosk::app
