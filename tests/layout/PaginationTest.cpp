#include "layout/Pagination.h"

#include "support/FakeMeasurer.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::layout;
using kiosk::testing::FakeMeasurer;

namespace {

std::vector<std::string> allLines(const std::vector<TextBlock>& pages) {
    std::vector<std::string> out;
    for (const auto& page : pages) {
        for (const auto& line : page.lines)
            out.push_back(line.text);
    }
    return out;
}

std::vector<std::string> words(const std::vector<std::string>& texts) {
    std::vector<std::string> out;
    for (const auto& text : texts) {
        std::string word;
        for (const char c : text + " ") {
            if (c != ' ' && c != '\n') {
                word += c;
            } else if (!word.empty()) {
                out.push_back(word);
                word.clear();
            }
        }
    }
    return out;
}

std::vector<std::string> texts(const TextBlock& block) {
    std::vector<std::string> out;
    for (const auto& line : block.lines)
        out.push_back(line.text);
    return out;
}

const std::string kStory =
    "In 2014 the committee heard testimony from families of detainees who had died in custody.\n\n"
    "Torture is never justified. Every state that signed the convention promised to prevent it, "
    "to investigate every allegation and to punish those responsible.\n\n"
    "Add your name.\n\n"
    "We will deliver the pledges to parliament together with the stories of the families, so that "
    "nobody can say they did not know what happens behind the walls of a lock-up.";

}  // namespace

TEST_CASE("paginate keeps every word exactly once, in order, each page fits and fills", "[layout]") {
    FakeMeasurer m;
    const FontSpec font{"en", 20};
    for (int height : {30, 45, 75, 100, 140, 200, 1000}) {
        CAPTURE(height);
        const Size box{300, height};
        const auto pages = paginate(kStory, box, font, m);
        CHECK(words(allLines(pages)) == words({kStory}));
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const auto& page = pages[i];
            CHECK_FALSE(page.lines.empty());
            CHECK(page.height <= box.h);
            CHECK_FALSE(page.overflow);
            CHECK(page.lineTops.size() == page.lines.size());
            CHECK(page.lineTops.front() == 0);  // no paragraph gap at a page's top
            // Under 70% only when the next paragraph's gap and first line would not fit (boxes under 150 px).
            if (i + 1 < pages.size() && box.h >= 150) CHECK(page.height * 100 >= box.h * kMinPageFillPercent);
        }
    }
}

TEST_CASE("paginate avoids a paragraph's last line alone at the top of a page", "[layout]") {
    FakeMeasurer m;
    // A paragraph of four lines after a one-line paragraph; a box of four lines plus a gap would leave
    // "ddd" alone on page two, so "ccc" goes with it.
    const std::string text = "intro\n\naaa bbb ccc ddd";
    const FontSpec font{"en", 20};  // lines of 26 px, gap 13
    const auto pages = paginate(text, {50, 26 * 4 + 13}, font, m);
    REQUIRE(pages.size() == 2);
    CHECK(texts(pages[0]) == std::vector<std::string>{"intro", "aaa", "bbb"});
    CHECK(texts(pages[1]) == std::vector<std::string>{"ccc", "ddd"});
}

