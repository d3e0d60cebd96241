// The running kiosk's pack updates: which installed slot to show at start, a check of the [sync] server and
// any plugged-in stick (run on the kiosk's work runner, never on the screen's thread), and the switch to a
// new pack between visitors (the kiosk starts itself again on the attract loop, which takes well under a
// second).
#pragma once

#include "config/Config.h"
#include "screens/ViewModels.h"
#include "update/PackSlots.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

class PackUpdates {
public:
    explicit PackUpdates(const config::KioskConfig& config);
    PackUpdates(const PackUpdates&) = delete;
    PackUpdates& operator=(const PackUpdates&) = delete;

    // The folder to show: the installed update when there is one, else `configured`.
    std::filesystem::path startFolder(const std::filesystem::path& configured);
    bool usingSlot() const { return !slotFolder_.empty(); }
    // The installed update did not load: back to the fallback (startFolder() again says which).
    void slotFailed();
    // The first screen was drawn: the update is kept.
    void firstScreenShown();
    // The pack on screen, for the volunteer menu and as the version a check must beat.
    void setRunning(const std::string& packId, const std::string& version);

    // Lines for the log: the pack, its signer, a fallback (worded by reports::runningPackLines).
    std::vector<std::string> logLines() const;
    // The volunteer menu's pack block: id, version, signer, a fallback, the last check and its outcome.
    void fillStatus(screens::AdminStatus& status) const;

    // True when an automatic check is due (the first after the first frame, then hourly) and none is under
    // way; the caller then runs check() on the work runner.
    bool claimDueCheck();
    // Looks on every plugged-in stick and the [sync] server for a newer signed pack and installs the newest
    // that passes; returns what each source held. Slow (a download): never call it on the screen's thread.
    reports::UpdateOutcome check();
    // True once a check installed a newer pack: switch to it at the next attract loop.
    bool switchWanted() const { return installed_; }
    // Starts the kiosk program again with the same arguments; returns only on failure, and then the new
    // pack waits for the next start.
    void restartSelf();

private:
    reports::PackSigner signer() const;
    // Off, and why, when this kiosk cannot take updates; nullopt when it can.
    std::optional<reports::UpdateOutcome> off() const;

    config::KioskConfig config_;
    update::PackSlots slots_;
    std::filesystem::path slotFolder_;
    std::string signer_;
    reports::PackFallback fallback_;  // the last fallback, until a pack shows
    std::string packId_;
    mutable std::mutex mutex_;  // what follows is shared by the screen's thread and the work runner
    std::string runningVersion_;
    std::string installedVersion_;  // installed by a check, shown from the next start
    std::string lastCheckTime_;     // local time of the last check's end
    reports::UpdateOutcome lastOutcome_;
    std::chrono::steady_clock::time_point lastStart_{};
    bool everStarted_ = false;
    bool checking_ = false;
    std::atomic<bool> installed_{false};
};

}  // namespace kiosk::app
