// The kiosk's real services without a display: what they report to the volunteer menu and the pledge buttons
// as data, for each way a kiosk can be set up or broken, and what storing, the PIN and the sync log do.
#include "app/StoreServices.h"

#include "pledge/AdminPin.h"
#include "pledge/Keys.h"
#include "reports/VolunteerWords.h"
#include "support/TestForm.h"
#include "sync/LoopbackServers.h"
#include "sync/SyncLog.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>

using namespace kiosk;
using reports::CollectionBlock;
using SyncResult = reports::SyncOutcome::Result;

namespace {

// A kiosk set up as a booth is: data_dir, a coordinator key, a kiosk id and a PIN.
config::KioskConfig boothConfig(const std::filesystem::path& dataDir) {
    config::KioskConfig config;
    config.kioskId = "kl-booth-1";
    config.dataDir = dataDir;
    config.coordinatorPublicKey = pledge::toBase64(pledge::generateKeyPair().publicKey.bytes);
    config.adminPinHash = pledge::hashPin("2468").value();
    return config;
}

PledgeOutcome sign(app::StoreServices& services, const std::string& email) {
    static const form::Form form = form::test::stopTortureForm();
    form::FormState values(form);
    values.type("name", "Nurul Izzah");
    values.type("email", email);
    return services.submitPledge(form, values, {{"sign", true}},
                                 {"stop-torture", "en", "stop-torture", "1.0.0"});
}

}  // namespace

TEST_CASE("store services: each missing or broken setting is reported as its own reason", "[app][services]") {
    sync::test::TempDir dir;
    SECTION("no data_dir: nothing is collected, exported or sent, and the menu says why") {
        config::KioskConfig config = boothConfig({});
        app::StoreServices services(config, {}, "sample 1.0.0");
        CHECK(services.collection().block == CollectionBlock::NoDataDir);
        const auto exported = services.exportToUsb();
        CHECK(exported.work == reports::SyncWork::Export);
        CHECK(exported.result == SyncResult::NoStore);
        CHECK(exported.store.block == CollectionBlock::NoDataDir);
        CHECK_THAT(reports::syncOutcomeText(exported), Catch::Contains("no data_dir in the config"));
        CHECK(services.syncNow().result == SyncResult::NoStore);
        CHECK(sign(services, "nurul@example.my").kind == PledgeOutcome::Kind::NotSetUp);
        const auto status = services.adminStatus();
        CHECK(status.noDataDir);
        CHECK(status.collecting.block == CollectionBlock::NoDataDir);
        CHECK(status.total == 0);
        CHECK(status.kioskKey.empty());
        CHECK(status.kioskKeyProblem.empty());  // the menu says why from noDataDir
    }
    SECTION("no coordinator key") {
        config::KioskConfig config = boothConfig(dir.path() / "data");
        config.coordinatorPublicKey.clear();
        app::StoreServices services(config, {}, "sample 1.0.0");
        CHECK(services.collection().block == CollectionBlock::NoCoordinatorKey);
        CHECK(sign(services, "nurul@example.my").kind == PledgeOutcome::Kind::NotSetUp);
    }
    SECTION("a coordinator key that is not a key: the reader's words travel as the detail") {
        config::KioskConfig config = boothConfig(dir.path() / "data");
        config.coordinatorPublicKey = "not-a-key";
        app::StoreServices services(config, {}, "sample 1.0.0");
        const auto collection = services.collection();
        CHECK(collection.block == CollectionBlock::BadCoordinatorKey);
        CHECK_FALSE(collection.detail.empty());
        CHECK_THAT(reports::collectionText(collection), Catch::Contains(collection.detail));
    }
    SECTION("no kiosk id") {
        config::KioskConfig config = boothConfig(dir.path() / "data");
        config.kioskId.clear();
        app::StoreServices services(config, {}, "sample 1.0.0");
        CHECK(services.collection().block == CollectionBlock::NoKioskId);
    }
    SECTION("a data_dir that cannot hold a store") {
        sync::test::writeFile(dir.path() / "a-file", "not a folder");
        app::StoreServices services(boothConfig(dir.path() / "a-file" / "data"), {}, "sample 1.0.0");
        const auto collection = services.collection();
        CHECK(collection.block == CollectionBlock::StoreUnavailable);
        CHECK(collection.folder == (dir.path() / "a-file" / "data").string());
        CHECK_FALSE(collection.detail.empty());
        // The menu lists the problem with the same facts, and export says why there is no store.
        const auto problems = services.adminStatus().lastProblems;
        REQUIRE_FALSE(problems.empty());
        CHECK(problems.front().kind == reports::KioskProblem::Kind::StoreUnavailable);
        CHECK(problems.front().folder == collection.folder);
        CHECK(problems.front().detail == collection.detail);
        const auto exported = services.exportToUsb();
        CHECK(exported.result == SyncResult::NoStore);
        CHECK(exported.store.block == CollectionBlock::StoreUnavailable);
        CHECK(exported.store.folder == collection.folder);
    }
    SECTION("everything set: ready, with a kiosk key and USB as the only route") {
        app::StoreServices services(boothConfig(dir.path() / "data"), {}, "sample 1.0.0");
        CHECK(services.collection().ready());
        const auto status = services.adminStatus();
        CHECK(status.collecting.ready());
        CHECK(status.kioskKey.size() == 44);  // base64 of 32 bytes
        CHECK(status.syncRoute == screens::SyncRoute::UsbOnly);
        CHECK(status.pack == "sample 1.0.0");
        CHECK(status.lastSync.when.empty());
        CHECK(status.lastProblems.empty());
        // No [sync] url: Sync now says so instead of trying.
        CHECK(services.syncNow().result == SyncResult::NoServer);
        // No pack updates wired: the check says they are not set up.
        const auto update = services.checkForUpdate();
        CHECK(update.result == reports::UpdateOutcome::Result::Off);
        CHECK(update.offReason == reports::UpdateOutcome::OffReason::NotSetUp);
    }
}

