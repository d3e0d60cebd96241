#include "layout/LineQuality.h"

#include "support/FakeMeasurer.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::layout;
using kiosk::testing::FakeMeasurer;

TEST_CASE("a single word on a paragraph's last line is reported", "[layout]") {
    FakeMeasurer m;
    CHECK(hasLonelyLastLine(layoutParagraphs("The quick brown fox jumps", {100, 500}, {"en", 20}, m)));
    CHECK_FALSE(hasLonelyLastLine(layoutParagraphs("The quick brown fox", {100, 500}, {"en", 20}, m)));
    // A one-line paragraph is not lonely however short.
    CHECK_FALSE(hasLonelyLastLine(layoutParagraphs("Act", {100, 500}, {"en", 20}, m)));
}

TEST_CASE("a single Chinese character on a paragraph's last line is reported", "[layout]") {
    FakeMeasurer m;
    // Wrapping avoids this where it can, so the block is built by hand.
    TextBlock block;
    block.font = {"zh", 20};
    block.lines = {{"我们反对酷", 100, 0, false}, {"刑", 20, 1, true}};
    CHECK(hasLonelyLastLine(block));
    CHECK_FALSE(hasLonelyLastLine(layoutParagraphs("我们反对酷刑人权", {100, 500}, {"zh", 20}, m)));
}

TEST_CASE("a single Tamil word on a paragraph's last line is reported", "[layout]") {
    FakeMeasurer m;
    CHECK(hasLonelyLastLine(layoutParagraphs("ஒரு குற்றம் அதை", {120, 500}, {"ta", 20}, m)));
}
