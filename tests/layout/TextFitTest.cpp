#include "layout/TextFit.h"

#include "FakeMeasurer.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::layout;
using kiosk::layout::testing::FakeMeasurer;

TEST_CASE("fitText keeps the preferred size when it fits", "[layout]") {
    FakeMeasurer m;
    const auto block = fitText("Stop torture", {400, 100}, {"en", 24}, 12, m);
    CHECK(block.font.px == 24);
    CHECK_FALSE(block.overflow);
}

TEST_CASE("fitText picks the largest size that fits", "[layout]") {
    FakeMeasurer m;
    const std::string text = "aaaa bbbb cccc dddd";
    const Size box{100, 60};
    // 24 px: 12 px a letter, four lines, too tall. 22 px: two lines of 33 px, too tall. 20 px: 60 px, fits.
    CHECK(layoutParagraphs(text, box, {"en", 24}, m).overflow);
    CHECK(layoutParagraphs(text, box, {"en", 22}, m).overflow);
    const auto block = fitText(text, box, {"en", 24, true}, 10, m);
    CHECK(block.font.px == 20);
    CHECK(block.font.bold);
    CHECK_FALSE(block.overflow);
    CHECK(block.height <= box.h);
    CHECK(block.lines.size() == 2);
}

TEST_CASE("fitText gives the minimum size with overflow when nothing fits", "[layout]") {
    FakeMeasurer m;
    const auto block = fitText("far too much text for so small a box", {60, 20}, {"en", 24}, 13, m);
    CHECK(block.font.px == 13);
    CHECK(block.overflow);
    CHECK_FALSE(block.lines.empty());
}