TEST_CASE("paginate leaves a paragraph's first line for the next page when the page stays 70% full",
          "[layout]") {
    FakeMeasurer m;
    const std::string text = "a b c d\n\ne f g";
    const auto pages = paginate(text, {20, 26 * 5 + 13}, {"en", 20}, m);  // holds "a" to "d", gap, one more
    REQUIRE(pages.size() == 2);
    CHECK(texts(pages[0]) == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(texts(pages[1]) == std::vector<std::string>{"e", "f", "g"});
}

TEST_CASE("paginate overflows only for a line too wide, and a blank text has one empty page", "[layout]") {
    FakeMeasurer m;
    const auto pages = paginate("ok\n\nincomprehensibilities", {100, 30}, {"en", 20}, m);
    REQUIRE(pages.size() >= 3);
    CHECK_FALSE(pages[0].overflow);
    CHECK(pages[1].overflow);
    const auto blank = paginate(" \n\n ", {100, 100}, {"en", 20}, m);
    REQUIRE(blank.size() == 1);
    CHECK(blank[0].lines.empty());
}

TEST_CASE("paginate ends a page at the last paragraph or sentence end that leaves it 70% full", "[layout]") {
    FakeMeasurer m;  // 10 px a letter at 20 px, lines 26 px high, paragraph gap 13 px
    const FontSpec font{"en", 20};
    const Size box{100, 26 * 5 + 13};  // five lines and one gap; 70% is 100 px, the fourth line's foot
    // Three lines, then four: a page ending after the first paragraph would be 55% full, so it goes on.
    const auto byParagraph =
        paginate("aaaa bbbb cccc dddd eeee ffff\n\ngggg hhhh iiii jjjj kkkk llll mmmm nnnn", box, font, m);
    REQUIRE(byParagraph.size() == 2);
    CHECK(byParagraph[0].lines.size() == 5);
    // Four lines, then three: the page ends after the first paragraph (80% full).
    const auto atParagraph =
        paginate("aaaa bbbb cccc dddd eeee ffff gggg\n\nhhhh iiii jjjj kkkk llll mmmm", box, font, m);
    REQUIRE(atParagraph.size() == 2);
    CHECK(texts(atParagraph[0]).back() == "gggg");
    // A sentence ending mid-line on the fifth line: the page ends there, the next starts with the next one.
    const auto bySentence =
        paginate("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii. jjjj kkkk llll mmmm nnnn", box, font, m);
    REQUIRE(bySentence.size() == 2);
    CHECK(texts(bySentence[0]).back() == "iiii.");
    CHECK(texts(bySentence[1]).front() == "jjjj kkkk");
    // "U.N." is no sentence's end.
    const auto abbreviation =
        paginate("aaaa bbbb cccc dddd eeee ffff gggg hhhh U.N. jjjj kkkk llll mmmm nnnn", box, font, m);
    REQUIRE(abbreviation.size() == 2);
    CHECK(texts(abbreviation[0]).back() == "U.N. jjjj");
    // Chinese ends a sentence at "。" without a space.
    const auto chinese =
        paginate("一二三四五六七八九十一二三四五六七八九十一二。四五六七八九十", {100, 26 * 5}, font, m);
    REQUIRE(chinese.size() == 2);
    CHECK(texts(chinese[0]).back() == "一二。");
    CHECK(texts(chinese[1]).front() == "四五六七八");
}

TEST_CASE("paginate gives the first page its own size and the others theirs", "[layout]") {
    FakeMeasurer m;
    const FontSpec font{"en", 20};
    const std::string text =
        "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp";
    const auto pages = paginate(text, {50, 60}, {100, 300}, font, m);  // two 4-letter lines, then wide pages
    REQUIRE(pages.size() == 2);
    CHECK(texts(pages[0]) == std::vector<std::string>{"aaaa", "bbbb"});
    CHECK(texts(pages[1]).front() == "cccc dddd");
    CHECK(words(allLines(pages)) == words({text}));
}

TEST_CASE("a page that ends at a sentence mid-line stays 70% full once its words wrap on their own",
          "[layout]") {
    // A paragraph whose last line would hold one word wraps a little narrower to give it company, which pulls
    // words down; a page cut at a sentence end is then laid out without the words after it and may take a
    // line fewer. Whatever the box, every page but the last is as full as the rule says.
    FakeMeasurer m;
    const FontSpec font{"en",
                        20};  // letters 10 px, lines 26 px: from 78 px a box holds whole lines that fill 70%
    const std::string text = "The UN General Assembly adopts the Universal Declaration of Human Rights. Its "
                             "first article says all "
                             "human beings are born free and equal in dignity and rights.";
    std::string firstUnderFull;  // the first box with a page under 70% full before the last, and its pages
    int boxes = 0;
    for (int width = 150; width <= 600 && firstUnderFull.empty(); ++width)
        for (int height = 78; height <= 110 && firstUnderFull.empty(); ++height) {
            const auto pages = paginate(text, {width, height}, font, m);
            ++boxes;
            REQUIRE(words(allLines(pages)) == words({text}));
            for (std::size_t i = 0; i + 1 < pages.size(); ++i)
                if (pages[i].height * 100 < height * kMinPageFillPercent) {
                    firstUnderFull = std::to_string(width) + "x" + std::to_string(height) + ": page " +
                                     std::to_string(i) + " is " + std::to_string(pages[i].height) +
                                     " px of " + std::to_string(height);
                    break;
                }
        }
    CHECK(firstUnderFull == "");  // names the box when not
    CHECK(boxes == 451 * 33);
}

TEST_CASE("a sentence's end is told as the paginator tells it, in each script", "[layout]") {
    CHECK(endsSentence("Add your name."));
    CHECK(endsSentence("Is it?  "));
    CHECK(endsSentence("\"Torture in 2014: 30 Years of Broken Promises\"."));
    CHECK(endsSentence("They said \"never again.\""));
    CHECK(endsSentence("(in English.)"));
    CHECK(endsSentence("请发出您的声音。"));
    CHECK(endsSentence("“制止酷刑”运动正是随这份简报启动的。”"));
    CHECK(endsSentence("மலேசியா அங்கீகரிக்கவில்லை."));
    CHECK(endsSentence("first line\nsecond line."));
    CHECK_FALSE(endsSentence(""));
    CHECK_FALSE(endsSentence("Add your voice to"));
    CHECK_FALSE(endsSentence("the U.N."));
    CHECK_FALSE(endsSentence("2024 வரை, ஐ.நா."));
    CHECK_FALSE(endsSentence("请支持国际特赦组织马来西亚分会对政"));
    CHECK_FALSE(endsSentence("first line.\nsecond line"));
}

TEST_CASE("each page says whether it ends mid-sentence, and pages read well only without that and full",
          "[layout]") {
    FakeMeasurer m;  // 10 px a letter at 20 px, lines 26 px high
    const FontSpec font{"en", 20};
    const Size box{100, 26 * 3};  // three 10-letter lines; 70% is the third line's foot
    // A sentence end on the third line: the page ends there.
    const auto atSentence = paginate("aaaa bbbb cccc dddd eeee. ffff gggg hhhh", box, font, m);
    REQUIRE(atSentence.size() == 2);
    CHECK_FALSE(atSentence[0].endsMidSentence);
    CHECK_FALSE(atSentence[1].endsMidSentence);  // the text's end
    CHECK(pagesReadWell(atSentence, box, box));
    // One sentence over two pages: the first ends mid-sentence.
    const auto midSentence = paginate("aaaa bbbb cccc dddd eeee ffff gggg hhhh.", box, font, m);
    REQUIRE(midSentence.size() == 2);
    CHECK(midSentence[0].endsMidSentence);
    CHECK_FALSE(pagesReadWell(midSentence, box, box));
    // A paragraph's end is a page's good end too.
    const auto atParagraph =
        paginate("aaaa bbbb cccc dddd eeee\n\nffff gggg hhhh", {100, 26 * 3 + 13}, font, m);
    REQUIRE(atParagraph.size() == 2);
    CHECK_FALSE(atParagraph[0].endsMidSentence);
    // A box too short for 70% of it in whole lines: a page of one line in a box of 1.8.
    const Size low{100, 26 * 18 / 10};
    const auto underFull = paginate("aaaa. bbbb. cccc.", low, font, m);
    REQUIRE(underFull.size() == 3);
    CHECK_FALSE(underFull[0].endsMidSentence);
    CHECK_FALSE(pagesReadWell(underFull, low, low));
    // The first page's own box counts for the first page.
    CHECK(pagesReadWell(underFull, low, {100, 26}) == false);
    CHECK(pagesReadWell(paginate("aaaa. bbbb.", {100, 26}, low, font, m), {100, 26}, low));
}

TEST_CASE(
    "paginate ends a page earlier when that lets a long sentence start the next and every page read well",
    "[layout]") {
    FakeMeasurer m;  // 10 px a letter at 20 px, lines 26 px high
    const FontSpec font{"en", 20};
    const Size box{100, 26 * 4};  // four 10-letter lines; 70% is the third line's foot
    // Ending page 1 at its latest sentence end ("gggg.") leaves "hhhh ... kkkk." too short for page 2's lower
    // part and the sentence after it too long: page 2 would end mid-sentence. Ending page 1 at "ffff." lets
    // page 2 end at "kkkk.", 75% full.
    const std::string text = "aaaa bbbb. cccc dddd eeee ffff. gggg. hhhh iiii jjjj kkkk. llll mmmm nnnn oooo "
                             "pppp qqqq rrrr ssss.";
    const auto pages = paginate(text, box, font, m);
    REQUIRE(pages.size() == 3);
    CHECK(texts(pages[0]).back() == "eeee ffff.");
    CHECK(texts(pages[1]).back() == "kkkk.");
    CHECK(pagesReadWell(pages, box, box));
    CHECK(words(allLines(pages)) == words({text}));
}
