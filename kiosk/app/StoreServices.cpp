// Wiring the pledge back end to the controller; nothing personal is ever logged here.
#include "app/StoreServices.h"

#include "pledge/CaptureFacts.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>
#include <sstream>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {
std::string localDate(std::time_t now) {
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

std::string localDateTime(std::time_t now) {
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return buffer;
}

std::string freeSpace(const fs::path& dir) {
    std::error_code error;
    const auto space = fs::space(dir, error);
    if (error) return "unknown (" + error.message() + ")";
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(space.available) / 1e9 << " GB free";
    return out.str();
}
} // namespace

StoreServices::StoreServices(const config::KioskConfig& config, const fs::path& configFile, std::string packLine)
    : dataDir_(config.dataDir), packLine_(std::move(packLine)) {
    // A coordinator secret key beside the config means this is a development set-up (`make run`): a real
    // kiosk never holds the key that opens its pledges.
    if (!configFile.empty()) {
        std::error_code error;
        developmentKey_ = fs::exists(configFile.parent_path() / "coordinator.key", error);
    }
    if (!config.adminPinHash.empty()) pinGate_.emplace(config.adminPinHash);

    if (dataDir_.empty()) {
        storeProblem_ = "not set up to collect: no data_dir in the config";
        return;
    }
    auto opened = pledge::PledgeStore::open(dataDir_);
    if (!opened) {
        storeProblem_ = "cannot store pledges in " + dataDir_.string() + ": " + opened.error().message;
        note(storeProblem_);
        return;
    }
    store_ = std::make_unique<pledge::PledgeStore>(std::move(opened).value());
    if (!store_->openNotice().empty()) note(store_->openNotice());
    recorder_.emplace(*store_, config.kioskId, config.coordinatorPublicKey);
}

void StoreServices::note(std::string error) {
    std::cerr << "kiosk: " << error << '\n';
    errors_.push_front(std::move(error));
    if (errors_.size() > 5) errors_.pop_back();
}

std::string StoreServices::collectionProblem() const {
    if (!storeProblem_.empty()) return storeProblem_;
    const auto ready = recorder_->readiness();
    return ready ? std::string() : ready.error().message;
}

PledgeOutcome StoreServices::submitPledge(const pledge::Form& form, const pledge::FormState& values,
                                          const std::map<std::string, bool>& ticked,
                                          const pledge::PledgeContext& context) {
    if (!recorder_) return {PledgeOutcome::Kind::NotSetUp, "", "", collectionProblem()};
    auto saved = recorder_->record(form, values, ticked, context);
    if (saved) return {PledgeOutcome::Kind::Saved, saved.value().uuid, saved.value().referenceCode, ""};
    const auto& error = saved.error();
    using Kind = PledgeOutcome::Kind;
    switch (error.kind) {
    case pledge::ErrorKind::AlreadySigned: return {Kind::AlreadySigned, "", "", error.message};
    case pledge::ErrorKind::NotSetUp: return {Kind::NotSetUp, "", "", error.message};
    case pledge::ErrorKind::Invalid: return {Kind::Invalid, "", "", error.message};
    case pledge::ErrorKind::StorageFull: note("pledge not saved, storage full: " + error.message); return {Kind::StorageFull, "", "", error.message};
    default: note("pledge not saved: " + error.message); return {Kind::Failed, "", "", error.message};
    }
}

PinCheck StoreServices::checkPin(const std::string& pin, Millis now) {
    if (!pinGate_) return PinCheck::NotConfigured;
    switch (pinGate_->attempt(pin, now)) {
    case pledge::PinGate::Outcome::Accepted: return PinCheck::Accepted;
    case pledge::PinGate::Outcome::Rejected: return PinCheck::Rejected;
    case pledge::PinGate::Outcome::LockedOut: return PinCheck::LockedOut;
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
    status.clockSynced = pledge::systemClockSynchronised();
    status.clock = localDateTime(now);
    const std::string problem = collectionProblem();
    status.collecting = problem.empty() ? "ready" : problem;
    status.freeDisk = dataDir_.empty() ? "no data_dir" : freeSpace(dataDir_);
    if (store_) {
        auto counts = store_->counts(localDate(now));
        if (counts) {
            status.total = counts.value().total;
            status.today = counts.value().today;
            status.unsynced = counts.value().unsynced;
            for (std::size_t hour = 0; hour < 24; ++hour) status.perHour[hour] = counts.value().perHourToday[hour];
        } else {
            note("cannot count pledges: " + counts.error().message);
        }
    }
    status.lastErrors.assign(errors_.begin(), errors_.end());
    return status;
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

} // namespace kiosk::app
