// CSV: what a spreadsheet opens is exactly the data, in every script, and never a live formula.
#include "sync/Csv.h"

#include "sync/ImportTestSupport.h"

#include <sstream>

using namespace kiosk;
using namespace kiosk::sync;

TEST_CASE("CSV cells quote commas, quotes and line breaks as RFC 4180 says", "[sync][csv]") {
    CHECK(csvCell("plain") == "plain");
    CHECK(csvCell("") == "");
    CHECK(csvCell("Tan, Mei Ling") == "\"Tan, Mei Ling\"");
    CHECK(csvCell("say \"no\" to torture") == "\"say \"\"no\"\" to torture\"");
    CHECK(csvCell("line one\nline two") == "\"line one\nline two\"");
    CHECK(csvCell("a\r\nb") == "\"a\r\nb\"");
    CHECK(csvCell("முருகன் சுப்பிரமணியம்") == "முருகன் சுப்பிரமணியம்");
    CHECK(csvCell("陈美玲") == "陈美玲");
}

TEST_CASE("CSV cells that a spreadsheet would run as a formula start with a quote mark", "[sync][csv]") {
    CHECK(csvCell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csvCell("+60123456789") == "'+60123456789");
    CHECK(csvCell("-2+3") == "'-2+3");
    CHECK(csvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvCell("\tcmd") == "'\tcmd");
    CHECK(csvCell("\rcmd") == "\"'\rcmd\"");
    CHECK(csvCell("a=b") == "a=b");
}

TEST_CASE("The CSV file has the agreed header, CRLF line ends, no BOM, and names in any script",
          "[sync][csv]") {
    test::TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey kiosk = loadOrCreateSigningKey(dir / "kiosk").value();
    std::vector<std::string> names = {"Tan, Mei Ling", "Aisyah \"Echa\" binti Ahmad",
                                      "Line\nBreak",   "முருகன் சுப்பிரமணியம்",
                                      "陈美玲",        "=1+1"};
    std::vector<pledge::PledgeRecord> records;
    for (std::size_t i = 0; i < names.size(); ++i) {
        pledge::SealedPledge person = test::personFor(static_cast<std::int64_t>(i));
        person.fields["name"] = names[i];
        records.push_back(test::makeRecord("kl-booth-1", static_cast<std::int64_t>(i + 1),
                                           test::seal(person, coordinator.publicKey)));
    }
    auto bundle = test::writeBundle(dir / "in", kiosk, records);
    auto db = CentralDb::open(dir / "central.sqlite");
    REQUIRE(db.ok());
    REQUIRE(importBundles(db.value(), {bundle}, test::optionsFor(coordinator.secretKey)).added ==
            names.size());

    std::ostringstream out;
    auto rows = writeCsv(db.value(), out);
    REQUIRE(rows.ok());
    CHECK(rows.value() == names.size());
    std::string text = out.str();
    CHECK(
        text.rfind("uuid,reference,kiosk_id,sequence,action_id,pack_id,pack_version,language,created_at_utc,"
                   "clock_synced,name,email,phone,state,consent_sign,consent_updates,consent_wording_sha256,"
                   "imported_at_utc\r\n",
                   0) == 0);
    CHECK(text.compare(0, 3, "\xEF\xBB\xBF") != 0);
    CHECK(text.substr(text.size() - 2) == "\r\n");
    CHECK(text.find("\"Tan, Mei Ling\"") != std::string::npos);
    CHECK(text.find("\"Aisyah \"\"Echa\"\" binti Ahmad\"") != std::string::npos);
    CHECK(text.find("\"Line\nBreak\"") != std::string::npos);
    CHECK(text.find(",'=1+1,") != std::string::npos);

    auto parsed = test::parseCsv(text);
    REQUIRE(parsed.size() == names.size() + 1);
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string expected = names[i][0] == '=' ? "'" + names[i] : names[i];
        CHECK(parsed[i + 1][10] == expected);
    }
}

TEST_CASE("A row whose first cell is empty keeps every column in its place", "[sync][csv]") {
    test::TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    SigningKey kiosk = loadOrCreateSigningKey(dir / "kiosk").value();
    auto record = test::makeRecord("kl-booth-1", 1, test::seal(test::personFor(1), coordinator.publicKey));
    record.uuid.clear();
    auto bundle = test::writeBundle(dir / "in", kiosk, {record});
    auto db = CentralDb::open(dir / "central.sqlite");
    REQUIRE(db.ok());
    importBundles(db.value(), {bundle}, test::optionsFor(coordinator.secretKey));
    std::ostringstream out;
    REQUIRE(writeCsv(db.value(), out).ok());
    const auto rows = test::parseCsv(out.str());
    REQUIRE(rows.size() == 2);  // the header and the pledge
    for (const auto& row : rows)
        CHECK(row.size() == 18);
}
