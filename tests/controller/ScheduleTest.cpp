// Scheduled content: dated slides, sections and actions show only in their window by the kiosk's clock, and
// while the clock is not set from the network only what is current however far behind it may be.
#include "content/Schedule.h"

#include "controller/KioskController.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
constexpr LocalDate kJune25{2026, 6, 25};
constexpr LocalDate kJune26{2026, 6, 26};
constexpr LocalDate kJune27{2026, 6, 27};

content::LocalText all(const std::string& text) {
    return {{{"en", text}, {"ms", text}, {"zh", text}, {"ta", text}}};
}

// The sample pack with a third slide, shown on 26 June only.
content::Pack packWithCampaignDay() {
    content::Pack pack = testing::samplePack();
    content::Slide day{"campaign-day", 5000, all("26 June"), all("Stand with survivors."), "", ""};
    day.dates = {kJune26, kJune26};
    pack.slides.push_back(day);
    return pack;
}

// A kiosk whose clock reads `today`, set from the network or not; the test moves it.
struct Booth {
    content::Pack pack = packWithCampaignDay();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    ClockReading clock;
    KioskController kiosk;

    Booth(LocalDate today, bool synced)
        : clock{today, synced}, kiosk(pack, settings(), text, images, {800, 480}, 0ms) {}
    ControllerSettings settings() {
        ControllerSettings s;
        s.clock = [this](Millis) { return clock; };
        return s;
    }
    // The slide ids the loop shows in one pass of `ms`, in order, starting from the loop's start.
    std::vector<std::string> loopFor(Millis until) {
        std::vector<std::string> seen;
        Millis now = 0ms;
        const auto note = [&] {
            const std::string& id = pack.slides[static_cast<std::size_t>(kiosk.view().item)].id;
            if (seen.empty() || seen.back() != id) seen.push_back(id);
        };
        note();
        while (auto next = kiosk.nextDeadline(now)) {
            if (*next > until) break;
            now = std::max(now + 1ms, *next);
            kiosk.tick(now);
            note();
        }
        return seen;
    }
    bool shows(const std::string& needle) {
        for (const auto& w : kiosk.scene().widgets)
            if (w.text.find(needle) != std::string::npos) return true;
        return false;
    }
};
}  // namespace

TEST_CASE("a dated slide is in the attract loop only on its days, by a synced clock",
          "[controller][schedule]") {
    Booth before(kJune25, true);
    CHECK(before.loopFor(27000ms) == std::vector<std::string>{"one", "two", "one", "two"});
    Booth on(kJune26, true);
    CHECK(on.loopFor(29000ms) == std::vector<std::string>{"one", "two", "campaign-day", "one", "two"});
    Booth after(kJune27, true);
    CHECK(after.loopFor(27000ms) == std::vector<std::string>{"one", "two", "one", "two"});
}

TEST_CASE("a clock not set from the network shows no item with an end date, and undated ones as ever",
          "[controller][schedule]") {
    // The clock of a Pi without a battery lags: on "26 June" it may really be any later day.
    Booth unsynced(kJune26, false);
    CHECK(unsynced.loopFor(27000ms) == std::vector<std::string>{"one", "two", "one", "two"});
    // Once the network sets it, the day's slide joins the loop within a round.
    unsynced.clock.synced = true;
    const auto later = unsynced.loopFor(60000ms);
    CHECK(std::find(later.begin(), later.end(), "campaign-day") != later.end());
}

TEST_CASE("the rule for dated items, by clock", "[content][schedule]") {
    const content::DateWindow day{kJune26, kJune26};
    const content::DateWindow fromOnly{kJune26, std::nullopt};
    const content::DateWindow untilOnly{std::nullopt, kJune26};
    const content::DateWindow undated{};
    // Synced: the window, both days included.
    CHECK_FALSE(content::showsNow(day, {kJune25, true}));
    CHECK(content::showsNow(day, {kJune26, true}));
    CHECK_FALSE(content::showsNow(day, {kJune27, true}));
    CHECK(content::showsNow(untilOnly, {kJune25, true}));
    CHECK_FALSE(content::showsNow(untilOnly, {kJune27, true}));
    // Not synced: begun by the lagging clock is begun; ended cannot be known, so anything with an end hides.
    CHECK(content::showsNow(fromOnly, {kJune27, false}));
    CHECK_FALSE(content::showsNow(fromOnly, {kJune25, false}));
    CHECK_FALSE(content::showsNow(day, {kJune26, false}));
    CHECK_FALSE(content::showsNow(untilOnly, {kJune25, false}));
    CHECK(content::showsNow(undated, {kJune25, false}));
    // No clock at all: undated items only.
    CHECK(content::showsNow(undated, {}));
    CHECK_FALSE(content::showsNow(fromOnly, {}));
}

TEST_CASE("an out-of-date story section and action are not shown, nor walked to", "[controller][schedule]") {
    Booth b(kJune27, true);
    b.pack.story[0].dates = {kJune26, kJune26};
    b.pack.actions[0].dates = {std::nullopt, kJune26};
    // The schedule is read between visitors, on the loop at most once a second.
    b.kiosk.tick(1000ms);
    REQUIRE(b.kiosk.tap("start", 1000ms));
    REQUIRE(b.kiosk.tap("nav-story", 1100ms));
    CHECK(b.kiosk.view().item == 1);  // the first section is past: the story opens at the second
    CHECK_FALSE(b.shows("Why torture persists"));
    REQUIRE(b.kiosk.tap("home", 1200ms));
    REQUIRE(b.kiosk.tap("nav-act", 1300ms));
    CHECK(b.kiosk.view().item == 1);
    CHECK(b.kiosk.scene().find("action-ratify-uncat") == nullptr);
    CHECK_FALSE(b.shows("Urge Malaysia to ratify"));
    CHECK_FALSE(b.kiosk.tap("previous", 1400ms));  // nothing before it today
    CHECK(b.kiosk.view().item == 1);
}

TEST_CASE("with every slide out of date the loop shows the pack's title and still invites a touch",
          "[controller][schedule]") {
    Booth b(kJune27, true);
    for (auto& slide : b.pack.slides)
        slide.dates = {kJune26, kJune26};
    b.kiosk.tick(60000ms);  // the schedule is read again on the loop
    CHECK(b.shows("Stop Torture"));
    CHECK_FALSE(b.shows("Article 1"));
    CHECK(b.kiosk.scene().find("begin-en") != nullptr);
}

TEST_CASE(
    "the loop reads the clock at most once a second, however often a fade ticks, and still sees a new day",
    "[controller][schedule]") {
    Booth b(kJune25, true);
    int reads = 0;
    ControllerSettings counting = b.settings();
    counting.clock = [&](Millis) {
        ++reads;
        return b.clock;
    };
    KioskController kiosk(b.pack, counting, b.text, b.images, {800, 480}, 0ms);
    const int atStart = reads;
    for (Millis now = 1ms; now < 10000ms; now += 16ms)  // ten seconds of frames, as during a fade
        kiosk.tick(now);
    CHECK(reads - atStart <= 10);
    CHECK(reads - atStart >= 9);
    // A day that begins is still seen on the loop: 26 June shows its slide in the next pass.
    b.clock = {kJune26, true};
    std::vector<std::string> seen;
    for (Millis now = 10000ms; now < 40000ms; now += 16ms) {
        kiosk.tick(now);
        const std::string& id = b.pack.slides[static_cast<std::size_t>(kiosk.view().item)].id;
        if (seen.empty() || seen.back() != id) seen.push_back(id);
    }
    CHECK(std::find(seen.begin(), seen.end(), "campaign-day") != seen.end());
}
