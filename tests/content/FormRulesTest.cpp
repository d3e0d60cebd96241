// Pledge forms in actions.toml: a good form loads into form::Form, and each rule reports one located
// message.
#include "TempPack.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using form::FieldKind;
using kiosk::test::listDiagnostics;
using kiosk::test::requireOnly;
using kiosk::test::TempPack;

namespace {
// Removes the text of `file` from the first `from` up to (not including) the next `to` after it, or to the
// end when `to` is empty; the test fails if either is not there.
void removeFrom(const TempPack& copy, const std::string& file, const std::string& from,
                const std::string& to) {
    std::string text = copy.read(file);
    const auto begin = text.find(from);
    REQUIRE(begin != std::string::npos);
    const auto end = to.empty() ? text.size() : text.find(to, begin + from.size());
    REQUIRE(end != std::string::npos);
    text.erase(begin, end - begin);
    copy.write(file, text);
}

const form::Form& formOf(const content::LoadResult& result) {
    REQUIRE(result.pack);
    REQUIRE(result.pack->actions.size() == 1);
    REQUIRE(result.pack->actions[0].form);
    return *result.pack->actions[0].form;
}
}  // namespace

TEST_CASE("a good form loads into form::Form with every value", "[content][form]") {
    const TempPack copy;
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    const form::Form& form = formOf(result);

    REQUIRE(form.fields.size() == 4);
    const auto& name = form.fields[0];
    CHECK(name.id == "name");
    CHECK(name.kind == FieldKind::Text);
    CHECK(name.required);
    CHECK(name.maxLength == 80);
    CHECK(name.label == form::LanguageText{{"en", "Name"}, {"ms", "Nama"}});
    CHECK(name.options.empty());

    const auto& email = form.fields[1];
    CHECK(email.id == "email");
    CHECK(email.kind == FieldKind::Email);
    CHECK(email.required);
    CHECK(email.maxLength == 254);

    const auto& phone = form.fields[2];
    CHECK(phone.id == "phone");
    CHECK(phone.kind == FieldKind::Phone);
    CHECK_FALSE(phone.required);    // required defaults to false
    CHECK(phone.maxLength == 100);  // and max_length to 100

    const auto& state = form.fields[3];
    CHECK(state.id == "state");
    CHECK(state.kind == FieldKind::Choice);
    REQUIRE(state.options.size() == 2);
    CHECK(state.options[0].value == "selangor");
    CHECK(state.options[1].value == "kuala-lumpur");
    CHECK(form::textIn(state.options[1].label, "ms") == "Wilayah Persekutuan Kuala Lumpur");

    REQUIRE(form.consents.size() == 2);
    CHECK(form.consents[0].id == "sign");
    CHECK(form.consents[0].required);
    CHECK(form::textIn(form.consents[0].text, "en") == "I add my name.");
    CHECK(form.consents[1].id == "updates");
    CHECK_FALSE(form.consents[1].required);

    CHECK(form::textIn(form.privacyNotice, "ms") == "Hanya pasukan kempen boleh membaca butiran anda.");
    CHECK(result.pack->actions[0].submitLabel.in("ms", "en") == "Tandatangani");
    CHECK(form.field("email") == &form.fields[1]);
    CHECK(form.consent("updates") == &form.consents[1]);
}

TEST_CASE("every field kind in the table loads from a pack, with options exactly when it picks from them",
          "[content][form]") {
    const std::string options = R"(option = [{ value = "sabah", label = { en = "Sabah", ms = "Sabah" } }])";
    for (const auto& kind : form::fieldKinds()) {
        INFO(kind.packName);
        const bool picked = kind.entry == form::FieldEntry::Options;
        const std::string written = "kind = \"" + std::string(kind.packName) + "\"";
        {
            const TempPack copy;
            copy.replace("actions.toml", "kind = \"phone\"", written + (picked ? "\n" + options : ""));
            const auto result = copy.load();
            INFO(listDiagnostics(result));
            CHECK(result.diagnostics.empty());
            const auto& field = formOf(result).fields.at(2);
            CHECK(field.kind == kind.kind);
            CHECK(field.maxLength == kind.defaultMaxLength);
            CHECK(field.options.size() == (picked ? 1u : 0u));
        }
        {  // the other way round: options where the kind takes none, none where it needs them
            const TempPack copy;
            copy.replace("actions.toml", "kind = \"phone\"", written + (picked ? "" : "\n" + options));
            const auto result = copy.load();
            REQUIRE(result.diagnostics.size() == 1);
            CHECK(result.diagnostics[0].severity == content::Severity::Error);
            CHECK_THAT(result.diagnostics[0].message, Catch::Contains(picked ? "has no options" : "only "));
        }
    }
}

