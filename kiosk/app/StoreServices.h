// The kiosk's real services: pledges sealed and stored in data_dir, the admin PIN from the config, the
// admin's figures, setting the clock by hand, and sync (export to a USB stick, push to [sync] url).
#pragma once

#include "config/Config.h"
#include "controller/KioskServices.h"
#include "pledge/AdminPin.h"
#include "pledge/PledgeRecorder.h"
#include "pledge/PledgeStore.h"
#include "sync/SigningKey.h"

#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace kiosk::app {

class PackUpdates;

// exportToUsb(), syncNow() and adminStatus() may run on the work thread (one at a time) while the screen's
// thread stores pledges and checks PINs: they use a database connection of their own, and the list of
// problems is shared under a lock.
class StoreServices : public KioskServices {
public:
    // Never fails: what cannot be set up (no data_dir, a damaged database, no key) becomes
    // collection() and an admin-screen error, and the kiosk shows the campaign all the same.
    StoreServices(const config::KioskConfig& config, const std::filesystem::path& configFile,
                  std::string packLine);

    reports::Collection collection() const override;
    bool developmentKey() const override { return developmentKey_; }
    PledgeOutcome submitPledge(const form::Form& form, const form::FormState& values,
                               const std::map<std::string, bool>& ticked,
                               const form::PledgeContext& context) override;
    PinCheck checkPin(const std::string& pin, Millis now) override;
    Millis pinLockRemaining(Millis now) const override;
    screens::AdminStatus adminStatus() override;
    reports::ClockSetting adjustClock(std::chrono::seconds delta) override;
    reports::SyncOutcome exportToUsb() override;
    reports::SyncOutcome syncNow() override;
    reports::UpdateOutcome checkForUpdate() override;

    // Records a problem for the admin screen (and the log).
    void noteProblem(reports::KioskProblem problem) { note(std::move(problem)); }
    // Runs before each PIN check: Argon2id's memory (12 MiB) is the largest allocation the kiosk makes, so
    // the caller frees what it can redraw (textures) first and a visit's peak stays low.
    void beforePinCheck(std::function<void()> makeRoom) { makeRoom_ = std::move(makeRoom); }
    // Sync now may use plain http to 127.0.0.1 (tests; a relay on the kiosk itself).
    void allowInsecureLoopback() { allowInsecureLoopback_ = true; }
    // The volunteer menu's pack block and "check for update" ask `updates` (which outlives this).
    void usePackUpdates(PackUpdates* updates) { packUpdates_ = updates; }

private:
    void note(reports::KioskProblem problem);
    void note(reports::KioskProblem::Kind kind, std::string detail) { note({kind, std::move(detail)}); }
    void fillSyncFigures(screens::AdminStatus& status, const pledge::PledgeCounts& counts) const;
    // Nullopt when export and push can run; otherwise why not.
    std::optional<reports::SyncOutcome> syncProblem(reports::SyncWork work) const;
    // The work thread's own connection, opened at its first use; null (and noted) when it cannot open.
    pledge::PledgeStore* workStore();

    std::filesystem::path dataDir_;
    config::SyncConfig sync_;
    std::optional<sync::SigningKey> signingKey_;
    std::string signingProblem_;
    std::string packLine_;
    std::unique_ptr<pledge::PledgeStore> store_;
    std::optional<pledge::PledgeRecorder> recorder_;
    std::optional<pledge::PinGate> pinGate_;
    std::function<void()> makeRoom_;
    reports::Collection storeProblem_;  // the store could not be set up (block None: it was)
    reports::CollectionBlock keyBlock_ = reports::CollectionBlock::None;  // the config's kiosk_id and key
    std::string keyDetail_;
    bool developmentKey_ = false;
    std::unique_ptr<pledge::PledgeStore> workStore_;
    bool allowInsecureLoopback_ = false;
    PackUpdates* packUpdates_ = nullptr;
    mutable std::mutex problemsMutex_;
    std::deque<reports::KioskProblem> problems_;  // newest first
};

}  // namespace kiosk::app
