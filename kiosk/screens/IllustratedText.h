// A heading, an optional illustration beside (landscape) or above (portrait) the text, then paged paragraphs.
#pragma once

#include "screens/SceneWriter.h"

#include <string>

namespace kiosk::screens {

// The illustration and the heading stand on the first page only; the text's other pages take the whole body.
// Returns how many pages the text needs; draws page `page`.
int buildIllustratedText(SceneWriter& out, Rect body, const std::string& idPrefix, const std::string& heading,
                         const std::string& text, const std::string& image, int page);

// How many pages buildIllustratedText gives, drawing nothing (for a counter across several texts).
int illustratedTextPages(SceneWriter& out, Rect body, const std::string& heading, const std::string& text,
                         const std::string& image);

}  // namespace kiosk::screens
