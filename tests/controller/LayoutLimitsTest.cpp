// Layouts hold for any count and length the pack format allows (docs/pack-format.md, Limits): 1 to 20 cases
// and actions, titles, names and labels at their maximum, and a pledge form whose every consent shows whole
// whenever its box can be ticked, at every size and in every language.
#include "content/ValueRules.h"
#include "screens/AgreementCheck.h"
#include "screens/Screens.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

using namespace kiosk;

namespace {
const Size kSizes[] = {{800, 480}, {720, 1280}, {1024, 768}, {1280, 800}, {1920, 1080}};

// `count` characters of words, in the sample pack's four languages (Chinese at half as many characters,
// each counting two).
content::LocalText longest(std::size_t count) {
    const auto words = [](const std::string& word, std::size_t n) {
        std::string out;
        while (content::displayLength(out + word) <= n)
            out += word;
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        return out;
    };
    return {{{"en", words("Safeguard ", count)},
             {"ms", words("Perlindungan ", count)},
             {"zh", words("保障措施", count)},
             {"ta", words("பாதுகாப்பு ", count)}}};
}

std::string problemsOf(const Scene& scene) {
    std::string out;
    for (const auto& p : scene.problems)
        out += p.widgetId + ": " + p.what + "\n";
    if (!out.empty() && std::getenv("LAYOUT_DUMP"))
        for (const auto& w : scene.widgets)
            out += "  " + w.id + " " + std::to_string(w.rect.x) + "," + std::to_string(w.rect.y) + " " +
                   std::to_string(w.rect.w) + "x" + std::to_string(w.rect.h) + "\n";
    return out;
}

std::string dump(const Scene& scene) {
    std::string out;
    for (const auto& w : scene.widgets)
        out += "  " + w.id + " " + std::to_string(w.rect.x) + "," + std::to_string(w.rect.y) + " " +
               std::to_string(w.rect.w) + "x" + std::to_string(w.rect.h) + "\n";
    return out;
}

void checkOnScreen(const Scene& scene, Size size) {
    const Rect screen{0, 0, size.w, size.h};
    for (const auto& widget : scene.widgets) {
        INFO(widget.id);
        CHECK(screen.containsRect(widget.rect));
        if (widget.tappable && widget.id != "start") {
            CHECK(widget.rect.w >= 38);
            CHECK(widget.rect.h >= 48);
        }
    }
}

content::Pack packWith(int cases, int actions, bool longestTexts) {
    auto pack = testing::samplePack();
    const auto caseTemplate = pack.cases.front();
    const auto actionTemplate = pack.actions.front();
    pack.cases.clear();
    pack.actions.clear();
    for (int i = 0; i < cases; ++i) {
        auto profile = caseTemplate;
        profile.id = "person-" + std::to_string(i + 1);
        if (longestTexts) {
            profile.name = longest(content::kNameLimit.refuseAbove);
            profile.country = longest(content::kNameLimit.refuseAbove);
            profile.summary = longest(content::kSentenceLimit.refuseAbove);
        }
        pack.cases.push_back(profile);
    }
    for (int i = 0; i < actions; ++i) {
        auto action = actionTemplate;
        action.id = "action-" + std::to_string(i + 1);
        if (longestTexts) action.title = longest(content::kTitleLimit.refuseAbove);
        pack.actions.push_back(action);
    }
    if (longestTexts)
        for (auto& entry : pack.timeline)
            entry.title = longest(content::kTitleLimit.refuseAbove);
    return pack;
}
}  // namespace

TEST_CASE("cases lay out as pages of cards for 1 to 20, each card once, at every size", "[screens][limits]") {
    testing::FakeMeasurer text;
    testing::FakeImages images;
    for (const int count : {1, 2, 3, 5, 7, 20}) {
        for (const bool longestTexts : {false, true}) {
            const auto pack = packWith(count, 2, longestTexts);
            for (const Size size : kSizes) {
                for (const auto& language : pack.languages) {
                    INFO(count << " cases, " << (longestTexts ? "longest" : "sample") << " texts, " << size.w
                               << "x" << size.h << " " << language);
                    std::multiset<std::string> seen;
                    const screens::ScreenContext context{pack, language, size, text, images};
                    const int pages = screens::buildScene(context, {ScreenId::Cases, 0, 0}).pageCount;
                    for (int page = 0; page < pages; ++page) {
                        const Scene scene = screens::buildScene(context, {ScreenId::Cases, 0, page});
                        INFO("page " << page + 1 << " of " << pages);
                        CHECK(problemsOf(scene) == "");
                        checkOnScreen(scene, size);
                        for (const auto& w : scene.widgets)
                            if (w.tappable && w.id.rfind("case-", 0) == 0) seen.insert(w.id);
                        CHECK((scene.find("next") != nullptr) == (page + 1 < pages));
                    }
                    CHECK(seen.size() == static_cast<std::size_t>(count));
                    CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == seen.size());
                }
            }
        }
    }
}