TEST_CASE("store services: the clock comes with its zone as data, for the menu to word", "[app][services]") {
    sync::test::TempDir dir;
    const char* before = std::getenv("TZ");
    const std::string saved = before ? before : "";
    // A POSIX zone, so the test needs no tzdata: "MYT", eight hours ahead of UTC.
    ::setenv("TZ", "MYT-8", 1);
    ::tzset();
    app::StoreServices services(boothConfig(dir.path() / "data"), {}, "sample 1.0.0");
    const auto status = services.adminStatus();
    if (before)
        ::setenv("TZ", saved.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
    CHECK(status.clock.size() == 16);  // "2026-11-26 10:00"
    CHECK(status.clockZone == "MYT-8");
    CHECK(status.clockZoneAbbreviation == "MYT");
}

TEST_CASE("store services: pledges are stored, counted, and a second one from the same e-mail refused",
          "[app][services]") {
    sync::test::TempDir dir;
    app::StoreServices services(boothConfig(dir.path() / "data"), {}, "sample 1.0.0");
    const auto first = sign(services, "nurul@example.my");
    REQUIRE(first.kind == PledgeOutcome::Kind::Saved);
    CHECK_FALSE(first.uuid.empty());
    CHECK(first.reference.size() == 9);  // XXXX-XXXX
    CHECK(sign(services, "NURUL@example.my").kind == PledgeOutcome::Kind::AlreadySigned);
    CHECK(sign(services, "siti@example.my").kind == PledgeOutcome::Kind::Saved);
    const auto status = services.adminStatus();
    CHECK(status.total == 2);
    CHECK(status.today == 2);
    CHECK(status.unsynced == 2);
    CHECK(status.pending == 2);
    CHECK(status.exported == 0);
}

TEST_CASE("store services: the PIN, and a lock-out that survives a restart", "[app][services]") {
    sync::test::TempDir dir;
    const auto config = boothConfig(dir.path() / "data");
    {
        app::StoreServices services(config, {}, "sample 1.0.0");
        int madeRoom = 0;
        services.beforePinCheck([&] { ++madeRoom; });
        CHECK(services.checkPin("2468", Millis{0}) == PinCheck::Accepted);
        CHECK(madeRoom == 1);
        for (int i = 0; i < 5; ++i)
            CHECK(services.checkPin("0000", Millis{1000}) == PinCheck::Rejected);
        CHECK(services.pinLockRemaining(Millis{1000}) > Millis{0});
    }
    app::StoreServices restarted(config, {}, "sample 1.0.0");
    CHECK(restarted.pinLockRemaining(Millis{0}) > Millis{0});
    CHECK(restarted.checkPin("2468", Millis{0}) == PinCheck::LockedOut);

    config::KioskConfig noPin = config;
    noPin.adminPinHash.clear();
    app::StoreServices withoutPin(noPin, {}, "sample 1.0.0");
    CHECK(withoutPin.checkPin("2468", Millis{0}) == PinCheck::NotConfigured);
}

TEST_CASE("store services: the sync route hides credentials, and the last sync comes from the sync log",
          "[app][services][sync]") {
    sync::test::TempDir dir;
    auto config = boothConfig(dir.path() / "data");
    config.sync.url = "https://kl-booth-1:secret@sync.example.org/dav/kl-booth-1";
    app::StoreServices services(config, {}, "sample 1.0.0");
    auto status = services.adminStatus();
    CHECK(status.syncRoute == screens::SyncRoute::Server);
    CHECK(status.syncServer == "https://sync.example.org");
    CHECK(status.pushEvery.count() > 0);

    REQUIRE(sync::recordSyncSuccess(config.dataDir, sync::SyncKind::Export, 12, "2026-11-26T02:00:00Z").ok());
    status = services.adminStatus();
    CHECK(status.lastSync.what == reports::LastSync::What::Exported);
    CHECK(status.lastSync.pledgesKnown);
    CHECK(status.lastSync.pledges == 12);
    CHECK_FALSE(status.lastSync.when.empty());
    CHECK(status.lastSyncError.when.empty());

    REQUIRE(sync::recordSyncFailure(config.dataDir, sync::SyncKind::Push, "Could not connect to server",
                                    "2026-11-26T03:00:00Z")
                .ok());
    status = services.adminStatus();
    CHECK(status.lastSync.pledges == 12);  // the success stays; the failure since is added
    CHECK(status.lastSyncError.work == reports::SyncWork::Push);
    CHECK(status.lastSyncError.detail == "Could not connect to server");
    CHECK_THAT(reports::syncFailureText(status.lastSyncError),
               Catch::EndsWith(", sync failed: Could not connect to server"));
}
