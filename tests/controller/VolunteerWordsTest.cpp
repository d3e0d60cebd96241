// The volunteer menu's sentences are written here from the services' data (screens/VolunteerWords.cpp and
// the admin screen): each problem kind, a clock that could not be set, a store that is missing or closed, the
// clock's zone and a kiosk key that has nowhere to live.
#include "reports/VolunteerWords.h"

#include "screens/Screens.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using Problem = reports::KioskProblem;

TEST_CASE("each problem the kiosk meets is worded from its facts", "[screens][admin]") {
    const auto said = [](Problem problem) { return reports::problemText(problem); };
    // Diagnostics and the store's own words are shown as they are.
    CHECK(said({Problem::Kind::Diagnostic, "kiosk.toml:4:1: warning: unknown key"}) ==
          "kiosk.toml:4:1: warning: unknown key");
    CHECK(said({Problem::Kind::StoreSays, "the database was repaired"}) == "the database was repaired");

    Problem didNotLoad{Problem::Kind::PackDidNotLoad, ""};
    didNotLoad.folder = "/srv/pack";
    CHECK(said(didNotLoad) == "the content pack /srv/pack did not load:");

    Problem lastGood{Problem::Kind::ShowingLastGoodPack, ""};
    lastGood.packId = "stop-torture";
    lastGood.version = "1.2.0";
    CHECK(said(lastGood) == "showing the last pack that loaded (stop-torture 1.2.0)");

    Problem notKept{Problem::Kind::PackNotKept, "No space left on device"};
    notKept.folder = "/data/last-good-pack";
    CHECK(said(notKept) ==
          "could not keep a copy of the pack in /data/last-good-pack: No space left on device");
    notKept.copy = Problem::CopyFailure::TooBig;
    CHECK(said(notKept) == "could not keep a copy of the pack in /data/last-good-pack: the pack is too big");
    notKept.copy = Problem::CopyFailure::TooManyFiles;
    CHECK(said(notKept) ==
          "could not keep a copy of the pack in /data/last-good-pack: the pack has too many files");

    Problem unavailable{Problem::Kind::StoreUnavailable, "disk I/O error"};
    unavailable.folder = "/data";
    CHECK(said(unavailable) == "cannot store pledges in /data: disk I/O error");
    CHECK(said({Problem::Kind::NoSigningKey, "key.bin: damaged"}) ==
          "no kiosk signing key, so no export or sync: key.bin: damaged");
    CHECK(said({Problem::Kind::CountsUnavailable, "locked"}) ==
          "cannot open the pledge store for sync and figures: locked");
    CHECK(said({Problem::Kind::CannotCount, "locked"}) == "cannot count pledges: locked");
    CHECK(said({Problem::Kind::PledgeNotSaved, "locked"}) == "pledge not saved: locked");
    CHECK(said({Problem::Kind::StorageFull, "disk full"}) == "pledge not saved, storage full: disk full");
}

TEST_CASE("a clock that cannot be set says why and what the service needs", "[screens][admin]") {
    using Result = reports::ClockSetting::Result;
    CHECK(reports::clockSettingText({}).empty());
    CHECK(reports::clockSettingText({Result::NotHere}) == "the clock cannot be set here");
    CHECK(reports::clockSettingText({Result::Refused, "Operation not permitted"}) ==
          "cannot set the clock (Operation not permitted): the kiosk service needs CAP_SYS_TIME (see "
          "systemd/outreach-kiosk.service)");
}

TEST_CASE("export and sync without a store say why there is none, or that it cannot be opened",
          "[screens][admin]") {
    reports::SyncOutcome outcome;
    outcome.result = reports::SyncOutcome::Result::NoStore;
    outcome.store = {reports::CollectionBlock::NoDataDir, ""};
    CHECK(reports::syncOutcomeText(outcome) ==
          "Export and sync are not possible: not set up to collect: no data_dir in the config.");
    outcome.store = {reports::CollectionBlock::StoreUnavailable, "disk I/O error", "/data"};
    CHECK(reports::syncOutcomeText(outcome) ==
          "Export and sync are not possible: cannot store pledges in /data: disk I/O error.");
    outcome.result = reports::SyncOutcome::Result::StoreClosed;
    CHECK(reports::syncOutcomeText(outcome) ==
          "Export and sync are not possible: the pledge store cannot be opened (see the problems below).");
}

TEST_CASE("the menu writes the clock with its zone, the key's absence and the problems, newest first",
          "[screens][admin]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    screens::AdminView admin;
    admin.unlocked = true;
    admin.status.clock = "2026-11-26 10:00";
    admin.status.clockZone = "Asia/Kuala_Lumpur";
    admin.status.clockZoneAbbreviation = "+08";
    admin.status.clockSynced = true;
    admin.status.noDataDir = true;
    Problem notKept{Problem::Kind::PackNotKept, ""};
    notKept.folder = "/data/last-good-pack";
    notKept.copy = Problem::CopyFailure::TooBig;
    admin.status.lastProblems = {notKept,
                                 {Problem::Kind::Diagnostic, "kiosk.toml:4:1: warning: unknown key"}};
    screens::ScreenContext context{pack, "en", {1920, 1080}, text, images};
    context.extras.admin = &admin;
    const auto statusText = [&] {
        const Scene scene = screens::buildScene(context, {ScreenId::Admin, 0, 0});  // outlives the widget
        const Widget* widget = scene.find("admin-status");
        return widget ? widget->text : std::string();
    };
    std::string status = statusText();
    CHECK_THAT(status,
               Catch::Contains("\nClock: 2026-11-26 10:00 (Asia/Kuala_Lumpur, +08) (set from the internet)"));
    CHECK_THAT(status, Catch::Contains("\nKiosk key: none (no data_dir in the config)"));
    CHECK_THAT(status,
               Catch::Contains("\ncould not keep a copy of the pack in /data/last-good-pack: the pack is "
                               "too big\nkiosk.toml:4:1: warning: unknown key"));

    // No zone known (the tour, a test): the time alone; no TZ set: the abbreviation alone.
    admin.status.clockZone.clear();
    CHECK_THAT(statusText(), Catch::Contains("\nClock: 2026-11-26 10:00 (+08) (set from the internet)"));
    admin.status.clockZoneAbbreviation.clear();
    admin.status.clockSynced = false;
    CHECK_THAT(statusText(),
               Catch::Contains("\nClock: 2026-11-26 10:00 (NOT set from the internet: set it below)"));
}

