// The admin screen's export-to-USB and sync-now on a real pledge store: what lands where, what the
// volunteer is told, what the sync log keeps, and that delivered pledges are purged on the kiosk's path too.
#include "sync/KioskSync.h"

#include "pledge/CaptureFacts.h"
#include "pledge/PledgeStore.h"
#include "sync/BundleReader.h"
#include "sync/Export.h"
#include "sync/ImportTestSupport.h"
#include "sync/LoopbackServers.h"
#include "sync/SyncLog.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::sync;
using Catch::Contains;
using test::TempDir;

namespace {

constexpr const char* kNow = "2024-06-01T10:00:00Z";

struct Booth {
    TempDir dir;
    std::filesystem::path data = dir / "data";
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey key;
    pledge::PledgeStore store = std::move(pledge::PledgeStore::open(data).value());
    KioskSyncSettings settings{data, 30};

    Booth() {
        auto made = loadOrCreateSigningKey(data);
        REQUIRE(made.ok());
        key = made.value();
    }
    void record(int n) {
        for (int i = 0; i < n; ++i) {
            auto record =
                test::makeRecord("kl-booth-1", 0, test::seal(test::personFor(i), coordinator.publicKey));
            record.uuid = pledge::newUuidV4();
            REQUIRE(store.insert(record, std::nullopt).ok());
        }
    }
    pledge::PledgeCounts counts() {
        auto counted = store.counts("2024-06-01");
        REQUIRE(counted.ok());
        return counted.value();
    }
};

}  // namespace

TEST_CASE("export to a stick writes one signed bundle of the new pledges, then has nothing new",
          "[sync][kiosk]") {
    Booth booth;
    booth.record(5);
    const auto stick = booth.dir / "stick" / kStickFolderName;

    const SyncAttempt first = exportToFolder(booth.store, booth.key, booth.settings, stick, kNow);
    INFO(first.failure);
    CHECK(first.ok);
    CHECK(first.outcome == SyncAttempt::Outcome::Done);
    CHECK(first.pledges == 5);
    CHECK(first.logProblem.empty());
    const auto onStick = test::filesIn(stick, ".okb");
    REQUIRE(onStick.size() == 1);
    auto read = readBundle(onStick[0], {});
    REQUIRE(read.ok());
    CHECK(read.value().count == 5);
    CHECK(booth.counts().unexported == 0);
    CHECK(booth.counts().unsynced == 5);  // a stick never confirms delivery
    const SyncLog log = readSyncLog(booth.data);
    CHECK(log.lastSuccessUtc == kNow);
    CHECK(log.lastSuccessKind == SyncKind::Export);
    CHECK(log.lastSuccessPledges == 5u);

    const SyncAttempt again = exportToFolder(booth.store, booth.key, booth.settings, stick, kNow);
    CHECK(again.ok);
    CHECK(again.pledges == 0);
    CHECK(again.outcome == SyncAttempt::Outcome::NothingNew);
    CHECK(test::filesIn(stick, ".okb").size() == 1);
}

TEST_CASE("a stick that cannot be written loses nothing: the next export carries the pledges",
          "[sync][kiosk]") {
    Booth booth;
    booth.record(3);
    test::writeFile(booth.dir / "not-a-folder", "x");
    const auto broken = booth.dir / "not-a-folder" / kStickFolderName;

    const SyncAttempt failed = exportToFolder(booth.store, booth.key, booth.settings, broken, kNow);
    CHECK_FALSE(failed.ok);
    CHECK(failed.outcome == SyncAttempt::Outcome::Failed);
    CHECK_FALSE(failed.failure.empty());
    CHECK(booth.counts().unexported == 3);
    CHECK(test::filesIn(outboxFolder(booth.data), ".okb").empty());
    CHECK(readSyncLog(booth.data).lastError == failed.failure);
    CHECK(readSyncLog(booth.data).lastErrorKind == SyncKind::Export);

    const auto stick = booth.dir / "stick";
    const SyncAttempt retried = exportToFolder(booth.store, booth.key, booth.settings, stick, kNow);
    CHECK(retried.ok);
    CHECK(retried.pledges == 3);
    CHECK(readSyncLog(booth.data).lastError.empty());  // put right since
}

TEST_CASE("sync now without a [sync] url says so and touches nothing", "[sync][kiosk]") {
    Booth booth;
    booth.record(2);
    const SyncAttempt attempt =
        pushPending(booth.store, booth.key, booth.settings, {}, std::chrono::seconds(5), kNow);
    CHECK_FALSE(attempt.ok);
    CHECK(attempt.outcome == SyncAttempt::Outcome::NoServer);
    CHECK(booth.counts().unexported == 2);
}

TEST_CASE("sync now with the server down fails after one try and keeps every pledge", "[sync][kiosk]") {
    Booth booth;
    booth.record(4);
    PushOptions options;
    options.transport.location = "http://127.0.0.1:" + std::to_string(test::unusedPort()) + "/dav";
    options.transport.allowInsecureLoopback = true;
    options.transport.attempts = 1;
    const SyncAttempt attempt =
        pushPending(booth.store, booth.key, booth.settings, options, std::chrono::seconds(5), kNow);
    CHECK_FALSE(attempt.ok);
    CHECK(attempt.outcome == SyncAttempt::Outcome::Failed);
    CHECK(attempt.pledges == 0);
    CHECK(booth.counts().unsynced == 4);
    CHECK(test::filesIn(outboxFolder(booth.data), ".okb").size() == 1);  // waits there for the next sync
    CHECK(readSyncLog(booth.data).lastError == attempt.failure);
    CHECK(readSyncLog(booth.data).lastErrorKind == SyncKind::Push);
    CHECK(readSyncLog(booth.data).lastSuccessUtc.empty());
}

