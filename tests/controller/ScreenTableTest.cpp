// The screen table drives navigation, dispatch and the tour: every row builds, at every size and language.
#include "core/Navigator.h"
#include "screens/Screens.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>
#include <set>

using namespace kiosk;

TEST_CASE("every screen of the table builds at every item, size and language, nothing overflowing",
          "[screens][table]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const auto views = screens::everyView(pack);
    std::set<ScreenId> seen;
    std::set<std::string> names;
    for (const auto& named : views) {
        seen.insert(named.view.screen);
        CHECK(names.insert(named.name).second);  // one picture a name in the tour
    }
    CHECK(static_cast<int>(seen.size()) == kScreenCount);  // each row has at least one view
    // What the stateful screens show: an empty form, a reference code, the volunteer menu open.
    const form::Form form = testing::sampleForm();
    const form::FormState values(form);
    const std::map<std::string, bool> ticked;
    screens::PledgeView pledge;
    pledge.values = &values;
    pledge.ticked = &ticked;
    const screens::ThanksView thanks{"MX7D-C15R"};
    screens::AdminView admin;
    admin.unlocked = true;
    const Size sizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}};
    for (const Size size : sizes) {
        for (const auto& language : pack.languages) {
            for (const auto& named : views) {
                INFO(named.name << " " << language << " " << size.w << "x" << size.h);
                screens::ScreenContext context{pack, language, size, text, images};
                if (named.view.screen == ScreenId::Pledge) {
                    pledge.form = &*pack.actions[static_cast<std::size_t>(named.view.item)].form;
                    context.extras.pledge = &pledge;
                }
                context.extras.thanks = &thanks;
                context.extras.admin = &admin;
                const Scene scene = screens::buildScene(context, named.view);
                CHECK(!scene.widgets.empty());
                std::string problems;
                for (const auto& problem : scene.problems)
                    problems += problem.widgetId + ": " + problem.what + "\n";
                CHECK(problems == "");
                const Rect screen{0, 0, size.w, size.h};
                for (const auto& widget : scene.widgets) {
                    INFO(widget.id);
                    CHECK(screen.containsRect(widget.rect));
                }
            }
        }
    }
}

TEST_CASE("the table names each screen once and in the enum's order", "[screens][table]") {
    std::set<std::string_view> names;
    for (int i = 0; i < kScreenCount; ++i) {
        CHECK(static_cast<int>(kScreens[i].id) == i);
        CHECK(names.insert(kScreens[i].name).second);
        CHECK(screenName(kScreens[i].id) == kScreens[i].name);
    }
    CHECK(screenName(static_cast<ScreenId>(kScreenCount)) == "unknown");
}
