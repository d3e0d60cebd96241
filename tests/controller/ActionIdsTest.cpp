// Every tappable widget on every screen carries an action whose id (what `kiosk play` taps) names it back.
#include "screens/ActionIds.h"

#include "screens/Keyboard.h"
#include "screens/Screens.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>
#include <set>

using namespace kiosk;

namespace {
// Checks each tappable widget of the scene built for `view`; returns how many it checked.
int checkActions(const screens::ScreenContext& context, const View& view) {
    const Scene scene = screens::buildScene(context, view);
    int checked = 0;
    std::set<std::string> ids;
    for (const auto& widget : scene.widgets) {
        if (!widget.tappable) continue;
        INFO(screenName(view.screen) << " " << view.item << " " << context.language << ": widget \""
                                     << widget.id << "\"");
        CHECK(widget.action.kind != ActionKind::None);
        CHECK(!widget.id.empty());
        CHECK(widget.id == screens::actionId(widget.action, context));
        const auto named = screens::actionNamed(widget.id, context);
        REQUIRE(named);
        CHECK(*named == widget.action);
        CHECK(ids.insert(widget.id).second);  // one widget an id, or `tap ID` would be ambiguous
        ++checked;
    }
    return checked;
}
}  // namespace

TEST_CASE("every tappable widget's action and id name each other, on every screen and keyboard",
          "[screens][actions]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    int checked = 0;
    for (const auto& language : pack.languages) {
        for (const auto& row : kScreens) {
            const ScreenId screen = row.id;
            screens::ScreenContext context{pack, language, {800, 480}, text, images};
            screens::AdminView admin;  // unlocked, with the clock row, then asking before leaving
            admin.unlocked = true;
            context.extras.admin = &admin;
            checked += checkActions(context, {screen, 0, 0});
            admin.confirmingExit = true;
            checked += checkActions(context, {screen, 0, 0});
        }
        for (std::size_t a = 0; a < pack.actions.size(); ++a) {
            if (!pack.actions[a].form) continue;
            const form::Form& form = *pack.actions[a].form;
            const form::FormState values(form);
            const std::map<std::string, bool> ticked;
            for (const auto mode : {screens::KeyboardMode::Letters, screens::KeyboardMode::Shifted,
                                    screens::KeyboardMode::Symbols}) {
                for (const auto& field : form.fields) {
                    screens::PledgeView pledge;
                    pledge.form = &form;
                    pledge.values = &values;
                    pledge.ticked = &ticked;
                    pledge.focusedField = field.id;
                    pledge.keyboard = mode;
                    screens::ScreenContext context{pack, language, {800, 480}, text, images};
                    context.extras.pledge = &pledge;
                    checked += checkActions(context, {ScreenId::Pledge, static_cast<int>(a), 0});
                    pledge.stillThere = true;
                    checked += checkActions(context, {ScreenId::Pledge, static_cast<int>(a), 0});
                }
            }
        }
    }
    CHECK(checked > 500);
}

TEST_CASE("ids the play scripts use name the actions they always did", "[screens][actions]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const form::Form form = testing::sampleForm();
    screens::PledgeView pledge;
    pledge.form = &form;
    pledge.focusedField = "state";
    screens::ScreenContext context{pack, "en", {800, 480}, text, images};
    context.extras.pledge = &pledge;
    CHECK(screens::actionNamed("nav-act", context) ==
          Action{ActionKind::Open, static_cast<int>(ScreenId::Act)});
    CHECK(screens::actionNamed("lang-ms", context) == Action{ActionKind::Language, 1});
    CHECK(screens::actionNamed("consent-updates", context) == Action{ActionKind::Consent, 1});
    CHECK(screens::actionNamed("pin-7", context) == Action{ActionKind::PinDigit, 7});
    CHECK(screens::actionNamed("clock-plus-hour", context) == Action{ActionKind::Clock, 3});
    CHECK(screens::actionId({ActionKind::Pledge, 0}, context) == "pledge-" + pack.actions[0].id);
    CHECK(screens::actionId({ActionKind::Option, 0}, context) == "option-" + form.fields[3].options[0].value);
    CHECK_FALSE(screens::actionNamed("pledge-no-such-action", context));
    CHECK_FALSE(screens::actionNamed("nonsense", context));
    pledge.focusedField = "name";
    CHECK(screens::actionNamed("key-a", context)->kind == ActionKind::Key);
    CHECK(screens::actionId(*screens::actionNamed("key-a", context), context) == "key-a");
}
