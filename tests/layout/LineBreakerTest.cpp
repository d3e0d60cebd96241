#include "layout/LineBreaker.h"

#include "core/Utf8.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kiosk::layout;

namespace {
std::vector<std::size_t> offsets(const std::vector<BreakOpportunity>& breaks) {
    std::vector<std::size_t> out;
    for (const auto& b : breaks)
        out.push_back(b.offset);
    return out;
}
}  // namespace

TEST_CASE("English breaks after spaces, not inside words", "[layout]") {
    const auto breaks = findLineBreaks("Stop torture now", "en");
    CHECK(offsets(breaks) == std::vector<std::size_t>{5, 13});
    CHECK_FALSE(breaks[0].mandatory);
}

TEST_CASE("a newline is a mandatory break", "[layout]") {
    const auto breaks = findLineBreaks("one\ntwo three", "en");
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0] == BreakOpportunity{4, true});
    CHECK(breaks[1] == BreakOpportunity{8, false});
}

TEST_CASE("Chinese breaks between characters but never before closing punctuation", "[layout]") {
    // 酷刑，停止。: each character is three bytes.
    const std::string text = "酷刑，停止。";
    const auto breaks = offsets(findLineBreaks(text, "zh"));
    CHECK(breaks == std::vector<std::size_t>{3, 9, 12});  // after 酷, after ，, after 停
}

TEST_CASE("Chinese never ends a line between a number and its unit or counter", "[layout]") {
    // 于2014年有141个: 于 is bytes 0-2, 2014 bytes 3-6, 年 7-9, 有 10-12, 141 13-15, 个 16-18.
    const std::string text = "于2014年有141个";
    const auto breaks = offsets(findLineBreaks(text, "zh"));
    CHECK(std::find(breaks.begin(), breaks.end(), 7u) == breaks.end());   // not 2014 / 年
    CHECK(std::find(breaks.begin(), breaks.end(), 16u) == breaks.end());  // not 141 / 个
    CHECK(std::find(breaks.begin(), breaks.end(), 10u) != breaks.end());  // after 年 is fine
}

TEST_CASE("Tamil words are unbreakable and vowel signs are combining marks", "[layout]") {
    const std::string text = "சித்திரவதை ஒரு குற்றம்";
    const auto breaks = findLineBreaks(text, "ta");
    REQUIRE(breaks.size() == 2);
    CHECK(text.substr(0, breaks[0].offset) == "சித்திரவதை ");
    CHECK(isCombiningMark(0x0BC8));        // vowel sign ai
    CHECK(isCombiningMark(0x0BC1));        // vowel sign u
    CHECK(isCombiningMark(0x0301));        // combining acute
    CHECK_FALSE(isCombiningMark(0x0B95));  // ka
    CHECK_FALSE(isCombiningMark('a'));
}

TEST_CASE("clusters keep a consonant with its vowel sign", "[layout]") {
    const std::string text = "கை a\xCC\x81";  // கை, space, a + combining acute
    const auto ends = clusterEnds(text);
    REQUIRE(ends.size() == 3);
    CHECK(text.substr(0, ends[0]) == "கை");
    CHECK(ends[2] == text.size());
}
