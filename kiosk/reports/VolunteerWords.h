// The one wording of what the services report (reports/VolunteerReports.h, reports/PackRefusal.h): the
// volunteer menu shows these sentences, the kiosk's log and kioskctl print the same ones. In English, like
// the rest of the volunteer menu: volunteers set kiosks up from the English guide.
#pragma once

#include "reports/VolunteerReports.h"

#include <string>
#include <vector>

namespace kiosk::reports {

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
// "forged: /media/stick/outreach-kiosk-sync/packs/a.okpack: the signature is not from a trusted content key
// (1 trusted), ...": what is wrong, where, what to do.
std::string refusalText(const PackRefusal& refusal);
// What one source of packs held: "new pack minimal 1.1.0 from ...", "up to date (...)", "no route, ...",
// each refused pack after "; refused ".
std::string findingText(const UpdateFinding& finding);
// The log's lines at start: "Pack minimal 1.1.0, signed by campaign", and "Pack update: went back to ..."
// after a fallback.
std::vector<std::string> runningPackLines(const std::string& packId, const std::string& version,
                                          const PackSigner& signer, const PackFallback& fallback);
// What the last update check found, for the menu's pack block: "up to date (nothing newer on ...)".
std::string updateFindingsText(const UpdateOutcome& outcome);
// The outcome of "Check for update", as the menu shows it after the button.
std::string updateOutcomeText(const UpdateOutcome& outcome);

}  // namespace kiosk::reports
