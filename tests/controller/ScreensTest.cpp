#include "screens/Screens.h"

#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

using namespace kiosk;

namespace {
// The visitors' screens of the table, at each of their items.
std::vector<View> everyView(const content::Pack& pack) {
    std::vector<View> views;
    for (const auto& named : screens::everyView(pack))
        if (screenInfo(named.view.screen).family == ScreenFamily::Visitor) views.push_back(named.view);
    return views;
}
}  // namespace

TEST_CASE("every screen fits every size in every language, with touch targets of 48 px", "[screens]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const Size sizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}, {1024, 768}, {1024, 600}};
    for (const Size size : sizes) {
        for (const auto& language : pack.languages) {
            for (const View& view : everyView(pack)) {
                const Scene scene = screens::buildScene({pack, language, size, text, images}, view);
                const Rect screen{0, 0, size.w, size.h};
                INFO(screenName(view.screen)
                     << " " << view.item << " " << language << " " << size.w << "x" << size.h);
                std::string problems;
                for (const auto& problem : scene.problems)
                    problems += problem.widgetId + ": " + problem.what + "\n";
                CHECK(problems == "");
                for (const auto& widget : scene.widgets) {
                    INFO(widget.id);
                    CHECK(screen.containsRect(widget.rect));
                    if (widget.tappable && widget.id != "start") {
                        CHECK(widget.rect.w >= 48);
                        CHECK(widget.rect.h >= 48);
                    }
                }
            }
        }
    }
}

TEST_CASE("the language switch is on every screen but the attract loop, each named in its own language",
          "[screens]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    for (const View& view : everyView(pack)) {
        const Scene scene = screens::buildScene({pack, "ms", {800, 480}, text, images}, view);
        if (view.screen == ScreenId::Attract) {
            CHECK(scene.find("lang-ta") == nullptr);
            continue;
        }
        const Widget* tamil = scene.find("lang-ta");
        REQUIRE(tamil);
        CHECK(tamil->text == "தமிழ்");
        CHECK(tamil->style.language == "ta");  // shaped with Tamil fonts even on a Malay screen
        CHECK(scene.find("lang-ms")->selected);
    }
}

TEST_CASE("text that cannot fit, a glyph no font has and an image that will not load are problems",
          "[screens]") {
    auto pack = testing::samplePack();
    pack.slides[0].title.byLanguage["en"] = std::string(400, 'W');
    pack.timeline[0].title.byLanguage["en"] = "Private \xEE\x80\x80 use";
    testing::FakeMeasurer text;
    testing::FakeImages images;
    images.broken.insert("/img/barrier.svg");
    const auto problemsOf = [&](View view) {
        return screens::buildScene({pack, "en", {800, 480}, text, images}, view).problems;
    };
    auto slide = problemsOf({ScreenId::Attract, 0, 0});
    REQUIRE_FALSE(slide.empty());
    CHECK(slide[0].widgetId == "slide-title");
    CHECK_THAT(slide[0].what, Catch::Contains("overflows"));
    auto entry = problemsOf({ScreenId::Timeline, 0, 0});
    REQUIRE(entry.size() == 1);
    CHECK_THAT(entry[0].what, Catch::Contains("U+E000"));
    auto section = problemsOf({ScreenId::Story, 1, 0});
    REQUIRE(section.size() == 1);
    CHECK_THAT(section[0].what, Catch::Contains("image failed to load"));
}

TEST_CASE("the maintenance screen asks for a volunteer in four languages, and keeps file and line from the "
          "public",
          "[screens]") {
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const Scene scene = screens::buildMaintenanceScene(
        {800, 480}, text, images, {{reports::KioskProblem::Kind::Diagnostic, "pack.toml:3:1: error: bad"}});
    for (const char* language : {"en", "ms", "zh", "ta"}) {
        INFO(language);
        const Widget* title = scene.find(std::string("maintenance-title-") + language);
        REQUIRE(title);
        CHECK(title->style.language == language);
        CHECK(scene.find(std::string("maintenance-text-") + language));
    }
    CHECK_THAT(scene.find("maintenance-text-en")->text, Catch::Contains("volunteer"));
    for (const auto& widget : scene.widgets)
        CHECK_THAT(widget.text, !Catch::Contains("pack.toml"));
    CHECK(scene.problems.empty());
}

