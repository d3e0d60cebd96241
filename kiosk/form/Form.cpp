// Look-ups on the form model.
#include "form/Form.h"

#include <algorithm>

namespace kiosk::form {

const FormField* Form::field(const std::string& id) const {
    const auto found =
        std::find_if(fields.begin(), fields.end(), [&](const FormField& f) { return f.id == id; });
    return found == fields.end() ? nullptr : &*found;
}

const Consent* Form::consent(const std::string& id) const {
    const auto found =
        std::find_if(consents.begin(), consents.end(), [&](const Consent& c) { return c.id == id; });
    return found == consents.end() ? nullptr : &*found;
}

const std::string& textIn(const LanguageText& text, const std::string& language) {
    static const std::string empty;
    if (const auto found = text.find(language); found != text.end()) return found->second;
    if (const auto english = text.find("en"); english != text.end()) return english->second;
    return empty;
}

}  // namespace kiosk::form
