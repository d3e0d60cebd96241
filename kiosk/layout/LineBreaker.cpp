// Where a line may end (UAX #14 through libunibreak) and where a character cluster may be cut as a last
// resort.
#include "layout/LineBreaker.h"

#include "core/Utf8.h"

#include <algorithm>
#include <linebreak.h>
#include <linebreakdef.h>
#include <span>
#include <string>

namespace kiosk::layout {
namespace {

// libunibreak builds its language tables on first use; a function-local static makes that once and
// thread-safe.
void ensureLinebreakInitialised() {
    static const bool initialised = [] {
        init_linebreak();
        return true;
    }();
    (void)initialised;
}

// The library's default property table: sorted, non-overlapping ranges ending with a 0xFFFFFFFF sentinel.
std::span<const LineBreakProperties> defaultProperties() {
    static const std::span<const LineBreakProperties> table = [] {
        std::size_t count = 0;
        while (lb_prop_default[count].start != 0xFFFFFFFF)
            ++count;
        return std::span<const LineBreakProperties>(lb_prop_default, count);
    }();
    return table;
}

// UAX #14 lets a line end between a number and the ideograph after it ("2014" / "年", "141" / "个"); a
// Chinese reader sees the unit or counter torn from its number, so that break is not offered.
bool numberBeforeItsUnit(std::string_view utf8, std::size_t offset) {
    if (offset == 0 || offset >= utf8.size()) return false;
    const char before = utf8[offset - 1];
    if (before < '0' || before > '9') return false;
    std::size_t pos = offset;
    const char32_t next = nextCodePoint(utf8, pos);
    return (next >= 0x4E00 && next <= 0x9FFF) || (next >= 0x3400 && next <= 0x4DBF) || next == 0xFF05;
}

}  // namespace

std::vector<BreakOpportunity> findLineBreaks(std::string_view utf8, std::string_view language) {
    std::vector<BreakOpportunity> result;
    if (utf8.empty()) return result;
    ensureLinebreakInitialised();
    const std::string lang(language);
    std::vector<char> breaks(utf8.size());
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(utf8.data()), utf8.size(),
                        lang.empty() ? nullptr : lang.c_str(), breaks.data());
    // breaks[i] tells whether a line may end after byte i.
    for (std::size_t i = 0; i + 1 < utf8.size(); ++i) {
        if (breaks[i] == LINEBREAK_MUSTBREAK) {
            result.push_back({i + 1, true});
        } else if (breaks[i] == LINEBREAK_ALLOWBREAK && !numberBeforeItsUnit(utf8, i + 1)) {
            result.push_back({i + 1, false});
        }
    }
    return result;
}

bool isCombiningMark(char32_t cp) {
    const auto table = defaultProperties();
    const auto it =
        std::upper_bound(table.begin(), table.end(), cp,
                         [](char32_t value, const LineBreakProperties& p) { return value < p.start; });
    if (it == table.begin()) return false;
    const auto& range = *std::prev(it);
    return cp <= range.end && range.prop == LBP_CM;
}

std::vector<std::size_t> clusterEnds(std::string_view utf8) {
    std::vector<std::size_t> ends;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        nextCodePoint(utf8, pos);
        // Absorb the marks that follow the base.
        while (pos < utf8.size()) {
            std::size_t peek = pos;
            if (!isCombiningMark(nextCodePoint(utf8, peek))) break;
            pos = peek;
        }
        ends.push_back(pos);
    }
    return ends;
}

}  // namespace kiosk::layout
