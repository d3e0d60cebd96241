// How layout asks about text without knowing fonts: widths, line heights and missing glyphs.
// The SDL_ttf implementation lives in text/; tests use a fixed-width fake.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::layout {

struct FontSpec {
    std::string language;  // "en", "ms", "zh", "ta": picks the font chain and shaping script
    int px = 24;
    bool bold = false;
};

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width in pixels of one shaped line.
    virtual int width(std::string_view utf8, const FontSpec& font) = 0;
    // Distance between the tops of two lines.
    virtual int lineHeight(const FontSpec& font) = 0;
    // Code points no font in the chain can draw (would show as tofu); empty when all are covered.
    virtual std::u32string missingGlyphs(std::string_view utf8, const FontSpec& font) = 0;
};

}  // namespace kiosk::layout
