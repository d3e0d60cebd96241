// The built-in texts: the form problems come from form/Validation's messages (a field kind's own from its
// row), the keyboard's keys are the same in every script.
#include "content/BuiltinStrings.h"

#include <utility>

namespace kiosk::content {

namespace {
using form::Problem;

// Every problem with its [ui] key, in the order docs/pack-format.md lists them: the shared ones around
// each field kind's own (form/FieldKinds.h).
const std::vector<std::pair<Problem, std::string>>& problemKeys() {
    static const std::vector<std::pair<Problem, std::string>> keys = [] {
        std::vector<std::pair<Problem, std::string>> out = {{Problem::Missing, "error_missing"}};
        for (const auto& kind : form::fieldKinds())
            if (!kind.badValueWords.uiKey.empty()) out.emplace_back(kind.badValue, kind.badValueWords.uiKey);
        out.emplace_back(Problem::TooLong, "error_too_long");
        out.emplace_back(Problem::ConsentRequired, "error_consent_required");
        return out;
    }();
    return keys;
}

// The languages form/Validation has messages in.
const std::vector<std::string> kShippedLanguages = {"en", "ms", "zh", "ta"};

// Keys that read the same whatever the language.
const std::map<std::string, std::string>& universal() {
    static const std::map<std::string, std::string> texts = {
        {"key_shift", "Aa"},
        {"key_symbols", "123"},
        {"key_letters", "abc"},
    };
    return texts;
}

// The screens' own words that a pack need not write, in the languages we ship.
const std::map<std::string, std::map<std::string, std::string>>& chrome() {
    static const std::map<std::string, std::map<std::string, std::string>> texts = {
        {"read_more", {{"en", "Read more"}, {"ms", "Baca lagi"}, {"zh", "阅读全文"}, {"ta", "மேலும் படிக்க"}}},
        // An optional field's way past it, and a name field's hint that the Latin keyboard is meant for names
        // in any script (ours, awaiting native review like the shipped pack's words).
        {"skip", {{"en", "Skip"}, {"ms", "Langkau"}, {"zh", "跳过"}, {"ta", "தவிர்"}}},
        {"latin_letters",
         {{"en", "In Latin letters (A-Z)"},
          {"ms", "Dalam huruf Rumi (A-Z)"},
          {"zh", "请用拼音或英文字母"},
          {"ta", "ஆங்கில எழுத்துகளில் (A-Z)"}}},
    };
    return texts;
}
}  // namespace

const std::vector<std::string>& builtinUiKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& [problem, key] : problemKeys())
            out.emplace_back(key);
        for (const auto& [key, text] : universal())
            out.push_back(key);
        for (const auto& [key, texts] : chrome())
            out.push_back(key);
        return out;
    }();
    return keys;
}

const std::string* builtinUiText(const std::string& key, const std::string& language) {
    if (const auto it = universal().find(key); it != universal().end()) return &it->second;
    if (const auto it = chrome().find(key); it != chrome().end()) {
        const auto text = it->second.find(language);
        return text != it->second.end() ? &text->second : nullptr;
    }
    for (const auto& [problem, problemKey] : problemKeys()) {
        if (key != problemKey) continue;
        for (const auto& shipped : kShippedLanguages)
            if (shipped == language) return &form::problemMessage(problem, language);
    }
    return nullptr;
}

std::string problemUiKey(form::Problem problem) {
    for (const auto& [each, key] : problemKeys())
        if (each == problem) return key;
    return "error_missing";
}

}  // namespace kiosk::content
