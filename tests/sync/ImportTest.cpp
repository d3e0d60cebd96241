// Import: bundles from kiosks land in the coordinator's database once, damage is reported by name, and the
// rest of the batch still arrives.
#include "sync/Csv.h"
#include "sync/ImportTestSupport.h"
#include "sync/TrustedKiosks.h"

#include <sstream>

using namespace kiosk;
using namespace kiosk::sync;
using test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey kiosk = loadOrCreateSigningKey(dir / "kiosk-a").value();

    std::vector<pledge::PledgeRecord> records(const std::string& kioskId, std::int64_t first, int n,
                                              const pledge::PublicKey* sealTo = nullptr) {
        std::vector<pledge::PledgeRecord> out;
        for (int i = 0; i < n; ++i) {
            std::int64_t sequence = first + i;
            out.push_back(test::makeRecord(
                kioskId, sequence,
                test::seal(test::personFor(sequence), sealTo ? *sealTo : coordinator.publicKey),
                kioskId == "kl-booth-1" ? 1 : 2));
        }
        return out;
    }

    CentralDb db() {
        auto opened = CentralDb::open(dir / "central.sqlite");
        REQUIRE(opened.ok());
        return std::move(opened.value());
    }

    // Every action's CSV, one after another.
    std::string csv(const CentralDb& db) {
        std::string all;
        const auto actions = csvActions(db).value();
        for (const auto& action : actions)
            all += test::csvOf(db, action);
        return all;
    }

    // Every pledge's row, from every action's file.
    std::vector<std::map<std::string, std::string>> rows(const CentralDb& db) {
        std::vector<std::map<std::string, std::string>> all;
        const auto actions = csvActions(db).value();
        for (const auto& action : actions)
            for (auto& row : test::csvRecords(test::csvOf(db, action)))
                all.push_back(std::move(row));
        return all;
    }
};

const BundleImport* find(const ImportSummary& summary, const std::filesystem::path& path) {
    for (const auto& bundle : summary.bundles)
        if (bundle.path.filename() == path.filename()) return &bundle;
    return nullptr;
}

}  // namespace

TEST_CASE("10,000 pledges go kiosk to bundle to database to CSV with every field intact", "[sync][import]") {
    Fixture f;
    std::vector<pledge::PledgeRecord> records;
    for (int i = 1; i <= 10000; ++i)
        records.push_back(test::boundRecord("kl-booth-1", i, test::personFor(i), f.coordinator.publicKey));
    auto bundle = test::writeBundle(f.dir / "stick", f.kiosk, records);

    CentralDb db = f.db();
    ImportSummary summary = importBundles(db, {f.dir / "stick"}, test::optionsFor(f.coordinator.secretKey));
    CHECK(summary.line() == "imported 10000 new, 0 duplicate, 0 rejected");
    REQUIRE(summary.bundles.size() == 1);
    CHECK(summary.bundles[0].path == bundle);
    CHECK(summary.bundles[0].signerKey == publicKeyBase64(f.kiosk));

    std::map<std::string, std::map<std::string, std::string>> byUuid;
    for (auto& row : f.rows(db))
        byUuid[row["uuid"]] = std::move(row);
    REQUIRE(byUuid.size() == 10000);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        auto& row = byUuid[r.uuid];
        auto person = test::personFor(r.sequence);
        INFO("pledge " << i + 1);
        REQUIRE(row.size() == 18);  // 10 leading, 4 fields, 2 consents, 2 trailing
        CHECK(row["reference"] == "REF-" + r.uuid.substr(0, 4));
        CHECK(row["kiosk_id"] == r.kioskId);
        CHECK(row["sequence"] == std::to_string(r.sequence));
        CHECK(row["action_id"] == r.actionId);
        CHECK(row["pack_id"] == r.packId);
        CHECK(row["pack_version"] == r.packVersion);
        CHECK(row["language"] == r.language);
        CHECK(row["created_at_utc"] == r.createdAtUtc);
        CHECK(row["clock_synced"] == (r.clockSynced ? "1" : "0"));
        CHECK(row["field_name"] == person.fields["name"]);
        CHECK(row["field_email"] == person.fields["email"]);
        CHECK(row["field_phone"] == "'" + person.fields["phone"]);  // +60... neutralised as a formula
        CHECK(row["field_state"] == person.fields["state"]);
        CHECK(row["consent_sign"] == "1");
        CHECK(row["consent_updates"] == (person.consents["updates"] ? "1" : "0"));
        CHECK(row["wording_sha256"] == person.consentWordingSha256);
        CHECK(row["imported_at_utc"] == "2024-07-01T09:00:00Z");
    }
}