TEST_CASE("actions lay out for 1 to 20, the open one's tab always shown, at every size",
          "[screens][limits]") {
    testing::FakeMeasurer text;
    testing::FakeImages images;
    for (const int count : {1, 2, 3, 5, 20}) {
        for (const bool longestTexts : {false, true}) {
            const auto pack = packWith(2, count, longestTexts);
            for (const Size size : kSizes) {
                for (const auto& language : pack.languages) {
                    for (int item = 0; item < count * 2; ++item) {
                        // Each action as a kiosk that takes pledges shows it, then as one that cannot.
                        const bool collecting = item < count;
                        INFO(count << " actions, " << (longestTexts ? "longest" : "sample") << " texts, "
                                   << size.w << "x" << size.h << " " << language << ", action "
                                   << item % count + 1 << (collecting ? "" : ", not collecting"));
                        screens::ScreenContext context{pack, language, size, text, images};
                        context.extras.collecting = collecting;
                        const Scene scene = screens::buildScene(context, {ScreenId::Act, item % count, 0});
                        CHECK(problemsOf(scene) == "");
                        checkOnScreen(scene, size);
                        if (count > 1) {
                            const Widget* tab = scene.find("action-" + pack.actions[item % count].id);
                            REQUIRE(tab);
                            CHECK(tab->selected);
                        }
                        // The words of the action have room for at least two lines.
                        const Widget* words = scene.find("act-text");
                        REQUIRE(words);
                        INFO((std::getenv("LAYOUT_DUMP") ? problemsOf(scene) + dump(scene) : ""));
                        CHECK(words->rect.h >= 2 * text.lineHeight({language, words->style.px, false}));
                    }
                }
            }
        }
    }
}

TEST_CASE("a timeline title at its maximum wraps, and the box reported is the box drawn",
          "[screens][limits]") {
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const auto pack = packWith(2, 2, true);
    for (const Size size : kSizes) {
        for (const auto& language : pack.languages) {
            INFO(size.w << "x" << size.h << " " << language);
            const Scene scene =
                screens::buildScene({pack, language, size, text, images}, {ScreenId::Timeline, 0, 0});
            CHECK(problemsOf(scene) == "");
            checkOnScreen(scene, size);
            const Widget* heading = scene.find("timeline-heading");
            const Widget* words = scene.find("timeline-text");
            REQUIRE(heading);
            REQUIRE(words);
            REQUIRE_FALSE(heading->lines.empty());
            // Every line drawn sits inside the widget's box, and the text starts below it.
            const int lineHeight = text.lineHeight({language, heading->style.px, true});
            CHECK(heading->lines.back().origin.y + lineHeight <= heading->rect.bottom());
            CHECK(heading->lines.front().origin.y >= heading->rect.y);
            CHECK(words->rect.y >= heading->rect.bottom());
            CHECK(heading->style.px >= 18);  // shrunk at most to the smallest reading size
        }
    }
}

namespace {
// The sample form, and one at the format's limits: ten fields with the longest labels (one of them "Name for
// the banner"), five consents of the longest sentences.
std::vector<form::Form> forms() {
    std::vector<form::Form> out{testing::sampleForm()};
    form::Form big = testing::sampleForm();
    big.fields.front().label = {{"en", "Name for the banner"},
                                {"ms", "Nama untuk sepanduk"},
                                {"zh", "横幅上的名字"},
                                {"ta", "பதாகைக்கான பெயர்"}};
    while (big.fields.size() < content::kMaxFields) {
        auto field = big.fields.front();
        field.id = "extra-" + std::to_string(big.fields.size());
        field.label = longest(content::kLabelLimit.refuseAbove).byLanguage;
        big.fields.push_back(field);
    }
    while (big.consents.size() < content::kMaxConsents) {
        auto consent = big.consents.front();
        consent.id = "consent-" + std::to_string(big.consents.size());
        big.consents.push_back(consent);
    }
    for (auto& consent : big.consents)
        consent.text = longest(content::kSentenceLimit.refuseAbove).byLanguage;
    out.push_back(big);
    return out;
}
}  // namespace

