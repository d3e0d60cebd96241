// Language fallback for the pack's texts.
#include "content/Pack.h"

#include "content/BuiltinStrings.h"

namespace kiosk::content {

const std::string& LocalText::in(const std::string& language, const std::string& fallback) const {
    static const std::string kEmpty;
    if (const auto it = byLanguage.find(language); it != byLanguage.end() && !it->second.empty())
        return it->second;
    if (const auto it = byLanguage.find(fallback); it != byLanguage.end()) return it->second;
    return kEmpty;
}

std::string Pack::uiText(const std::string& key, const std::string& language) const {
    // The pack's own text in the language, else the kiosk's, else the default language's (pack, then kiosk).
    const auto it = ui.find(key);
    const auto packText = [&](const std::string& lang) -> const std::string* {
        if (it == ui.end()) return nullptr;
        const auto found = it->second.byLanguage.find(lang);
        return found != it->second.byLanguage.end() && !found->second.empty() ? &found->second : nullptr;
    };
    for (const std::string* lang : {&language, &defaultLanguage}) {
        if (const std::string* text = packText(*lang)) return *text;
        if (const std::string* text = builtinUiText(key, *lang)) return *text;
    }
    if (const std::string* text = builtinUiText(key, "en")) return *text;
    return key;
}

}  // namespace kiosk::content
