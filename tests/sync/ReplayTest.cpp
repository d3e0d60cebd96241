// Forgeries with a stolen kiosk key (issue 13): real sealed boxes re-signed under fresh uuids or another
// kiosk's name are refused as replays, whatever arrives first, and never counted twice.
#include "sync/ImportTestSupport.h"

using namespace kiosk;
using namespace kiosk::sync;

namespace {

struct Fixture {
    test::TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey kiosk = loadOrCreateSigningKey(dir / "kiosk-a").value();

    std::vector<pledge::PledgeRecord> genuine(int n) {
        std::vector<pledge::PledgeRecord> out;
        for (int i = 1; i <= n; ++i)
            out.push_back(test::boundRecord("kl-booth-1", i, test::personFor(i), coordinator.publicKey));
        return out;
    }
    CentralDb db() {
        auto opened = CentralDb::open(dir / "central.sqlite");
        REQUIRE(opened.ok());
        return std::move(opened.value());
    }
};

}  // namespace

TEST_CASE("Real boxes re-signed under fresh uuids are refused as replays, before or after the real ones",
          "[sync][replay]") {
    Fixture f;
    auto real = f.genuine(5);
    auto copies = real;
    for (std::size_t i = 0; i < copies.size(); ++i) {
        copies[i].uuid = test::uuidFor(9, static_cast<std::int64_t>(i + 1));
        copies[i].sequence = static_cast<std::int64_t>(100 + i);
    }
    auto genuineBundle = test::writeBundle(f.dir / "real", f.kiosk, real);
    auto forgedBundle = test::writeBundle(f.dir / "forged", f.kiosk, copies);  // the stolen key itself
    for (bool forgedFirst : {true, false}) {
        INFO("forged bundle first: " << forgedFirst);
        std::filesystem::remove(f.dir / "central.sqlite");
        CentralDb db = f.db();
        auto options = test::optionsFor(f.coordinator.secretKey);
        auto first = importBundles(db, {forgedFirst ? forgedBundle : genuineBundle}, options);
        auto second = importBundles(db, {forgedFirst ? genuineBundle : forgedBundle}, options);
        const ImportSummary& forged = forgedFirst ? first : second;
        const ImportSummary& kept = forgedFirst ? second : first;
        CHECK(kept.line() == "imported 5 new, 0 duplicate, 0 rejected");
        // Every copy names the uuid it was sealed for: refused; none of them opens a row.
        CHECK(forged.added == 0);
        CHECK(forged.rejected == 5);
        for (const auto& bundle : forged.bundles) {
            if (!bundle.bundleError.empty()) {
                CHECK(bundle.bundleError.find("replay") != std::string::npos);
                continue;
            }
            for (const auto& problem : bundle.recordErrors)
                CHECK(problem.find("refused as a replay") != std::string::npos);
        }
        std::size_t rows = 0;
        REQUIRE(db.forEachPledge([&](const CentralPledge&) { ++rows; }).ok());
        CHECK(rows == 5);
    }
}

TEST_CASE("Real boxes re-signed under another kiosk's name are refused as replays", "[sync][replay]") {
    Fixture f;
    auto real = f.genuine(3);
    auto moved = real;
    for (auto& record : moved) {
        record.kioskId = "penang-2";
        record.uuid = test::uuidFor(2, record.sequence);
    }
    SigningKey other = loadOrCreateSigningKey(f.dir / "kiosk-b").value();
    CentralDb db = f.db();
    auto options = test::optionsFor(f.coordinator.secretKey);
    auto forged = importBundles(db, {test::writeBundle(f.dir / "forged", other, moved)}, options);
    CHECK(forged.added == 0);
    CHECK(forged.rejected == 3);
    CHECK(importBundles(db, {test::writeBundle(f.dir / "real", f.kiosk, real)}, options).line() ==
          "imported 3 new, 0 duplicate, 0 rejected");
}

TEST_CASE("An older kiosk's unbound box arriving again under another uuid is refused as a replay",
          "[sync][replay]") {
    Fixture f;
    std::vector<unsigned char> box = test::seal(test::personFor(1), f.coordinator.publicKey);  // format 1
    auto real = test::makeRecord("kl-booth-1", 1, box);
    auto copy = test::makeRecord("kl-booth-1", 2, box);
    CentralDb db = f.db();
    auto options = test::optionsFor(f.coordinator.secretKey);
    CHECK(importBundles(db, {test::writeBundle(f.dir / "real", f.kiosk, {real})}, options).added == 1);
    auto again = importBundles(db, {test::writeBundle(f.dir / "copy", f.kiosk, {copy})}, options);
    CHECK(again.line() == "imported 0 new, 0 duplicate, 1 rejected");
    REQUIRE(again.bundles.size() == 1);
    REQUIRE(again.bundles[0].recordErrors.size() == 1);
    CHECK(again.bundles[0].recordErrors[0].find("already imported under another uuid") != std::string::npos);
}
