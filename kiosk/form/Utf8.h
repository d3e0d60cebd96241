// UTF-8 helpers for the form: validating, counting code points and finding where the last grapheme starts.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace kiosk::form::utf8 {

// Number of code points in `text`, or nothing if it is not well-formed UTF-8.
std::optional<std::size_t> countCodePoints(std::string_view text);

// Byte offset where the last user-perceived character starts: the last base code point together with the
// combining marks that follow it (Tamil vowel signs and pulli, general combining marks, joiners, variation
// selectors). Returns text.size() for empty text.
std::size_t lastClusterStart(std::string_view text);

// The start of the user-perceived character that byte `offset` falls in (or `offset` itself when a character
// starts there), so a caret never sits between a letter and its combining marks. Clamped to text.size().
std::size_t clusterStartAt(std::string_view text, std::size_t offset);

}  // namespace kiosk::form::utf8
