// Wiring the pledge back end to the controller; nothing personal is ever logged here.
#include "app/StoreServices.h"

#include "app/PackUpdates.h"
#include "core/TimeFormat.h"
#include "platform/RemovableDrives.h"
#include "pledge/CaptureFacts.h"
#include "pledge/Keys.h"
#include "reports/VolunteerWords.h"
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

// The menu's report of an attempt by sync/.
reports::SyncOutcome outcomeOf(const sync::SyncAttempt& attempt, reports::SyncWork work,
                               const fs::path& folder = {}) {
    using Result = reports::SyncOutcome::Result;
    reports::SyncOutcome outcome;
    outcome.work = work;
    switch (attempt.outcome) {
    case sync::SyncAttempt::Outcome::Done:
        outcome.result = Result::Done;
        break;
    case sync::SyncAttempt::Outcome::NothingNew:
        outcome.result = Result::NothingNew;
        break;
    case sync::SyncAttempt::Outcome::NoServer:
        outcome.result = Result::NoServer;
        break;
    case sync::SyncAttempt::Outcome::BadServer:
        outcome.result = Result::BadServer;
        break;
    case sync::SyncAttempt::Outcome::Failed:
        outcome.result = Result::Failed;
        break;
    }
    outcome.pledges = attempt.pledges;
    outcome.resent = attempt.resent;
    outcome.folder = folder.string();
    outcome.unnoted = attempt.unnoted;
    outcome.bundlesLeft = attempt.bundlesLeft;
    outcome.detail = attempt.failure;
    outcome.logProblem = attempt.logProblem;
    return outcome;
}

reports::SyncWork workOf(sync::SyncKind kind) {
    return kind == sync::SyncKind::Export ? reports::SyncWork::Export : reports::SyncWork::Push;
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
    // In the order the recorder checks them (PledgeRecorder::readiness).
    if (config.coordinatorPublicKey.empty()) {
        keyBlock_ = reports::CollectionBlock::NoCoordinatorKey;
    } else if (auto key = pledge::parsePublicKey(config.coordinatorPublicKey); !key) {
        keyBlock_ = reports::CollectionBlock::BadCoordinatorKey;
        keyDetail_ = key.error().message;
    } else if (config.kioskId.empty()) {
        keyBlock_ = reports::CollectionBlock::NoKioskId;
    }

    if (dataDir_.empty()) {
        storeProblem_ = {reports::CollectionBlock::NoDataDir, "", ""};
        return;
    }
    // Made on first start: the coordinator learns this kiosk's public key from the admin screen.
    auto signing = sync::loadOrCreateSigningKey(dataDir_);
    if (signing) {
        signingKey_ = signing.value();
        sync::keepExportReserve(sync::outboxFolder(dataDir_));  // so an export on a full card can note itself
    } else {
        signingProblem_ = signing.error().message;
        note(reports::KioskProblem::Kind::NoSigningKey, signingProblem_);
    }
    auto opened = pledge::PledgeStore::open(dataDir_);
    if (!opened) {
        storeProblem_ = {reports::CollectionBlock::StoreUnavailable, opened.error().message,
                         dataDir_.string()};
        reports::KioskProblem problem{reports::KioskProblem::Kind::StoreUnavailable, opened.error().message};
        problem.folder = dataDir_.string();
        note(std::move(problem));
        return;
    }
    store_ = std::make_unique<pledge::PledgeStore>(std::move(opened).value());
    if (!store_->openNotice().empty()) note(reports::KioskProblem::Kind::StoreSays, store_->openNotice());
    // The lock-out as it was before a restart or power cut: pulling the plug gives no fresh guesses.
    if (pinGate_) {
        if (const auto saved = store_->loadPinLockout())
            pinGate_->restoreLockout(pledge::PinLockout::restore(*saved, Millis{0}, unixMillisNow()));
    }
    recorder_.emplace(*store_, config.kioskId, config.coordinatorPublicKey);
}

void StoreServices::note(reports::KioskProblem problem) {
    std::lock_guard lock(problemsMutex_);
    std::cerr << "kiosk: " << reports::problemText(problem) << '\n';
    problems_.push_front(std::move(problem));
    if (problems_.size() > 5) problems_.pop_back();
}

reports::Collection StoreServices::collection() const {
    if (!storeProblem_.ready()) return storeProblem_;
    return {keyBlock_, keyDetail_};
}

PledgeOutcome StoreServices::submitPledge(const form::Form& form, const form::FormState& values,
                                          const std::map<std::string, bool>& ticked,
                                          const form::PledgeContext& context) {
    if (!recorder_) return {PledgeOutcome::Kind::NotSetUp, "", "", ""};
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
        note(reports::KioskProblem::Kind::StorageFull, error.message);
        return {Kind::StorageFull, "", "", error.message};
    default:
        note(reports::KioskProblem::Kind::PledgeNotSaved, error.message);
        return {Kind::Failed, "", "", error.message};
    }
}

