// Shrinking text until it fits its box, so a longer translation still shows whole.
#pragma once

#include "layout/TextLayout.h"

#include <string>

namespace kiosk::layout {

// The layout at the largest whole pixel size from preferred.px down to minPx that fits the box; if none
// does, the minPx layout with overflow set. Sizes are bisected (a smaller size never needs more room, up to
// hinting rounding), so a 48-to-20 px search lays the text out about six times rather than twenty-eight:
// each new size costs SDL_ttf a fresh load of every glyph.
TextBlock fitText(std::string_view utf8, Size box, FontSpec preferred, int minPx, TextMeasurer& measurer);

}  // namespace kiosk::layout

namespace kiosk::layout {

// `utf8` itself when it fits the box at `font`, else its longest start (cut between code points, trailing
// spaces dropped) followed by "…" that fits: for a card or a tab that only previews a text shown whole
// elsewhere. Empty when not even "…" fits.
std::string cutToFit(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer);

}  // namespace kiosk::layout
