// The shipped pack's reading, measured with the real fonts in every language: at 800x480 each story section,
// and each case's text before "read more", in at most three pages (kMaxReadingPages), every page but a
// text's last at least 70% full (layout::kMinPageFillPercent); on the act screen, at every size and in every
// state, each action's words in as few pages as their room allows, each page but the last ending a sentence.
#include "layout/Pagination.h"
#include "screens/Metrics.h"
#include "screens/Screens.h"
#include "support/ShippedPack.h"

#include <catch2/catch.hpp>
#include <iostream>
#include <set>

using namespace kiosk;

namespace {
using testing::shipped;

// How full a page of text is: from its box's top to its last line's foot, in percent of the box.
int fillPercent(const Widget& text, layout::TextMeasurer& measurer) {
    if (text.lines.empty() || text.rect.h <= 0) return 0;
    const int lineHeight = measurer.lineHeight({text.style.language, text.style.px, text.style.bold});
    return (text.lines.back().origin.y + lineHeight - text.rect.y) * 100 / text.rect.h;
}

// The pages of one text: whether each is present in the scenes, and their fill.
struct Run {
    int pages = 0;
    std::vector<int> fill;
};

Run runOf(const std::vector<Scene>& scenes, const std::string& widgetId, layout::TextMeasurer& measurer) {
    Run run;
    for (const auto& scene : scenes)
        if (const Widget* text = scene.find(widgetId)) {
            ++run.pages;
            run.fill.push_back(fillPercent(*text, measurer));
        }
    return run;
}

void checkFilled(const Run& run) {
    for (std::size_t page = 0; page + 1 < run.fill.size(); ++page) {
        CAPTURE(page);
        CHECK(run.fill[page] >= layout::kMinPageFillPercent);
    }
}

std::vector<Scene> everyPage(const screens::ScreenContext& context, ScreenId screen, int item) {
    std::vector<Scene> scenes;
    scenes.push_back(screens::buildScene(context, {screen, item, 0}));
    for (int page = 1; page < scenes.front().pageCount; ++page)
        scenes.push_back(screens::buildScene(context, {screen, item, page}));
    return scenes;
}
}  // namespace

TEST_CASE("every story section, timeline entry and case reads in at most three full pages at 800x480",
          "[screens][fonts]") {
    auto& s = shipped();
    auto& measurer = s.graphics->measurer();
    for (const auto& language : s.pack.languages) {
        const screens::ScreenContext context{s.pack, language, {800, 480}, measurer, s.graphics->images()};
        for (std::size_t i = 0; i < s.pack.story.size(); ++i) {
            const auto scenes = everyPage(context, ScreenId::Story, static_cast<int>(i));
            const Run run = runOf(scenes, "story-text", measurer);
            CAPTURE(language, s.pack.story[i].id, run.fill);
            std::cout << language << " story " << s.pack.story[i].id << ": " << run.pages << " pages\n";
            CHECK(run.pages == static_cast<int>(scenes.size()));
            CHECK(run.pages <= screens::kMaxReadingPages);
            checkFilled(run);
        }
        for (std::size_t i = 0; i < s.pack.timeline.size(); ++i) {
            const auto scenes = everyPage(context, ScreenId::Timeline, static_cast<int>(i));
            const Run run = runOf(scenes, "timeline-text", measurer);
            CAPTURE(language, s.pack.timeline[i].date, run.fill);
            std::cout << language << " timeline " << s.pack.timeline[i].date << ": " << run.pages
                      << " pages, fill " << (run.fill.empty() ? 0 : run.fill.back()) << "% on the last\n";
            CHECK(run.pages == static_cast<int>(scenes.size()));
            CHECK(run.pages <= screens::kMaxReadingPages);
            checkFilled(run);
        }
        for (std::size_t i = 0; i < s.pack.cases.size(); ++i) {
            const auto scenes = everyPage(context, ScreenId::Case, static_cast<int>(i));
            const Run shown = runOf(scenes, "case-text", measurer);
            const Run more = runOf(scenes, "case-story", measurer);
            CAPTURE(language, s.pack.cases[i].id, shown.fill, more.fill);
            std::cout << language << " case " << s.pack.cases[i].id << ": " << shown.pages << " pages";
            if (more.pages > 0) std::cout << " (+" << more.pages << " behind read more)";
            std::cout << '\n';
            CHECK(shown.pages + more.pages == static_cast<int>(scenes.size()));
            CHECK(shown.pages <= screens::kMaxReadingPages);
            checkFilled(shown);
            checkFilled(more);
            // "Read more" stands on the short version's last page and nowhere else.
            for (int page = 0; page < static_cast<int>(scenes.size()); ++page) {
                CAPTURE(page);
                const Widget* readMore = scenes[static_cast<std::size_t>(page)].find("next");
                const bool isReadMore = readMore && readMore->text == s.pack.uiText("read_more", language);
                CHECK(isReadMore == (more.pages > 0 && page == shown.pages - 1));
            }
        }
    }
}

