#include "core/Utf8.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("UTF-8 round-trips and broken bytes become replacement characters", "[core]") {
    const std::string text = "a é 酷 😀";
    CHECK(toUtf8(toUtf32(text)) == text);
    CHECK(toUtf32("a\xFF"
                  "b") == U"a\uFFFDb");
    CHECK(toUtf32("\xE9\x85") == U"\uFFFD\uFFFD");  // truncated sequence
    CHECK(toUtf32("\xC0\xAF") == U"\uFFFD\uFFFD");  // overlong slash
}

TEST_CASE("strict decoding refuses what is not a character and leaves the position alone", "[core]") {
    std::size_t pos = 0;
    const std::string tamil = "கை";
    CHECK(decodeCodePoint(tamil, pos) == U'க');
    CHECK(pos == 3);
    for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE9\x85"}) {
        std::size_t at = 0;
        CHECK_FALSE(decodeCodePoint(bad, at));
        CHECK(at == 0);
    }
}