TEST_CASE("what kept a source of packs from offering any is worded from its facts", "[screens][admin]") {
    using Problem = reports::UpdateFinding::Problem;
    const auto said = [](Problem problem, std::string file, std::string reason) {
        reports::UpdateOutcome outcome;
        reports::UpdateFinding finding;
        finding.result = reports::UpdateFinding::Result::Failed;
        finding.where = "https://sync.example.org/packs/";
        finding.problem = problem;
        finding.file = std::move(file);
        finding.reason = std::move(reason);
        outcome.findings = {finding};
        return reports::updateFindingsText(outcome);
    };
    CHECK(said(Problem::NothingPublished, "index.txt", "") ==
          "no index.txt in https://sync.example.org/packs/: nothing published");
    CHECK(said(Problem::NoFolder, "", "") == "no https://sync.example.org/packs/: nothing to check");
    CHECK(said(Problem::NoRoute, "", "Could not resolve host") ==
          "no route, skipped: https://sync.example.org/packs/ (Could not resolve host); the kiosk runs on");
    CHECK(said(Problem::Unreadable, "index.txt", "HTTP 500") ==
          "https://sync.example.org/packs/index.txt: HTTP 500");
    CHECK(said(Problem::CannotOpen, "", "unknown scheme") ==
          "https://sync.example.org/packs/: unknown scheme");
}

TEST_CASE("a refused pack is worded from its facts: what is wrong, where, what to do", "[screens][admin]") {
    using Kind = reports::PackRefusal::Kind;
    using reports::Refusal;
    const std::string file = "/media/stick/outreach-kiosk-sync/packs/minimal-1.2.0.okpack";
    reports::PackRefusal older{Refusal::Older, Kind::NotNewer};
    older.file = file;
    older.packId = "minimal";
    older.version = "1.2.0";
    older.running = "1.3.0";
    CHECK(reports::refusalText(older) ==
          "older: " + file +
              " holds minimal 1.2.0, not newer than the running 1.3.0 (a kiosk never goes back to an older "
              "pack by itself)");

    reports::PackRefusal broken{Refusal::Invalid, Kind::DoesNotLoad};
    broken.file = file;
    broken.path = "/data/packs/incoming-1/timeline.toml";
    broken.line = 12;
    broken.column = 3;
    broken.detail = "entry needs a source";
    CHECK(reports::refusalText(broken) ==
          "invalid: " + file +
              " is signed and whole, but its pack does not load: /data/packs/incoming-1/timeline.toml:12:3: "
              "error: entry needs a source");

    reports::PackRefusal manifest{Refusal::Invalid, Kind::BadManifest};
    manifest.file = file;
    manifest.line = 7;
    manifest.manifest = reports::ManifestProblem::ListedTwice;
    manifest.path = "pack.toml";
    CHECK(reports::refusalText(manifest) ==
          "invalid: " + file + ": manifest line 7: \"pack.toml\" is listed twice");

    reports::PackRefusal format{Refusal::Invalid, Kind::NewerFormat};
    format.file = file;
    format.count = 2;
    format.limit = 1;
    CHECK(reports::refusalText(format) ==
          "invalid: " + file +
              " is written for pack format 2; this kiosk reads format 1: update the kiosk software");

    // The menu, the log and kioskctl list each refusal after the source's line.
    reports::UpdateFinding finding;
    finding.where = "/media/stick/outreach-kiosk-sync/packs/";
    finding.refusals = {older, format};
    CHECK(reports::findingText(finding) ==
          "nothing newer on /media/stick/outreach-kiosk-sync/packs/ that passes; refused " +
              reports::refusalText(older) + "; refused " + reports::refusalText(format));
}

TEST_CASE("a fallback to the previous pack says why, naming the update it left", "[screens][admin]") {
    using Why = reports::PackFallback::Why;
    CHECK(reports::packFallbackText({}).empty());
    CHECK(reports::packFallbackText({Why::SlotMissing, "slot-minimal-1.2.0-0a1b2c3d"}) ==
          "the pack slot slot-minimal-1.2.0-0a1b2c3d is missing; back on the previous pack");
    CHECK(reports::packFallbackText({Why::NotShown, "slot-minimal-1.2.0-0a1b2c3d"}) ==
          "went back to the previous pack: slot-minimal-1.2.0-0a1b2c3d did not show its first screen");
    CHECK(reports::packFallbackText({Why::DidNotLoad, "slot-minimal-1.2.0-0a1b2c3d"}) ==
          "went back to the previous pack: the new pack did not load");
}
