// The visible part of a field and the caret: character boundaries from form/Utf8, widths from the measurer.
#include "screens/FieldText.h"

#include "form/Utf8.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace kiosk::screens {

namespace {
// Every place a caret may stand in value[begin, end]: the start of each user-perceived character, and end.
std::vector<std::size_t> boundaries(const std::string& value, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> out;
    for (std::size_t at = begin; at < end; ++at)
        if (form::utf8::clusterStartAt(value, at) == at) out.push_back(at);
    out.push_back(end);
    return out;
}

std::string shownText(const std::string& value, std::size_t begin, std::size_t end) {
    return (begin > 0 ? kFieldEllipsis : "") + value.substr(begin, end - begin) +
           (end < value.size() ? kFieldEllipsis : "");
}
}  // namespace

FieldWindow fieldWindow(const std::string& value, std::size_t caret, int width, const layout::FontSpec& font,
                        layout::TextMeasurer& measurer) {
    caret = std::min(caret, value.size());
    const auto fits = [&](std::size_t begin, std::size_t end) {
        return measurer.width(shownText(value, begin, end), font) <= width;
    };
    const auto starts = boundaries(value, 0, value.size());
    // The tail, as long as fits.
    for (const std::size_t begin : starts)
        if (fits(begin, value.size())) {
            if (caret >= begin) return {begin, value.size(), shownText(value, begin, value.size())};
            break;
        }
    // The caret is further back: show from it on, as far as fits.
    const std::size_t begin = form::utf8::clusterStartAt(value, caret);
    std::size_t end = begin;
    for (const std::size_t at : boundaries(value, begin, value.size())) {
        if (at > begin && !fits(begin, at)) break;
        end = at;
    }
    return {begin, end, shownText(value, begin, end)};
}

int caretX(const std::string& value, const FieldWindow& window, std::size_t caret,
           const layout::FontSpec& font, layout::TextMeasurer& measurer) {
    caret = std::clamp(caret, window.begin, window.end);
    const std::string before =
        (window.begin > 0 ? kFieldEllipsis : "") + value.substr(window.begin, caret - window.begin);
    return measurer.width(before, font);
}

std::optional<std::size_t> caretOffsetAt(const Widget& field, int x, layout::TextMeasurer& measurer) {
    if (field.lines.empty() || field.text.empty()) return std::nullopt;
    const std::string& value = field.text;
    const std::string& shown = field.lines.front().text;
    // Recover the window from what is drawn: the ellipses say which ends were cut.
    const std::string ellipsis = kFieldEllipsis;
    const bool cutBefore = shown.rfind(ellipsis, 0) == 0;
    const bool cutAfter = shown.size() >= ellipsis.size() &&
                          shown.compare(shown.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0 &&
                          (cutBefore ? shown.size() >= 2 * ellipsis.size() : true);
    const std::string core =
        shown.substr(cutBefore ? ellipsis.size() : 0,
                     shown.size() - (cutBefore ? ellipsis.size() : 0) - (cutAfter ? ellipsis.size() : 0));
    std::size_t begin = 0;
    if (cutBefore) {
        const std::size_t found = cutAfter ? value.find(core) : value.size() - core.size();
        if (found == std::string::npos || found > value.size()) return std::nullopt;
        begin = found;
    }
    const FieldWindow window{begin, begin + core.size(), shown};
    const layout::FontSpec font{field.style.language, field.style.px, field.style.bold};
    const int tapped = x - field.lines.front().origin.x;
    std::size_t best = window.begin;
    int bestDistance = -1;
    for (const std::size_t at : boundaries(value, window.begin, window.end)) {
        const int distance = std::abs(caretX(value, window, at, font, measurer) - tapped);
        if (bestDistance < 0 || distance < bestDistance) {
            best = at;
            bestDistance = distance;
        }
    }
    return best;
}

}  // namespace kiosk::screens
