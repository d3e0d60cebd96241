// The pledge store on a real SQLite file: sequence, signer hashes, damage recovery, full disk, sync state.
#include "pledge/PledgeStore.h"

#include "TempDir.h"
#include "pledge/CaptureFacts.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace kiosk::pledge;

namespace {

PledgeRecord makeRecord(const std::string& actionId = "stop-torture",
                        const std::string& createdAt = "2024-06-01T02:30:00Z") {
    PledgeRecord record;
    record.uuid = newUuidV4();
    record.kioskId = "kl-booth-1";
    record.actionId = actionId;
    record.packId = "stop-torture";
    record.packVersion = "1.0.0";
    record.language = "en";
    record.createdAtUtc = createdAt;
    record.bootId = "boot";
    record.monotonicMs = 1234;
    record.sealed = std::vector<unsigned char>(200, 0xAB);
    return record;
}

PledgeStore openStore(const std::filesystem::path& dir) {
    auto store = PledgeStore::open(dir);
    if (!store) FAIL(store.error().message);
    return std::move(store).value();
}

std::int64_t rowCount(const std::filesystem::path& dir) {
    sqlite3* raw = nullptr;
    sqlite3_open_v2((dir / "pledges.db").c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(raw, "SELECT count(*) FROM pledges", -1, &statement, nullptr);
    sqlite3_step(statement);
    const auto count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(raw);
    return count;
}

// Sets TZ for one test and restores it afterwards.
class ScopedTimeZone {
public:
    explicit ScopedTimeZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) old_ = old;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~ScopedTimeZone() {
        if (old_.empty())
            ::unsetenv("TZ");
        else
            ::setenv("TZ", old_.c_str(), 1);
        ::tzset();
    }

private:
    std::string old_;
};

}  // namespace

TEST_CASE("a stored pledge reads back with the next sequence number", "[pledge][store]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    CHECK(store.openNotice().empty());
    const PledgeRecord record = makeRecord();
    auto stored = store.insert(record, std::nullopt);
    REQUIRE(stored.ok());
    CHECK(stored.value().sequence == 1);
    const auto pending = store.unexported(10);
    REQUIRE(pending.ok());
    REQUIRE(pending.value().size() == 1);
    const PledgeRecord& back = pending.value()[0];
    CHECK(back.uuid == record.uuid);
    CHECK(back.kioskId == "kl-booth-1");
    CHECK(back.sequence == 1);
    CHECK(back.createdAtUtc == record.createdAtUtc);
    CHECK(back.monotonicMs == 1234);
    CHECK(back.sealed == record.sealed);
}

TEST_CASE("sequence numbers keep rising across close and reopen", "[pledge][store]") {
    test::TempDir dir;
    std::int64_t last = 0;
    for (int session = 0; session < 3; ++session) {
        auto store = openStore(dir.path());
        for (int i = 0; i < 3; ++i) {
            auto stored = store.insert(makeRecord(), std::nullopt);
            REQUIRE(stored.ok());
            CHECK(stored.value().sequence > last);
            last = stored.value().sequence;
        }
    }
    CHECK(last == 9);
}

