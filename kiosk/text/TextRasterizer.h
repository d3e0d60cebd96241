// Draws one line of text into a transparent ARGB surface, each run in its own font on a common baseline.
#pragma once

#include "core/Geometry.h"
#include "layout/TextMeasurer.h"
#include "text/FontLibrary.h"
#include "text/Surface.h"

#include <string>

namespace kiosk::text {

class TextRasterizer {
public:
    // `fonts` must outlive the rasterizer.
    explicit TextRasterizer(FontLibrary& fonts) : fonts_(fonts) {}

    // An ARGB8888 surface as wide as TtfTextMeasurer::width and as tall as its lineHeight, the text in
    // `color` (anti-aliased in the alpha channel) on transparency. Empty text gives a zero-width surface.
    // Null when a font cannot be opened or memory runs out; lastError() says why.
    SurfacePtr renderLine(std::string_view utf8, const layout::FontSpec& font, Color color);

    const std::string& lastError() const { return lastError_; }

private:
    FontLibrary& fonts_;
    std::string lastError_;
};

}  // namespace kiosk::text
