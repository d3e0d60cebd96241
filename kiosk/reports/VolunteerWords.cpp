// Sentences for the volunteer menu from the services' reports; each failure says that nothing is lost and
// what to do.
#include "reports/VolunteerWords.h"

namespace kiosk::reports {

namespace {
std::string pledges(std::uint64_t n) {
    return std::to_string(n) + (n == 1 ? " pledge" : " pledges");
}

}  // namespace

std::string_view refusalName(Refusal reason) {
    switch (reason) {
    case Refusal::Unsigned:
        return "unsigned";
    case Refusal::Forged:
        return "forged";
    case Refusal::Damaged:
        return "damaged";
    case Refusal::Oversized:
        return "oversized";
    case Refusal::Older:
        return "older";
    case Refusal::Invalid:
        return "invalid";
    case Refusal::Unreadable:
        return "unreadable";
    }
    return "unreadable";
}

namespace {
std::string manifestText(const PackRefusal& refusal) {
    using Problem = ManifestProblem;
    if (refusal.manifest == Problem::Incomplete)
        return "the manifest lacks pack-id, version, pack-format or signer";
    std::string text = "manifest line " + std::to_string(refusal.line) + ": ";
    switch (refusal.manifest) {
    case Problem::NoLineEnd:
        return text + "no line end";
    case Problem::NotManifest:
        return text + "not an okpack-manifest 1";
    case Problem::NoValue:
        return text + "no value";
    case Problem::FormatNotNumber:
        return text + "pack-format is not a number";
    case Problem::ShortFileLine:
        return text + "a file line needs SHA-256, size and path";
    case Problem::BadDigest:
        return text + "bad SHA-256";
    case Problem::BadSize:
        return text + "bad size";
    case Problem::BadPath:
        return text + "the path \"" + refusal.path + "\" is not a plain relative path";
    case Problem::ListedTwice:
        return text + "\"" + refusal.path + "\" is listed twice";
    case Problem::TooManyFiles:
        return text + "more than the file limit (" + std::to_string(refusal.limit) + " files)";
    case Problem::UnknownKey:
        return text + "unknown key \"" + refusal.detail + "\"";
    case Problem::Incomplete:
        break;
    }
    return text;
}

// What is wrong, where, and what to do, after the refusal's name.
std::string refusalWhat(const PackRefusal& r) {
    using Kind = PackRefusal::Kind;
    const auto n = [](std::uint64_t value) { return std::to_string(value); };
    switch (r.kind) {
    case Kind::CannotStart:
    case Kind::CannotKeepState:
    case Kind::CannotFetch:
    case Kind::FetchTooBig:
        return r.detail;
    case Kind::CannotRead:
        return r.file + ": " + r.detail;
    case Kind::CannotReadManifest:
        return r.file + ": cannot read the manifest";
    case Kind::CannotMakeFolder:
        return "cannot make " + r.path + ": " +
               (r.detail.empty() ? std::string("it exists already") : r.detail);
    case Kind::CannotWrite:
        return "cannot write " + r.path + ": " + r.detail;
    case Kind::CannotSync:
        return "cannot fsync " + r.path;
    case Kind::CannotPlace:
        return "cannot put the new pack in place in " + r.path;
    case Kind::NotAFile:
        return r.file + " is not a file, so not a signed pack";
    case Kind::NoHeader:
        return r.file +
               " is not a signed pack (no OKPACK1 header); sign the pack folder with `kioskctl pack sign`";
    case Kind::NoSignature:
        return r.file + " has no signature; sign it with `kioskctl pack sign`";
    case Kind::NotTrusted:
        return r.file + ": the signature is not from a trusted content key (" + n(r.count) +
               " trusted), or the manifest was changed after signing; publish a pack signed with a key in "
               "the "
               "kiosk's content_keys";
    case Kind::CutShort:
        return r.file + " ends before its signature (cut short in transit?)";
    case Kind::WrongLength:
        return r.file + " is " + n(r.bytes) + " bytes; its manifest says " + n(r.limit) +
               " (cut short or added to in transit)";
    case Kind::FileCutShort:
        return r.file + ": cannot read " + r.path;
    case Kind::FileDiffers:
        return r.file + ": " + r.path + " differs from the signed manifest (SHA-256 " + r.digest +
               ", signed " + r.signedDigest + "); copy the pack again";
    case Kind::ChangedWhileRead:
        return r.file + " changed while it was read";
    case Kind::FileTooBig:
        return r.file + " is " + n(r.bytes) + " bytes; a signed pack may be at most " + n(r.limit);
    case Kind::ManifestTooBig:
        return r.file + ": the manifest is " + n(r.bytes) + " bytes; at most " + n(r.limit);
    case Kind::PackTooBig:
        return r.file + " holds " + n(r.bytes) + " bytes of files; a pack may hold at most " + n(r.limit);
    case Kind::NotNewer:
        return r.file + " holds " + r.packId + " " + r.version + ", not newer than the running " + r.running +
               " (a kiosk never goes back to an older pack by itself)";
    case Kind::BadManifest:
        return r.file + ": " + manifestText(r);
    case Kind::SignerMismatch:
        return r.file + ": the manifest names another signer than the key that signed it";
    case Kind::NewerFormat:
        return r.file + " is written for pack format " + n(r.count) + "; this kiosk reads format " +
               n(r.limit) + ": update the kiosk software";
    case Kind::BadVersion:
        return r.file + ": version \"" + r.version + "\" is not like \"1.4.0\"";
    case Kind::NotAsSigned:
        return r.file + " is signed and whole, but its pack is " + r.packId + " " + r.version +
               ", not what it was signed as";
    case Kind::DoesNotLoad:
        return r.file + " is signed and whole, but its pack does not load: " + r.path + ":" +
               std::to_string(r.line) + ":" + std::to_string(r.column) + ": error: " + r.detail;
    }
    return r.detail;
}
}  // namespace

std::string refusalText(const PackRefusal& refusal) {
    return std::string(refusalName(refusal.reason)) + ": " + refusalWhat(refusal);
}

std::string findingText(const UpdateFinding& finding) {
    using Problem = UpdateFinding::Problem;
    switch (finding.problem) {
    case Problem::None:
        break;
    case Problem::NothingPublished:
        return "no " + finding.file + " in " + finding.where + ": nothing published";
    case Problem::NoFolder:
        return "no " + finding.where + ": nothing to check";
    case Problem::NoRoute:
        return "no route, skipped: " + finding.where + " (" + finding.reason + "); the kiosk runs on";
    case Problem::Unreadable:
        return finding.where + finding.file + ": " + finding.reason;
    case Problem::CannotOpen:
        return finding.where + ": " + finding.reason;
    }
    std::string text;
    if (finding.result == UpdateFinding::Result::Installed)
        text = "new pack " + finding.packId + " " + finding.version + " from " + finding.where +
               ": shown from the next visitor";
    else if (finding.refusals.empty())
        text = "up to date (nothing newer on " + finding.where + ")";
    else
        text = "nothing newer on " + finding.where + " that passes";
    for (const auto& refusal : finding.refusals)
        text += "; refused " + refusalText(refusal);
    return text;
}

std::string problemText(const KioskProblem& problem) {
    using Kind = KioskProblem::Kind;
    switch (problem.kind) {
    case Kind::Diagnostic:
    case Kind::StoreSays:
        return problem.detail;
    case Kind::PackDidNotLoad:
        return "the content pack " + problem.folder + " did not load:";
    case Kind::ShowingLastGoodPack:
        return "showing the last pack that loaded (" + problem.packId + " " + problem.version + ")";
    case Kind::PackNotKept:
        return "could not keep a copy of the pack in " + problem.folder + ": " +
               (problem.copy == KioskProblem::CopyFailure::TooManyFiles
                    ? std::string("the pack has too many files")
                : problem.copy == KioskProblem::CopyFailure::TooBig ? std::string("the pack is too big")
                                                                    : problem.detail);
    case Kind::NoSigningKey:
        return "no kiosk signing key, so no export or sync: " + problem.detail;
    case Kind::StoreUnavailable:
        return collectionText({CollectionBlock::StoreUnavailable, problem.detail, problem.folder});
    case Kind::CountsUnavailable:
        return "cannot open the pledge store for sync and figures: " + problem.detail;
    case Kind::CannotCount:
        return "cannot count pledges: " + problem.detail;
    case Kind::PledgeNotSaved:
        return "pledge not saved: " + problem.detail;
    case Kind::StorageFull:
        return "pledge not saved, storage full: " + problem.detail;
    }
    return problem.detail;
}

std::string clockSettingText(const ClockSetting& setting) {
    switch (setting.result) {
    case ClockSetting::Result::Set:
        return "";
    case ClockSetting::Result::NotHere:
        return "the clock cannot be set here";
    case ClockSetting::Result::Refused:
        return "cannot set the clock (" + setting.detail +
               "): the kiosk service needs CAP_SYS_TIME (see systemd/outreach-kiosk.service)";
    }
    return "";
}

std::string collectionText(const Collection& collection) {
    switch (collection.block) {
    case CollectionBlock::None:
        return "ready";
    case CollectionBlock::NoDataDir:
        return "not set up to collect: no data_dir in the config";
    case CollectionBlock::StoreUnavailable:
        return "cannot store pledges in " + collection.folder + ": " + collection.detail;
    case CollectionBlock::NoKioskId:
        return "not set up to collect: no kiosk_id in the config";
    case CollectionBlock::NoCoordinatorKey:
        return "not set up to collect: no coordinator_public_key in the config";
    case CollectionBlock::BadCoordinatorKey:
        return "not set up to collect: " + collection.detail;
    }
    return "not set up to collect";
}

std::string syncOutcomeText(const SyncOutcome& outcome) {
    using Result = SyncOutcome::Result;
    const bool exporting = outcome.work == SyncWork::Export;
    std::string text;
    switch (outcome.result) {
    case Result::NoStore:
        return "Export and sync are not possible: " + collectionText(outcome.store) + ".";
    case Result::StoreClosed:
        return "Export and sync are not possible: the pledge store cannot be opened (see the problems "
               "below).";
    case Result::NoSigningKey:
        return "Export and sync are not possible: this kiosk has no signing key (" + outcome.detail + ").";
    case Result::NoStick:
        return "No USB stick found: plug one in and try again";
    case Result::StickReadOnly:
        return "The USB stick can only be read: check its lock switch, then take it out and plug it in "
               "again.";
    case Result::NoServer:
        return "Sync by network is not set up: there is no [sync] url in the kiosk's settings file. Use "
               "\"Export "
               "to USB\" instead, or ask the coordinator for a url.";
    case Result::BadServer:
        return "Sync is not possible: " + outcome.detail + ".";
    case Result::Failed:
        if (exporting) {
            text = "Export failed: " + outcome.detail +
                   ". Nothing is lost: the pledges go with the next export.";
        } else {
            text = (outcome.pledges > 0 ? "Sent " + pledges(outcome.pledges) + ", then the sync" : "Sync") +
                   " failed after one quick try: " + outcome.detail +
                   ". Nothing is lost: the pledges stay on the kiosk and go with the next sync.";
        }
        break;
    case Result::NothingNew:
    case Result::Done: {
        const std::string again =
            outcome.resent == 0
                ? ""
                : " " + pledges(outcome.resent) + " not yet confirmed by the coordinator went again.";
        if (outcome.result == Result::NothingNew)
            return exporting ? "Nothing new to export: every pledge went in an earlier export." + again
                             : "Nothing to send: every pledge has reached the coordinator's server.";
        if (exporting) {
            text = "Exported " + pledges(outcome.pledges) + " to " + outcome.folder + "." + again +
                   " You can take the stick out and give it to the coordinator.";
            if (outcome.unnoted)
                text +=
                    " The kiosk's card is too full to note this export, so these pledges go again with the "
                    "next one; the coordinator counts each pledge once.";
        } else {
            text = "Sent " + pledges(outcome.pledges) + " to the coordinator's server.";
            if (outcome.bundlesLeft > 0)
                text += " " + std::to_string(outcome.bundlesLeft) +
                        " more bundle(s) go with the next sync (this button keeps to a few seconds).";
        }
        break;
    }
    }
    if (!outcome.logProblem.empty())
        text += " (Could not note this in the sync log: " + outcome.logProblem + ".)";
    return text;
}

std::string lastSyncText(const LastSync& last) {
    if (last.when.empty()) return "not yet";
    if (last.what == LastSync::What::Delivered) return last.when + ", delivered to the server";
    if (!last.pledgesKnown) return last.when;
    return last.when + ", " + pledges(last.pledges) +
           (last.what == LastSync::What::Exported ? " exported to a USB stick" : " sent to the server");
}

std::string syncFailureText(const SyncFailure& failure) {
    if (failure.when.empty()) return "";
    return failure.when + ", " +
           (failure.work == SyncWork::Export ? "export to USB failed: " : "sync failed: ") + failure.detail;
}

std::string packSignerText(const PackSigner& signer) {
    switch (signer.kind) {
    case PackSigner::Kind::Unsigned:
        return "not signed (the configured pack folder)";
    case PackSigner::Kind::Named:
        return "signed by " + signer.name;
    case PackSigner::Kind::UnknownKey:
        return "signed by a key no longer in content_keys";
    }
    return "";
}

std::string packFallbackText(const PackFallback& fallback) {
    switch (fallback.why) {
    case PackFallback::Why::None:
        return "";
    case PackFallback::Why::SlotMissing:
        return "the pack slot " + fallback.from + " is missing; back on the previous pack";
    case PackFallback::Why::NotShown:
        return "went back to the previous pack: " + fallback.from + " did not show its first screen";
    case PackFallback::Why::DidNotLoad:
        return "went back to the previous pack: the new pack did not load";
    }
    return "";
}

std::vector<std::string> runningPackLines(const std::string& packId, const std::string& version,
                                          const PackSigner& signer, const PackFallback& fallback) {
    std::vector<std::string> lines{"Pack " + packId + " " + version + ", " + packSignerText(signer)};
    if (const auto text = packFallbackText(fallback); !text.empty()) lines.push_back("Pack update: " + text);
    return lines;
}

std::string updateFindingsText(const UpdateOutcome& outcome) {
    switch (outcome.result) {
    case UpdateOutcome::Result::Off:
        return std::string("updates are off: ") +
               (outcome.offReason == UpdateOutcome::OffReason::NotSetUp    ? "not set up on this kiosk"
                : outcome.offReason == UpdateOutcome::OffReason::NoDataDir ? "no data_dir in the config"
                                                                           : "no content_keys in the config");
    case UpdateOutcome::Result::NothingToCheck:
        return "nothing to check: no [sync] url and no stick with outreach-kiosk-sync/packs/";
    case UpdateOutcome::Result::Checked:
        break;
    }
    std::string text;
    for (const auto& finding : outcome.findings)
        text += (text.empty() ? "" : "; ") + findingText(finding);
    return text;
}

std::string updateOutcomeText(const UpdateOutcome& outcome) {
    if (outcome.result == UpdateOutcome::Result::Off &&
        outcome.offReason == UpdateOutcome::OffReason::NotSetUp)
        return "Pack updates are not set up on this kiosk.";
    if (outcome.result == UpdateOutcome::Result::Off)
        return "No update check: " + updateFindingsText(outcome) + ".";
    return (outcome.installed() ? "Content update: " : "Update check: ") + updateFindingsText(outcome);
}

}  // namespace kiosk::reports
