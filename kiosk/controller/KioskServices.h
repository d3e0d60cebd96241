// What the controller asks of the world beyond the screen: storing pledges, checking the admin PIN, the
// admin's figures, the clock and sync. The app wires the real ones (SQLite, libsodium); tests pass fakes.
#pragma once

#include "core/Time.h"
#include "form/Form.h"
#include "form/FormState.h"
#include "form/PledgeContext.h"
#include "screens/ViewModels.h"

#include <chrono>
#include <map>
#include <string>

namespace kiosk {

struct PledgeOutcome {
    enum class Kind { Saved, AlreadySigned, Invalid, NotSetUp, StorageFull, Failed };
    Kind kind = Kind::Failed;
    std::string uuid;       // Saved
    std::string reference;  // Saved: the code shown to the signer
    std::string message;    // the store's words for a failure, never shown to the signer
};

enum class PinCheck { Accepted, Rejected, LockedOut, NotConfigured };

class KioskServices {
public:
    virtual ~KioskServices() = default;
    // Whether pledges can be collected, and if not why (for the admin screen and the pledge buttons).
    virtual reports::Collection collection() const = 0;
    // Pledges go to a development key (`make run`): the screen says so.
    virtual bool developmentKey() const = 0;
    // Stores the pledge durably before returning Saved.
    virtual PledgeOutcome submitPledge(const form::Form& form, const form::FormState& values,
                                       const std::map<std::string, bool>& ticked,
                                       const form::PledgeContext& context) = 0;
    virtual PinCheck checkPin(const std::string& pin, Millis now) = 0;
    virtual Millis pinLockRemaining(Millis now) const = 0;
    virtual screens::AdminStatus adminStatus() = 0;
    // Moves the system clock by `delta`; returns whether it did, and if not why.
    virtual reports::ClockSetting adjustClock(std::chrono::seconds delta) = 0;
    // Exports pledges not yet exported onto the first mounted USB stick; returns what happened (the menu
    // words it). Runs on the work runner, never on the screen's thread.
    virtual reports::SyncOutcome exportToUsb() = 0;
    // Sends pending pledges to the [sync] url with one short try (a few seconds at most); returns what
    // happened. Runs on the work runner.
    virtual reports::SyncOutcome syncNow() = 0;
    // Looks for a newer signed pack on the [sync] server and any stick, installs it for the next visitor;
    // returns what it found. Slow (a download): runs on the work runner, never on the screen's thread.
    virtual reports::UpdateOutcome checkForUpdate() {
        return {reports::UpdateOutcome::Result::Off, reports::UpdateOutcome::OffReason::NotSetUp, {}};
    }
};

// A kiosk with nothing configured: collects nothing, has no admin PIN.
class NoServices : public KioskServices {
public:
    reports::Collection collection() const override {
        return {reports::CollectionBlock::NoCoordinatorKey, ""};
    }
    bool developmentKey() const override { return false; }
    PledgeOutcome submitPledge(const form::Form&, const form::FormState&, const std::map<std::string, bool>&,
                               const form::PledgeContext&) override {
        return {PledgeOutcome::Kind::NotSetUp, "", "", ""};
    }
    PinCheck checkPin(const std::string&, Millis) override { return PinCheck::NotConfigured; }
    Millis pinLockRemaining(Millis) const override { return Millis{0}; }
    screens::AdminStatus adminStatus() override {
        screens::AdminStatus status;
        status.collecting = collection();
        return status;
    }
    reports::ClockSetting adjustClock(std::chrono::seconds) override {
        return {reports::ClockSetting::Result::NotHere, ""};
    }
    reports::SyncOutcome exportToUsb() override { return noStore(reports::SyncWork::Export); }
    reports::SyncOutcome syncNow() override { return noStore(reports::SyncWork::Push); }

private:
    static reports::SyncOutcome noStore(reports::SyncWork work) {
        reports::SyncOutcome outcome;
        outcome.work = work;
        outcome.result = reports::SyncOutcome::Result::NoStore;
        outcome.store = {reports::CollectionBlock::NoDataDir, "", ""};
        return outcome;
    }
};

}  // namespace kiosk
