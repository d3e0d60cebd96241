#include "core/TextEscape.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep other text", "[core]") {
    CHECK(jsonString("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
    CHECK(jsonString("a\nb\tc\x01") == "\"a\\nb\\tc\\u0001\"");
    CHECK(jsonString("முருகன் 陈美玲") == "\"முருகன் 陈美玲\"");
}

TEST_CASE("HTML escaping makes text safe in elements and quoted attributes", "[core]") {
    CHECK(htmlEscape("<b>\"Tan\" & 'Lim'</b>") == "&lt;b&gt;&quot;Tan&quot; &amp; &#39;Lim&#39;&lt;/b&gt;");
}
