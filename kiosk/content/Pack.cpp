// Language fallback for the pack's texts.
#include "content/Pack.h"

namespace kiosk::content {

const std::string& LocalText::in(const std::string& language, const std::string& fallback) const {
    static const std::string kEmpty;
    if (const auto it = byLanguage.find(language); it != byLanguage.end() && !it->second.empty())
        return it->second;
    if (const auto it = byLanguage.find(fallback); it != byLanguage.end()) return it->second;
    return kEmpty;
}

std::string Pack::uiText(const std::string& key, const std::string& language) const {
    const auto it = ui.find(key);
    if (it == ui.end()) return key;
    const std::string& text = it->second.in(language, defaultLanguage);
    return text.empty() ? key : text;
}

}  // namespace kiosk::content
