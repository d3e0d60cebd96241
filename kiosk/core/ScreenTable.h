// Every screen, once: its id, its name (in `kiosk play` scripts, the tour's file names and the tests), what
// its items are, and its family. Adding a screen is one line here plus its builder `buildName` in
// screens/NameScreen.cpp (and that file in kiosk/screens/CMakeLists.txt); navigation, dispatch, the tour,
// the play language and the tests take it from this list.
#pragma once

#include <string_view>

// X(Id, "name", items, family): see ScreenItems and ScreenFamily below.
#define KIOSK_SCREENS(X)                                                                                     \
    X(Attract, "attract", Slides, Visitor)                                                                   \
    X(Home, "home", One, Visitor)                                                                            \
    X(Story, "story", StorySections, Visitor)                                                                \
    X(Timeline, "timeline", TimelineEntries, Visitor)                                                        \
    X(Cases, "cases", One, Visitor)                                                                          \
    X(Case, "case", Cases, Visitor)                                                                          \
    X(Act, "act", Actions, Visitor)                                                                          \
    X(Credits, "credits", One, Visitor)                                                                      \
    X(Pledge, "pledge", Forms, Form)                                                                         \
    X(Thanks, "thanks", Forms, Form)                                                                         \
    X(AdminPin, "admin-pin", One, Volunteer)                                                                 \
    X(Admin, "admin", One, Volunteer)

namespace kiosk {

enum class ScreenId {
#define KIOSK_SCREEN_ID(id, name, items, family) id,
    KIOSK_SCREENS(KIOSK_SCREEN_ID)
#undef KIOSK_SCREEN_ID
};

// What a screen's item index walks through (its pages are learnt from layout).
enum class ScreenItems {
    One,              // a single view
    Slides,           // the attract loop's slides
    StorySections,    // the story's sections
    TimelineEntries,  // the timeline's entries
    Cases,            // the pack's cases
    Actions,          // the pack's actions
    Forms,            // the pack's actions, shown only for those with a form
};

enum class ScreenFamily {
    Visitor,    // the campaign's screens: swipes and arrow keys turn pages and items
    Form,       // the pledge form and its thanks: one page, a swipe must not change the action underneath
    Volunteer,  // the volunteer menu: one page, its own palette whatever the campaign's theme
};

struct ScreenInfo {
    ScreenId id;
    std::string_view name;
    ScreenItems items;
    ScreenFamily family;
};

inline constexpr ScreenInfo kScreens[] = {
#define KIOSK_SCREEN_INFO(id, name, items, family)                                                           \
    {ScreenId::id, name, ScreenItems::items, ScreenFamily::family},
    KIOSK_SCREENS(KIOSK_SCREEN_INFO)
#undef KIOSK_SCREEN_INFO
};

inline constexpr int kScreenCount = static_cast<int>(sizeof kScreens / sizeof kScreens[0]);

// The table's row for `id` (rows are in the enum's order).
constexpr const ScreenInfo& screenInfo(ScreenId id) {
    return kScreens[static_cast<int>(id)];
}

// The table's name, "unknown" for a value outside it.
std::string_view screenName(ScreenId id);

}  // namespace kiosk
