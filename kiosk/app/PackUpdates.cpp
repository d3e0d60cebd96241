// Pack updates in the running kiosk: slots chosen at start, checks off the screen's thread, switch by
// starting again between visitors.
#include "app/PackUpdates.h"

#include "core/TimeFormat.h"
#include "platform/RemovableDrives.h"
#include "reports/VolunteerWords.h"
#include "sync/KioskSync.h"
#include "update/PackSources.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <unistd.h>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

std::string utcMinute() {
    return formatUtc(std::time(nullptr), "%Y-%m-%d %H:%M UTC");
}

reports::PackFallback fallbackOf(update::Fallback fallback, const std::string& from) {
    using Why = reports::PackFallback::Why;
    switch (fallback) {
    case update::Fallback::None:
        return {};
    case update::Fallback::SlotMissing:
        return {Why::SlotMissing, from};
    case update::Fallback::NotShown:
        return {Why::NotShown, from};
    case update::Fallback::DidNotLoad:
        return {Why::DidNotLoad, from};
    }
    return {};
}

std::vector<update::ContentPublicKey> trustedKeys(const config::KioskConfig& config) {
    std::vector<update::ContentPublicKey> keys;
    for (const auto& entry : config.contentKeys)
        if (auto key = update::parseContentPublicKey(entry.publicKey)) keys.push_back(key.value());
    return keys;
}

}  // namespace

PackUpdates::PackUpdates(const config::KioskConfig& config)
    : config_(config), slots_(config.dataDir.empty() ? fs::path("/nonexistent") : config.dataDir) {}

fs::path PackUpdates::startFolder(const fs::path& configured) {
    if (config_.dataDir.empty() || config_.contentKeys.empty()) return configured;
    const auto choice = slots_.chooseAtStart();
    if (choice.fallback != update::Fallback::None) {
        fallback_ = fallbackOf(choice.fallback, choice.fallbackFrom);
        std::cerr << "kiosk: pack update: " << reports::packFallbackText(fallback_) << '\n';
    }
    signer_ = choice.signer;
    slotFolder_ = choice.folder;
    return slotFolder_.empty() ? configured : slotFolder_;
}

void PackUpdates::slotFailed() {
    const std::string from = slots_.state().current;
    slots_.revert(update::Fallback::DidNotLoad);
    fallback_ = fallbackOf(update::Fallback::DidNotLoad, from);
    slotFolder_.clear();
    signer_.clear();
    std::cerr << "kiosk: pack update: " << reports::packFallbackText(fallback_) << '\n';
}

void PackUpdates::firstScreenShown() {
    if (slotFolder_.empty()) return;
    if (auto kept = slots_.confirmShown(); !kept)
        std::cerr << "kiosk: pack update: " << kept.error().message << '\n';
}

void PackUpdates::setRunning(const std::string& packId, const std::string& version) {
    packId_ = packId;
    const std::lock_guard lock(mutex_);
    runningVersion_ = version;
}

reports::PackSigner PackUpdates::signer() const {
    if (!usingSlot()) return {reports::PackSigner::Kind::Unsigned, ""};
    for (const auto& entry : config_.contentKeys)
        if (entry.publicKey == signer_) return {reports::PackSigner::Kind::Named, entry.name};
    return {reports::PackSigner::Kind::UnknownKey, ""};
}

std::vector<std::string> PackUpdates::logLines() const {
    const std::lock_guard lock(mutex_);
    return reports::runningPackLines(packId_, runningVersion_, signer(), fallback_);
}

void PackUpdates::fillStatus(screens::AdminStatus& status) const {
    const std::lock_guard lock(mutex_);
    status.packId = packId_;
    status.packVersion = runningVersion_;
    status.packSigner = signer();
    status.packFallback = fallback_;
    status.updateChecked = lastCheckTime_;
    status.lastUpdate = off().value_or(lastOutcome_);
}

