// Validation of the pledge form: what a signer is told, in each language, and what is kept normalised.
#include "form/Validation.h"

#include "support/TestForm.h"

#include <catch2/catch.hpp>
#include <set>
#include <vector>

using namespace kiosk::form;

namespace {

Validation fill(const std::string& name, const std::string& email, const std::string& phone = "",
                const std::string& state = "", bool sign = true) {
    static const Form form = test::stopTortureForm();
    FormState values(form);
    values.type("name", name);
    values.type("email", email);
    values.type("phone", phone);
    values.set("state", state);
    return validate(form, values, {{"sign", sign}});
}

}  // namespace

TEST_CASE("a complete form passes with normalised values", "[pledge]") {
    const auto result = fill("  Aliya binti Ahmad ", " Aliya@Example.COM ", "+60 12-345 6789", "penang");
    REQUIRE(result.ok());
    CHECK(result.values.at("name") == "Aliya binti Ahmad");
    CHECK(result.values.at("email") == "Aliya@example.com");
    CHECK(result.values.at("phone") == "+60123456789");
    CHECK(result.values.at("state") == "penang");
}

TEST_CASE("empty optional fields are left out", "[pledge]") {
    const auto result = fill("Aliya", "aliya@example.com");
    REQUIRE(result.ok());
    CHECK(result.values.count("phone") == 0);
    CHECK(result.values.count("state") == 0);
}

TEST_CASE("required fields and consents are reported", "[pledge]") {
    const auto result = fill("   ", "", "", "", false);
    CHECK(result.problemFor("name") == Problem::Missing);
    CHECK(result.problemFor("email") == Problem::Missing);
    CHECK(result.problemFor("sign") == Problem::ConsentRequired);
    CHECK_FALSE(result.problemFor("phone"));
    CHECK_FALSE(result.problemFor("updates"));
}

TEST_CASE("Malaysian phone numbers in +60 and local forms become E.164", "[pledge]") {
    CHECK(normalisePhone("+60 12-345 6789") == "+60123456789");
    CHECK(normalisePhone("012-345 6789") == "+60123456789");
    CHECK(normalisePhone("0123456789") == "+60123456789");
    CHECK(normalisePhone("03-1234 5678") == "+60312345678");
    CHECK(normalisePhone("011-1234 5678") == "+601112345678");
    CHECK(normalisePhone("+6011 1234 5678") == "+601112345678");
    CHECK(normalisePhone("04-123 4567") == "+6041234567");
    CHECK(normalisePhone("082-123 456") == "+6082123456");
    CHECK(normalisePhone("+60 012-345 6789") == "+60123456789");
}

TEST_CASE("phone numbers that are not Malaysian or not numbers are refused", "[pledge]") {
    CHECK_FALSE(normalisePhone("+65 6123 4567"));   // Singapore
    CHECK_FALSE(normalisePhone("12-345 6789"));     // no trunk 0 or +60
    CHECK_FALSE(normalisePhone("012-345 678"));     // a digit short
    CHECK_FALSE(normalisePhone("03-1234 56789"));   // a digit long
    CHECK_FALSE(normalisePhone("(03) 1234 5678"));  // brackets are not part of the shape
    CHECK_FALSE(normalisePhone("012.345.6789"));
    CHECK_FALSE(normalisePhone("012-ABC 6789"));
    CHECK_FALSE(normalisePhone("+"));
    CHECK_FALSE(normalisePhone(""));
    CHECK(fill("Aliya", "a@example.com", "12345").problemFor("phone") == Problem::BadPhone);
}

TEST_CASE("e-mail addresses must look like local@domain.tld", "[pledge]") {
    CHECK(normaliseEmail("a.b+kiosk@mail.example.my"));
    CHECK(normaliseEmail("nama@contoh.com.my"));
    CHECK_FALSE(normaliseEmail("aliya"));
    CHECK_FALSE(normaliseEmail("aliya@"));
    CHECK_FALSE(normaliseEmail("@example.com"));
    CHECK_FALSE(normaliseEmail("aliya@example"));
    CHECK_FALSE(normaliseEmail("aliya@@example.com"));
    CHECK_FALSE(normaliseEmail("ali@ya@example.com"));
    CHECK_FALSE(normaliseEmail("ali ya@example.com"));
    CHECK_FALSE(normaliseEmail("aliya@exa mple.com"));
    CHECK_FALSE(normaliseEmail("aliya@example..com"));
    CHECK_FALSE(normaliseEmail("aliya@example.c"));
    CHECK_FALSE(normaliseEmail("aliya@.example.com"));
    CHECK_FALSE(normaliseEmail(std::string(250, 'a') + "@example.com"));  // over 254
    CHECK(fill("Aliya", "aliya at example.com").problemFor("email") == Problem::BadEmail);
}

TEST_CASE("a choice must be one of the options", "[pledge]") {
    CHECK(fill("Aliya", "a@example.com", "", "atlantis").problemFor("state") == Problem::NotAnOption);
    CHECK(fill("Aliya", "a@example.com", "", "sabah").ok());
}

TEST_CASE("every problem has a message in en, ms, zh and ta, different in each", "[pledge]") {
    std::vector<Problem> problems = {Problem::Missing, Problem::TooLong, Problem::ConsentRequired};
    for (const auto& kind : fieldKinds())  // each kind's own, from the table
        if (!kind.badValueWords.uiKey.empty()) problems.push_back(kind.badValue);
    for (auto problem : problems) {
        std::set<std::string> seen;
        for (const std::string language : {"en", "ms", "zh", "ta"}) {
            const auto& message = problemMessage(problem, language);
            CHECK_FALSE(message.empty());
            seen.insert(message);
        }
        CHECK(seen.size() == 4);
    }
    CHECK(problemMessage(Problem::Missing, "fr") == problemMessage(Problem::Missing, "en"));
    CHECK(problemMessage(Problem::BadEmail, "zh") != problemMessage(Problem::BadPhone, "zh"));
}

TEST_CASE("the same signer is recognised whatever the case of the address", "[pledge]") {
    CHECK(signerEmailKey(" Aliya@Example.com ") == signerEmailKey("aliya@example.COM"));
}
