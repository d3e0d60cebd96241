// Deterministic stand-ins for fonts and images: text advances a fixed fraction of its size a code point
// (CJK twice that), so layout tests need no font files and give the same numbers everywhere.
#pragma once

#include "core/ImageMeasurer.h"
#include "layout/TextMeasurer.h"

#include <set>
#include <string>

namespace kiosk::testing {

class FakeMeasurer : public layout::TextMeasurer {
public:
    int width(std::string_view utf8, const layout::FontSpec& font) override {
        int total = 0;
        for (std::size_t i = 0; i < utf8.size();) {
            const unsigned char c = static_cast<unsigned char>(utf8[i]);
            const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            const bool wide = length == 3 && c >= 0xE3 && c <= 0xE9;  // CJK ideographs and punctuation
            total += font.px * (wide ? 10 : 5) / 10;
            i += static_cast<std::size_t>(length);
        }
        return total;
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
