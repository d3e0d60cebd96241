// The shipped Stop Torture pack: it loads clean, and its pledge form asks for what the campaign needs.
#include "TempPack.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

using namespace kiosk;
using form::FieldKind;
using kiosk::test::listDiagnostics;

TEST_CASE("the Stop Torture pack loads with no diagnostics and a pledge form on ratify-uncat",
          "[content][form]") {
    const auto result =
        content::loadPack(std::filesystem::path(KIOSK_SOURCE_DIR) / "content-pack/stop-torture", nullptr);
    INFO(listDiagnostics(result));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.pack);
    const auto& pack = *result.pack;
    const auto action = std::find_if(pack.actions.begin(), pack.actions.end(),
                                     [](const content::Action& a) { return a.id == "ratify-uncat"; });
    REQUIRE(action != pack.actions.end());
    REQUIRE(action->form);
    const form::Form& form = *action->form;

    struct Expected {
        std::string id;
        FieldKind kind;
        bool required;
        std::size_t maxLength;
    };
    const std::vector<Expected> fields = {{"name", FieldKind::Text, true, 80},
                                          {"email", FieldKind::Email, true, 254},
                                          {"phone", FieldKind::Phone, false, 20},
                                          {"state", FieldKind::Choice, false, 100}};
    REQUIRE(form.fields.size() == fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        INFO(fields[i].id);
        CHECK(form.fields[i].id == fields[i].id);
        CHECK(form.fields[i].kind == fields[i].kind);
        CHECK(form.fields[i].required == fields[i].required);
        CHECK(form.fields[i].maxLength == fields[i].maxLength);
    }

    // Malaysia's 13 states and 3 federal territories, each named in every language and told apart.
    const auto& states = form.fields[3].options;
    CHECK(states.size() == 16);
    for (const auto& language : pack.languages) {
        std::set<std::string> values;
        std::set<std::string> labels;
        for (const auto& option : states) {
            values.insert(option.value);
            labels.insert(option.label.at(language));
        }
        INFO(language);
        CHECK(values.size() == states.size());
        CHECK(labels.size() == states.size());
    }
    const auto penang = std::find_if(states.begin(), states.end(),
                                     [](const form::ChoiceOption& o) { return o.value == "penang"; });
    REQUIRE(penang != states.end());
    CHECK(penang->label.at("ms") == "Pulau Pinang");
    CHECK(penang->label.at("zh") == "槟城");

    REQUIRE(form.consents.size() == 2);
    CHECK(form.consents[0].id == "sign");
    CHECK(form.consents[0].required);
    CHECK(form.consents[1].id == "updates");
    CHECK_FALSE(form.consents[1].required);
    for (const auto& language : pack.languages) {
        INFO(language);
        CHECK_FALSE(form.privacyNotice.at(language).empty());
        CHECK_FALSE(action->submitLabel.byLanguage.at(language).empty());
    }
}
