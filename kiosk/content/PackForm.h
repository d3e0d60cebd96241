// Reader for an action's pledge form ([action.form]): fields, choices, consents and the privacy notice.
// Internal to content/: include it from .cpp files only (it pulls in toml++).
#pragma once

#include "content/PackReading.h"
#include "form/Form.h"

#include <optional>

namespace kiosk::content::detail {

// The form at key "form" of the action `action` reads, and its sign button's label in `submitLabel`;
// nullopt when the action has no form. Problems are reported; the form returned then is partial.
std::optional<form::Form> readForm(TableReader& action, const PackContext& context, LocalText& submitLabel);

}  // namespace kiosk::content::detail