TEST_CASE("the maintenance screen tells volunteers what its reasons are and where to read them",
          "[screens]") {
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const auto volunteerLine = [&](const std::vector<std::string>& lines) {
        std::vector<reports::KioskProblem> reasons;
        for (const auto& line : lines)
            reasons.push_back({reports::KioskProblem::Kind::Diagnostic, line});
        const Scene scene = screens::buildMaintenanceScene({800, 480}, text, images, reasons);
        INFO(reasons.size() << " reasons");
        CHECK(scene.problems.empty());
        const Widget* line = scene.find("maintenance-volunteer");
        REQUIRE(line);
        for (const auto& line : lines)  // the reasons themselves stay in the log
            for (const auto& widget : scene.widgets)
                CHECK_THAT(widget.text, !Catch::Contains(line));
        return line->text;
    };
    // No reasons: nothing known to fix, so a restart, then the log.
    const std::string none = volunteerLine({});
    CHECK_THAT(none,
               Catch::Contains("restart the kiosk") && Catch::Contains("journalctl -u outreach-kiosk -b"));
    CHECK_THAT(none, !Catch::Contains("did not load"));
    // Reasons: the pack did not load, how many lines the log holds, and the two ways to put it right.
    const std::string one = volunteerLine({"pack.toml:3:1: error: bad"});
    CHECK_THAT(one, Catch::Contains("the content pack did not load (1 line in the log: journalctl -u "
                                    "outreach-kiosk -b)"));
    CHECK_THAT(one,
               Catch::Contains("Fix it as the log says") && Catch::Contains("copy a fresh content pack"));
    const std::string three = volunteerLine(
        {"pack.toml:3:1: error: bad", "cases.toml:9:2: error: worse", "story.toml:1:1: warning: long"});
    CHECK_THAT(three, Catch::Contains("(3 lines in the log"));
}

TEST_CASE("a timeline entry's picture gives way before the text takes a half-empty second page",
          "[screens]") {
    auto pack = testing::samplePack();
    REQUIRE_FALSE(pack.timeline.empty());
    auto& entry = pack.timeline[0];
    entry.image = "images/candle.svg";
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const Size size{800, 480};
    int narrowestPicture = size.w;
    int widestPicture = 0;
    std::string words;
    for (int sentences = 1; sentences <= 14; ++sentences) {
        words += "Every state that signed promised to prevent torture. ";
        entry.text = {{{"en", words}}};
        CAPTURE(sentences);
        const Scene first = screens::buildScene({pack, "en", size, text, images}, {ScreenId::Timeline, 0, 0});
        const Widget* picture = first.find("timeline-image");
        const Widget* shown = first.find("timeline-text");
        REQUIRE(picture != nullptr);
        REQUIRE(shown != nullptr);
        narrowestPicture = std::min(narrowestPicture, picture->rect.w);
        widestPicture = std::max(widestPicture, picture->rect.w);
        // A first page followed by another is at least 70% full (the reading rule), however long the text.
        if (first.pageCount > 1) {
            const int lineHeight = text.lineHeight({"en", shown->style.px, shown->style.bold});
            const int foot = shown->lines.back().origin.y + lineHeight - shown->rect.y;
            CHECK(foot * 100 >= shown->rect.h * 70);
        }
    }
    // Some lengths keep to one page beside a smaller picture; long texts keep the full-size one.
    CHECK(narrowestPicture < widestPicture);
    CHECK(widestPicture >= size.w * 28 / 100);
}

TEST_CASE("the pack's type scale and spacing set the sizes on screen", "[screens]") {
    auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const View story{ScreenId::Story, 0, 0};
    const auto sizesUsed = [&](const content::Pack& p) {
        std::set<int> used;
        for (const auto& widget : screens::buildScene({p, "en", {800, 480}, text, images}, story).widgets)
            if (!widget.lines.empty()) used.insert(widget.style.px);
        return used;
    };
    const auto before = sizesUsed(pack);
    REQUIRE(before.contains(pack.theme.type.reading));
    REQUIRE_FALSE(before.contains(34));
    pack.theme.type.reading = 34;
    CHECK(sizesUsed(pack).contains(34));
    // A wider margin moves the first text in from the edge.
    const auto leftmost = [&](const content::Pack& p) {
        int left = 800;
        for (const auto& widget : screens::buildScene({p, "en", {800, 480}, text, images}, story).widgets)
            if (!widget.lines.empty()) left = std::min(left, widget.rect.x);
        return left;
    };
    const int narrow = leftmost(pack);
    pack.theme.space.margin = 40;
    CHECK(leftmost(pack) == narrow + 24);
}
