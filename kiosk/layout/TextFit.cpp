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

    // Each size tried measures every word again with new glyphs (hinted glyph loads are most of a first
    // frame), so try first where the answer usually is: one pixel down (a last word pushed onto a line of
    // its own), then the size at which the overflowing lines would fit as they are (heights scale with the
    // size), and only then halve the gap. With sizes that fit below and overflow above some size, this
    // finds the size plain bisection finds, in two to four layouts instead of about seven.
    int fits = 0;  // the largest size known to fit, 0 while none is
    int tooBig = maxPx;
    int tallest = best.height;  // the height at tooBig
    const auto tryPx = [&](int px) {
        TextBlock candidate = layoutAt(px);
        if (candidate.overflow) {
            if (px < tooBig) {
                tooBig = px;
                tallest = candidate.height;
            }
            return false;
        }
        fits = std::max(fits, px);
        best = std::move(candidate);
        return true;
    };
    if (!tryPx(maxPx - 1) && tooBig > minPx) {
        int guess = tooBig - 1;
        if (tallest > box.h) guess = static_cast<int>(static_cast<long long>(tooBig) * box.h / tallest);
        guess = std::clamp(guess, minPx, tooBig - 1);
        if (tryPx(guess)) {
            if (guess + 1 < tooBig) tryPx(guess + 1);
        } else if (guess > minPx) {
            tryPx(guess - 1);
        }
    }
    if (fits == 0 && tooBig > minPx) tryPx(minPx);
    if (fits == 0) return layoutAt(minPx);  // nothing fits: the smallest size, overflowing
    while (tooBig - fits > 1) {
        const int mid = fits + (tooBig - fits) / 2;
        tryPx(mid);
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