PinCheck StoreServices::checkPin(const std::string& pin, Millis now) {
    if (!pinGate_) return PinCheck::NotConfigured;
    if (makeRoom_) makeRoom_();
    const auto outcome = pinGate_->attempt(pin, now);
    if (store_ && outcome != pledge::PinGate::Outcome::LockedOut) {
        if (auto saved = store_->savePinLockout(pinGate_->lockout().save(now, unixMillisNow())); !saved)
            note(reports::KioskProblem::Kind::StoreSays, saved.error().message);
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
    status.clock = localDateTime(now);
    const char* zone = std::getenv("TZ");  // Settings set it from the config's time_zone
    status.clockZone = zone ? zone : "";
    status.clockZoneAbbreviation = formatLocal(now, "%Z");
    status.collecting = collection();
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
            note(reports::KioskProblem::Kind::CannotCount, counts.error().message);
        }
    }
    if (signingKey_)
        status.kioskKey = sync::publicKeyBase64(*signingKey_);
    else
        status.kioskKeyProblem = signingProblem_;
    status.syncRoute = sync_.url.empty() ? screens::SyncRoute::UsbOnly : screens::SyncRoute::Server;
    if (!sync_.url.empty()) status.syncServer = syncServer(sync_.url);
    status.pushEvery = std::chrono::minutes(KIOSK_PUSH_EVERY_MINUTES);
    std::lock_guard lock(problemsMutex_);
    status.lastProblems.assign(problems_.begin(), problems_.end());
    return status;
}

pledge::PledgeStore* StoreServices::workStore() {
    if (workStore_) return workStore_.get();
    auto opened = pledge::PledgeStore::open(dataDir_);
    if (!opened) {
        note(reports::KioskProblem::Kind::CountsUnavailable, opened.error().message);
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
    if (!delivered.empty() && delivered > log.lastSuccessUtc) {
        status.lastSync.when = localFromUtc(delivered);
        status.lastSync.what = reports::LastSync::What::Delivered;
    } else if (!log.lastSuccessUtc.empty()) {
        status.lastSync.when = localFromUtc(log.lastSuccessUtc);
        status.lastSync.what = log.lastSuccessKind == sync::SyncKind::Export
                                   ? reports::LastSync::What::Exported
                                   : reports::LastSync::What::Sent;
        status.lastSync.pledgesKnown = log.lastSuccessPledges.has_value();
        status.lastSync.pledges = log.lastSuccessPledges.value_or(0);
    }
    if (!log.lastError.empty() && log.lastErrorUtc > delivered) {
        status.lastSyncError.when = localFromUtc(log.lastErrorUtc);
        status.lastSyncError.work = workOf(log.lastErrorKind);
        status.lastSyncError.detail = log.lastError;
    }
}

std::optional<reports::SyncOutcome> StoreServices::syncProblem(reports::SyncWork work) const {
    reports::SyncOutcome outcome;
    outcome.work = work;
    if (!store_) {
        outcome.result = reports::SyncOutcome::Result::NoStore;
        outcome.store = storeProblem_;
        return outcome;
    }
    if (!signingKey_) {
        outcome.result = reports::SyncOutcome::Result::NoSigningKey;
        outcome.detail = signingProblem_;
        return outcome;
    }
    return std::nullopt;
}

reports::SyncOutcome StoreServices::exportToUsb() {
    using Result = reports::SyncOutcome::Result;
    if (auto problem = syncProblem(reports::SyncWork::Export)) return *problem;
    reports::SyncOutcome outcome;
    outcome.work = reports::SyncWork::Export;
    const auto sticks = platform::findRemovableMounts();
    const auto writable =
        std::find_if(sticks.begin(), sticks.end(), [](const auto& stick) { return !stick.readOnly; });
    if (sticks.empty() || writable == sticks.end()) {
        outcome.result = sticks.empty() ? Result::NoStick : Result::StickReadOnly;
        return outcome;
    }
    const auto folder = writable->mountPoint / sync::kStickFolderName;
    pledge::PledgeStore* store = workStore();
    if (!store) {
        outcome.result = Result::StoreClosed;
        return outcome;
    }
    outcome = outcomeOf(
        sync::exportToFolder(*store, *signingKey_, {dataDir_, sync_.keepDaysAfterDelivery}, folder, nowUtc()),
        reports::SyncWork::Export, folder);
    std::cerr << "kiosk: export to USB: " << reports::syncOutcomeText(outcome) << '\n';
    return outcome;
}

reports::SyncOutcome StoreServices::syncNow() {
    if (auto problem = syncProblem(reports::SyncWork::Push)) return *problem;
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
    if (!store) {
        reports::SyncOutcome outcome;
        outcome.work = reports::SyncWork::Push;
        outcome.result = reports::SyncOutcome::Result::StoreClosed;
        return outcome;
    }
    auto outcome = outcomeOf(sync::pushPending(*store, *signingKey_, {dataDir_, sync_.keepDaysAfterDelivery},
                                               options, std::chrono::seconds(6), nowUtc()),
                             reports::SyncWork::Push);
    std::cerr << "kiosk: sync now: " << reports::syncOutcomeText(outcome) << '\n';
    return outcome;
}

reports::UpdateOutcome StoreServices::checkForUpdate() {
    if (!packUpdates_) return KioskServices::checkForUpdate();
    return packUpdates_->check();
}

reports::ClockSetting StoreServices::adjustClock(std::chrono::seconds delta) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    now.tv_sec += delta.count();
    if (clock_settime(CLOCK_REALTIME, &now) != 0)
        return {reports::ClockSetting::Result::Refused, std::strerror(errno)};
    return {};
}

}  // namespace kiosk::app