TEST_CASE("an action without a form has none", "[content][form]") {
    const TempPack copy;
    removeFrom(copy, "actions.toml", "[action.form]", "");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.pack);
    CHECK_FALSE(result.pack->actions.at(0).form);
    CHECK(result.pack->actions.at(0).submitLabel.empty());
}

TEST_CASE("form: options may also be written inline", "[content][form]") {
    const TempPack copy;
    removeFrom(copy, "actions.toml", "[[action.form.field.option]]", "[[action.form.consent]]");
    copy.replace(
        "actions.toml", "kind = \"choice\"",
        "kind = \"choice\"\noption = [{ value = \"sabah\", label = { en = \"Sabah\", ms = \"Sabah\" } }]");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    const auto& state = formOf(result).fields.at(3);
    REQUIRE(state.options.size() == 1);
    CHECK(state.options[0].value == "sabah");
}

TEST_CASE("form: a missing translation warns and holds the default language's text", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", R"(label = { en = "Phone", ms = "Telefon" })",
                 R"(label = { en = "Phone" })");
    requireOnly(copy, copy.load(),
                "actions.toml:27:9: warning: missing translation \"ms\" for label of field \"phone\"");
    const auto result = copy.load();
    const auto& phone = formOf(result).fields.at(2);
    // Filled in, so the UI shows the pack's default language and not its own fallback.
    CHECK(phone.label == form::LanguageText{{"en", "Phone"}, {"ms", "Phone"}});
}

TEST_CASE("form: a missing default-language text is an error", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", R"(text = { en = "I add my name.", ms =)", R"(text = { ms =)");
    requireOnly(
        copy, copy.load(),
        "actions.toml:45:8: error: missing translation \"en\" for text of consent \"sign\"; the default "
        "language is required");
}

TEST_CASE("form: unknown keys get a did-you-mean", "[content][form]") {
    const TempPack copy;
    SECTION("in a field") {
        copy.replace("actions.toml", "required = true\nmax_length = 80", "requried = true\nmax_length = 80");
        requireOnly(
            copy, copy.load(),
            "actions.toml:15:1: error: unknown key \"requried\" in [[action.form.field]]; did you mean "
            "\"required\"?");
    }
    SECTION("in the form") {
        copy.replace("actions.toml", "submit = {", "submt = {");
        const auto result = copy.load();
        INFO(listDiagnostics(result));
        REQUIRE(result.diagnostics.size() == 2);
        CHECK_THAT(result.diagnostics[0].format(),
                   Catch::StartsWith(copy.where("actions.toml:7:1: error: missing key \"submit\" in "
                                                "[action.form]; add submit = { en = \"...\" }")));
        CHECK_THAT(result.diagnostics[1].format(),
                   Catch::StartsWith(copy.where("actions.toml:9:1: error: unknown key \"submt\" in "
                                                "[action.form]; did you mean \"submit\"?")));
    }
    SECTION("in an option") {
        copy.replace("actions.toml", "value = \"selangor\"", "value = \"selangor\"\nlable = \"x\"");
        requireOnly(
            copy, copy.load(),
            "actions.toml:37:1: error: unknown key \"lable\" in [[action.form.field.option]]; did you "
            "mean \"label\"?");
    }
}

TEST_CASE("form: kind is text, email, phone or choice", "[content][form]") {
    const TempPack copy;
    SECTION("a near miss") {
        copy.replace("actions.toml", "kind = \"email\"", "kind = \"e-mail\"");
        requireOnly(copy, copy.load(),
                    "actions.toml:21:8: error: kind \"e-mail\" is not a field kind; did you mean \"email\"?");
    }
    SECTION("something else") {
        copy.replace("actions.toml", "kind = \"email\"", "kind = \"number\"");
        requireOnly(copy, copy.load(),
                    "actions.toml:21:8: error: kind \"number\" is not a field kind; use \"text\", \"email\", "
                    "\"phone\" or \"choice\"");
    }
    SECTION("missing") {
        copy.replace("actions.toml", "kind = \"phone\"\n", "");
        requireOnly(copy, copy.load(),
                    "actions.toml:25:1: error: missing key \"kind\" in [[action.form.field]]; add kind = "
                    "\"text\" (or \"email\", \"phone\", \"choice\")");
    }
}

TEST_CASE("form: a choice field needs options", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", "kind = \"phone\"", "kind = \"choice\"");
    requireOnly(copy, copy.load(),
                "actions.toml:25:1: error: choice field \"phone\" has no options; add at least one "
                "[[action.form.field.option]] with a value and a label");
}

TEST_CASE("form: an empty inline list of options is no options", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", "kind = \"phone\"", "kind = \"choice\"\noption = []");
    requireOnly(copy, copy.load(), "actions.toml:29:10: error: choice field \"phone\" has no options");
}

