// The running kiosk's pack updates: which installed slot to show at start, a check of the [sync] server and
// any plugged-in stick on a thread of its own (never on the screen's), and the switch to a new pack between
// visitors (the kiosk starts itself again on the attract loop, which takes well under a second).
#pragma once

#include "config/Config.h"
#include "update/PackSlots.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::app {

class PackUpdates {
public:
    explicit PackUpdates(const config::KioskConfig& config);
    ~PackUpdates();
    PackUpdates(const PackUpdates&) = delete;
    PackUpdates& operator=(const PackUpdates&) = delete;

    // The folder to show: the installed update when there is one, else `configured`.
    std::filesystem::path startFolder(const std::filesystem::path& configured);
    bool usingSlot() const { return !slotFolder_.empty(); }
    // The installed update did not load: back to the fallback; returns what to tell the volunteer.
    std::string slotFailed(const std::string& why);
    // The first screen was drawn: the update is kept.
    void firstScreenShown();

    // Lines for the volunteer menu and the log: the pack, its signer, the last check and its outcome.
    std::vector<std::string> menuLines(const std::string& packId, const std::string& version) const;

    // Starts a check on its own thread unless one runs; `runningVersion` is the pack on screen.
    void startCheck(const std::string& runningVersion);
    // Starts a check when the last one began an hour ago or more (called on the attract loop).
    void checkIfDue(const std::string& runningVersion);
    // True once a check installed a newer pack: switch to it at the next attract loop.
    bool switchWanted() const { return installed_; }
    // Starts the kiosk program again with the same arguments; returns only on failure, and then the new
    // pack waits for the next start.
    void restartSelf();

private:
    config::KioskConfig config_;
    update::PackSlots slots_;
    std::filesystem::path slotFolder_;
    std::string signer_;
    std::string startNote_;
    mutable std::mutex mutex_;
    std::string lastCheck_;  // "2026-06-26 10:02 UTC: nothing newer on ..."
    std::chrono::steady_clock::time_point lastStart_{};
    std::thread worker_;
    std::atomic<bool> checking_{false};
    std::atomic<bool> installed_{false};
};

}  // namespace kiosk::app
