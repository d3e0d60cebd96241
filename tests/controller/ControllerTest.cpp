#include "controller/KioskController.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
struct Fixture {
    content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms};

    // Runs the controller's timers up to `until`, as the event loop would.
    void runUntil(Millis until) {
        Millis now = 0ms;
        while (auto next = kiosk.nextDeadline(now)) {
            if (*next > until) break;
            now = std::max(now + 1ms, *next);
            kiosk.tick(now);
        }
    }
};
}  // namespace

TEST_CASE("the attract loop advances after each slide's duration, with a cross-fade", "[controller]") {
    Fixture f;
    CHECK(f.kiosk.view() == View{ScreenId::Attract, 0, 0});
    REQUIRE(f.kiosk.nextDeadline(0ms) == 8000ms);  // nothing to do until the first slide ends
    f.kiosk.tick(8000ms);
    CHECK(f.kiosk.view().item == 1);
    auto fade = f.kiosk.transition(8350ms);
    REQUIRE(fade);
    CHECK(fade->progress == Approx(0.5f));
    CHECK(f.kiosk.nextDeadline(8350ms) == 8366ms);  // animating: a frame every 16 ms
    f.kiosk.tick(8700ms);
    CHECK_FALSE(f.kiosk.transition(8700ms));
    f.kiosk.tick(14000ms);  // the second slide lasts 6 s
    CHECK(f.kiosk.view().item == 0);
}

TEST_CASE("the slide the loop turns to next is known ahead, language and all, for drawing it early",
          "[controller]") {
    Fixture f;
    // Through two rounds of the sample's two slides: the second round speaks the next language, and the
    // turn back to the first slide (a new round) is where a wrong guess would show.
    Millis now = 0ms;
    for (int turn = 0; turn < 4; ++turn) {
        INFO("turn " << turn);
        f.kiosk.scene();
        const auto upcoming = f.kiosk.upcomingSlide();
        REQUIRE(upcoming);
        now = *f.kiosk.nextDeadline(now);
        f.kiosk.tick(now);
        REQUIRE(f.kiosk.transition(now));
        CHECK_FALSE(f.kiosk.upcomingSlide());  // not while a fade runs
        const Scene& shown = f.kiosk.scene();
        CHECK(upcoming->background == shown.background);
        CHECK(upcoming->widgets == shown.widgets);
        f.kiosk.tick(now + 700ms);  // the fade ends
        now += 700ms;
        REQUIRE_FALSE(f.kiosk.transition(now));
    }
    // Away from the loop there is nothing to draw ahead.
    REQUIRE(f.kiosk.tap("start", now));
    CHECK_FALSE(f.kiosk.upcomingSlide());
}

TEST_CASE("any touch on the attract loop opens home", "[controller]") {
    Fixture f;
    f.kiosk.handle(PointerEvent{PointerPhase::Down, {700, 400}}, 100ms);
    f.kiosk.handle(PointerEvent{PointerPhase::Up, {700, 400}}, 180ms);
    CHECK(f.kiosk.view().screen == ScreenId::Home);
}

TEST_CASE("after the idle time every screen returns to the attract loop in the default language",
          "[controller]") {
    Fixture f;
    REQUIRE(f.kiosk.tap("start", 0ms));
    REQUIRE(f.kiosk.tap("lang-ta", 1000ms));
    REQUIRE(f.kiosk.tap("nav-story", 2000ms));
    f.kiosk.tick(61999ms);
    CHECK(f.kiosk.view().screen == ScreenId::Story);
    f.kiosk.tick(62000ms);
    CHECK(f.kiosk.view().screen == ScreenId::Attract);
    CHECK(f.kiosk.language() == "en");
}

TEST_CASE("a static screen asks for no frames until its idle timeout", "[controller]") {
    Fixture f;
    f.kiosk.tap("start", 0ms);
    f.kiosk.scene();
    CHECK(f.kiosk.needsRedraw(10ms));
    f.kiosk.markDrawn(10ms);
    CHECK_FALSE(f.kiosk.needsRedraw(20ms));
    CHECK(f.kiosk.nextDeadline(20ms) == 60000ms);
}

TEST_CASE("the language switch changes every text on screen", "[controller]") {
    Fixture f;
    f.kiosk.tap("start", 0ms);
    f.kiosk.tap("nav-cases", 0ms);
    CHECK(f.kiosk.scene().find("case-dave-enriquez-name")->text == "Dave Enriquez");
    REQUIRE(f.kiosk.tap("lang-zh", 0ms));
    CHECK(f.kiosk.scene().find("case-dave-enriquez-name")->text == "中文Dave Enriquez");
    const Widget* zh = f.kiosk.scene().find("lang-zh");
    REQUIRE(zh);
    CHECK(zh->selected);
}

