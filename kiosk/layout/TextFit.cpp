// Shrinking text until it fits its box, so a longer translation still shows whole.
#include "layout/TextFit.h"

#include <algorithm>

namespace kiosk::layout {

TextBlock fitText(std::string_view utf8, Size box, FontSpec preferred, int minPx, TextMeasurer& measurer) {
    const auto layoutAt = [&](int px) {
        FontSpec font = preferred;
        font.px = px;
        return layoutParagraphs(utf8, box, font, measurer);
    };
    const int maxPx = std::max(preferred.px, 1);
    minPx = std::clamp(minPx, 1, maxPx);

    TextBlock best = layoutAt(maxPx);
    if (!best.overflow || minPx == maxPx) return best;
    best = layoutAt(minPx);
    if (best.overflow) return best;

    // minPx fits and maxPx does not: narrow the gap to one pixel.
    int fits = minPx;
    int tooBig = maxPx;
    while (tooBig - fits > 1) {
        const int mid = fits + (tooBig - fits) / 2;
        TextBlock candidate = layoutAt(mid);
        if (candidate.overflow) {
            tooBig = mid;
        } else {
            fits = mid;
            best = std::move(candidate);
        }
    }
    return best;
}

}  // namespace kiosk::layout
