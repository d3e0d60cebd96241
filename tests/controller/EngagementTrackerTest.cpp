#include "controller/EngagementTracker.h"

#include "controller/PlayScript.h"
#include "support/FakeMeasurer.h"
#include "support/FakeServices.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
// A booth whose every step is shown to a tracker; the virtual clock starts at 09:00 on 26 June.
struct CountedBooth {
    content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    testing::FakeServices services;
    KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms, &services};
    EngagementTracker tracker{
        pack, [](Millis now) {
            return HourBucket{"2026-06-26", 9 + static_cast<int>(now.count() / 3'600'000)};
        }};
    std::ostringstream out, err;
    PlayScriptRunner runner{kiosk, out, err, hooks()};
    std::vector<EngagementCount> counts;

    PlayHooks hooks() {
        PlayHooks h;
        h.afterStep = [this](Millis now) { tracker.observe(kiosk.engagementMoment(), now); };
        return h;
    }
    void play(const std::string& script) {
        std::istringstream in(script);
        const int code = runner.run(in, "counts.play");
        INFO(err.str());
        REQUIRE(code == 0);
        for (auto& count : tracker.take())
            counts.push_back(std::move(count));
    }
    // The sum of a metric (for one subject, or all), over every hour.
    std::int64_t total(std::string_view metric, std::optional<std::string> subject = std::nullopt) const {
        std::int64_t sum = 0;
        for (const auto& count : counts)
            if (count.metric == metric && (!subject || count.subject == *subject)) sum += count.value;
        return sum;
    }
};

const char* kSignVisit = "tap start\ntap nav-story\nwait 6000\ntap home\ntap nav-act\nwait 2000\n"
                         "tap pledge-ratify-uncat\ntap field-name\ntype Siti Aminah\ntap field-email\n"
                         "type siti@example.my\ntap consent-sign\ntap submit\nexpect screen thanks\n"
                         "wait 3000\ntap done\nwait 61000\nexpect screen attract\n";
}  // namespace

TEST_CASE("a visit that reads, acts and signs is counted along the whole funnel", "[engagement]") {
    CountedBooth b;
    b.play(kSignVisit);
    CHECK(b.total(metric::kVisit) == 1);
    CHECK(b.total(metric::kVisitRead) == 1);
    CHECK(b.total(metric::kVisitAct) == 1);
    CHECK(b.total(metric::kVisitPledge) == 1);
    CHECK(b.total(metric::kVisitStored) == 1);
    CHECK(b.total(metric::kPledgeStarted, "ratify-uncat") == 1);
    CHECK(b.total(metric::kPledgeStored, "ratify-uncat") == 1);
    CHECK(b.total(metric::kPledgeAbandoned) == 0);
    CHECK(b.total(metric::kLanguage, "en") == 1);
    CHECK(b.total(metric::kScreen, "story:short") == 1);
    CHECK(b.total(metric::kScreenMs, "story:short") >= 6000);
    CHECK(b.total(metric::kScreen, "home") == 3);  // from the slide, back from the story, after "done"
    // The action's QR code and the thank-you screen's, each shown once and timed.
    CHECK(b.total(metric::kQr, "act:ratify-uncat") == 1);
    CHECK(b.total(metric::kQrMs, "act:ratify-uncat") >= 2000);
    CHECK(b.total(metric::kQr, "thanks:ratify-uncat") == 1);
    CHECK(b.total(metric::kQrMs, "thanks:ratify-uncat") >= 3000);
    // The visit lasted until the idle return.
    CHECK(b.total(metric::kVisitMs) >= 6000 + 2000 + 3000 + 60000);
    CHECK_FALSE(b.tracker.inVisit());
}

TEST_CASE("nothing typed reaches a count, and every count is one the store keeps", "[engagement]") {
    CountedBooth b;
    b.play(kSignVisit);
    b.play(
        "tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\ntype Zebedee Quux\nwait 61000\n");
    REQUIRE_FALSE(b.counts.empty());
    for (const auto& count : b.counts) {
        INFO(count.metric << " " << count.subject);
        CHECK(isKeepableCount(count));
        for (const char* typed : {"siti", "Siti", "Aminah", "example", "Zebedee", "Quux", "zebedee"})
            CHECK(count.subject.find(typed) == std::string::npos);
    }
}

TEST_CASE("a form left behind is counted as abandoned at the furthest field reached", "[engagement]") {
    CountedBooth b;
    SECTION("by the idle clear, after the e-mail field") {
        b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\ntype A\ntap field-email\n"
               "tap field-name\nwait 61000\nexpect screen attract\n");
        CHECK(b.total(metric::kPledgeAbandoned, "ratify-uncat:email") == 1);
        CHECK(b.total(metric::kVisitPledge) == 1);
        CHECK(b.total(metric::kVisitStored) == 0);
    }
    SECTION("by cancel after a refused sign") {
        b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap submit\ntap submit\ntap cancel\n");
        CHECK(b.total(metric::kPledgeAbandoned, "ratify-uncat:sign") == 1);
        CHECK(b.total(metric::kPledgeStarted, "ratify-uncat") == 1);
    }
}

TEST_CASE("languages are counted once a visit each, visits by the hour they began", "[engagement]") {
    CountedBooth b;
    b.play("tap start\ntap lang-ta\ntap lang-en\ntap lang-ta\nwait 61000\nexpect screen attract\n"
           "wait 3600000\ntap begin-zh\nwait 61000\n");
    CHECK(b.total(metric::kVisit) == 2);
    CHECK(b.total(metric::kLanguage, "en") == 1);
    CHECK(b.total(metric::kLanguage, "ta") == 1);
    CHECK(b.total(metric::kLanguage, "zh") == 1);
    std::map<int, std::int64_t> visitsByHour;
    for (const auto& count : b.counts)
        if (count.metric == metric::kVisit) visitsByHour[count.hour] += count.value;
    CHECK(visitsByHour == std::map<int, std::int64_t>{{9, 1}, {10, 1}});
    // Neither visit read anything (no story, timeline or case for five seconds).
    CHECK(b.total(metric::kVisitRead) == 0);
}

TEST_CASE("counts are written between visitors, not while one is at the screen", "[engagement]") {
    CountedBooth b;
    std::istringstream in("tap start\ntap nav-story\n");
    REQUIRE(b.runner.run(in, "x") == 0);
    CHECK(b.tracker.inVisit());
    CHECK_FALSE(b.tracker.worthWriting());
    std::istringstream idle("wait 61000\n");
    REQUIRE(b.runner.run(idle, "x") == 0);
    CHECK(b.tracker.worthWriting());
}
