#include "controller/PlayScript.h"

#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
struct Run {
    content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms};
    std::ostringstream out;
    std::ostringstream err;
    int play(const std::string& script) {
        PlayScriptRunner runner(kiosk, out, err);
        std::istringstream in(script);
        return runner.run(in, "visit.play");
    }
};
}  // namespace

TEST_CASE("a scripted visit taps through the screens", "[play]") {
    Run r;
    CHECK(r.play("expect screen attract\n"
                 "tap start\n"
                 "expect screen home\n"
                 "tap nav-cases\n"
                 "tap case-yecenia-armenta\n"
                 "expect screen case\n"
                 "expect text Yecenia Armenta\n"
                 "key escape\n"
                 "expect screen cases\n"
                 "swipe left\n") == 0);
    CHECK(r.err.str().empty());
}

TEST_CASE("wait runs the virtual clock through idle timeouts in no real time", "[play]") {
    Run r;
    CHECK(r.play("tap start\nwait 59000\nexpect screen home\nwait 1000\nexpect screen attract\n") == 0);
}

TEST_CASE("a failed expectation names the script line and exits 1", "[play]") {
    Run r;
    CHECK(r.play("tap start\n\nexpect screen story\n") == 1);
    CHECK_THAT(r.err.str(), Catch::StartsWith("visit.play:3: expected screen story, but the screen is home"));
}

TEST_CASE("tapping a widget that is not on screen fails", "[play]") {
    Run r;
    CHECK(r.play("tap nav-story\n") == 1);
    CHECK_THAT(r.err.str(), Catch::Contains("no tappable widget \"nav-story\" on screen attract"));
}

TEST_CASE("tap X Y hits the widget under the point", "[play]") {
    Run r;
    REQUIRE(r.play("tap start\n") == 0);
    const Rect story = r.kiosk.scene().find("nav-story")->rect;
    CHECK(r.play("tap " + std::to_string(story.center().x) + " " + std::to_string(story.center().y) +
                 "\nexpect screen story\n") == 0);
}

TEST_CASE("dump lists the visible widgets with id, kind, rectangle and text", "[play]") {
    Run r;
    REQUIRE(r.play("tap start\ndump\n") == 0);
    CHECK_THAT(r.out.str(), Catch::Contains("nav-story button "));
    CHECK_THAT(r.out.str(), Catch::Contains("lang-ta button"));
}

TEST_CASE("unknown commands and keys are errors, not silently skipped", "[play]") {
    Run r;
    CHECK(r.play("frobnicate\n") == 1);
    Run s;
    CHECK(s.play("tap start\nkey hyperspace\n") == 1);
    CHECK_THAT(s.err.str(), Catch::Contains("unknown key"));
}
