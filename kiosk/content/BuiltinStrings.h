// Strings the kiosk brings itself (form problems, keyboard keys) in the languages we ship, each of which a
// pack may override in [ui]; a pack in other languages brings its own (see docs/pack-format.md).
#pragma once

#include "form/Validation.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

// The [ui] keys with a built-in text, in the order docs/pack-format.md lists them.
const std::vector<std::string>& builtinUiKeys();

// The built-in text of `key` in `language`, or null when there is none in that language. Keys that read
// the same in any script ("123" on the symbols key) answer for every language.
const std::string* builtinUiText(const std::string& key, const std::string& language);

// The [ui] key whose text tells a signer about `problem`: "error_missing", "error_bad_email", ...
std::string problemUiKey(form::Problem problem);

}  // namespace kiosk::content
