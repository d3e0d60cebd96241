// Validation of the pledge form, with its messages in the kiosk's four languages.
#include "form/Validation.h"

#include "form/Utf8.h"

#include <algorithm>
#include <cctype>

namespace kiosk::form {
namespace {

bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// The words of the problems every field shares; a kind's own problem has its words in its row of the
// field-kind table. FIXME: the ms, zh and ta messages are our own translations, awaiting native review.
const std::map<std::string, std::map<Problem, std::string>>& sharedMessages() {
    static const std::map<std::string, std::map<Problem, std::string>> messages = {
        {"en",
         {{Problem::Missing, "Please fill in this field."},
          {Problem::TooLong, "This is too long."},
          {Problem::ConsentRequired, "Please tick this box to continue."}}},
        {"ms",
         {{Problem::Missing, "Sila isi ruangan ini."},
          {Problem::TooLong, "Ini terlalu panjang."},
          {Problem::ConsentRequired, "Sila tandakan kotak ini untuk meneruskan."}}},
        {"zh",
         {{Problem::Missing, "请填写此栏。"},
          {Problem::TooLong, "内容过长。"},
          {Problem::ConsentRequired, "请勾选此框以继续。"}}},
        {"ta",
         {{Problem::Missing, "இந்தப் புலத்தை நிரப்பவும்."},
          {Problem::TooLong, "இது மிக நீளமாக உள்ளது."},
          {Problem::ConsentRequired, "தொடர, இந்தப் பெட்டியில் குறியிடவும்."}}},
    };
    return messages;
}

// Every problem's words in every shipped language: the shared ones and each kind's.
const std::map<std::string, std::map<Problem, std::string>>& allMessages() {
    static const std::map<std::string, std::map<Problem, std::string>> messages = [] {
        auto all = sharedMessages();
        for (const auto& kind : fieldKinds()) {
            const ProblemWords& words = kind.badValueWords;
            if (words.uiKey.empty()) continue;
            all["en"].emplace(kind.badValue, words.en);
            all["ms"].emplace(kind.badValue, words.ms);
            all["zh"].emplace(kind.badValue, words.zh);
            all["ta"].emplace(kind.badValue, words.ta);
        }
        return all;
    }();
    return messages;
}

}  // namespace

std::optional<Problem> Validation::problemFor(const std::string& id) const {
    const auto found =
        std::find_if(problems.begin(), problems.end(), [&](const FieldProblem& p) { return p.id == id; });
    if (found == problems.end()) return std::nullopt;
    return found->problem;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isAsciiSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isAsciiSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

Validation validate(const Form& form, const FormState& state, const std::map<std::string, bool>& ticked) {
    Validation result;
    for (const auto& field : form.fields) {
        const std::string_view value = trim(state.value(field.id));
        if (value.empty()) {
            if (field.required) result.problems.push_back({field.id, Problem::Missing});
            continue;
        }
        const auto length = utf8::countCodePoints(value);
        if (!length || *length > field.maxLength) {
            result.problems.push_back({field.id, Problem::TooLong});
            continue;
        }
        const FieldKindInfo& kind = kindInfo(field.kind);
        std::optional<std::string> normalised = kind.normalise(value, field);
        if (normalised) {
            result.values.emplace(field.id, std::move(*normalised));
        } else {
            result.problems.push_back({field.id, kind.badValue});
        }
    }
    for (const auto& consent : form.consents) {
        const auto found = ticked.find(consent.id);
        const bool isTicked = found != ticked.end() && found->second;
        if (consent.required && !isTicked) result.problems.push_back({consent.id, Problem::ConsentRequired});
    }
    return result;
}

const std::string& problemMessage(Problem problem, const std::string& language) {
    const auto& messages = allMessages();
    auto found = messages.find(language);
    if (found == messages.end()) found = messages.find("en");
    if (const auto words = found->second.find(problem); words != found->second.end()) return words->second;
    return messages.at("en").at(problem);
}

}  // namespace kiosk::form