TEST_CASE("Bad bundles are rejected by name with a reason and the rest of the batch is imported",
          "[sync][import]") {
    Fixture f;
    auto good1 = test::writeBundle(f.dir / "in", f.kiosk, f.records("kl-booth-1", 1, 5));
    auto good2 = test::writeBundle(f.dir / "in", f.kiosk, f.records("kl-booth-1", 31, 4));
    std::string bytes =
        test::readFile(test::writeBundle(f.dir / "spare", f.kiosk, f.records("kl-booth-1", 11, 5)));

    test::writeFile(f.dir / "in" / "truncated.okb", bytes.substr(0, bytes.size() - 100));
    std::string flipped = bytes;
    flipped[bytes.size() / 2] ^= 0x10;
    test::writeFile(f.dir / "in" / "flipped.okb", flipped);
    std::string future = bytes;
    future[8] = 9;
    test::writeFile(f.dir / "in" / "future.okb", future);
    test::writeFile(f.dir / "in" / "empty.okb", "");
    pledge::KeyPair otherCoordinator = pledge::generateKeyPair();
    auto wrongKey =
        test::writeBundle(f.dir / "in", f.kiosk, f.records("kl-booth-1", 21, 3, &otherCoordinator.publicKey));

    CentralDb db = f.db();
    ImportSummary summary =
        importBundles(db, {f.dir / "in", f.dir / "not-there.okb"}, test::optionsFor(f.coordinator.secretKey));
    CHECK(summary.added == 9);
    CHECK(summary.duplicates == 0);
    CHECK(summary.rejected ==
          5 + 5 + 3);  // truncated and flipped announce 5, wrong key 3; others announce none

    auto reasonFor = [&](const std::filesystem::path& path) {
        const BundleImport* bundle = find(summary, path);
        REQUIRE(bundle != nullptr);
        return bundle->bundleError;
    };
    CHECK(reasonFor(good1).empty());
    CHECK(reasonFor(good2).empty());
    CHECK(reasonFor(f.dir / "in" / "truncated.okb").find("truncated") != std::string::npos);
    CHECK_FALSE(reasonFor(f.dir / "in" / "flipped.okb").empty());
    CHECK(reasonFor(f.dir / "in" / "future.okb").find("format version 9") != std::string::npos);
    CHECK(reasonFor(f.dir / "in" / "empty.okb").find("empty file") != std::string::npos);
    CHECK(reasonFor(wrongKey).find("another coordinator") != std::string::npos);
    CHECK(reasonFor(f.dir / "not-there.okb").find("no such file") != std::string::npos);

    CHECK(f.rows(db).size() == 9);
}

TEST_CASE("A pledge that does not open is rejected alone, its bundle's other pledges are imported",
          "[sync][import]") {
    Fixture f;
    // 300 pledges: enough that opening is spread over threads; the damaged one sits in the middle.
    std::vector<pledge::PledgeRecord> records;
    for (int i = 1; i <= 300; ++i)
        records.push_back(test::boundRecord("kl-booth-1", i, test::personFor(i), f.coordinator.publicKey));
    records[150].sealed[20] ^= 1;
    auto bundle = test::writeBundle(f.dir / "in", f.kiosk, records);
    CentralDb db = f.db();
    ImportSummary summary = importBundles(db, {bundle}, test::optionsFor(f.coordinator.secretKey));
    CHECK(summary.line() == "imported 299 new, 0 duplicate, 1 rejected");
    REQUIRE(summary.bundles[0].recordErrors.size() == 1);
    CHECK(summary.bundles[0].recordErrors[0].find(records[150].uuid) != std::string::npos);
    CHECK(summary.bundles[0].recordErrors[0].find("(sequence 151)") != std::string::npos);
}

TEST_CASE("Importing the same bundles again, or a re-exported copy, changes nothing", "[sync][import]") {
    Fixture f;
    auto records = f.records("kl-booth-1", 1, 20);
    auto first = test::writeBundle(f.dir / "stick1", f.kiosk, records);
    // A lost stick: the kiosk writes the same pledges again, plus newer ones, to a second stick.
    auto again = f.records("kl-booth-1", 1, 20);
    std::copy_n(records.begin(), 20, again.begin());
    auto more = f.records("kl-booth-1", 21, 5);
    again.insert(again.end(), more.begin(), more.end());
    test::writeBundle(f.dir / "stick2", f.kiosk, again);

    CentralDb db = f.db();
    auto options = test::optionsFor(f.coordinator.secretKey);
    CHECK(importBundles(db, {first}, options).line() == "imported 20 new, 0 duplicate, 0 rejected");
    std::string before = f.csv(db);
    options.importedAtUtc = "2024-08-01T00:00:00Z";
    CHECK(importBundles(db, {first}, options).line() == "imported 0 new, 20 duplicate, 0 rejected");
    CHECK(f.csv(db) == before);
    CHECK(importBundles(db, {f.dir / "stick2"}, options).line() ==
          "imported 5 new, 20 duplicate, 0 rejected");
    CHECK(importBundles(db, {f.dir / "stick1", f.dir / "stick2"}, options).line() ==
          "imported 0 new, 45 duplicate, 0 rejected");
    CHECK(f.rows(db).size() == 25);
}

