// Splitting long text into pages that each fit a box, for the kiosk's "next page" swipes.
#pragma once

#include "layout/TextLayout.h"

namespace kiosk::layout {

// Pages in reading order, each as tall as the box at most. Pages break between lines, never inside one,
// and avoid leaving a paragraph's first line alone at a page's foot or its last line alone at a page's
// head when moving a line is enough. Every line appears exactly once; a page is never empty, except the one
// page given for a blank text (so page 0 always exists). A page overflows only when one of its lines is too
// wide for the box, or a single line is taller than it.
std::vector<TextBlock> paginate(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer);

}  // namespace kiosk::layout
