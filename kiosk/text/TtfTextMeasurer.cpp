// Measures text as the kiosk will draw it: SDL_ttf with HarfBuzz shaping, one font a run.
#include "text/TtfTextMeasurer.h"

#include "core/Utf8.h"
#include "text/TextRuns.h"

#include <algorithm>
#include <functional>

namespace kiosk::text {

namespace {
// Enough for every text of a pack in every language at every size tried; past it, start again.
constexpr std::size_t kMaxRemembered = 32768;

template <typename Map> void makeRoom(Map& map) {
    if (map.size() >= kMaxRemembered) map.clear();
}
}  // namespace

TtfTextMeasurer::Key TtfTextMeasurer::keyOf(std::string_view utf8, const layout::FontSpec& font) {
    const std::uint64_t text = std::hash<std::string_view>{}(utf8) ^ (std::uint64_t(utf8.size()) << 48);
    const std::uint64_t spec = std::hash<std::string_view>{}(font.language) * 31 +
                               static_cast<std::uint64_t>(font.px) * 2 + (font.bold ? 1 : 0);
    return {text, spec};
}

int TtfTextMeasurer::width(std::string_view utf8, const layout::FontSpec& font) {
    const Key key = keyOf(utf8, font);
    if (auto found = widths_.find(key); found != widths_.end()) return found->second;
    auto chain = fonts_.chain(font, utf8);
    if (!chain) {
        lastError_ = chain.error().message;
        return 0;
    }
    int total = 0;
    for (const TextRun& run : itemiseRuns(utf8, chain.value())) {
        total += runWidth(chain.value()[run.font], utf8.substr(run.begin, run.end - run.begin));
    }
    makeRoom(widths_);
    widths_.emplace(key, total);
    return total;
}

int TtfTextMeasurer::lineHeight(const layout::FontSpec& font) {
    const Key key = keyOf({}, font);
    if (auto found = heights_.find(key); found != heights_.end()) return found->second;
    auto chain = fonts_.chain(font);
    if (!chain) {
        lastError_ = chain.error().message;
        return font.px;
    }
    const int height = lineMetrics(chain.value()).height;
    makeRoom(heights_);
    heights_.emplace(key, height);
    return height;
}

std::u32string TtfTextMeasurer::missingGlyphs(std::string_view utf8, const layout::FontSpec& font) {
    const Key key = keyOf(utf8, font);
    if (complete_.contains(key)) return {};
    auto chain = fonts_.chain(font, utf8);
    if (!chain) lastError_ = chain.error().message;
    std::u32string missing;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = kiosk::nextCodePoint(utf8, pos);
        if (isInvisibleFormatCharacter(cp)) continue;
        if (chain && chainProvides(chain.value(), cp)) continue;
        if (missing.find(cp) == std::u32string::npos) missing.push_back(cp);
    }
    if (chain && missing.empty()) {
        makeRoom(complete_);
        complete_.emplace(key, true);
    }
    return missing;
}

}  // namespace kiosk::text
