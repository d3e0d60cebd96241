// "Did you mean" for misspelt keys: the closest known word by edit distance.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
// each count 1, so "titel" is 1 from "title".
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo (1 edit for words of up to
// four letters, else 2), or nullopt.
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string_view>& candidates);

}  // namespace kiosk::content