TEST_CASE("sync now delivers to the server, and delivered pledges are purged after keep_days_after_delivery",
          "[sync][kiosk]") {
    test::skipWithoutNginx();
    TempDir serverDir;
    test::Nginx nginx(serverDir / "nginx");
    REQUIRE(nginx.ready());
    Booth booth;
    booth.record(6);
    PushOptions options;
    options.transport.location = nginx.url("dav/kl-booth-1");
    options.transport.allowInsecureLoopback = true;
    options.transport.attempts = 1;

    const SyncAttempt sent =
        pushPending(booth.store, booth.key, booth.settings, options, std::chrono::seconds(5), kNow);
    INFO(sent.failure);
    CHECK(sent.ok);
    CHECK(sent.outcome == SyncAttempt::Outcome::Done);
    CHECK(sent.pledges == 6);
    CHECK(sent.bundlesLeft == 0);
    CHECK(test::filesIn(nginx.served("dav/kl-booth-1"), ".okb").size() == 1);
    CHECK(booth.counts().total == 6);  // kept 30 days after delivery
    CHECK(booth.counts().unsynced == 0);
    CHECK_FALSE(lastDeliveryUtc(booth.data).empty());
    CHECK(readSyncLog(booth.data).lastSuccessUtc == kNow);
    CHECK(readSyncLog(booth.data).lastSuccessKind == SyncKind::Push);
    CHECK(readSyncLog(booth.data).lastSuccessPledges == 6u);

    booth.settings.keepDaysAfterDelivery = 0;
    const SyncAttempt later =
        pushPending(booth.store, booth.key, booth.settings, options, std::chrono::seconds(5), kNow);
    CHECK(later.ok);
    CHECK(later.outcome == SyncAttempt::Outcome::NothingNew);
    CHECK(booth.counts().total == 0);
    CHECK(test::filesIn(sentFolder(booth.data), ".okb").empty());
}

TEST_CASE("a failed push leaves its bundle in the outbox, and the next stick export carries it",
          "[sync][kiosk]") {
    // An offline booth with a [sync] url: the timer's push packs the pledges and fails; a stick must still
    // get them.
    Booth booth;
    booth.record(3);
    PushOptions options;
    options.transport.location = "http://127.0.0.1:" + std::to_string(test::unusedPort()) + "/dav";
    options.transport.allowInsecureLoopback = true;
    options.transport.attempts = 1;
    REQUIRE_FALSE(
        pushPending(booth.store, booth.key, booth.settings, options, std::chrono::seconds(5), kNow).ok);
    booth.record(2);
    const auto stick = booth.dir / "stick" / kStickFolderName;
    const SyncAttempt exported = exportToFolder(booth.store, booth.key, booth.settings, stick, kNow);
    CHECK(exported.ok);
    CHECK(exported.pledges == 2);
    CHECK(exported.resent == 3);
    CHECK(exported.outcome == SyncAttempt::Outcome::Done);
    CHECK(test::filesIn(stick, ".okb").size() == 2);  // the stranded bundle and the new one
}

TEST_CASE("an export removes a killed export's temporary files from the stick, but not a fresh one",
          "[sync][kiosk]") {
    // A kiosk pulled mid-copy leaves ".<bundle>.okb.XXXXXX" on the stick; ten minutes on, nobody is writing
    // it. A younger one may be another kiosk's copy in progress, and files that are not ours stay too.
    Booth booth;
    booth.record(2);
    const auto stick = booth.dir / "stick" / kStickFolderName;
    std::filesystem::create_directories(stick);
    const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::minutes(11);
    const std::vector<std::string> stale = {".kl-booth-1-1-5-0123456789abcdef.okb.Ab12Cd",
                                            ".bundle.okb.Xy34Zw"};
    const std::vector<std::string> kept = {".kl-booth-2-7-9-fedcba9876543210.okb.Qw56Er",
                                           ".bundle.okb.Rt78Yu", ".Trash-1000", "notes.okb.Ab12Cd"};
    for (const auto& name : stale) {
        test::writeFile(stick / name, "half a bundle");
        std::filesystem::last_write_time(stick / name, old);
    }
    for (const auto& name : kept)
        test::writeFile(stick / name, "someone else's");  // fresh
    std::filesystem::last_write_time(stick / ".Trash-1000", old);
    std::filesystem::last_write_time(stick / "notes.okb.Ab12Cd", old);

    const SyncAttempt exported = exportToFolder(booth.store, booth.key, booth.settings, stick, kNow);
    CHECK(exported.ok);
    for (const auto& name : stale)
        CHECK_FALSE(std::filesystem::exists(stick / name));
    for (const auto& name : kept)
        CHECK(std::filesystem::exists(stick / name));
    CHECK(test::filesIn(stick, ".okb").size() == 1);
}
