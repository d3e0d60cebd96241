// SVG images must stand alone: a reference to another file or a web address would draw an empty box on the
// kiosk (which never fetches anything) and could leak where the pack came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

// The first reference in the SVG text that leaves the image (href, xlink:href or src other than "#id" or
// "data:", CSS url(...) or @import), as "LINE:COLUMN: refers to \"...\"", or nullopt when there is none.
std::optional<std::string> svgExternalReference(std::string_view svg);

}  // namespace kiosk::content
