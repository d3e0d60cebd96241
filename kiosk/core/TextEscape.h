// Escaping text for the formats the kiosk writes by hand: JSON strings (the sealed pledge, tour.json) and
// HTML (the tour's contact sheet, the coordinator's report).
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// Appends `text` as a JSON string, quotes included; control characters as \uXXXX.
void appendJsonString(std::string& out, std::string_view text);
std::string jsonString(std::string_view text);

// &, <, >, " and ' as entities: safe in element text and in quoted attributes.
std::string htmlEscape(std::string_view text);

}  // namespace kiosk
