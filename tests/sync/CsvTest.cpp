// CSV: what a spreadsheet opens is exactly the data, in every script, and never a live formula.
#include "sync/Csv.h"

#include "sync/ImportTestSupport.h"

#include <set>
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

TEST_CASE("A formula behind blanks a spreadsheet skips is neutralised too", "[sync][csv]") {
    // Space, NBSP, zero-width space, BOM, line feed, ideographic space, several at once: each before = + - @.
    for (const std::string blank :
         {" ", "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\n", "\xE3\x80\x80", "  \xC2\xA0\n"})
        for (const std::string formula : {"=1+1", "+601", "-2", "@SUM(A1)", "\tx", "\rx"}) {
            const std::string value = blank + formula;
            INFO("value bytes: " << value);
            const std::string cell = csvCell(value);
            const std::string unquoted = cell[0] == '"' ? cell.substr(1) : cell;
            CHECK(unquoted.rfind("'" + blank, 0) == 0);
        }
    // Blanks before ordinary text, and formula characters later, are left alone.
    CHECK(csvCell(" Siti") == " Siti");
    CHECK(csvCell("\xC2\xA0Tan") == "\xC2\xA0Tan");
    CHECK(csvCell("Tan = Mei") == "Tan = Mei");
    CHECK(csvCell("   ") == "   ");
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

    std::string text;
    std::uint64_t total = 0;
    const auto actions = csvActions(db.value()).value();
    for (const auto& action : actions) {
        std::ostringstream out;
        auto rows = writeCsv(db.value(), out, action);
        REQUIRE(rows.ok());
        total += rows.value();
        // These boxes are an older kiosk's (no form ids), so the columns are the values' ids, sorted.
        CHECK(out.str().rfind(
                  "uuid,reference,kiosk_id,sequence,action_id,pack_id,pack_version,language,created_at_utc,"
                  "clock_synced,field_email,field_name,field_phone,field_state,consent_sign,consent_updates,"
                  "wording_sha256,imported_at_utc\r\n",
                  0) == 0);
        text += out.str();
    }
    CHECK(total == names.size());
    CHECK(text.compare(0, 3, "\xEF\xBB\xBF") != 0);
    CHECK(text.substr(text.size() - 2) == "\r\n");
    CHECK(text.find("\"Tan, Mei Ling\"") != std::string::npos);
    CHECK(text.find("\"Aisyah \"\"Echa\"\" binti Ahmad\"") != std::string::npos);
    CHECK(text.find("\"Line\nBreak\"") != std::string::npos);
    CHECK(text.find(",'=1+1,") != std::string::npos);

    std::multiset<std::string> seen, expected;
    for (const auto& action : actions)
        for (auto& row : test::csvRecords(test::csvOf(db.value(), action)))
            seen.insert(row["field_name"]);
    for (const auto& name : names)
        expected.insert(name[0] == '=' ? "'" + name : name);
    CHECK(seen == expected);
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
    const auto rows = test::parseCsv(test::csvOf(db.value(), record.actionId));
    REQUIRE(rows.size() == 2);  // the header and the pledge
    for (const auto& row : rows)
        CHECK(row.size() == 18);
}
