// Pack updates in the running kiosk: slots chosen at start, checks off the screen's thread, switch by
// starting again between visitors.
#include "app/PackUpdates.h"

#include "core/TimeFormat.h"
#include "platform/RemovableDrives.h"
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
    if (!choice.note.empty()) startNote_ = choice.note;
    signer_ = choice.signer;
    slotFolder_ = choice.folder;
    if (!choice.note.empty()) std::cerr << "kiosk: pack update: " << choice.note << '\n';
    return slotFolder_.empty() ? configured : slotFolder_;
}

std::string PackUpdates::slotFailed(const std::string& why) {
    startNote_ = slots_.revert(why);
    slotFolder_.clear();
    signer_.clear();
    std::cerr << "kiosk: pack update: " << startNote_ << '\n';
    return startNote_;
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

std::string PackUpdates::signerWords() const {
    if (!usingSlot()) return "not signed (the configured pack folder)";
    for (const auto& entry : config_.contentKeys)
        if (entry.publicKey == signer_) return "signed by " + entry.name;
    return "signed by a key no longer in content_keys";
}

std::vector<std::string> PackUpdates::menuLines() const {
    std::vector<std::string> lines;
    {
        const std::lock_guard lock(mutex_);
        lines.push_back("Pack " + packId_ + " " + runningVersion_ + ", " + signerWords());
    }
    if (!startNote_.empty()) lines.push_back("Pack update: " + startNote_);
    return lines;
}

void PackUpdates::fillStatus(screens::AdminStatus& status) const {
    const std::lock_guard lock(mutex_);
    status.packId = packId_;
    status.packVersion = runningVersion_;
    status.packSigner = signerWords();
    status.packNote = startNote_;
    status.updateChecked = lastCheckTime_;
    status.updateOutcome = lastOutcome_;
    if (config_.dataDir.empty() || config_.contentKeys.empty())
        status.updateOutcome =
            "updates are off: " + std::string(config_.dataDir.empty() ? "no data_dir in the config"
                                                                      : "no content_keys in the config");
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

std::string PackUpdates::check() {
    if (config_.dataDir.empty() || config_.contentKeys.empty()) {
        screens::AdminStatus status;
        fillStatus(status);
        return "No update check: " + status.updateOutcome + ".";
    }
    std::string running;
    {
        const std::lock_guard lock(mutex_);
        checking_ = true;
        running = installedVersion_.empty() ? runningVersion_ : installedVersion_;
    }
    update::CheckRequest request{&slots_, trustedKeys(config_), running, nullptr};
    std::vector<std::string> outcomes;
    bool installed = false;
    // Packs come the way bundles go: each stick's outreach-kiosk-sync/ and the [sync] server, through the
    // same transports (sync/Transport.h), each read at its packs/ folder.
    const auto checkAt = [&](sync::TransportOptions options, bool quietWhenAbsent) {
        auto source = sync::openTransport(options);
        if (!source) {
            outcomes.push_back(options.location + ": " + source.error().message);
            return;
        }
        const auto outcome = update::checkSource(*source.value(), request);
        if (quietWhenAbsent && outcome.result == update::CheckResult::Skipped) return;
        outcomes.push_back(outcome.message);
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
    std::string summary;
    if (outcomes.empty())
        summary = "nothing to check: no [sync] url and no stick with outreach-kiosk-sync/packs/";
    for (std::size_t i = 0; i < outcomes.size(); ++i)
        summary += (i ? "; " : "") + outcomes[i];
    std::cerr << "kiosk: pack update check: " << utcMinute() << ": " << summary << '\n';
    {
        const std::lock_guard lock(mutex_);
        lastCheckTime_ = formatLocal(std::time(nullptr), "%Y-%m-%d %H:%M");
        lastOutcome_ = summary;
        checking_ = false;
        // A second check before the switch must not install the same pack again.
        if (installed) installedVersion_ = request.runningVersion;
    }
    if (installed) installed_ = true;
    return installed ? "Content update: " + summary : "Update check: " + summary;
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
    for (auto& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv("/proc/self/exe", argv.data());
    installed_ = false;
    std::cerr << "kiosk: could not start again for the new pack; it shows at the next start\n";
}

}  // namespace kiosk::app
