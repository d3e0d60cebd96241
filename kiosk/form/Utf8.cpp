// Minimal UTF-8 decoding: enough to count what a person typed and take back one character at a time.
#include "form/Utf8.h"

#include "core/Utf8.h"

#include <cstdint>

namespace kiosk::form::utf8 {
namespace {

// Marks that attach to the character before them, so backspace takes them together.
bool isExtending(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) ||  // combining diacritics
           cp == 0x0B82 ||                    // Tamil anusvara
           (cp >= 0x0BBE && cp <= 0x0BCD) ||  // Tamil vowel signs and pulli (virama)
           cp == 0x0BD7 ||                    // Tamil au length mark
           cp == 0x200C || cp == 0x200D ||    // zero-width non-joiner and joiner
           (cp >= 0xFE00 && cp <= 0xFE0F);    // variation selectors
}

}  // namespace

std::optional<std::size_t> countCodePoints(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {  // ASCII, most of what is counted: no decoding
            ++pos;
            continue;
        }
        if (!kiosk::decodeCodePoint(text, pos)) return std::nullopt;
    }
    return count;
}

std::size_t lastClusterStart(std::string_view text) {
    std::size_t start = text.size();
    while (start > 0) {
        std::size_t begin = start - 1;
        while (begin > 0 && (static_cast<std::uint8_t>(text[begin]) & 0xC0) == 0x80)
            --begin;
        std::size_t pos = begin;
        const auto cp = kiosk::decodeCodePoint(text, pos);
        start = begin;
        if (!cp || !isExtending(*cp)) break;  // reached the base character
    }
    return start;
}

std::size_t clusterStartAt(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return text.size();
    while (offset > 0 && (static_cast<std::uint8_t>(text[offset]) & 0xC0) == 0x80)
        --offset;
    std::size_t pos = offset;
    const auto cp = kiosk::decodeCodePoint(text, pos);
    if (offset == 0 || !cp || !isExtending(*cp)) return offset;
    // A mark belongs to the character before it: the last one starting before `offset`, marks and all.
    return lastClusterStart(text.substr(0, offset));
}

}  // namespace kiosk::form::utf8