TEST_CASE("every consent's whole text is on screen whenever its box can be ticked, for every form, language "
          "and size",
          "[screens][pledge][limits]") {
    testing::FakeMeasurer text;
    testing::FakeImages images;
    auto pack = testing::samplePack();
    for (const auto& form : forms()) {
        pack.actions.front().form = form;
        const form::Form& shown = *pack.actions.front().form;
        form::FormState values(shown);
        const std::map<std::string, bool> ticked;
        for (const Size size : kSizes) {
            for (const auto& language : pack.languages) {
                // Each field with the keyboard (or the choices), then the form with and without problems on
                // each of its pages.
                std::vector<screens::PledgeView> states;
                screens::PledgeView blank;
                blank.form = &shown;
                blank.values = &values;
                blank.ticked = &ticked;
                for (const auto& field : shown.fields) {
                    states.push_back(blank);
                    states.back().focusedField = field.id;
                }
                screens::PledgeView withProblems = blank;
                for (const auto& field : shown.fields)
                    withProblems.errors[field.id] = "Please fill in this field.";
                for (const auto& consent : shown.consents)
                    withProblems.errors[consent.id] = "Please tick this box to continue.";
                for (const auto& start : {blank, withProblems}) {
                    screens::ScreenContext context{pack, language, size, text, images};
                    screens::PledgeView state = start;
                    context.extras.pledge = &state;
                    const int pages = screens::buildScene(context, {ScreenId::Pledge, 0, 0}).pageCount;
                    for (int page = 0; page < pages; ++page) {
                        state.noticePage = page;
                        states.push_back(state);
                    }
                }
                std::set<std::string> consentsSeen;
                bool noticeSeen = false;
                for (const auto& state : states) {
                    screens::ScreenContext context{pack, language, size, text, images};
                    context.extras.pledge = &state;
                    const Scene scene = screens::buildScene(context, {ScreenId::Pledge, 0, 0});
                    INFO(shown.fields.size()
                         << " fields, " << size.w << "x" << size.h << " " << language << ", "
                         << (state.focusedField.empty() ? "page " + std::to_string(state.noticePage)
                                                        : "typing in " + state.focusedField)
                         << (state.errors.empty() ? "" : " with problems"));
                    CHECK(problemsOf(scene) == "");
                    checkOnScreen(scene, size);
                    std::string agreement;
                    for (const auto& p : screens::agreementProblems(scene, shown, language, size))
                        agreement += p.widgetId + ": " + p.what + "\n";
                    CHECK(agreement == "");
                    for (const auto& consent : shown.consents)
                        if (scene.find("consent-" + consent.id)) consentsSeen.insert(consent.id);
                    if (scene.find("privacy-notice")) noticeSeen = true;
                    if (!state.focusedField.empty())
                        CHECK(scene.find("field-" + state.focusedField));  // the field being typed into shows
                }
                // Every consent can be reached, and the notice read.
                CHECK(consentsSeen.size() == shown.consents.size());
                CHECK(noticeSeen);
            }
        }
    }
}

TEST_CASE("the agreement check catches a consent cut while its box can be ticked", "[screens][pledge]") {
    const auto form = testing::sampleForm();
    Scene scene;
    Widget box;
    box.id = "consent-sign";
    box.tappable = true;
    box.rect = {10, 10, 52, 52};
    scene.widgets.push_back(box);
    Widget words;
    words.id = "consent-sign-text";
    words.rect = {70, 10, 300, 52};
    words.lines.push_back({"I add my name to Amnesty Interna…", {70, 10}, 290});
    scene.widgets.push_back(words);
    const auto problems = screens::agreementProblems(scene, form, "en", {800, 480});
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().widgetId == "consent-sign-text");
}
