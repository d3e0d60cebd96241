// Pack versions as the update rules compare them: dot-separated numbers like "1.4.0".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::update {

// The numbers of "1.4.0" ({1, 4, 0}); nullopt for anything else (empty parts, letters, more than 8 parts or
// a part over 9 digits). A signed pack must have such a version, so every kiosk orders packs the same way.
std::optional<std::vector<unsigned long>> parsePackVersion(std::string_view text);

// <0, 0 or >0 as a is older than, the same as or newer than b; missing trailing parts count as 0
// ("1.4" == "1.4.0"). Both must parse; an unparsable version is older than any parsable one.
int comparePackVersions(std::string_view a, std::string_view b);

}  // namespace kiosk::update
