// Single-value rules: ids, form keys, language codes, dates, URLs and colours.
#include "content/ValueRules.h"

#include <catch2/catch.hpp>

using namespace kiosk::content;

TEST_CASE("ids are lower-case letters, digits and dashes", "[content]") {
    CHECK(isValidId("stop-torture-2024"));
    CHECK_FALSE(isValidId(""));
    CHECK_FALSE(isValidId("Stop"));
    CHECK_FALSE(isValidId("a_b"));
    CHECK(suggestId("Yecenia Armenta!") == "yecenia-armenta");
    CHECK(suggestId("!!!") == "my-id");
}

TEST_CASE("form keys also allow underscores", "[content]") {
    CHECK(isValidFormKey("negeri-sembilan"));
    CHECK(isValidFormKey("full_name"));
    CHECK_FALSE(isValidFormKey(""));
    CHECK_FALSE(isValidFormKey("Kuala Lumpur"));
    CHECK_FALSE(isValidFormKey("pulau.pinang"));
}

TEST_CASE("language codes are ISO 639 codes with optional subtags", "[content]") {
    CHECK(isValidLanguageCode("en"));
    CHECK(isValidLanguageCode("zh-Hans"));
    CHECK(isValidLanguageCode("fil"));
    CHECK_FALSE(isValidLanguageCode("e"));
    CHECK_FALSE(isValidLanguageCode("EN"));
    CHECK_FALSE(isValidLanguageCode("en-"));
    CHECK_FALSE(isValidLanguageCode("english"));
}

TEST_CASE("timeline dates accept year, month and day precision and sort by them", "[content]") {
    CHECK(parseTimelineDate("1948") == TimelineDate{1948, 0, 0});
    CHECK(parseTimelineDate("1984-12") == TimelineDate{1984, 12, 0});
    CHECK(parseTimelineDate("2024-02-29") == TimelineDate{2024, 2, 29});
    CHECK_FALSE(parseTimelineDate("2023-02-29"));
    CHECK_FALSE(parseTimelineDate("1900-02-29"));
    CHECK(parseTimelineDate("2000-02-29"));
    CHECK_FALSE(parseTimelineDate("1984-13"));
    CHECK_FALSE(parseTimelineDate("1984-00"));
    CHECK_FALSE(parseTimelineDate("84-12-01"));
    CHECK_FALSE(parseTimelineDate("1984/12/01"));
    CHECK(*parseTimelineDate("1948") < *parseTimelineDate("1948-01"));
    CHECK(*parseTimelineDate("1948-12-10") < *parseTimelineDate("1949"));
}

TEST_CASE("URLs must be short https links", "[content]") {
    CHECK_FALSE(urlProblem("https://www.amnesty.my/"));
    CHECK(urlProblem("http://www.amnesty.my/")->find("use https://www.amnesty.my/") != std::string::npos);
    CHECK(urlProblem("www.amnesty.my")->find("must start with https://") != std::string::npos);
    CHECK(urlProblem("https://")->find("has no host") != std::string::npos);
    CHECK(urlProblem("https://a.my/two words")->find("%20") != std::string::npos);
    CHECK_FALSE(urlProblem("https://a.my/" + std::string(287, 'x')));  // exactly 300 bytes
    CHECK(urlProblem("https://a.my/" + std::string(288, 'x'))->find("301 bytes") != std::string::npos);
}

TEST_CASE("theme colours are exactly #rrggbb", "[content]") {
    CHECK(parseThemeColor("#ffe600") == kiosk::Color{0xff, 0xe6, 0x00, 255});
    CHECK_FALSE(parseThemeColor("#ffe60080"));
    CHECK_FALSE(parseThemeColor("#fff"));
    CHECK_FALSE(parseThemeColor("yellow"));
}
