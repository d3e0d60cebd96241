// Each kiosk's bundles form a numbered chain the report checks (gaps, forks), and a bundle that arrived first
// with real uuids (no --trusted-kiosks) cannot make the genuine pledges vanish: they are kept aside, and a
// trusted import puts them back in place.
#include "pledge/PledgeStore.h"
#include "sync/BundleReader.h"
#include "sync/Export.h"
#include "sync/ImportTestSupport.h"
#include "sync/Report.h"

#include <set>

using namespace kiosk;
using namespace kiosk::sync;

namespace {

struct Fixture {
    test::TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey kiosk = loadOrCreateSigningKey(dir / "kiosk-a").value();

    CentralDb db() {
        auto opened = CentralDb::open(dir / "central.sqlite");
        REQUIRE(opened.ok());
        return std::move(opened.value());
    }
};

std::filesystem::path chained(const std::filesystem::path& folder, const SigningKey& key,
                              const std::vector<pledge::PledgeRecord>& records, std::uint64_t number,
                              const std::array<unsigned char, 32>& previous,
                              std::array<unsigned char, 32>* hash = nullptr) {
    BundleHeader header;
    header.kioskId = records.front().kioskId;
    header.count = records.size();
    header.firstSequence = records.front().sequence;
    header.lastSequence = records.back().sequence;
    header.chainNumber = number;
    header.previousChainHash = previous;
    auto writer = BundleWriter::begin(folder, header, key);
    REQUIRE(writer.ok());
    for (const auto& r : records)
        REQUIRE(writer.value().add(r).ok());
    auto path = writer.value().finish();
    REQUIRE(path.ok());
    if (hash) *hash = writer.value().header().chainHash;
    return path.value();
}

}  // namespace

TEST_CASE("The kiosk numbers its bundles and each names the one before", "[sync][chain]") {
    test::TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey key = loadOrCreateSigningKey(dir / "data").value();
    auto store = pledge::PledgeStore::open(dir / "data");
    REQUIRE(store.ok());
    std::vector<BundleHeader> headers;
    for (int round = 0; round < 3; ++round) {
        auto record =
            test::makeRecord("kl-booth-1", 0, test::seal(test::personFor(round), coordinator.publicKey));
        record.uuid = test::uuidFor(1, round + 1);
        REQUIRE(store.value().insert(record, std::nullopt).ok());
        auto exported = exportPending(store.value(), key, dir / "data" / "outbox", "2024-07-01T00:00:00Z");
        REQUIRE(exported.ok());
        REQUIRE(exported.value().size() == 1);
        auto header = readBundle(exported.value()[0].path, {});
        REQUIRE(header.ok());
        headers.push_back(header.value());
    }
    for (std::size_t i = 0; i < headers.size(); ++i) {
        CHECK(headers[i].chainNumber == i + 1);
        CHECK(headers[i].previousChainHash ==
              (i == 0 ? std::array<unsigned char, 32>{} : headers[i - 1].chainHash));
    }
}

TEST_CASE("The report shows each kiosk's missing bundles and forks", "[sync][chain]") {
    Fixture f;
    auto record = [&](std::int64_t sequence) {
        return std::vector<pledge::PledgeRecord>{
            test::boundRecord("kl-booth-1", sequence, test::personFor(sequence), f.coordinator.publicKey)};
    };
    std::array<unsigned char, 32> h1{}, h2{}, h4{};
    chained(f.dir / "in", f.kiosk, record(1), 1, {}, &h1);
    chained(f.dir / "in", f.kiosk, record(2), 2, h1, &h2);
    // Bundle 3 never arrives; 4 names it. A second bundle 2 (a restored card, or a stolen key) is a fork.
    std::array<unsigned char, 32> missing{};
    missing.fill(7);
    chained(f.dir / "in", f.kiosk, record(4), 4, missing, &h4);
    chained(f.dir / "in", f.kiosk, record(5), 2, h1);
    CentralDb db = f.db();
    auto summary = importBundles(db, {f.dir / "in"}, test::optionsFor(f.coordinator.secretKey));
    CHECK(summary.line() == "imported 4 new, 0 duplicate, 0 rejected");
    auto report = buildReport(db, "2024-07-01T09:00:00Z");
    REQUIRE(report.ok());
    CHECK(report.value().find(
              "<td>kl-booth-1</td><td class=\"n\">4</td><td class=\"n\">4</td><td>3</td><td>2</td>") !=
          std::string::npos);
}

TEST_CASE("A forged bundle that arrives first with real uuids cannot make the real pledges vanish",
          "[sync][replay]") {
    // Without --trusted-kiosks the forger's rows (bound to the real uuids: the coordinator key is public)
    // come first; the genuine ones are kept aside whole, reported, and a trusted import puts them in place.
    Fixture f;
    std::vector<pledge::PledgeRecord> real, forged;
    for (int i = 1; i <= 3; ++i) {
        real.push_back(test::boundRecord("kl-booth-1", i, test::personFor(i), f.coordinator.publicKey));
        auto fake = test::personFor(100 + i);
        forged.push_back(test::boundRecord("kl-booth-1", i, fake, f.coordinator.publicKey));
    }
    SigningKey forger = loadOrCreateSigningKey(f.dir / "forger").value();
    auto forgedBundle = test::writeBundle(f.dir / "forged", forger, forged);
    auto genuineBundle = test::writeBundle(f.dir / "real", f.kiosk, real);
    CentralDb db = f.db();
    auto options = test::optionsFor(f.coordinator.secretKey);
    CHECK(importBundles(db, {forgedBundle}, options).line() == "imported 3 new, 0 duplicate, 0 rejected");
    auto second = importBundles(db, {genuineBundle}, options);
    CHECK(second.line() == "imported 0 new, 0 duplicate, 3 rejected");
    REQUIRE(second.bundles[0].recordErrors.size() == 3);
    CHECK(second.bundles[0].recordErrors[0].find("kept aside") != std::string::npos);
    auto report = buildReport(db, "2024-07-01T09:00:00Z");
    REQUIRE(report.ok());
    const auto aside = report.value().find("<h2>Pledges kept aside</h2>");
    REQUIRE(aside != std::string::npos);
    CHECK(report.value().find("<td>kl-booth-1</td><td class=\"n\">3</td>", aside) != std::string::npos);

    test::writeFile(f.dir / "trusted.txt", publicKeyBase64(f.kiosk) + " kl-booth-1\n");
    options.trustedKiosks = loadTrustedKiosks(f.dir / "trusted.txt").value();
    auto settled = importBundles(db, {genuineBundle}, options);
    CHECK(settled.line() == "imported 3 new, 0 duplicate, 0 rejected");
    CHECK(settled.bundles[0].displaced == 3);
    std::set<std::string> names;
    REQUIRE(db.forEachPledge([&](const CentralPledge& p) { names.insert(p.fields.at("name")); }).ok());
    CHECK(names == std::set<std::string>{"Signer 1", "Signer 2", "Signer 3"});
    // Importing the forged bundle again, now with the list, is refused outright.
    CHECK(importBundles(db, {forgedBundle}, options).bundles[0].bundleError.find("not in the trusted") !=
          std::string::npos);
}
