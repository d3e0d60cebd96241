// A fixed-advance TextMeasurer: half the pixel size a code point, the whole size for CJK, 1.5 px a line.
#pragma once

#include "core/Utf8.h"
#include "layout/TextMeasurer.h"

namespace kiosk::layout::testing {

inline bool isWide(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F);
}

class FakeMeasurer : public TextMeasurer {
public:
    int width(std::string_view utf8, const FontSpec& font) override {
        ++widthCalls;
        int units = 0;  // half-pixel-size units
        for (char32_t cp : toUtf32(utf8))
            units += isWide(cp) ? 2 : 1;
        return units * font.px / 2;
    }
    int lineHeight(const FontSpec& font) override { return font.px * 3 / 2; }
    std::u32string missingGlyphs(std::string_view, const FontSpec&) override { return {}; }

    int widthCalls = 0;
};

}  // namespace kiosk::layout::testing
