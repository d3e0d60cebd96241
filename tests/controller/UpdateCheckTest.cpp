// The volunteer menu's pack block and "Check for update": the check runs as work the menu waits for (never on
// the screen's thread), says it is under way with its seconds, obeys taps meanwhile, and shows its outcome.
#include "controller/KioskController.h"
#include "support/FakeMeasurer.h"
#include "support/FakeServices.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Menu {
    content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    testing::FakeServices services;
    SteppedWork work;
    KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms, &services, &work};

    Menu() {
        kiosk.openAdmin(0ms);
        kiosk.handle(TextEvent{"2468"}, 0ms);
        kiosk.handle(KeyEvent{Key::Enter}, 0ms);
        REQUIRE(kiosk.view().screen == ScreenId::Admin);
        REQUIRE(work.runNext());  // the figures
        kiosk.tick(10ms);
    }
    bool shows(const std::string& needle) {
        for (const auto& w : kiosk.scene().widgets) {
            if (w.text.find(needle) != std::string::npos) return true;
            for (const auto& line : w.lines)
                if (line.text.find(needle) != std::string::npos) return true;
        }
        return false;
    }
};

}  // namespace

TEST_CASE("volunteer menu: the pack's id, version, signer and last update check", "[admin][update]") {
    Menu menu;
    CHECK(menu.shows("Content: sample version 1.0.0, signed by campaign"));
    CHECK(menu.shows("Last update check: not yet"));
    REQUIRE(menu.kiosk.scene().find("admin-check-update") != nullptr);
    CHECK(menu.kiosk.scene().find("admin-check-update")->text == "Check for update");
}

TEST_CASE("check for update runs off the screen's thread, answers taps meanwhile and shows its outcome",
          "[admin][update][work]") {
    Menu menu;
    auto& kiosk = menu.kiosk;
    REQUIRE(kiosk.tap("admin-check-update", 1000ms));
    CHECK(menu.services.updateChecks == 0);  // queued, not run on the screen's thread
    kiosk.tick(3400ms);
    CHECK(menu.shows("Checking for a new content pack… 2 s"));
    REQUIRE(kiosk.nextDeadline(3400ms).has_value());
    CHECK(*kiosk.nextDeadline(3400ms) <= 3650ms);  // the loop keeps turning while the check is under way

    SECTION("a second press and other work buttons are let be while it runs; the outcome is shown") {
        REQUIRE(kiosk.tap("admin-check-update", 3500ms));
        REQUIRE(kiosk.tap("admin-sync-now", 3600ms));
        CHECK(menu.work.unfinished() == 1);
        CHECK(menu.work.runNext());
        CHECK_FALSE(menu.work.runNext());
        kiosk.tick(4000ms);
        CHECK(menu.services.updateChecks == 1);
        CHECK(menu.services.syncs == 0);
        CHECK(menu.shows("Update check: up to date"));
        CHECK(menu.shows("Last update check: 2026-06-26 10:01: up to date"));
        CHECK_FALSE(menu.shows("Checking for a new content pack"));
    }
    SECTION("back is obeyed at once; the outcome does not pull the volunteer back") {
        REQUIRE(kiosk.tap("back", 3600ms));
        const ScreenId left = kiosk.view().screen;
        CHECK(left != ScreenId::Admin);
        CHECK(menu.work.runNext());
        kiosk.tick(4000ms);
        CHECK(menu.services.updateChecks == 1);
        CHECK(kiosk.view().screen == left);
        CHECK_FALSE(menu.shows("Update check"));
    }
}
