// Malaysian phone numbers as the form takes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::form {

// A Malaysian number in +60 or local form (digits, spaces, dashes) as E.164, e.g. "+60123456789".
std::optional<std::string> normalisePhone(std::string_view text);

}  // namespace kiosk::form
