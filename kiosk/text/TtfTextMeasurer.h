// Measures text as the kiosk will draw it: SDL_ttf with HarfBuzz shaping, one font a run.
#pragma once

#include "layout/TextMeasurer.h"
#include "text/FontLibrary.h"

#include <cstdint>
#include <string>
#include <unordered_map>

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
    // A screen is laid out again at every change (each key typed), measuring the same words at the same
    // sizes; and a font sized again loses its glyphs (one font a face, see FontLibrary). So answers are kept,
    // under a hash of the text and the font: never the text itself, which may be what a visitor typed.
    struct Key {
        std::uint64_t text = 0;
        std::uint64_t font = 0;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& key) const { return key.text ^ (key.font * 0x9E3779B97F4A7C15ull); }
    };
    static Key keyOf(std::string_view utf8, const layout::FontSpec& font);

    FontLibrary& fonts_;
    std::string lastError_;
    std::unordered_map<Key, int, KeyHash> widths_;
    std::unordered_map<Key, int, KeyHash> heights_;
    std::unordered_map<Key, bool, KeyHash> complete_;  // texts every glyph of which the chain has
};

}  // namespace kiosk::text
