// Splitting a line into runs that one font each can draw, and the vertical metrics such a line needs.
#pragma once

#include <SDL_ttf.h>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct TextRun {
    std::size_t begin = 0;  // byte range in the line
    std::size_t end = 0;
    std::size_t font = 0;  // index into the font chain
};

// Runs in line order. Each code point goes to the first font in the chain that has it, so text the primary
// font covers stays in it; combining marks (Tamil vowel signs) stay with their base, and spaces and
// punctuation stay in the run around them when its font has them. Code points no font has go with the run
// they are in (they are reported by missingGlyphs).
std::vector<TextRun> itemiseRuns(std::string_view utf8, std::span<TTF_Font* const> chain);

// Characters a font never draws a box for: controls, and format characters HarfBuzz hides.
bool isInvisibleFormatCharacter(char32_t cp);

// True when some font of the chain has a glyph for cp.
bool chainProvides(std::span<TTF_Font* const> chain, char32_t cp);

struct LineMetrics {
    int ascent = 0;  // from the line's top to the common baseline
    int height = 0;  // the line's height, enough for every font's ascent, descent and line skip
};
LineMetrics lineMetrics(std::span<TTF_Font* const> chain);

// A run's text as SDL_ttf should see it: a tab becomes a space and other control characters go, since a
// font would draw them as boxes.
std::string drawableText(std::string_view utf8);

// Shaped advance of one run (TTF_SizeUTF8: SDL_ttf shapes it with HarfBuzz); 0 for empty text.
int runWidth(TTF_Font* font, std::string_view utf8);

}  // namespace kiosk::text