TEST_CASE("With a trusted kiosk list, a bundle signed by another kiosk is rejected and names its key",
          "[sync][import]") {
    Fixture f;
    SigningKey stranger = loadOrCreateSigningKey(f.dir / "stranger").value();
    auto trusted = test::writeBundle(f.dir / "in", f.kiosk, f.records("kl-booth-1", 1, 3));
    auto untrusted = test::writeBundle(f.dir / "in", stranger, f.records("kl-booth-2", 1, 2));
    test::writeFile(f.dir / "trusted.txt",
                    "# kiosks at the KL booth\n\n" + publicKeyBase64(f.kiosk) + "  kl-booth-1\n");
    auto list = loadTrustedKiosks(f.dir / "trusted.txt");
    REQUIRE(list.ok());

    auto options = test::optionsFor(f.coordinator.secretKey);
    options.trustedKiosks = list.value();
    CentralDb db = f.db();
    ImportSummary summary = importBundles(db, {f.dir / "in"}, options);
    CHECK(summary.line() == "imported 3 new, 0 duplicate, 2 rejected");
    const BundleImport* rejected = find(summary, untrusted);
    REQUIRE(rejected != nullptr);
    CHECK(rejected->bundleError.find(publicKeyBase64(stranger)) != std::string::npos);
    CHECK(rejected->bundleError.find("not in the trusted kiosk list") != std::string::npos);
    CHECK(find(summary, trusted)->signerKey == publicKeyBase64(f.kiosk));

    test::writeFile(f.dir / "bad-list.txt", publicKeyBase64(f.kiosk) + " kl-booth-1\nnot-a-key\n");
    auto bad = loadTrustedKiosks(f.dir / "bad-list.txt");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("bad-list.txt:2") != std::string::npos);

    // The older format (a bare key, or a key and a free label) names no kiosk: said with the line and the
    // fix.
    test::writeFile(f.dir / "old-list.txt", "# booth keys\n" + publicKeyBase64(f.kiosk) + "\n");
    auto old = loadTrustedKiosks(f.dir / "old-list.txt");
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().message.find("old-list.txt:2: the key names no kiosk id") != std::string::npos);
}

TEST_CASE(
    "A trusted key signing for a kiosk id it is not listed for is refused (a stolen key posing as another)",
    "[sync][import]") {
    Fixture f;
    auto posing = test::writeBundle(f.dir / "in", f.kiosk, f.records("penang-2", 1, 2));
    test::writeFile(f.dir / "trusted.txt",
                    publicKeyBase64(f.kiosk) + " kl-booth-1 kl-booth-1b  # KL booth\n");
    auto options = test::optionsFor(f.coordinator.secretKey);
    options.trustedKiosks = loadTrustedKiosks(f.dir / "trusted.txt").value();
    CentralDb db = f.db();
    ImportSummary summary = importBundles(db, {posing}, options);
    CHECK(summary.line() == "imported 0 new, 0 duplicate, 2 rejected");
    CHECK(summary.bundles[0].bundleError.find("does not allow that key to sign for") != std::string::npos);
}

TEST_CASE("A pledge uuid arriving again under another kiosk key is refused as a conflict, not a duplicate",
          "[sync][import]") {
    // Without a trusted list, a forged bundle re-using real uuids must not silently turn real pledges into
    // "duplicates", nor replace them.
    Fixture f;
    std::vector<pledge::PledgeRecord> real;
    for (int i = 1; i <= 3; ++i)
        real.push_back(
            test::makeRecord("kl-booth-1", i, test::seal(test::personFor(i), f.coordinator.publicKey)));
    auto genuine = test::writeBundle(f.dir / "in", f.kiosk, real);
    SigningKey forger = loadOrCreateSigningKey(f.dir / "forger").value();
    auto forged = test::writeBundle(f.dir / "forged", forger, real);
    CentralDb db = f.db();
    CHECK(importBundles(db, {genuine}, test::optionsFor(f.coordinator.secretKey)).line() ==
          "imported 3 new, 0 duplicate, 0 rejected");
    const ImportSummary second = importBundles(db, {forged}, test::optionsFor(f.coordinator.secretKey));
    CHECK(second.line() == "imported 0 new, 0 duplicate, 3 rejected");
    REQUIRE(second.bundles[0].recordErrors.size() == 3);
    CHECK(second.bundles[0].recordErrors[0].find("another kiosk key") != std::string::npos);
    // Importing the genuine bundle again is still a plain duplicate.
    CHECK(importBundles(db, {genuine}, test::optionsFor(f.coordinator.secretKey)).line() ==
          "imported 0 new, 3 duplicate, 0 rejected");
}
