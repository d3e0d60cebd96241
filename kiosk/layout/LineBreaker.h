// Where a line may end (UAX #14 through libunibreak) and where a character cluster may be cut as a last
// resort.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kiosk::layout {

struct BreakOpportunity {
    std::size_t offset = 0;  // byte offset where the next line would start
    bool mandatory = false;  // after a newline: the line must end here
    friend bool operator==(const BreakOpportunity&, const BreakOpportunity&) = default;
};

// Break opportunities inside `utf8` in increasing order; the end of the text is not listed. The language
// ("en", "ms", "zh", "ta", ...) tunes the rules, e.g. ambiguous quotation marks in Chinese.
std::vector<BreakOpportunity> findLineBreaks(std::string_view utf8, std::string_view language);

// True for code points that never start a cluster (combining marks, Tamil vowel signs, joiners):
// UAX #14 class CM, which libunibreak already knows.
bool isCombiningMark(char32_t cp);

// Byte offsets after each cluster (a base plus its combining marks), ending with utf8.size(): where an
// unbreakable run may be cut without tearing a vowel sign from its consonant.
std::vector<std::size_t> clusterEnds(std::string_view utf8);

}  // namespace kiosk::layout