TEST_CASE("the same e-mail in another case is recognised as the same signer, per action", "[pledge][store]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    CHECK_FALSE(store.alreadySigned("stop-torture", "aliya@example.com"));
    REQUIRE(store.insert(makeRecord(), std::string("Aliya@Example.com")).ok());
    CHECK(store.alreadySigned("stop-torture", " ALIYA@example.COM "));
    CHECK_FALSE(store.alreadySigned("other-action", "aliya@example.com"));
    CHECK_FALSE(store.alreadySigned("stop-torture", "aliyah@example.com"));

    const auto again = store.insert(makeRecord(), std::string("aliya@EXAMPLE.com"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == ErrorKind::AlreadySigned);
    CHECK(rowCount(dir.path()) == 1);
    CHECK(store.lastSequence() == 1);  // the refused pledge used no number
}

TEST_CASE("the signer key is private to the kiosk and kept across restarts", "[pledge][store]") {
    test::TempDir dir;
    {
        auto store = openStore(dir.path());
        REQUIRE(store.insert(makeRecord(), std::string("a@example.com")).ok());
    }
    struct stat info {};
    REQUIRE(::stat((dir.path() / "signer-key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(info.st_size == 32);
    auto reopened = openStore(dir.path());
    CHECK(reopened.alreadySigned("stop-torture", "A@example.com"));
}

TEST_CASE("an empty signer key left by a power cut at first start is made again", "[pledge][store]") {
    test::TempDir dir;
    std::ofstream(dir.path() / "signer-key").close();  // created, never written
    auto store = openStore(dir.path());
    REQUIRE(store.insert(makeRecord(), std::string("a@example.com")).ok());
    struct stat info {};
    REQUIRE(::stat((dir.path() / "signer-key").c_str(), &info) == 0);
    CHECK(info.st_size == 32);
}

TEST_CASE("a damaged database is kept aside, reported, and replaced by a fresh one", "[pledge][store]") {
    test::TempDir dir;
    std::int64_t last = 0;
    {
        auto store = openStore(dir.path());
        for (int i = 0; i < 3; ++i)
            last = store.insert(makeRecord(), std::nullopt).value().sequence;
    }
    {
        std::fstream file(dir.path() / "pledges.db", std::ios::in | std::ios::out | std::ios::binary);
        const std::string garbage(4096, '\x5a');
        file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    auto store = openStore(dir.path());
    CHECK_THAT(store.openNotice(),
               Catch::Contains("integrity check") && Catch::Contains("pledges.db.corrupt-"));
    std::size_t asideFiles = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        if (entry.path().filename().string().rfind("pledges.db.corrupt-", 0) == 0) ++asideFiles;
    }
    CHECK(asideFiles >= 1);
    const auto counts = store.counts("2024-06-01");
    REQUIRE(counts.ok());
    CHECK(counts.value().total == 0);
    auto stored = store.insert(makeRecord(), std::nullopt);
    REQUIRE(stored.ok());
    CHECK(stored.value().sequence > last);  // numbers never repeat, even across a lost database
}

TEST_CASE("a full disk refuses the pledge whole, and the same pledge saves once space is back",
          "[pledge][store]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    REQUIRE(store.insert(makeRecord(), std::nullopt).ok());
    const auto pagesNow = std::filesystem::file_size(dir.path() / "pledges.db") / 4096;
    store.setMaxPageCount(static_cast<std::int64_t>(pagesNow) + 1);

    std::optional<Error> failure;
    PledgeRecord refused;
    std::int64_t saved = 1;
    for (int i = 0; i < 500 && !failure; ++i) {
        PledgeRecord record = makeRecord();
        record.sealed.assign(1500, 0xCD);
        auto stored = store.insert(record, "signer" + std::to_string(i) + "@example.com");
        if (stored) {
            ++saved;
        } else {
            failure = stored.error();
            refused = record;
        }
    }
    REQUIRE(failure);
    CHECK(failure->kind == ErrorKind::StorageFull);
    CHECK_THAT(failure->message, Catch::StartsWith("storage full"));
    CHECK(rowCount(dir.path()) == saved);
    CHECK(store.lastSequence() == saved);
    CHECK_FALSE(store.alreadySigned("stop-torture", "signer" + std::to_string(saved - 1) + "@example.com"));

    store.setMaxPageCount(1'000'000);
    auto retried = store.insert(refused, "signer" + std::to_string(saved - 1) + "@example.com");
    REQUIRE(retried.ok());
    CHECK(retried.value().sequence == saved + 1);
    CHECK(rowCount(dir.path()) == saved + 1);
}

TEST_CASE("a failed write is reported and leaves nothing behind", "[pledge][store]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    store.setQueryOnlyForTest(true);
    const auto stored = store.insert(makeRecord(), std::string("a@example.com"));
    REQUIRE_FALSE(stored.ok());
    CHECK(stored.error().kind == ErrorKind::WriteFailed);
    CHECK_THAT(stored.error().message, Catch::StartsWith("write failed"));
    store.setQueryOnlyForTest(false);
    CHECK(rowCount(dir.path()) == 0);
    CHECK_FALSE(store.alreadySigned("stop-torture", "a@example.com"));
    CHECK(store.insert(makeRecord(), std::string("a@example.com")).ok());
}

TEST_CASE("a database from a newer kiosk version is not touched", "[pledge][store]") {
    test::TempDir dir;
    { auto store = openStore(dir.path()); }
    {
        sqlite3* raw = nullptr;
        sqlite3_open((dir.path() / "pledges.db").c_str(), &raw);
        sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(raw);
    }
    const auto store = PledgeStore::open(dir.path());
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("newer kiosk version"));
}

TEST_CASE("counts by day, hour and action follow the kiosk's time zone", "[pledge][store]") {
    const ScopedTimeZone malaysia("MYT-8");  // UTC+8, no tzdata needed
    test::TempDir dir;
    auto store = openStore(dir.path());
    REQUIRE(store.insert(makeRecord("stop-torture", "2024-06-01T01:10:00Z"), std::nullopt).ok());   // 09:10
    REQUIRE(store.insert(makeRecord("stop-torture", "2024-06-01T01:50:00Z"), std::nullopt).ok());   // 09:50
    REQUIRE(store.insert(makeRecord("free-prisoner", "2024-06-01T06:00:00Z"), std::nullopt).ok());  // 14:00
    REQUIRE(
        store.insert(makeRecord("stop-torture", "2024-05-31T17:00:00Z"), std::nullopt).ok());  // 01:00 on 1st
    REQUIRE(store.insert(makeRecord("stop-torture", "2024-05-31T15:00:00Z"), std::nullopt)
                .ok());  // 23:00 on 31st
    const auto counts = store.counts("2024-06-01");
    REQUIRE(counts.ok());
    CHECK(counts.value().total == 5);
    CHECK(counts.value().today == 4);
    CHECK(counts.value().unsynced == 5);
    CHECK(counts.value().perAction.at("stop-torture") == 4);
    CHECK(counts.value().perAction.at("free-prisoner") == 1);
    CHECK(counts.value().perHourToday[9] == 2);
    CHECK(counts.value().perHourToday[14] == 1);
    CHECK(counts.value().perHourToday[1] == 1);
    CHECK(counts.value().perHourToday[23] == 0);
}

TEST_CASE("export, delivery and purge move pledges through their sync states", "[pledge][store]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    std::vector<std::string> uuids;
    for (int i = 0; i < 5; ++i)
        uuids.push_back(store.insert(makeRecord(), std::nullopt).value().uuid);

    std::vector<std::int64_t> visited;
    REQUIRE(store
                .forEachUnexported(10,
                                   [&](const PledgeRecord& r) {
                                       visited.push_back(r.sequence);
                                       return visited.size() < 3;
                                   })
                .ok());
    CHECK(visited == std::vector<std::int64_t>{1, 2, 3});

    const auto exported =
        store.markExported({uuids[0], uuids[1], uuids[2]}, "bundle-1", "2024-06-01T10:00:00Z");
    REQUIRE(exported.ok());
    CHECK(exported.value() == 3);
    const auto rest = store.unexported(10);
    REQUIRE(rest.value().size() == 2);
    CHECK(rest.value()[0].uuid == uuids[3]);
    CHECK(store.counts("2024-06-01").value().unexported == 2);

    CHECK(store.markDelivered("bundle-1", "2024-06-02T10:00:00Z").value() == 3);
    CHECK(store.counts("2024-06-01").value().unsynced == 2);
    CHECK(store.purgeDelivered(30, "2024-06-20T10:00:00Z").value() == 0);
    CHECK(store.purgeDelivered(30, "2024-07-02T10:00:00Z").value() == 3);
    CHECK(store.counts("2024-06-01").value().total == 2);

    REQUIRE(store.markExported({uuids[3]}, "bundle-2", "2024-07-02T10:00:00Z").ok());
    CHECK(store.forgetExport("bundle-2").value() == 1);
    CHECK(store.unexported(10).value().size() == 2);
}

TEST_CASE("the PIN lock-out is kept in the store and survives reopening", "[pledge][store][pin]") {
    test::TempDir dir;
    {
        auto store = openStore(dir.path());
        CHECK_FALSE(store.loadPinLockout().has_value());
        PinLockout lockout;
        for (int i = 0; i < 6; ++i)
            lockout.recordFailure(kiosk::Millis{0});
        REQUIRE(store.savePinLockout(lockout.save(kiosk::Millis{0}, 1'000)).ok());
    }
    auto reopened = openStore(dir.path());
    const auto saved = reopened.loadPinLockout();
    REQUIRE(saved.has_value());
    CHECK(saved->failures == 6);
    CHECK(saved->remainingMs == 60'000);
    CHECK(saved->nextLockMs == 120'000);
    CHECK(saved->savedAtUnixMs == 1'000);
}

TEST_CASE("retention counts from the kiosk's own clock when the wall clock was ahead at delivery",
          "[pledge][store][sync]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    PledgeStore::MonotonicStamp clock{"boot-a", 1'000};
    store.setMonotonicSourceForTest([&] { return clock; });
    const auto uuid = store.insert(makeRecord(), std::nullopt).value().uuid;
    REQUIRE(store.markExported({uuid}, "bundle-1", "2024-06-01T10:00:00Z").ok());
    // The clock was set 3 days ahead when the delivery was confirmed (truly 2024-06-01 10:00).
    REQUIRE(store.markDelivered("bundle-1", "2024-06-04T10:00:00Z").value() == 1);

    SECTION("within the boot, the monotonic age decides") {
        clock.millis += 86'400'000 - 60'000;
        CHECK(store.purgeDelivered(1, "2024-06-02T09:59:00Z").value() == 0);
        clock.millis += 60'000;
        CHECK(store.purgeDelivered(1, "2024-06-02T10:00:00Z").value() == 1);
    }
    SECTION("a purge in the boot re-dates the delivery, so a later boot counts from the true time") {
        clock.millis += 3'600'000;  // an hour later the clock is corrected and a push runs
        CHECK(store.purgeDelivered(1, "2024-06-01T11:00:00Z").value() == 0);
        clock = {"boot-b", 5'000};  // power cut; next morning
        CHECK(store.purgeDelivered(1, "2024-06-02T09:59:00Z").value() == 0);
        CHECK(store.purgeDelivered(1, "2024-06-02T10:00:00Z").value() == 1);
    }
    SECTION("in a later boot, a delivery stamp in the future is pulled back to now") {
        clock = {"boot-b", 5'000};
        CHECK(store.purgeDelivered(1, "2024-06-01T12:00:00Z").value() == 0);
        CHECK(store.purgeDelivered(1, "2024-06-02T12:00:00Z").value() == 1);
    }
}
