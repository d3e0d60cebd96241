// The one mapping between what a widget does (an Action) and the id `kiosk play` scripts and the tests name
// it by ("pledge-sign-petition", "key-a", "clock-plus-hour"), both ways.
#pragma once

#include "core/Action.h"
#include "screens/Screens.h"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::screens {

// The widget id of `action` on the screen `context` describes; empty for ActionKind::None or an index out
// of range.
std::string actionId(const Action& action, const ScreenContext& context);
// The action a widget id names on that screen, if any.
std::optional<Action> actionNamed(std::string_view id, const ScreenContext& context);

}  // namespace kiosk::screens