TEST_CASE("form: only choice fields have options", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", "kind = \"choice\"", "kind = \"text\"");
    requireOnly(copy, copy.load(),
                "actions.toml:35:21: error: only choice fields have options; remove the options of field "
                "\"state\" or set kind = \"choice\"");
}

TEST_CASE("form: option values are plain and unique", "[content][form]") {
    const TempPack copy;
    SECTION("plain") {
        copy.replace("actions.toml", "value = \"kuala-lumpur\"", "value = \"Kuala Lumpur\"");
        requireOnly(copy, copy.load(),
                    "actions.toml:40:9: error: value \"Kuala Lumpur\" may only use a-z, 0-9, \"-\" and \"_\" "
                    "(it is what is stored; the label is what people see); try \"kuala-lumpur\"");
    }
    SECTION("unique") {
        copy.replace("actions.toml", "value = \"kuala-lumpur\"", "value = \"selangor\"");
        requireOnly(copy, copy.load(),
                    "actions.toml:40:9: error: value \"selangor\" is already used by the option at line 36; "
                    "give each option its own value");
    }
    SECTION("within max_length, or no one could choose it") {
        copy.replace("actions.toml", "kind = \"choice\"", "kind = \"choice\"\nmax_length = 10");
        requireOnly(
            copy, copy.load(),
            "actions.toml:41:9: error: value \"kuala-lumpur\" is 12 characters, more than this field's "
            "max_length of 10; raise max_length or shorten the value");
    }
    SECTION("a broken max_length is reported once, not again for each value") {
        copy.replace("actions.toml", "kind = \"choice\"", "kind = \"choice\"\nmax_length = 0");
        requireOnly(copy, copy.load(), "actions.toml:34:14: error: max_length is 0; use 1 to 500");
    }
}

TEST_CASE("form: ids are unique across fields and consents", "[content][form]") {
    const TempPack copy;
    SECTION("two fields") {
        copy.replace("actions.toml", "id = \"phone\"", "id = \"name\"");
        requireOnly(
            copy, copy.load(),
            "actions.toml:26:6: error: id \"name\" is already used by the field at line 12; give each "
            "field and consent of a form its own id");
    }
    SECTION("a consent and a field") {
        copy.replace("actions.toml", "id = \"updates\"", "id = \"email\"");
        requireOnly(copy, copy.load(),
                    "actions.toml:49:6: error: id \"email\" is already used by the field at line 19");
    }
}

TEST_CASE("form: ids use a-z, 0-9, - and _", "[content][form]") {
    const TempPack copy;
    SECTION("refused") {
        copy.replace("actions.toml", "id = \"name\"", "id = \"Full Name\"");
        requireOnly(copy, copy.load(),
                    "actions.toml:12:6: error: id \"Full Name\" may only use a-z, 0-9, \"-\" and \"_\"; try "
                    "\"full-name\"");
    }
    SECTION("underscore accepted") {
        copy.replace("actions.toml", "id = \"name\"", "id = \"full_name\"");
        const auto result = copy.load();
        INFO(listDiagnostics(result));
        CHECK(result.diagnostics.empty());
        CHECK(formOf(result).fields.at(0).id == "full_name");
    }
}

TEST_CASE("form: max_length is 1 to 500", "[content][form]") {
    const TempPack copy;
    const auto [written, shown] = GENERATE(std::pair<std::string, std::string>{"0", "0"},
                                           std::pair<std::string, std::string>{"501", "501"},
                                           std::pair<std::string, std::string>{"-3", "-3"});
    copy.replace("actions.toml", "max_length = 80", "max_length = " + written);
    requireOnly(copy, copy.load(),
                "actions.toml:16:14: error: max_length is " + shown +
                    "; use 1 to 500 (characters a person may type)");
}

TEST_CASE("form: max_length at the limits is accepted", "[content][form]") {
    const TempPack copy;
    const int limit = GENERATE(1, 500);
    copy.replace("actions.toml", "max_length = 80", "max_length = " + std::to_string(limit));
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    CHECK(formOf(result).fields.at(0).maxLength == static_cast<std::size_t>(limit));
}

TEST_CASE("form: required is true or false", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", "required = true\nmax_length = 80", "required = \"yes\"\nmax_length = 80");
    requireOnly(copy, copy.load(),
                "actions.toml:15:12: error: required must be true or false, not a string; write required = "
                "true");
}

TEST_CASE("form: a form needs at least one field", "[content][form]") {
    const TempPack copy;
    removeFrom(copy, "actions.toml", "[[action.form.field]]", "[[action.form.consent]]");
    requireOnly(copy, copy.load(),
                "actions.toml:7:1: error: missing key \"field\" in [action.form]; add at least one "
                "[[action.form.field]]");
}

