// Splitting a line into runs that one font each can draw, and the vertical metrics such a line needs.
#include "text/TextRuns.h"

#include "core/Utf8.h"
#include "layout/LineBreaker.h"

#include <algorithm>

namespace kiosk::text {
namespace {

bool provides(TTF_Font* font, char32_t cp) {
    return TTF_GlyphIsProvided32(font, cp) != 0;
}

// Spaces and punctuation shared by every script: no reason to switch fonts for them.
bool isNeutral(char32_t cp) {
    if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'));
    return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x3003);
}

}  // namespace

bool isInvisibleFormatCharacter(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

bool chainProvides(std::span<TTF_Font* const> chain, char32_t cp) {
    return std::ranges::any_of(chain, [cp](TTF_Font* font) { return provides(font, cp); });
}

std::vector<TextRun> itemiseRuns(std::string_view utf8, std::span<TTF_Font* const> chain) {
    std::vector<TextRun> runs;
    if (chain.empty()) return runs;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t start = pos;
        const char32_t cp = kiosk::nextCodePoint(utf8, pos);
        if (!runs.empty()) {
            TextRun& current = runs.back();
            const bool attaches = layout::isCombiningMark(cp) || isInvisibleFormatCharacter(cp);
            const bool sticks = isNeutral(cp) && provides(chain[current.font], cp);
            if (attaches || sticks || !chainProvides(chain, cp)) {
                current.end = pos;
                continue;
            }
        }
        std::size_t font = 0;
        while (font < chain.size() && !provides(chain[font], cp))
            ++font;
        if (font == chain.size()) font = 0;  // nobody has it: the primary font draws its box
        if (!runs.empty() && runs.back().font == font) {
            runs.back().end = pos;
        } else {
            runs.push_back({start, pos, font});
        }
    }
    return runs;
}

LineMetrics lineMetrics(std::span<TTF_Font* const> chain) {
    int ascent = 0;
    int descent = 0;
    int skip = 0;
    for (TTF_Font* font : chain) {
        ascent = std::max(ascent, TTF_FontAscent(font));
        descent = std::max(descent, -TTF_FontDescent(font));
        skip = std::max(skip, TTF_FontLineSkip(font));
    }
    // Mixing fonts can need more than any one line skip: the tallest ascent over the deepest descent.
    return {ascent, std::max(skip, ascent + descent)};
}

std::string drawableText(std::string_view utf8) {
    std::string text;
    text.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\t') {
            text.push_back(' ');
        } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
            text.push_back(c);
        }
    }
    return text;
}

int runWidth(TTF_Font* font, std::string_view utf8) {
    const std::string text = drawableText(utf8);
    if (text.empty()) return 0;
    int w = 0;
    int h = 0;
    if (TTF_SizeUTF8(font, text.c_str(), &w, &h) != 0) return 0;
    return w;
}

}  // namespace kiosk::text
