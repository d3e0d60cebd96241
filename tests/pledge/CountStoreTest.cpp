// Engagement counts in the pledge store: running totals, refusal of anything but ids, sealing into batches
// for export, and the migration of a database made before counts existed.
#include "TempDir.h"
#include "pledge/PledgeStore.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace kiosk;
using namespace kiosk::pledge;

namespace {
PledgeStore openStore(const std::filesystem::path& dir) {
    auto store = PledgeStore::open(dir);
    if (!store) FAIL(store.error().message);
    return std::move(store).value();
}

EngagementCount count(std::string metric, std::string subject, std::int64_t value, int hour = 10) {
    return {"2026-06-26", hour, std::move(metric), std::move(subject), value};
}

std::int64_t sumOf(const std::vector<StoredCount>& rows, std::string_view metric) {
    std::int64_t sum = 0;
    for (const auto& row : rows)
        if (row.count.metric == metric) sum += row.count.value;
    return sum;
}
}  // namespace

TEST_CASE("counts add up in the store and only ids, hours and integers are kept", "[pledge][counts]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    REQUIRE(store.addCounts("kl-1", {count("visit", "", 1), count("screen", "story:why", 2)}).value() == 0);
    REQUIRE(store.addCounts("kl-1", {count("visit", "", 1)}).value() == 0);
    // Anything that could carry text is refused: a subject with a space, an @ or capitals, an unknown metric,
    // a bad hour or date, a negative value.
    const auto refused = store.addCounts("kl-1", {count("screen", "siti@example.my", 1),
                                                  count("screen", "Siti Aminah", 1),
                                                  count("name", "", 1),
                                                  count("visit", "", 1, 24),
                                                  {"26/06/2026", 1, "visit", "", 1},
                                                  count("visit", "", -5)});
    REQUIRE(refused.ok());
    CHECK(refused.value() == 6);
    REQUIRE(store.sealCounts().ok());
    const auto rows = store.unexportedCounts("kl-1");
    REQUIRE(rows.ok());
    CHECK(sumOf(rows.value(), "visit") == 2);
    CHECK(sumOf(rows.value(), "screen") == 2);
    CHECK(rows.value().size() == 2);
}

TEST_CASE("sealed counts keep their batch through export, and later counts start a new one",
          "[pledge][counts]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    REQUIRE(store.addCounts("kl-1", {count("visit", "", 3)}).ok());
    REQUIRE(store.sealCounts().ok());
    const auto first = store.unexportedCounts("kl-1").value();
    REQUIRE(first.size() == 1);
    CHECK(first[0].batch.size() == 32);
    // Counting goes on beside the sealed row; sealing twice before the export changes nothing sealed.
    REQUIRE(store.addCounts("kl-1", {count("visit", "", 1)}).ok());
    REQUIRE(store.markCountsExported("kl-1", {first[0].batch}, "b1.okb", "2026-06-26T10:00:00Z").value() ==
            1);
    CHECK(store.unexportedCounts("kl-1").value().empty());
    REQUIRE(store.sealCounts().ok());
    const auto second = store.unexportedCounts("kl-1").value();
    REQUIRE(second.size() == 1);
    CHECK(second[0].batch != first[0].batch);
    CHECK(second[0].count.value == 1);
    // A lost bundle gives its counts back, under the same batch id.
    REQUIRE(store.forgetExport("b1.okb").ok());
    const auto again = store.unexportedCounts("kl-1").value();
    REQUIRE(again.size() == 2);
    CHECK((again[0].batch == first[0].batch || again[1].batch == first[0].batch));
    CHECK(store.kiosksWithUnexportedCounts().value() == std::vector<std::string>{"kl-1"});
}

TEST_CASE("delivered counts are purged with the delivered pledges", "[pledge][counts]") {
    test::TempDir dir;
    auto store = openStore(dir.path());
    REQUIRE(store.addCounts("kl-1", {count("visit", "", 3)}).ok());
    REQUIRE(store.sealCounts().ok());
    const auto rows = store.unexportedCounts("kl-1").value();
    REQUIRE(store.markCountsExported("kl-1", {rows[0].batch}, "b1.okb", "2026-06-01T10:00:00Z").ok());
    REQUIRE(store.markDelivered("b1.okb", "2026-06-01T10:00:00Z").ok());
    REQUIRE(store.purgeDelivered(30, "2026-06-20T10:00:00Z").ok());
    sqlite3* raw = nullptr;
    const auto countRows = [&] {
        sqlite3_open_v2((dir.path() / "pledges.db").c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(raw, "SELECT count(*) FROM counts", -1, &statement, nullptr);
        sqlite3_step(statement);
        const auto n = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
        sqlite3_close(raw);
        return n;
    };
    CHECK(countRows() == 1);
    REQUIRE(store.purgeDelivered(30, "2026-07-02T10:00:00Z").ok());
    CHECK(countRows() == 0);
}

TEST_CASE("a database made before counts existed gains the counts table and keeps its pledges",
          "[pledge][counts]") {
    test::TempDir dir;
    { auto store = openStore(dir.path()); }
    {
        sqlite3* raw = nullptr;
        sqlite3_open((dir.path() / "pledges.db").c_str(), &raw);
        REQUIRE(sqlite3_exec(raw,
                             "DROP TABLE counts; PRAGMA user_version = 2; "
                             "UPDATE meta SET value = 41 WHERE key = 'sequence'",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    auto store = openStore(dir.path());
    CHECK(store.lastSequence() == 41);
    REQUIRE(store.addCounts("kl-1", {count("visit", "", 1)}).ok());
    REQUIRE(store.sealCounts().ok());
    CHECK(store.unexportedCounts("kl-1").value().size() == 1);
}