TEST_CASE("next walks a long section page by page, then the next section", "[controller]") {
    Fixture f;
    f.kiosk.tap("start", 0ms);
    f.kiosk.tap("nav-story", 0ms);
    REQUIRE(f.kiosk.tap("next", 0ms));
    CHECK(f.kiosk.view() == View{ScreenId::Story, 1, 0});
    const int pages = f.kiosk.scene().pageCount;
    REQUIRE(pages > 1);
    for (int page = 1; page < pages; ++page) {
        REQUIRE(f.kiosk.tap("next", 0ms));
        CHECK(f.kiosk.view().page == page);
    }
    f.kiosk.scene();
    CHECK(f.kiosk.scene().find("next") == nullptr);  // the end: no next button
    // Swiping right from the next section's first page would go back; from here it goes one page back.
    f.kiosk.swipe(SwipeDirection::Right, 0ms);
    CHECK(f.kiosk.view().page == pages - 2);
}

TEST_CASE("previous from a section's first page opens the previous section's last page", "[controller]") {
    Fixture f;
    f.kiosk.tap("start", 0ms);
    f.kiosk.tap("nav-timeline", 0ms);
    f.kiosk.tap("next", 0ms);
    f.kiosk.tap("previous", 0ms);
    CHECK(f.kiosk.view() == View{ScreenId::Timeline, 0, 0});
}

TEST_CASE("cases open their profile and back returns to the list", "[controller]") {
    Fixture f;
    f.kiosk.tap("start", 0ms);
    f.kiosk.tap("nav-cases", 0ms);
    REQUIRE(f.kiosk.tap("case-dave-enriquez", 0ms));
    CHECK(f.kiosk.view() == View{ScreenId::Case, 1, 0});
    const Widget* qr = f.kiosk.scene().find("case-qr");
    REQUIRE(qr);
    CHECK(qr->qr == "https://example.org/dave");
    f.kiosk.tap("back", 0ms);
    CHECK(f.kiosk.view().screen == ScreenId::Cases);
}

TEST_CASE("keyboard: tab moves focus, enter activates, escape goes back", "[controller]") {
    Fixture f;
    f.kiosk.key(Key::Enter, 0ms);
    REQUIRE(f.kiosk.view().screen == ScreenId::Home);
    f.kiosk.key(Key::Tab, 0ms);
    const auto focusedId = [&] {
        for (const auto& w : f.kiosk.scene().widgets)
            if (w.focused) return w.id;
        return std::string();
    };
    const std::string first = focusedId();
    REQUIRE_FALSE(first.empty());
    f.kiosk.key(Key::Tab, 0ms);
    CHECK(focusedId() != first);
    // Walk the focus to the story button and press it.
    for (int i = 0; i < 20 && focusedId() != "nav-story"; ++i)
        f.kiosk.key(Key::Tab, 0ms);
    REQUIRE(focusedId() == "nav-story");
    f.kiosk.key(Key::Enter, 0ms);
    CHECK(f.kiosk.view().screen == ScreenId::Story);
    f.kiosk.key(Key::Escape, 0ms);
    CHECK(f.kiosk.view().screen == ScreenId::Home);
}

TEST_CASE("a long press in a corner opens the PIN pad, elsewhere it does not", "[controller]") {
    Fixture f;
    f.kiosk.tap("start", 0ms);
    f.kiosk.handle(PointerEvent{PointerPhase::Down, {400, 240}}, 0ms);
    f.kiosk.tick(3000ms);
    f.kiosk.handle(PointerEvent{PointerPhase::Up, {400, 240}}, 3100ms);
    CHECK(f.kiosk.view().screen == ScreenId::Home);
    f.kiosk.handle(PointerEvent{PointerPhase::Down, {790, 5}}, 4000ms);
    REQUIRE(f.kiosk.nextDeadline(4000ms) == 7000ms);
    f.kiosk.tick(7000ms);
    CHECK(f.kiosk.view().screen == ScreenId::AdminPin);
}

TEST_CASE("swipes move through the timeline", "[controller]") {
    Fixture f;
    f.kiosk.tap("start", 0ms);
    f.kiosk.tap("nav-timeline", 0ms);
    f.kiosk.handle(PointerEvent{PointerPhase::Down, {600, 240}}, 0ms);
    f.kiosk.handle(PointerEvent{PointerPhase::Move, {300, 240}}, 50ms);
    f.kiosk.handle(PointerEvent{PointerPhase::Up, {200, 240}}, 100ms);
    CHECK(f.kiosk.view() == View{ScreenId::Timeline, 1, 0});
}
