// Typing into the form: limits in code points, backspace by character, wiping on clear.
#include "form/FormState.h"

#include "support/TestForm.h"

#include <catch2/catch.hpp>

using namespace kiosk::form;

TEST_CASE("typing past a field's limit is refused and leaves the value as it was", "[pledge]") {
    Form form = test::stopTortureForm();
    form.fields[0].maxLength = 5;
    FormState state(form);
    REQUIRE(state.type("name", "Ali"));
    REQUIRE(state.type("name", "ya"));
    CHECK_FALSE(state.type("name", "h"));
    CHECK(state.value("name") == "Aliya");
    CHECK(state.length("name") == 5);
}

TEST_CASE("the limit counts code points, not bytes", "[pledge]") {
    Form form = test::stopTortureForm();
    form.fields[0].maxLength = 3;
    FormState state(form);
    REQUIRE(state.type("name", "陈"));  // three bytes, one code point
    REQUIRE(state.type("name", "美玲"));
    CHECK_FALSE(state.type("name", "a"));
    CHECK(state.length("name") == 3);
}

TEST_CASE("a paste that would overflow is refused whole", "[pledge]") {
    Form form = test::stopTortureForm();
    form.fields[0].maxLength = 4;
    FormState state(form);
    REQUIRE(state.type("name", "ab"));
    CHECK_FALSE(state.type("name", "cde"));
    CHECK(state.value("name") == "ab");
}

TEST_CASE("ill-formed UTF-8 and unknown fields are refused", "[pledge]") {
    FormState state(test::stopTortureForm());
    CHECK_FALSE(state.type("name", "\xC3"));
    CHECK_FALSE(state.type("name", "\xC0\xAF"));  // overlong '/'
    CHECK_FALSE(state.type("nickname", "x"));
    CHECK(state.value("name").empty());
}

TEST_CASE("backspace takes a Tamil syllable together with its vowel sign", "[pledge]") {
    FormState state(test::stopTortureForm());
    REQUIRE(state.type("name", "கை"));  // KA + AI vowel sign
    REQUIRE(state.type("name", "லா"));  // LA + AA vowel sign
    REQUIRE(state.backspace("name"));
    CHECK(state.value("name") == "கை");
    CHECK(state.length("name") == 2);
    REQUIRE(state.backspace("name"));
    CHECK(state.value("name").empty());
    CHECK_FALSE(state.backspace("name"));
}

TEST_CASE("backspace removes one multi-byte character, not one byte", "[pledge]") {
    FormState state(test::stopTortureForm());
    REQUIRE(state.type("name", "Zoë陈"));
    REQUIRE(state.backspace("name"));
    CHECK(state.value("name") == "Zoë");
    REQUIRE(state.backspace("name"));
    CHECK(state.value("name") == "Zo");
}

TEST_CASE("clear empties every field", "[pledge]") {
    FormState state(test::stopTortureForm());
    REQUIRE(state.type("name", "Aliya"));
    REQUIRE(state.type("email", "aliya@example.com"));
    state.clear();
    CHECK(state.value("name").empty());
    CHECK(state.value("email").empty());
    CHECK(state.length("name") == 0);
    REQUIRE(state.type("name", "B"));
    CHECK(state.value("name") == "B");
}

TEST_CASE("set replaces a choice and obeys the limit", "[pledge]") {
    Form form = test::stopTortureForm();
    FormState state(form);
    REQUIRE(state.set("state", "selangor"));
    REQUIRE(state.set("state", "sabah"));
    CHECK(state.value("state") == "sabah");
    CHECK_FALSE(state.set("state", std::string(41, 'x')));
    CHECK(state.value("state") == "sabah");
}

TEST_CASE("a typo mid-word is fixed where the caret is placed, not by deleting back to it", "[pledge]") {
    Form form = test::stopTortureForm();
    FormState state(form);
    REQUIRE(state.type("name", "Prya Raman"));
    CHECK(state.caret("name") == 10);
    state.placeCaret("name", 2);  // between "Pr" and "ya"
    REQUIRE(state.type("name", "i"));
    CHECK(state.value("name") == "Priya Raman");
    CHECK(state.caret("name") == 3);
    REQUIRE(state.backspace("name"));
    REQUIRE(state.backspace("name"));
    CHECK(state.value("name") == "Pya Raman");  // "i" and "r" before the caret went; what follows stays
    CHECK(state.length("name") == 9);
    CHECK(state.caret("name") == 1);
    state.placeCaret("name", 0);
    CHECK_FALSE(state.backspace("name"));  // nothing before the caret
    CHECK(state.value("name") == "Pya Raman");
}

TEST_CASE("the caret never splits a character, and backspace before it takes a Tamil syllable whole",
          "[pledge]") {
    Form form = test::stopTortureForm();
    FormState state(form);
    REQUIRE(state.type("name", "பிரியா"));  // பி ரி யா: three syllables of two code points each
    state.placeCaret("name", 4);            // inside the vowel sign of பி
    CHECK(state.caret("name") == 0);        // back to where its syllable starts
    state.placeCaret("name", 9);            // between ர and its vowel sign
    CHECK(state.caret("name") == 6);
    state.placeCaret("name", 6);  // after பி
    REQUIRE(state.backspace("name"));
    CHECK(state.value("name") == "ரியா");
    CHECK(state.caret("name") == 0);
    state.placeCaret("name", 1000);
    CHECK(state.caret("name") == state.value("name").size());
    REQUIRE(state.set("name", "Ali"));
    CHECK(state.caret("name") == 3);
    state.clear();
    CHECK(state.caret("name") == 0);
}
