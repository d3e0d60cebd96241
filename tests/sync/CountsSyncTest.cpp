// Engagement counts from the kiosk's store through signed bundles into the coordinator's database, report and
// CSV: with pledges or alone, counted once however often a bundle arrives, older bundles still readable.
#include "pledge/PledgeStore.h"
#include "sync/BundleReader.h"
#include "sync/CountsReport.h"
#include "sync/Export.h"
#include "sync/ImportTestSupport.h"
#include "sync/Report.h"

using namespace kiosk;
using namespace kiosk::sync;

namespace {

struct Booth {
    test::TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey key = loadOrCreateSigningKey(dir / "data").value();
    pledge::PledgeStore store = pledge::PledgeStore::open(dir / "data").value();
    int pledges = 0;

    void pledge() {
        ++pledges;
        auto record =
            test::makeRecord("kl-booth-1", 0, test::seal(test::personFor(pledges), coordinator.publicKey));
        record.uuid = test::uuidFor(1, pledges);
        REQUIRE(store.insert(record, std::nullopt).ok());
    }
    void count(std::vector<EngagementCount> counts) {
        REQUIRE(store.addCounts("kl-booth-1", counts).value() == 0);
    }
    std::vector<ExportedBundle> exportNow() {
        auto exported = exportPending(store, key, dir / "data" / "outbox", "2026-06-26T12:00:00Z");
        REQUIRE(exported.ok());
        return exported.value();
    }
    CentralDb db() {
        auto opened = CentralDb::open(dir / "central.sqlite");
        REQUIRE(opened.ok());
        return std::move(opened.value());
    }
    std::string countsCsv() {
        auto central = db();
        std::ostringstream out;
        REQUIRE(writeCountsCsv(central, out).ok());
        return out.str();
    }
};

EngagementCount at(int hour, std::string metric, std::string subject, std::int64_t value) {
    return {"2026-06-26", hour, std::move(metric), std::move(subject), value};
}

}  // namespace

TEST_CASE("counts travel with the pledges in one bundle and alone in a bundle of counts only",
          "[sync][counts]") {
    Booth b;
    b.pledge();
    b.count({at(9, "visit", "", 3), at(9, "language", "ta", 2), at(10, "visit", "", 1)});
    auto first = b.exportNow();
    REQUIRE(first.size() == 1);
    CHECK(first[0].count == 1);
    std::vector<StoredCount> carried;
    BundleReadCallbacks callbacks;
    callbacks.onCount = [&](StoredCount&& row) { carried.push_back(std::move(row)); };
    auto header = readBundle(first[0].path, callbacks);
    REQUIRE(header.ok());
    CHECK(header.value().formatVersion == 3);
    CHECK(header.value().countRows == 3);
    REQUIRE(carried.size() == 3);
    CHECK(carried[0].kioskId == "kl-booth-1");
    CHECK(carried[0].batch.size() == 32);

    // Nothing new: no bundle. New counts and no pledge: a bundle of counts only, named so.
    CHECK(b.exportNow().empty());
    b.count({at(11, "visit", "", 2)});
    auto second = b.exportNow();
    REQUIRE(second.size() == 1);
    CHECK(second[0].count == 0);
    CHECK_THAT(second[0].path.filename().string(), Catch::StartsWith("kl-booth-1-counts-"));
    auto countsOnly = readBundle(second[0].path, {});
    REQUIRE(countsOnly.ok());
    CHECK(countsOnly.value().count == 0);
    CHECK(countsOnly.value().countRows == 1);
    CHECK(countsOnly.value().chainNumber == 2);
}

TEST_CASE("importing the same counts twice, or a batch carried again, counts them once", "[sync][counts]") {
    Booth b;
    b.pledge();
    b.count({at(9, "visit", "", 3), at(9, "visit_stored", "", 1)});
    const auto bundles = b.exportNow();
    REQUIRE(bundles.size() == 1);
    auto options = test::optionsFor(b.coordinator.secretKey);
    {
        auto central = b.db();
        auto summary = importBundles(central, {bundles[0].path}, options);
        REQUIRE(summary.bundles.size() == 1);
        CHECK(summary.bundles[0].bundleError.empty());
        CHECK(summary.bundles[0].countsAdded == 2);
    }
    const std::string once = b.countsCsv();
    CHECK(once == "kiosk_id,day,hour,metric,subject,value\r\nkl-booth-1,2026-06-26,9,visit,,3\r\n"
                  "kl-booth-1,2026-06-26,9,visit_stored,,1\r\n");
    {
        auto central = b.db();
        auto again = importBundles(central, {bundles[0].path}, options);
        CHECK(again.bundles[0].countsAdded == 0);
        CHECK(again.bundles[0].countsDuplicate == 2);
    }
    CHECK(b.countsCsv() == once);
    // The bundle was lost: its pledges and counts go again in a new bundle, under the same batch.
    REQUIRE(b.store.forgetExport(bundles[0].path.filename().string()).ok());
    std::filesystem::remove(bundles[0].path);
    b.count({at(10, "visit", "", 1)});
    const auto resent = b.exportNow();
    REQUIRE(resent.size() == 1);
    {
        auto central = b.db();
        auto summary = importBundles(central, {resent[0].path}, options);
        CHECK(summary.bundles[0].countsAdded == 1);
        CHECK(summary.bundles[0].countsDuplicate == 2);
        CHECK(summary.duplicates == 1);
    }
    CHECK(b.countsCsv() == once + "kl-booth-1,2026-06-26,10,visit,,1\r\n");
}

