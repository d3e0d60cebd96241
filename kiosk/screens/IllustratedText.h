// A heading, an optional illustration beside (landscape) or above (portrait) the text, then paged paragraphs.
#pragma once

#include "screens/SceneWriter.h"

#include <string>

namespace kiosk::screens {

// Returns how many pages the text needs; draws page `page`.
int buildIllustratedText(SceneWriter& out, Rect body, const std::string& idPrefix, const std::string& heading,
                         const std::string& text, const std::string& image, int page);

}  // namespace kiosk::screens
