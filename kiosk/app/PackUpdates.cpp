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

PackUpdates::~PackUpdates() {
    if (worker_.joinable()) worker_.join();
}

fs::path PackUpdates::startFolder(const fs::path& configured) {
    if (config_.dataDir.empty() || config_.contentKeys.empty()) return configured;
    const auto choice = slots_.chooseAtStart();
    startNote_ = choice.note;
    signer_ = choice.signer;
    slotFolder_ = choice.folder;
    if (!startNote_.empty()) std::cerr << "kiosk: pack update: " << startNote_ << '\n';
    return slotFolder_.empty() ? configured : slotFolder_;
}

std::string PackUpdates::slotFailed(const std::string& why) {
    startNote_ = slots_.revert(why);
    slotFolder_.clear();
    std::cerr << "kiosk: pack update: " << startNote_ << '\n';
    return startNote_;
}

void PackUpdates::firstScreenShown() {
    if (slotFolder_.empty()) return;
    if (auto kept = slots_.confirmShown(); !kept)
        std::cerr << "kiosk: pack update: " << kept.error().message << '\n';
}

std::vector<std::string> PackUpdates::menuLines(const std::string& packId, const std::string& version) const {
    std::string signer = "not signed (the configured pack folder)";
    for (const auto& entry : config_.contentKeys)
        if (usingSlot() && entry.publicKey == signer_) signer = "signed by " + entry.name;
    std::vector<std::string> lines{"Pack " + packId + " " + version + ", " + signer};
    if (!startNote_.empty()) lines.push_back("Pack update: " + startNote_);
    const std::lock_guard lock(mutex_);
    if (!lastCheck_.empty()) lines.push_back("Last update check: " + lastCheck_);
    return lines;
}

void PackUpdates::startCheck(const std::string& runningVersion) {
    if (config_.dataDir.empty() || config_.contentKeys.empty() || checking_.exchange(true)) return;
    if (worker_.joinable()) worker_.join();
    lastStart_ = std::chrono::steady_clock::now();
    worker_ = std::thread([this, runningVersion] {
        update::CheckRequest request{&slots_, trustedKeys(config_), runningVersion, nullptr};
        std::vector<std::string> outcomes;
        bool installed = false;
        for (const auto& mount : platform::findRemovableMounts()) {
            const auto outcome =
                update::checkFolder(mount.mountPoint / sync::kStickFolderName / "packs", request);
            if (outcome.result == update::CheckResult::Skipped) continue;
            outcomes.push_back(outcome.message);
            if (outcome.installed) {
                installed = true;
                request.runningVersion = outcome.installed->manifest.version;
            }
        }
        if (!config_.sync.url.empty()) {
            update::ServerOptions options;
            options.packsUrl = config_.sync.url + "/packs";
            options.token = config_.sync.token;
            options.caFile = config_.sync.caFile.string();
            options.allowInsecureLoopback = true;  // the config already allows plain http only to localhost
            const auto outcome = update::checkServer(options, request);
            outcomes.push_back(outcome.message);
            installed = installed || outcome.installed.has_value();
        }
        std::string summary = utcMinute() + ": ";
        if (outcomes.empty()) summary += "no [sync] url and no stick with outreach-kiosk-sync/packs/";
        for (std::size_t i = 0; i < outcomes.size(); ++i)
            summary += (i ? "; " : "") + outcomes[i];
        std::cerr << "kiosk: pack update check: " << summary << '\n';
        {
            const std::lock_guard lock(mutex_);
            lastCheck_ = summary;
        }
        if (installed) installed_ = true;
        checking_ = false;
    });
}

void PackUpdates::checkIfDue(const std::string& runningVersion) {
    if (std::chrono::steady_clock::now() - lastStart_ >= std::chrono::hours(1)) startCheck(runningVersion);
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
