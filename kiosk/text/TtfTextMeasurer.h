// Measures text as the kiosk will draw it: SDL_ttf with HarfBuzz shaping, one font a run.
#pragma once

#include "layout/TextMeasurer.h"
#include "text/FontLibrary.h"

#include <string>

namespace kiosk::text {

class TtfTextMeasurer : public layout::TextMeasurer {
public:
    // `fonts` must outlive the measurer.
    explicit TtfTextMeasurer(FontLibrary& fonts) : fonts_(fonts) {}

    // Sum of the shaped widths of the line's runs.
    int width(std::string_view utf8, const layout::FontSpec& font) override;
    // Enough for every font of the language's chain, so lines mixing scripts never clip.
    int lineHeight(const layout::FontSpec& font) override;
    // Code points no font of the chain has (controls and newlines aside), each once, in text order.
    std::u32string missingGlyphs(std::string_view utf8, const layout::FontSpec& font) override;

    // Why the last failed call answered 0 (or everything missing): a font that would not open. Empty if none.
    const std::string& lastError() const { return lastError_; }

private:
    FontLibrary& fonts_;
    std::string lastError_;
};

}  // namespace kiosk::text
