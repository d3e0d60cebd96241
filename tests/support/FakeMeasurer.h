// Deterministic stand-ins for fonts and images, the one set every test uses: a code point advances half the
// pixel size (a CJK or full-width one the whole size), the sum rounded down once; a line is 1.3 times the
// pixel size, near the Noto fonts' 1.36, so the screens' tests fit as the real fonts do. No font files, the
// same numbers everywhere: at 20 px a letter is 10 px, a Chinese character 20 px, a line 26 px, a paragraph
// gap 13 px.
#pragma once

#include "core/ImageMeasurer.h"
#include "core/Utf8.h"
#include "layout/TextMeasurer.h"

#include <set>
#include <string>

namespace kiosk::testing {

class FakeMeasurer : public layout::TextMeasurer {
public:
    // CJK radicals to ideographs, CJK punctuation and the full-width forms: a whole em.
    static bool isWide(char32_t cp) {
        return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    int width(std::string_view utf8, const layout::FontSpec& font) override {
        int halfEms = 0;
        for (const char32_t cp : toUtf32(utf8))
            halfEms += isWide(cp) ? 2 : 1;
        return halfEms * font.px / 2;
    }
    int lineHeight(const layout::FontSpec& font) override { return font.px * 13 / 10; }
    std::u32string missingGlyphs(std::string_view utf8, const layout::FontSpec&) override {
        // U+E000 (private use, as bytes EE 80 80) stands for a character no font has.
        return utf8.find("\xEE\x80\x80") == std::string_view::npos ? std::u32string()
                                                                   : std::u32string(1, 0xE000);
    }
};

class FakeImages : public ImageMeasurer {
public:
    std::set<std::string> broken;
    std::optional<Size> imageSize(const std::string& path) override {
        if (broken.count(path)) return std::nullopt;
        return Size{400, 400};
    }
};

}  // namespace kiosk::testing
