#include "core/Navigator.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("next walks pages, then items, and stops at the end", "[core]") {
    Navigator nav({.slides = 3, .storySections = 2});
    nav.open(ScreenId::Story);
    nav.setPageCount(2);
    REQUIRE(nav.next());
    CHECK(nav.view() == View{ScreenId::Story, 0, 1});
    REQUIRE(nav.next());
    CHECK(nav.view() == View{ScreenId::Story, 1, 0});
    nav.setPageCount(1);
    CHECK_FALSE(nav.next());
}

TEST_CASE("previous from an item's first page lands on the previous item's last page", "[core]") {
    Navigator nav({.timelineEntries = 3});
    nav.open(ScreenId::Timeline, 2);
    REQUIRE(nav.previous());
    nav.setPageCount(3);  // layout learns the previous entry has three pages
    CHECK(nav.view() == View{ScreenId::Timeline, 1, 2});
}

TEST_CASE("back goes up one level", "[core]") {
    Navigator nav({.cases = 2});
    nav.open(ScreenId::Case, 1);
    nav.back();
    CHECK(nav.view().screen == ScreenId::Cases);
    nav.back();
    CHECK(nav.view().screen == ScreenId::Home);
    nav.back();
    CHECK(nav.view().screen == ScreenId::Attract);
}

TEST_CASE("slides wrap around", "[core]") {
    Navigator nav({.slides = 2});
    nav.nextSlide();
    CHECK(nav.view().item == 1);
    nav.nextSlide();
    CHECK(nav.view().item == 0);
}

TEST_CASE("opening an item out of range clamps it", "[core]") {
    Navigator nav({.cases = 2});
    nav.open(ScreenId::Case, 7);
    CHECK(nav.view().item == 1);
}
