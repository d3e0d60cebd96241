#include "layout/TextFit.h"

#include "support/FakeMeasurer.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::layout;
using kiosk::testing::FakeMeasurer;

TEST_CASE("fitText keeps the preferred size when it fits", "[layout]") {
    FakeMeasurer m;
    const auto block = fitText("Stop torture", {400, 100}, {"en", 24}, 12, m);
    CHECK(block.font.px == 24);
    CHECK_FALSE(block.overflow);
}

TEST_CASE("fitText picks the largest size that fits", "[layout]") {
    FakeMeasurer m;
    const std::string text = "aaaa bbbb cccc dddd";
    const Size box{100, 52};
    // 24 px: 12 px a letter, four lines, too tall. 21 px: two lines of 27 px, too tall. 20 px: 52 px, fits.
    for (int px = 24; px > 20; --px)
        CHECK(layoutParagraphs(text, box, {"en", px}, m).overflow);
    const auto block = fitText(text, box, {"en", 24, true}, 10, m);
    CHECK(block.font.px == 20);
    CHECK(block.font.bold);
    CHECK_FALSE(block.overflow);
    CHECK(block.height <= box.h);
    CHECK(block.lines.size() == 2);
}

TEST_CASE("fitText finds the largest fitting size to the pixel", "[layout]") {
    FakeMeasurer m;
    // One line of 10 letters: it fits a 100 px wide box up to 20 px (10 letters of px/2).
    for (int preferred : {21, 30, 47, 64}) {
        CAPTURE(preferred);
        const auto block = fitText("abcdefghij", {100, 1000}, {"en", preferred}, 8, m);
        CHECK(block.font.px == 20);
        CHECK_FALSE(block.overflow);
    }
}

TEST_CASE("fitText gives the minimum size with overflow when nothing fits", "[layout]") {
    FakeMeasurer m;
    const auto block = fitText("far too much text for so small a box", {60, 20}, {"en", 24}, 13, m);
    CHECK(block.font.px == 13);
    CHECK(block.overflow);
    CHECK_FALSE(block.lines.empty());
}