TEST_CASE("bundles of older kiosks (format 2, no counts) still import", "[sync][counts]") {
    Booth b;
    auto record = test::boundRecord("kl-old", 1, test::personFor(1), b.coordinator.publicKey);
    BundleHeader header;
    header.formatVersion = 2;
    header.kioskId = "kl-old";
    header.count = 1;
    header.firstSequence = header.lastSequence = 1;
    auto writer = BundleWriter::begin(b.dir / "old", header, b.key);
    REQUIRE(writer.ok());
    REQUIRE(writer.value().add(record).ok());
    CHECK_FALSE(writer.value().addCounts({}).ok());
    auto path = writer.value().finish();
    REQUIRE(path.ok());
    auto central = b.db();
    auto summary = importBundles(central, {path.value()}, test::optionsFor(b.coordinator.secretKey));
    CHECK(summary.added == 1);
    CHECK(summary.bundles[0].bundleError.empty());
    CHECK(summary.bundles[0].countsAdded == 0);
}

TEST_CASE("a count row holding anything but ids is neither written nor read", "[sync][counts]") {
    for (const auto& bad : {at(9, "screen", "Siti Aminah", 1), at(9, "screen", "siti@example.my", 1),
                            at(9, "name", "", 1), at(25, "visit", "", 1)}) {
        std::vector<unsigned char> bytes;
        encodeCountRow({std::string(32, 'a'), "kl-booth-1", bad}, bytes);
        StoredCount row;
        CHECK_FALSE(decodeCountRow(bytes.data() + 4, bytes.size() - 4, row));
    }
    std::vector<unsigned char> bytes;
    encodeCountRow({"not-a-batch", "kl-booth-1", at(9, "visit", "", 1)}, bytes);
    StoredCount row;
    CHECK_FALSE(decodeCountRow(bytes.data() + 4, bytes.size() - 4, row));
    bytes.clear();
    encodeCountRow({std::string(32, 'f'), "kl-booth-1", at(9, "visit", "", 1)}, bytes);
    CHECK(decodeCountRow(bytes.data() + 4, bytes.size() - 4, row));
}

TEST_CASE("the report charts each kiosk's day: funnel, languages, screens, hours", "[sync][counts][report]") {
    Booth b;
    b.count({at(9, "visit", "", 4), at(10, "visit", "", 6), at(9, "visit_read", "", 5),
             at(9, "visit_act", "", 3), at(9, "visit_pledge", "", 2), at(9, "visit_stored", "", 1),
             at(9, "language", "ta", 7), at(9, "screen", "story:why", 4),
             at(9, "screen_ms", "story:why", 120000), at(9, "qr", "act:ratify-uncat", 3),
             at(9, "qr_ms", "act:ratify-uncat", 30000), at(9, "pledge_abandoned", "ratify-uncat:email", 1)});
    const auto bundles = b.exportNow();
    auto central = b.db();
    importBundles(central, {bundles[0].path}, test::optionsFor(b.coordinator.secretKey));
    auto html = buildReport(central, "2026-06-27T00:00:00Z");
    REQUIRE(html.ok());
    const std::string& page = html.value();
    CHECK_THAT(page, Catch::Contains("<h3>kl-booth-1, 2026-06-26</h3>"));
    CHECK_THAT(page, Catch::Contains(">Visits</text>"));
    CHECK_THAT(page, Catch::Contains(">10 (100%)</text>"));
    CHECK_THAT(page, Catch::Contains(">Read something</text>"));
    CHECK_THAT(page, Catch::Contains(">5 (50%)</text>"));
    CHECK_THAT(page, Catch::Contains(">1 (10%)</text>"));
    CHECK_THAT(page, Catch::Contains(">story:why</text>"));
    CHECK_THAT(page, Catch::Contains("2.0 min, 4 views"));
    CHECK_THAT(page, Catch::Contains(">ratify-uncat:email</text>"));
    CHECK_THAT(page, Catch::Contains("<title>9:00: 4</title>"));
    CHECK_THAT(page, Catch::Contains("<title>10:00: 6</title>"));
    CHECK_THAT(page, !Catch::Contains("<script"));
}
