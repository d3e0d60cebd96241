#include "layout/Pagination.h"

#include "FakeMeasurer.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::layout;
using kiosk::layout::testing::FakeMeasurer;

namespace {

std::vector<std::string> allLines(const std::vector<TextBlock>& pages) {
    std::vector<std::string> out;
    for (const auto& page : pages) {
        for (const auto& line : page.lines)
            out.push_back(line.text);
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

TEST_CASE("paginate keeps every line exactly once, in order, and each page fits", "[layout]") {
    FakeMeasurer m;
    const FontSpec font{"en", 20};
    for (int height : {30, 45, 75, 100, 140, 200, 1000}) {
        CAPTURE(height);
        const Size box{300, height};
        const auto pages = paginate(kStory, box, font, m);
        const auto whole = layoutParagraphs(kStory, {300, 100000}, font, m);
        CHECK(allLines(pages) == texts(whole));
        for (const auto& page : pages) {
            CHECK_FALSE(page.lines.empty());
            CHECK(page.height <= box.h);
            CHECK_FALSE(page.overflow);
            CHECK(page.lineTops.size() == page.lines.size());
            CHECK(page.lineTops.front() == 0);  // no paragraph gap at a page's top
        }
    }
}

TEST_CASE("paginate avoids a paragraph's last line alone at the top of a page", "[layout]") {
    FakeMeasurer m;
    // A paragraph of four lines after a one-line paragraph; a box of four lines plus a gap would leave
    // "ddd" alone on page two, so "ccc" goes with it.
    const std::string text = "intro\n\naaa bbb ccc ddd";
    const FontSpec font{"en", 20};  // lines of 30 px, gap 15
    const auto pages = paginate(text, {50, 135}, font, m);
    REQUIRE(pages.size() == 2);
    CHECK(texts(pages[0]) == std::vector<std::string>{"intro", "aaa", "bbb"});
    CHECK(texts(pages[1]) == std::vector<std::string>{"ccc", "ddd"});
}

TEST_CASE("paginate avoids a paragraph's first line alone at the foot of a page", "[layout]") {
    FakeMeasurer m;
    const std::string text = "one two\n\nthree four five";
    const auto pages = paginate(text, {50, 105}, {"en", 20}, m);  // holds "one", "two", gap, one more
    REQUIRE(pages.size() == 2);
    CHECK(texts(pages[0]) == std::vector<std::string>{"one", "two"});
    CHECK(texts(pages[1]) == std::vector<std::string>{"three", "four", "five"});
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

TEST_CASE("paginate ends a page between paragraphs, else after a sentence, rather than mid-sentence",
          "[layout]") {
    FakeMeasurer m;  // 10 px a letter at 20 px, lines 30 px high, paragraph gap 15 px
    const FontSpec font{"en", 20};
    const Size box{100, 30 * 5 + 15};  // five lines and one gap
    // Three lines, then four: the page ends after the first paragraph, not two lines into the second.
    const auto byParagraph =
        paginate("aaaa bbbb cccc dddd eeee ffff\n\ngggg hhhh iiii jjjj kkkk llll mmmm nnnn", box, font, m);
    REQUIRE(byParagraph.size() == 2);
    CHECK(byParagraph[0].lines.size() == 3);
    // One long paragraph of short sentences: the page ends after the last sentence that fits.
    const auto bySentence =
        paginate("aaaa bbbb. cccc dddd eeee ffff. gggg hhhh iiii jjjj kkkk llll", box, font, m);
    REQUIRE(bySentence.size() == 2);
    CHECK(bySentence[0].lines.back().text == "eeee ffff.");
}
