// Minimal UTF-8 decoding: enough to count what a person typed and take back one character at a time.
#include "pledge/Utf8.h"

#include <cstdint>

namespace kiosk::pledge::utf8 {
namespace {

// Decodes the code point at `pos`, advancing it; nothing for ill-formed input (overlong, surrogates, >
// U+10FFFF).
std::optional<char32_t> decode(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t lead = byte(pos);
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, cp = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, cp = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, cp = lead & 0x07, minimum = 0x10000;
    } else {
        return std::nullopt;
    }
    if (pos + length > text.size()) return std::nullopt;
    for (std::size_t i = 1; i < length; ++i) {
        const std::uint8_t next = byte(pos + i);
        if ((next & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    pos += length;
    return cp;
}

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
        if (!decode(text, pos)) return std::nullopt;
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
        const auto cp = decode(text, pos);
        start = begin;
        if (!cp || !isExtending(*cp)) break;  // reached the base character
    }
    return start;
}

}  // namespace kiosk::pledge::utf8