namespace {
// Sentences in a text, as the paginator tells them.
int sentencesIn(std::string_view text) {
    int count = 0;
    for (std::size_t end = 1; end <= text.size(); ++end)
        if ((end == text.size() || text[end] == ' ') && layout::endsSentence(text.substr(0, end))) ++count;
    return std::max(count, 1);
}
}  // namespace

// Review of issue 10: in portrait the act words had two lines a page, in Tamil at 800x480 one line a page
// over seven pages, and a Chinese page broke mid-sentence. The code, the tabs, the heading and the call
// share the act screen; whatever they leave, the words must read well in it.
TEST_CASE("the act screen's words read in few full pages that end at sentences, in every state and size",
          "[screens][fonts]") {
    auto& s = shipped();
    auto& measurer = s.graphics->measurer();
    const Size sizes[] = {{800, 480}, {720, 1280}, {1920, 1080}, {1024, 768}, {1280, 800}};
    for (const Size size : sizes) {
        const screens::Metrics metrics(size);
        for (const auto& language : s.pack.languages) {
            for (std::size_t i = 0; i < s.pack.actions.size(); ++i) {
                const auto& action = s.pack.actions[i];
                // Collecting; and as every state that cannot collect (no coordinator key, storage full, not
                // ready) shows it: one note for every reason.
                for (const bool collecting : {true, false}) {
                    if (!collecting && !action.form) continue;
                    screens::ScreenContext context{s.pack, language, size, measurer, s.graphics->images()};
                    context.extras.collecting = collecting;
                    const auto scenes = everyPage(context, ScreenId::Act, static_cast<int>(i));
                    const Run run = runOf(scenes, "act-text", measurer);
                    const std::string text = action.text.in(language, s.pack.defaultLanguage);
                    CAPTURE(size.w, size.h, language, action.id, collecting, run.fill);
                    std::cout << size.w << "x" << size.h << " " << language << " act " << action.id
                              << (collecting ? "" : " not collecting") << ": " << run.pages << " pages\n";
                    REQUIRE(run.pages == static_cast<int>(scenes.size()));
                    checkFilled(run);
                    // As few pages as the room allows: never more than the text has sentences, and every
                    // page's box holds three lines of the words' size or the whole text.
                    CHECK(run.pages <= sentencesIn(text));
                    for (std::size_t page = 0; page < scenes.size(); ++page) {
                        CAPTURE(page);
                        const Widget& words = *scenes[page].find("act-text");
                        const int lineHeight =
                            measurer.lineHeight({words.style.language, words.style.px, words.style.bold});
                        CHECK((words.rect.h >= 3 * lineHeight || run.pages == 1));
                        CHECK(words.style.px >= metrics.bodyPx());
                        if (page + 1 < scenes.size()) CHECK(layout::endsSentence(words.text));
                        CHECK(scenes[page].problems.empty());
                    }
                }
            }
        }
    }
}

namespace {
// The tour's hints that a page reads badly (SceneWriter::pagedText): under 70% full or ending mid-sentence.
std::vector<std::string> badPageHints(const std::vector<Scene>& scenes, const std::string& widgetId) {
    std::vector<std::string> bad;
    for (std::size_t page = 0; page < scenes.size(); ++page)
        for (const auto& hint : scenes[page].hints)
            if (hint.widgetId == widgetId && (hint.what.find("% full") != std::string::npos ||
                                              hint.what.find("mid-sentence") != std::string::npos))
                bad.push_back("page " + std::to_string(page + 1) + ": " + hint.what);
    return bad;
}

// One text's pages: how many read badly (printed), none under the least size reading takes on this screen,
// no problem.
int badPages(const std::vector<Scene>& scenes, const std::string& widgetId, const screens::Metrics& metrics,
             const std::string& what) {
    const auto bad = badPageHints(scenes, widgetId);
    for (const auto& hint : bad)
        std::cout << "  " << what << " " << hint << '\n';
    for (const auto& scene : scenes)
        if (const Widget* words = scene.find(widgetId)) {
            CHECK(words->style.px >= metrics.px(metrics.minReadingDesignPx()));
            CHECK(scene.problems.empty());
        }
    return static_cast<int>(bad.size());
}

// Texts whose first sentence is longer than their first page's box (or ends too high in it) at every size the
// screen allows (beside the picture under the heading, or beside a case's code under the portrait), so no
// first page can end at a sentence: the pack's writers' to split (translations await native review). None
// now: the 19 listed before had their first sentences split in the pack, so any such text fails the test.
const std::set<std::string> kFirstSentenceTooLong = {};
}  // namespace

