// The volunteer menu's sentences for what the services report (screens/VolunteerReports.h). In English, like
// the rest of the volunteer menu: volunteers set kiosks up from the English guide.
#pragma once

#include "screens/VolunteerReports.h"

#include <string>

namespace kiosk::screens {

// "ready", or why pledges cannot be taken.
std::string collectionText(const Collection& collection);
// What an export or a sync did, and what to do next.
std::string syncOutcomeText(const SyncOutcome& outcome);
// One line for a problem the kiosk met: "could not keep a copy of the pack in /data/last-good-pack: ...".
std::string problemText(const KioskProblem& problem);
// Why setting the clock by hand failed; empty when it was set.
std::string clockSettingText(const ClockSetting& setting);
// "2026-11-26 10:00, 12 pledges exported to a USB stick", or "not yet".
std::string lastSyncText(const LastSync& last);
// "2026-11-26 10:05, sync failed: <why>"; empty when there was no failure since the last success.
std::string syncFailureText(const SyncFailure& failure);
// "signed by campaign", "not signed (the configured pack folder)".
std::string packSignerText(const PackSigner& signer);
// "went back to the previous pack: the new pack did not load"; empty when there was no fallback.
std::string packFallbackText(const PackFallback& fallback);
// What the last update check found, for the menu's pack block: "up to date (nothing newer on ...)".
std::string updateFindingsText(const UpdateOutcome& outcome);
// The outcome of "Check for update", as the menu shows it after the button.
std::string updateOutcomeText(const UpdateOutcome& outcome);

}  // namespace kiosk::screens
