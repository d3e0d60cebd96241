// A stand-in for storage, the admin PIN and sync: records what the controller asks, answers what the test
// sets.
#pragma once

#include "controller/KioskServices.h"

#include <vector>

namespace kiosk::testing {

class FakeServices : public KioskServices {
public:
    reports::Collection collecting;                             // collection()
    std::vector<PledgeOutcome::Kind> outcomes;                  // answered in turn; Saved when empty
    std::vector<std::map<std::string, std::string>> submitted;  // the values each submit carried
    std::string pin = "2468";
    bool pinConfigured = true;
    int wrongPins = 0;
    int saved = 0;
    reports::SyncOutcome exportAnswer = done(reports::SyncWork::Export);  // exportToUsb()
    reports::SyncOutcome syncAnswer = done(reports::SyncWork::Push);      // syncNow()
    reports::UpdateOutcome updateAnswer = upToDate("http://127.0.0.1/packs/");
    int exports = 0;  // how often each was asked for
    int syncs = 0;
    int updateChecks = 0;

    static reports::SyncOutcome done(reports::SyncWork work) {
        reports::SyncOutcome outcome;
        outcome.work = work;
        outcome.result = reports::SyncOutcome::Result::Done;
        outcome.pledges = 3;
        outcome.folder = "/media/stick/outreach-kiosk-sync";
        return outcome;
    }
    static reports::UpdateOutcome upToDate(const std::string& where) {
        reports::UpdateOutcome outcome;
        reports::UpdateFinding finding;
        finding.where = where;
        outcome.findings = {finding};
        return outcome;
    }

    reports::Collection collection() const override { return collecting; }
    bool developmentKey() const override { return false; }
    PledgeOutcome submitPledge(const form::Form& form, const form::FormState& values,
                               const std::map<std::string, bool>&, const form::PledgeContext&) override {
        std::map<std::string, std::string> copy;
        for (const auto& field : form.fields)
            copy[field.id] = values.value(field.id);
        submitted.push_back(copy);
        PledgeOutcome::Kind kind = PledgeOutcome::Kind::Saved;
        if (!outcomes.empty()) {
            kind = outcomes.front();
            outcomes.erase(outcomes.begin());
        }
        if (kind != PledgeOutcome::Kind::Saved) return {kind, "", "", "fake failure"};
        ++saved;
        return {kind, "00000000-0000-4000-8000-00000000000" + std::to_string(saved),
                "K7Q2-M9X" + std::to_string(saved), ""};
    }
    PinCheck checkPin(const std::string& typed, Millis) override {
        if (!pinConfigured) return PinCheck::NotConfigured;
        if (wrongPins >= 5) return PinCheck::LockedOut;
        if (typed == pin) return PinCheck::Accepted;
        ++wrongPins;
        return PinCheck::Rejected;
    }
    Millis pinLockRemaining(Millis) const override { return wrongPins >= 5 ? Millis(30000) : Millis(0); }
    screens::AdminStatus adminStatus() override {
        screens::AdminStatus status;
        status.total = saved;
        status.today = saved;
        status.perHour[10] = saved;
        status.pack = "sample 1.0.0";
        status.collecting = collecting;
        // Sync figures move with the buttons, so a test can see the screen refreshed after one.
        status.exported = exports * 3;
        status.delivered = syncs * 3;
        status.pending = saved - syncs * 3;
        if (exports + syncs > 0) {
            status.lastSync.when = "2026-11-26 10:00";
            status.lastSync.what =
                syncs > 0 ? reports::LastSync::What::Sent : reports::LastSync::What::Exported;
            status.lastSync.pledges = 3;
            status.lastSync.pledgesKnown = true;
        }
        status.kioskKey = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
        status.syncRoute = screens::SyncRoute::UsbOnly;
        status.packId = "sample";
        status.packVersion = "1.0.0";
        status.packSigner = {reports::PackSigner::Kind::Named, "campaign"};
        if (updateChecks > 0) {
            status.updateChecked = "2026-06-26 10:0" + std::to_string(updateChecks);
            status.lastUpdate = upToDate("https://sync.example.org/packs/");
        }
        return status;
    }
    reports::ClockSetting adjustClock(std::chrono::seconds) override { return {}; }
    reports::SyncOutcome exportToUsb() override {
        ++exports;
        return exportAnswer;
    }
    reports::SyncOutcome syncNow() override {
        ++syncs;
        return syncAnswer;
    }
    reports::UpdateOutcome checkForUpdate() override {
        ++updateChecks;
        return updateAnswer;
    }
};

}  // namespace kiosk::testing