// Issue 10: story and timeline pages at 1280x800 and 1024x768 ended mid-sentence or half empty (34 under
// 70% and 116 mid-sentence pages in the tour). At every size the tour renders, in every language, each story
// section, timeline entry and case reads in pages that end at sentences and are full (but for any texts
// listed above); at 800x480 in reading size, a story section and a case's text before "read more" in at most
// three pages.
TEST_CASE("story sections and timeline entries and cases end pages at sentences and fill them at every size",
          "[screens][fonts][slow]") {
    auto& s = shipped();
    const Size sizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}, {1024, 768}};
    std::set<std::string> readBadly;
    for (const Size size : sizes) {
        const screens::Metrics metrics(size, s.pack.theme.type, s.pack.theme.space);
        const bool panel7 = size.w == 800 && size.h == 480;
        for (const auto& language : s.pack.languages) {
            CAPTURE(size.w, size.h, language);
            const std::string where = std::to_string(size.w) + "x" + std::to_string(size.h) + " " + language;
            const screens::ScreenContext context{s.pack, language, size, s.graphics->measurer(),
                                                 s.graphics->images()};
            int bad = 0;
            const auto count = [&](const std::vector<Scene>& scenes, const std::string& widgetId,
                                   const std::string& item) {
                const int n = badPages(scenes, widgetId, metrics, where + " " + item);
                if (n > 0) readBadly.insert(where + " " + item);
                bad += n;
            };
            for (std::size_t i = 0; i < s.pack.story.size(); ++i) {
                CAPTURE(s.pack.story[i].id);
                const auto scenes = everyPage(context, ScreenId::Story, static_cast<int>(i));
                count(scenes, "story-text", "story " + s.pack.story[i].id);
                if (panel7) {
                    CHECK(static_cast<int>(scenes.size()) <= screens::kMaxReadingPages);
                    for (const auto& scene : scenes)
                        CHECK(scene.find("story-text")->style.px >= metrics.readingPx());
                }
            }
            for (std::size_t i = 0; i < s.pack.timeline.size(); ++i)
                count(everyPage(context, ScreenId::Timeline, static_cast<int>(i)), "timeline-text",
                      "timeline " + s.pack.timeline[i].date);
            for (std::size_t i = 0; i < s.pack.cases.size(); ++i) {
                CAPTURE(s.pack.cases[i].id);
                const auto scenes = everyPage(context, ScreenId::Case, static_cast<int>(i));
                count(scenes, "case-text", "case " + s.pack.cases[i].id);
                count(scenes, "case-story", "case " + s.pack.cases[i].id);
                if (panel7) {
                    CHECK(runOf(scenes, "case-text", s.graphics->measurer()).pages <=
                          screens::kMaxReadingPages);
                    for (const auto& scene : scenes)
                        for (const char* id : {"case-text", "case-story"})
                            if (const Widget* words = scene.find(id))
                                CHECK(words->style.px >= metrics.readingPx());
                }
            }
            std::cout << where << ": " << bad
                      << " story, timeline and case pages under 70% full or ending mid-sentence\n";
        }
    }
    // None but the listed; one listed that now reads well (the fonts' widths moved, or its sentence was
    // split) is named, to be taken off the list.
    for (const auto& text : readBadly) {
        CAPTURE(text);
        CHECK(kFirstSentenceTooLong.count(text) == 1);
    }
    for (const auto& text : kFirstSentenceTooLong)
        if (readBadly.count(text) == 0) WARN(text << " now reads well: take it off kFirstSentenceTooLong");
}
