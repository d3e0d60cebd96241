// Shrinking text until it fits its box, so a longer translation still shows whole.
#include "layout/TextFit.h"

#include <algorithm>

namespace kiosk::layout {

TextBlock fitText(std::string_view utf8, Size box, FontSpec preferred, int minPx, TextMeasurer& measurer) {
    minPx = std::clamp(minPx, 1, std::max(preferred.px, 1));
    FontSpec font = preferred;
    for (int px = std::max(preferred.px, minPx); px > minPx; px -= kFitStepPx) {
        font.px = px;
        TextBlock block = layoutParagraphs(utf8, box, font, measurer);
        if (!block.overflow) return block;
    }
    font.px = minPx;
    return layoutParagraphs(utf8, box, font, measurer);
}

} // namespace kiosk::layout
