// The kiosk's pack updates as the volunteer menu shows them (app/PackUpdates with the real slots): the pack's
// signer survives a fallback to the previous pack, and a check with no route is skipped, not an error.
#include "app/PackUpdates.h"
#include "reports/VolunteerWords.h"
#include "sync/LoopbackServers.h"
#include "update/UpdateTestSupport.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using Catch::Matchers::Contains;

TEST_CASE("after a fallback the volunteer menu names the previous pack's own signer", "[app][update]") {
    update::test::Publisher campaign;
    update::test::Publisher partner;
    update::test::Scratch kiosk;
    config::KioskConfig config;
    config.dataDir = kiosk.path() / "data";
    config.contentKeys = {{"campaign", update::contentKeyBase64(campaign.publicKey)},
                          {"partner", update::contentKeyBase64(partner.publicKey)}};
    {
        update::PackSlots slots(config.dataDir);
        const std::vector trusted{campaign.publicKey, partner.publicKey};
        REQUIRE(slots.install(campaign.sign("1.1.0", kiosk.path() / "a"), trusted, "", nullptr).ok());
        REQUIRE(slots.confirmShown().ok());
        REQUIRE(slots.install(partner.sign("1.2.0", kiosk.path() / "b"), trusted, "1.1.0", nullptr).ok());
    }
    app::PackUpdates updates(config);
    CHECK(updates.usingSlot() == false);
    const auto shown = updates.startFolder(kiosk.path() / "configured");
    REQUIRE(updates.usingSlot());
    updates.setRunning("minimal", "1.2.0");
    screens::AdminStatus before;
    updates.fillStatus(before);
    CHECK(reports::packSignerText(before.packSigner) == "signed by partner");

    // The new pack does not show: back to 1.1.0, which the campaign signed, and the menu says both.
    updates.slotFailed();
    const auto fallback = updates.startFolder(kiosk.path() / "configured");
    CHECK(fallback != shown);
    REQUIRE(updates.usingSlot());
    updates.setRunning("minimal", "1.1.0");
    screens::AdminStatus after;
    updates.fillStatus(after);
    CHECK(after.packId == "minimal");
    CHECK(after.packVersion == "1.1.0");
    CHECK(reports::packSignerText(after.packSigner) == "signed by campaign");
    CHECK(after.packFallback.why == reports::PackFallback::Why::DidNotLoad);
    CHECK(after.packFallback.from == shown.filename().string());
    CHECK(reports::packFallbackText(after.packFallback) ==
          "went back to the previous pack: the new pack did not load");
    CHECK(after.updateChecked.empty());
}

TEST_CASE("an update check with no route is skipped, not an error, and the menu says when and what",
          "[app][update]") {
    update::test::Publisher campaign;
    update::test::Scratch kiosk;
    config::KioskConfig config;
    config.dataDir = kiosk.path() / "data";
    config.contentKeys = {{"campaign", update::contentKeyBase64(campaign.publicKey)}};
    config.sync.url = "http://127.0.0.1:" + std::to_string(sync::test::unusedPort()) + "/kl-booth-1";
    app::PackUpdates updates(config);
    (void)updates.startFolder(kiosk.path() / "configured");
    updates.setRunning("minimal", "1.0.0");
    CHECK(updates.claimDueCheck());
    CHECK_FALSE(updates.claimDueCheck());  // one at a time
    const reports::UpdateOutcome found = updates.check();
    REQUIRE(found.findings.size() == 1);
    CHECK(found.findings[0].result == reports::UpdateFinding::Result::Skipped);
    CHECK(found.findings[0].problem == reports::UpdateFinding::Problem::NoRoute);
    CHECK_FALSE(found.findings[0].reason.empty());  // the transport's words, in the menu's sentence
    CHECK_FALSE(found.installed());
    CHECK_THAT(reports::updateOutcomeText(found), Contains("Update check: no route, skipped"));
    CHECK_FALSE(updates.switchWanted());
    screens::AdminStatus status;
    updates.fillStatus(status);
    CHECK_FALSE(status.updateChecked.empty());
    CHECK_THAT(reports::updateFindingsText(status.lastUpdate), Contains("no route, skipped"));
    CHECK(status.packSigner.kind == reports::PackSigner::Kind::Unsigned);
    CHECK(reports::packSignerText(status.packSigner) == "not signed (the configured pack folder)");
    CHECK_FALSE(updates.claimDueCheck());  // the next automatic one is an hour later
}
