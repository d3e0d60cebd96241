// Shrinking text until it fits its box, so a longer translation still shows whole.
#include "layout/TextFit.h"

#include <algorithm>
#include <vector>

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

namespace kiosk::layout {

std::string cutToFit(std::string_view utf8, Size box, FontSpec font, TextMeasurer& measurer) {
    const auto fits = [&](std::string_view text) {
        return !layoutParagraphs(text, box, font, measurer).overflow;
    };
    if (fits(utf8)) return std::string(utf8);
    // Code point starts, so a cut never splits a character.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) starts.push_back(i);
    const auto withEllipsis = [&](std::size_t count) {
        std::string head(utf8.substr(0, count < starts.size() ? starts[count] : utf8.size()));
        while (!head.empty() && (head.back() == ' ' || head.back() == '\n'))
            head.pop_back();
        return head + "…";
    };
    // Bisect the number of code points kept: more never fits where fewer does not.
    std::size_t good = 0;
    std::size_t bad = starts.size();
    if (!fits(withEllipsis(0))) return "";
    while (bad - good > 1) {
        const std::size_t mid = good + (bad - good) / 2;
        if (fits(withEllipsis(mid)))
            good = mid;
        else
            bad = mid;
    }
    return withEllipsis(good);
}

}  // namespace kiosk::layout
