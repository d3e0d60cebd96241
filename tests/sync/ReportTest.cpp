// The HTML report: a page that opens anywhere offline, shows what the coordinator needs, and escapes
// everything.
#include "sync/Report.h"

#include "sync/ImportTestSupport.h"

using namespace kiosk;
using namespace kiosk::sync;

namespace {

CentralPledge pledgeAt(const std::string& kiosk, std::int64_t sequence, const std::string& day, bool synced,
                       const std::string& action = "petition-torture") {
    CentralPledge p;
    p.uuid = kiosk + "-" + std::to_string(sequence);
    p.kioskId = kiosk;
    p.sequence = sequence;
    p.actionId = action;
    p.createdAtUtc = day + "T10:00:00Z";
    p.clockSynced = synced;
    p.packId = "stop-torture";
    p.packVersion = day < "2024-06-02" ? "1.0.0" : "1.1.0";
    return p;
}

}  // namespace

TEST_CASE("HTML escaping covers the five special characters", "[sync][report]") {
    CHECK(htmlEscape("<b>\"Tan\" & 'Lim'</b>") == "&lt;b&gt;&quot;Tan&quot; &amp; &#39;Lim&#39;&lt;/b&gt;");
    CHECK(htmlEscape("முருகன் 陈美玲") == "முருகன் 陈美玲");
}

TEST_CASE("The report totals kiosks, actions and days, charts them, and flags clocks and gaps",
          "[sync][report]") {
    test::TempDir dir;
    auto db = CentralDb::open(dir / "central.sqlite");
    REQUIRE(db.ok());
    for (std::int64_t s : {1, 2, 3, 7, 8, 12})
        REQUIRE(db.value().insert(pledgeAt("kl-booth-1", s, s < 7 ? "2024-06-01" : "2024-06-02", true)).ok());
    REQUIRE(
        db.value().insert(pledgeAt("penang<script>", 1, "2024-06-02", false, "letter & \"minister\"")).ok());
    REQUIRE(db.value().insert(pledgeAt("penang<script>", 2, "2024-06-03", false)).ok());

    auto built = buildReport(db.value(), "2024-07-01T09:00:00Z");
    REQUIRE(built.ok());
    const std::string& html = built.value();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("penang&lt;script&gt;") != std::string::npos);
    CHECK(html.find("letter &amp; &quot;minister&quot;") != std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("href=") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("8 pledges in total") != std::string::npos);
    // Which kiosk ran which pack: kl-booth-1 moved from 1.0.0 to 1.1.0 on 06-02.
    CHECK(html.find("<td>kl-booth-1</td><td>stop-torture</td><td>1.0.0</td><td class=\"n\">3</td>"
                    "<td>2024-06-01</td><td>2024-06-01</td>") != std::string::npos);
    CHECK(html.find("<td>kl-booth-1</td><td>stop-torture</td><td>1.1.0</td><td class=\"n\">3</td>"
                    "<td>2024-06-02</td><td>2024-06-02</td>") != std::string::npos);

    // Gaps in kl-booth-1: 4–6 and 9–11; none for penang.
    CHECK(html.find("<td>kl-booth-1</td><td>4–6</td><td class=\"n\">3</td>") != std::string::npos);
    CHECK(html.find("<td>kl-booth-1</td><td>9–11</td><td class=\"n\">3</td>") != std::string::npos);
    // Unsynchronised clocks: penang's two pledges.
    CHECK(html.find("<td>penang&lt;script&gt;</td><td class=\"n\">2</td>") != std::string::npos);

    // One bar a (day, kiosk) pair that has pledges: (06-01, kl) (06-02, kl) (06-02, penang) (06-03, penang).
    std::size_t bars = 0;
    for (std::size_t at = html.find("<rect x="); at != std::string::npos; at = html.find("<rect x=", at + 1))
        ++bars;
    CHECK(bars == 4);
    CHECK(html.find("<title>kl-booth-1, 2024-06-01: 3</title>") != std::string::npos);
}

TEST_CASE("An empty database gives a report that says so", "[sync][report]") {
    test::TempDir dir;
    auto db = CentralDb::open(dir / "central.sqlite");
    REQUIRE(db.ok());
    auto built = buildReport(db.value(), "2024-07-01T09:00:00Z");
    REQUIRE(built.ok());
    CHECK(built.value().find("0 pledges in total") != std::string::npos);
    CHECK(built.value().find("No pledges yet.") != std::string::npos);
}