std::optional<reports::UpdateOutcome> PackUpdates::off() const {
    if (!config_.dataDir.empty() && !config_.contentKeys.empty()) return std::nullopt;
    reports::UpdateOutcome outcome;
    outcome.result = reports::UpdateOutcome::Result::Off;
    outcome.offReason = config_.dataDir.empty() ? reports::UpdateOutcome::OffReason::NoDataDir
                                                : reports::UpdateOutcome::OffReason::NoContentKeys;
    return outcome;
}

bool PackUpdates::claimDueCheck() {
    if (config_.dataDir.empty() || config_.contentKeys.empty()) return false;
    const std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (checking_ || (everStarted_ && now - lastStart_ < std::chrono::hours(1))) return false;
    checking_ = true;
    everStarted_ = true;
    lastStart_ = now;
    return true;
}

reports::UpdateOutcome PackUpdates::check() {
    if (auto isOff = off()) return *isOff;
    std::string running;
    {
        const std::lock_guard lock(mutex_);
        checking_ = true;
        running = installedVersion_.empty() ? runningVersion_ : installedVersion_;
    }
    update::CheckRequest request{&slots_, trustedKeys(config_), running, nullptr};
    reports::UpdateOutcome found;
    bool installed = false;
    // Packs come the way bundles go: each stick's outreach-kiosk-sync/ and the [sync] server, through the
    // same transports (sync/Transport.h), each read at its packs/ folder.
    const auto checkAt = [&](const sync::TransportOptions& options, bool quietWhenAbsent) {
        auto source = sync::openTransport(options);
        if (!source) {
            reports::UpdateFinding finding;
            finding.result = reports::UpdateFinding::Result::Failed;
            finding.where = options.location;
            finding.problem = reports::UpdateFinding::Problem::CannotOpen;
            finding.reason = source.error().message;
            found.findings.push_back(std::move(finding));
            return;
        }
        const auto outcome = update::checkSource(*source.value(), request);
        if (quietWhenAbsent && outcome.result == update::CheckResult::Skipped) return;
        found.findings.push_back(update::findingOf(outcome));
        if (outcome.installed) {
            installed = true;
            request.runningVersion = outcome.installed->manifest.version;
        }
    };
    for (const auto& mount : platform::findRemovableMounts()) {
        sync::TransportOptions stick;
        stick.location = (mount.mountPoint / sync::kStickFolderName).string();
        checkAt(stick, true);
    }
    if (!config_.sync.url.empty()) {
        sync::TransportOptions server;
        server.location = config_.sync.url;
        server.token = config_.sync.token;
        server.caFile = config_.sync.caFile.string();
        server.allowInsecureLoopback = true;  // the config already allows plain http only to localhost
        server.totalTimeout = std::chrono::minutes(10);
        checkAt(server, false);
    }
    if (found.findings.empty()) found.result = reports::UpdateOutcome::Result::NothingToCheck;
    std::cerr << "kiosk: pack update check: " << utcMinute() << ": " << reports::updateFindingsText(found)
              << '\n';
    {
        const std::lock_guard lock(mutex_);
        lastCheckTime_ = formatLocal(std::time(nullptr), "%Y-%m-%d %H:%M");
        lastOutcome_ = found;
        checking_ = false;
        // A second check before the switch must not install the same pack again.
        if (installed) installedVersion_ = request.runningVersion;
    }
    if (installed) installed_ = true;
    return found;
}

void PackUpdates::restartSelf() {
    std::ifstream file("/proc/self/cmdline", std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    std::vector<std::string> arguments;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find('\0', start);
        arguments.push_back(text.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    std::vector<char*> argv;
    argv.reserve(arguments.size() + 1);
    for (auto& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv("/proc/self/exe", argv.data());
    installed_ = false;
    std::cerr << "kiosk: could not start again for the new pack; it shows at the next start\n";
}

}  // namespace kiosk::app
