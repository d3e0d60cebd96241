// The field-kind table, row by row: every kind is named in packs, checked, normalised and worded as its row
// says. A kind added to the table is tested here without a new test.
#include "form/FieldKinds.h"

#include "form/Validation.h"

#include <catch2/catch.hpp>
#include <set>

using namespace kiosk::form;

namespace {

// A form with one optional field of `kind` (with two options when the kind picks from options).
Form formWith(const FieldKindInfo& kind) {
    FormField field;
    field.id = "f";
    field.label = {{"en", "Field"}};
    field.kind = kind.kind;
    field.maxLength = kind.defaultMaxLength;
    if (kind.entry == FieldEntry::Options)
        field.options = {{"selangor", {{"en", "Selangor"}}}, {"penang", {{"en", "Penang"}}}};
    Form form;
    form.fields = {field};
    return form;
}

Validation validateValue(const Form& form, const std::string& value) {
    FormState values(form);
    REQUIRE(values.set("f", value));
    return validate(form, values, {});
}

}  // namespace

TEST_CASE("the field-kind table has one row per kind, in order, each with its own pack name", "[form]") {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < fieldKinds().size(); ++i) {
        const FieldKindInfo& kind = fieldKinds()[i];
        INFO(kind.packName);
        CHECK(static_cast<std::size_t>(kind.kind) == i);
        CHECK(&kindInfo(kind.kind) == &kind);
        CHECK(kindNamed(kind.packName) == kind.kind);
        CHECK(names.insert(kind.packName).second);
        CHECK(kind.normalise != nullptr);
        CHECK(kind.defaultMaxLength > 0);
    }
    CHECK_FALSE(kindNamed("Email"));
    CHECK_FALSE(kindNamed("number"));
    CHECK_FALSE(kindNamed(""));
}

TEST_CASE("every field kind accepts its sample as its row stores it and refuses a value of the wrong shape",
          "[form]") {
    for (const auto& kind : fieldKinds()) {
        INFO(kind.packName);
        const Form form = formWith(kind);
        const bool picked = kind.entry == FieldEntry::Options;
        const std::string accepted = picked ? form.fields[0].options[0].value : std::string(kind.sampleValue);
        const std::string stored = picked ? accepted : std::string(kind.sampleStored);
        REQUIRE_FALSE(accepted.empty());
        const auto good = validateValue(form, "  " + accepted + " ");
        CHECK(good.ok());
        CHECK(good.values.count("f") == 1);
        if (good.values.count("f")) CHECK(good.values.at("f") == stored);

        if (kind.badValueWords.uiKey.empty()) {
            CHECK(kind.sampleRefused.empty());  // a kind that refuses nothing says so
            continue;
        }
        REQUIRE_FALSE(kind.sampleRefused.empty());
        const auto bad = validateValue(form, std::string(kind.sampleRefused));
        CHECK(bad.problemFor("f") == kind.badValue);
        CHECK(bad.values.count("f") == 0);
    }
}

TEST_CASE("every field kind's own problem has its words in en, ms, zh and ta, and a [ui] key of its own",
          "[form]") {
    std::set<std::string_view> keys;
    std::set<Problem> problems;
    for (const auto& kind : fieldKinds()) {
        if (kind.badValueWords.uiKey.empty()) continue;
        INFO(kind.packName);
        CHECK(keys.insert(kind.badValueWords.uiKey).second);
        CHECK(problems.insert(kind.badValue).second);
        CHECK(kindWithProblem(kind.badValue) == &kind);
        const ProblemWords& words = kind.badValueWords;
        const std::set<std::string_view> distinct = {words.en, words.ms, words.zh, words.ta};
        CHECK(distinct.size() == 4);
        CHECK(problemMessage(kind.badValue, "en") == words.en);
        CHECK(problemMessage(kind.badValue, "ta") == words.ta);
    }
    CHECK(kindWithProblem(Problem::Missing) == nullptr);
    CHECK(kindWithProblem(Problem::ConsentRequired) == nullptr);
}
