// Measures text as the kiosk will draw it: SDL_ttf with HarfBuzz shaping, one font a run.
#include "text/TtfTextMeasurer.h"

#include "core/Utf8.h"
#include "text/TextRuns.h"

#include <algorithm>

namespace kiosk::text {

int TtfTextMeasurer::width(std::string_view utf8, const layout::FontSpec& font) {
    auto chain = fonts_.chain(font);
    if (!chain) {
        lastError_ = chain.error().message;
        return 0;
    }
    int total = 0;
    for (const TextRun& run : itemiseRuns(utf8, chain.value())) {
        total += runWidth(chain.value()[run.font], utf8.substr(run.begin, run.end - run.begin));
    }
    return total;
}

int TtfTextMeasurer::lineHeight(const layout::FontSpec& font) {
    auto chain = fonts_.chain(font);
    if (!chain) {
        lastError_ = chain.error().message;
        return font.px;
    }
    return lineMetrics(chain.value()).height;
}

std::u32string TtfTextMeasurer::missingGlyphs(std::string_view utf8, const layout::FontSpec& font) {
    auto chain = fonts_.chain(font);
    if (!chain) lastError_ = chain.error().message;
    std::u32string missing;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = kiosk::nextCodePoint(utf8, pos);
        if (isInvisibleFormatCharacter(cp)) continue;
        if (chain && chainProvides(chain.value(), cp)) continue;
        if (missing.find(cp) == std::u32string::npos) missing.push_back(cp);
    }
    return missing;
}

}  // namespace kiosk::text
