// The pledge form as the kiosk shows it: fields, consents and the privacy notice, every text a language map.
#pragma once

#include "form/FieldKinds.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kiosk::form {

// A text in each language offered: { "en": "...", "ms": "...", "zh": "...", "ta": "..." }.
using LanguageText = std::map<std::string, std::string>;

struct ChoiceOption {
    std::string value;  // what is stored, e.g. "selangor"
    LanguageText label;
};

struct FormField {
    std::string id;  // "name", "email", "phone", "state"
    LanguageText label;
    FieldKind kind = FieldKind::Text;
    bool required = false;
    std::size_t maxLength = 100;        // in code points; typing past it is refused
    std::vector<ChoiceOption> options;  // Choice only
};

// A tick box. Never pre-ticked: the form starts with every consent false.
struct Consent {
    std::string id;  // "sign", "updates"
    LanguageText text;
    bool required = false;
};

struct Form {
    std::vector<FormField> fields;
    std::vector<Consent> consents;
    LanguageText privacyNotice;

    const FormField* field(const std::string& id) const;
    const Consent* consent(const std::string& id) const;
};

// The text in `language`, else English, else empty: a missing translation must never show a blank form.
const std::string& textIn(const LanguageText& text, const std::string& language);

}  // namespace kiosk::form
