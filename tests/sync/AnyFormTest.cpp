// Any campaign's forms reach the coordinator: every field and consent under its own id, whatever the ids, in
// the database, the CSV (a column each, one file a action) and the report; older databases migrate with
// nothing lost.
#include "sync/Csv.h"
#include "sync/ImportTestSupport.h"
#include "sync/Report.h"

#include <sqlite3.h>

using namespace kiosk;
using namespace kiosk::sync;

namespace {

// The clean-water fixture's two forms (tests/fixtures/packs/clean-water/actions.toml).
pledge::SealedPledge waterPledge(const std::string& name, const std::string& postcode, bool contact) {
    pledge::SealedPledge p;
    p.fields = {{"display_name", name}, {"postcode", postcode}};
    p.formFields = {"display_name", "postcode", "contact_email"};
    p.consents = {{"agree", true}, {"contact_ok", contact}};
    p.formConsents = {"agree", "contact_ok"};
    p.consentWordingSha256 = std::string(64, 'b');
    p.consentLanguage = "id";
    return p;
}

pledge::SealedPledge villageLetter(const std::string& name, const std::string& district, bool publish) {
    pledge::SealedPledge p;
    p.fields = {{"full_name", name}, {"district", district}, {"reply_email", "a@example.org"}};
    p.formFields = {"full_name", "district", "reply_email"};
    p.consents = {{"endorse", true}, {"publish_name", publish}, {"contact_ok", false}};
    p.formConsents = {"endorse", "publish_name", "contact_ok"};
    p.consentWordingSha256 = std::string(64, 'c');
    p.consentLanguage = "en";
    return p;
}

pledge::PledgeRecord forAction(pledge::PledgeRecord record, const std::string& action) {
    record.actionId = action;
    record.packId = "clean-water";
    return record;
}

// Seals `person` bound to a record of `action` at `sequence`.
pledge::PledgeRecord signed_(const std::string& action, std::int64_t sequence, pledge::SealedPledge person,
                             const pledge::PublicKey& to, const std::string& kiosk = "jkt-1") {
    pledge::PledgeRecord record = forAction(test::makeRecord(kiosk, sequence, {}), action);
    person.format = 2;
    person.uuid = record.uuid;
    person.kioskId = record.kioskId;
    person.sequence = sequence;
    person.actionId = action;
    record.sealed = test::seal(person, to);
    return record;
}

struct Fixture {
    test::TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey kiosk = loadOrCreateSigningKey(dir / "kiosk").value();

    CentralDb db() {
        auto opened = CentralDb::open(dir / "central.sqlite");
        REQUIRE(opened.ok());
        return std::move(opened.value());
    }
};

std::vector<std::string> header(const std::string& csv) {
    return test::parseCsv(csv).at(0);
}

}  // namespace

TEST_CASE("Forms with other ids: every value lands once, in its own column, one file a action",
          "[sync][anyform]") {
    Fixture f;
    std::vector<pledge::PledgeRecord> records = {
        signed_("water-pledge", 1, waterPledge("Dewi, \"Ibu\" Lestari", "10110", true),
                f.coordinator.publicKey),
        signed_("village-letter", 2, villageLetter("Budi Santoso", "river", false), f.coordinator.publicKey),
        signed_("water-pledge", 3, waterPledge("=Rina", "", false), f.coordinator.publicKey),
    };
    auto bundle = test::writeBundle(f.dir / "stick", f.kiosk, records);
    CentralDb db = f.db();
    CHECK(importBundles(db, {bundle}, test::optionsFor(f.coordinator.secretKey)).line() ==
          "imported 3 new, 0 duplicate, 0 rejected");
    CHECK(csvActions(db).value() == std::vector<std::string>{"village-letter", "water-pledge"});

    const std::string water = test::csvOf(db, "water-pledge");
    const std::vector<std::string> leading = {"uuid",           "reference",   "kiosk_id",     "sequence",
                                              "action_id",      "pack_id",     "pack_version", "language",
                                              "created_at_utc", "clock_synced"};
    auto expect = leading;
    for (const char* c : {"field_display_name", "field_postcode", "field_contact_email", "consent_agree",
                          "consent_contact_ok", "wording_sha256", "imported_at_utc"})
        expect.push_back(c);
    CHECK(header(water) == expect);
    auto rows = test::csvRecords(water);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["field_display_name"] == "Dewi, \"Ibu\" Lestari");
    CHECK(rows[0]["field_postcode"] == "10110");
    CHECK(rows[0]["field_contact_email"] == "");
    CHECK(rows[0]["consent_agree"] == "1");
    CHECK(rows[0]["consent_contact_ok"] == "1");
    CHECK(rows[1]["field_display_name"] == "'=Rina");
    CHECK(rows[1]["consent_contact_ok"] == "0");

    const std::string letter = test::csvOf(db, "village-letter");
    expect = leading;
    for (const char* c : {"field_full_name", "field_district", "field_reply_email", "consent_endorse",
                          "consent_publish_name", "consent_contact_ok", "wording_sha256", "imported_at_utc"})
        expect.push_back(c);
    CHECK(header(letter) == expect);
    rows = test::csvRecords(letter);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["field_full_name"] == "Budi Santoso");
    CHECK(rows[0]["field_district"] == "river");
    CHECK(rows[0]["consent_endorse"] == "1");
    CHECK(rows[0]["consent_publish_name"] == "0");
    // Each typed value appears exactly once across both files.
    const std::string all = water + letter;
    for (const std::string value : {"Budi Santoso", "10110", "\"\"Ibu\"\""}) {
        const auto first = all.find(value);
        CHECK(first != std::string::npos);
        CHECK(all.find(value, first + 1) == std::string::npos);
    }

    auto report = buildReport(db, "2024-07-01T09:00:00Z");
    REQUIRE(report.ok());
    const std::string& html = report.value();
    CHECK(html.find("<td>water-pledge</td><td>agree</td><td class=\"n\">2</td><td class=\"n\">2</td>") !=
          std::string::npos);
    CHECK(html.find("<td>water-pledge</td><td>contact_ok</td><td class=\"n\">1</td><td class=\"n\">2</td>") !=
          std::string::npos);
    CHECK(html.find(
              "<td>village-letter</td><td>publish_name</td><td class=\"n\">0</td><td class=\"n\">1</td>") !=
          std::string::npos);
}