TEST_CASE("form: a form needs a consent, and one of them required", "[content][form]") {
    const TempPack copy;
    SECTION("no consent") {
        removeFrom(copy, "actions.toml", "[[action.form.consent]]", "");
        requireOnly(copy, copy.load(),
                    "actions.toml:7:1: error: missing key \"consent\" in [action.form]; add at least one "
                    "[[action.form.consent]]");
    }
    SECTION("none required") {
        copy.replace("actions.toml", "ms = \"Saya menambah nama saya.\" }\nrequired = true",
                     "ms = \"Saya menambah nama saya.\" }\nrequired = false");
        requireOnly(
            copy, copy.load(),
            "actions.toml:7:1: error: no consent of this form is required; mark the signer's agreement "
            "(the consent that says what they sign) required = true");
    }
}

TEST_CASE("form: consents are never pre-ticked", "[content][form]") {
    const TempPack copy;
    const std::string key = GENERATE("checked", "default", "ticked", "value");
    const std::string value = GENERATE("true", "false");
    copy.replace("actions.toml", "id = \"updates\"", "id = \"updates\"\n" + key + " = " + value);
    requireOnly(copy, copy.load(),
                "actions.toml:50:1: error: consents are never pre-ticked; remove \"" + key +
                    "\": every box starts empty and only the signer's own tap ticks it");
}

TEST_CASE("form: the privacy notice and the sign button's label are required", "[content][form]") {
    const TempPack copy;
    SECTION("privacy notice") {
        removeFrom(copy, "actions.toml", "privacy_notice = ", "submit = ");
        requireOnly(copy, copy.load(),
                    "actions.toml:7:1: error: missing key \"privacy_notice\" in [action.form]; add "
                    "privacy_notice = { en = \"...\" }");
    }
    SECTION("sign button") {
        removeFrom(copy, "actions.toml", "submit = ", "\n");
        requireOnly(copy, copy.load(),
                    "actions.toml:7:1: error: missing key \"submit\" in [action.form]; add submit = { en = "
                    "\"...\" }");
    }
}

TEST_CASE("form: a field needs a label", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", "label = { en = \"State\", ms = \"Negeri\" }\n", "");
    requireOnly(
        copy, copy.load(),
        "actions.toml:30:1: error: missing key \"label\" in [[action.form.field]]; add label = { en = "
        "\"...\" }");
}

TEST_CASE("form: without an [action.form] header, missing keys point at the form's first table",
          "[content][form]") {
    const TempPack copy;
    removeFrom(copy, "actions.toml", "[action.form]", "[[action.form.field]]");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 2);
    CHECK_THAT(result.diagnostics[0].format(),
               Catch::StartsWith(copy.where("actions.toml:7:1: error: missing key \"privacy_notice\"")));
    CHECK_THAT(result.diagnostics[1].format(),
               Catch::StartsWith(copy.where("actions.toml:7:1: error: missing key \"submit\"")));
}

TEST_CASE("form: the pledge screens' [ui] strings are required once an action has a form",
          "[content][form]") {
    const TempPack copy;
    copy.replace("pack.toml", "cancel = { en = \"Cancel\", ms = \"Batal\" }\n", "");
    requireOnly(copy, copy.load(),
                "pack.toml:34:1: error: missing key \"cancel\" in [ui]; an action has a pledge form, whose "
                "screens need it: add cancel = { en = \"...\" }");
}

TEST_CASE("form: without a form the pledge screens' [ui] strings may be left out", "[content][form]") {
    const TempPack copy;
    copy.replace("pack.toml", "cancel = { en = \"Cancel\", ms = \"Batal\" }\n", "");
    removeFrom(copy, "actions.toml", "[action.form]", "");
    const auto result = copy.load();
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.pack);
    CHECK(result.pack->uiText("cancel", "ms") == "cancel");
}

TEST_CASE("form: the pledge screens' [ui] strings are read like the others", "[content][form]") {
    const TempPack copy;
    copy.replace("pack.toml", "cancel = { en = \"Cancel\", ms = \"Batal\" }", "cancel = { en = \"Cancel\" }");
    requireOnly(copy, copy.load(), "pack.toml:50:10: warning: missing translation \"ms\" for ui.cancel");
    CHECK(copy.load().pack->uiText("cancel", "ms") == "Cancel");
}

TEST_CASE("form: unknown consent keys never suggest a pre-ticking key", "[content][form]") {
    const TempPack copy;
    copy.replace("actions.toml", "id = \"updates\"", "id = \"updates\"\ncolour = \"red\"");
    requireOnly(
        copy, copy.load(),
        "actions.toml:50:1: error: unknown key \"colour\" in [[action.form.consent]]; remove it or use "
        "one of: id, text, required");
    CHECK_THAT(copy.load().diagnostics.at(0).message, Catch::EndsWith("use one of: id, text, required"));
}