TEST_CASE("Ids no form declared, and older kiosks' boxes, keep every value", "[sync][anyform]") {
    Fixture f;
    auto odd = waterPledge("Sari", "40115", false);
    odd.fields["banner_colour"] = "blue";  // a value under an id the declared form does not list
    odd.consents["newsletter"] = true;
    pledge::SealedPledge old = test::personFor(7);  // format 1: no form ids at all
    old.fields = {{"nickname", "Tono"}};
    old.consents = {{"agree", true}};
    std::vector<pledge::PledgeRecord> records = {
        signed_("water-pledge", 1, odd, f.coordinator.publicKey),
        forAction(test::makeRecord("jkt-1", 2, test::seal(old, f.coordinator.publicKey)), "water-pledge"),
    };
    CentralDb db = f.db();
    CHECK(importBundles(db, {test::writeBundle(f.dir / "stick", f.kiosk, records)},
                        test::optionsFor(f.coordinator.secretKey))
              .added == 2);
    const auto columns = csvColumns(db, "water-pledge").value();
    CHECK(columns == std::vector<std::string>{"field_display_name", "field_postcode", "field_contact_email",
                                              "field_banner_colour", "field_nickname", "consent_agree",
                                              "consent_contact_ok", "consent_newsletter"});
    auto rows = test::csvRecords(test::csvOf(db, "water-pledge"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["field_banner_colour"] == "blue");
    CHECK(rows[0]["consent_newsletter"] == "1");
    CHECK(rows[1]["field_nickname"] == "Tono");
    CHECK(rows[1]["consent_contact_ok"] == "");  // not on that pledge's form: empty, not 0
}

TEST_CASE("A version-1 database migrates with every row kept, a newer one is refused", "[sync][anyform]") {
    test::TempDir dir;
    const auto path = dir / "old.sqlite";
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        const char* v1 = R"sql(
CREATE TABLE pledges (uuid TEXT NOT NULL UNIQUE, reference TEXT NOT NULL, kiosk_id TEXT NOT NULL,
  sequence INTEGER NOT NULL, action_id TEXT NOT NULL, pack_id TEXT NOT NULL, pack_version TEXT NOT NULL,
  language TEXT NOT NULL, created_at_utc TEXT NOT NULL, clock_synced INTEGER NOT NULL, boot_id TEXT NOT NULL,
  monotonic_ms INTEGER NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL, state TEXT NOT NULL,
  consent_sign INTEGER NOT NULL, consent_updates INTEGER NOT NULL, consent_wording_sha256 TEXT NOT NULL,
  consent_language TEXT NOT NULL, kiosk_public_key TEXT NOT NULL, bundle TEXT NOT NULL,
  imported_at_utc TEXT NOT NULL);
CREATE INDEX pledges_by_kiosk ON pledges (kiosk_id, sequence);
INSERT INTO pledges VALUES ('u-1', 'R1', 'kl-1', 1, 'ratify-uncat', 'stop-torture', '1.0.0', 'ms',
  '2024-06-01T10:00:00Z', 1, 'b', 5, 'Siti "Tini"', 'siti@example.org', '+60123456789', 'selangor', 1, 0,
  'abc', 'ms', 'KEY', 'x.okb', '2024-07-01T09:00:00Z');
PRAGMA user_version = 1;)sql";
        REQUIRE(sqlite3_exec(raw, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    auto db = CentralDb::open(path);
    REQUIRE(db.ok());
    CHECK(db.value().notice().find("migrated from version 1") != std::string::npos);
    CHECK(std::filesystem::exists(dir / "old.sqlite.v1-backup"));
    auto rows = test::csvRecords(test::csvOf(db.value(), "ratify-uncat"));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["field_name"] == "Siti \"Tini\"");
    CHECK(rows[0]["field_email"] == "siti@example.org");
    CHECK(rows[0]["field_phone"] == "'+60123456789");
    CHECK(rows[0]["field_state"] == "selangor");
    CHECK(rows[0]["consent_sign"] == "1");
    CHECK(rows[0]["consent_updates"] == "0");
    CHECK(rows[0]["wording_sha256"] == "abc");
    // Opening again does nothing more.
    db = CentralDb::open(path);
    REQUIRE(db.ok());
    CHECK(db.value().notice().empty());

    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir / "new.sqlite").c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "CREATE TABLE t (x); PRAGMA user_version = 9;", nullptr, nullptr,
                             nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    auto newer = CentralDb::open(dir / "new.sqlite");
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.error().message.find("version 9, newer than this kioskctl knows") != std::string::npos);
}
