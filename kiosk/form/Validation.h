// Checking a filled-in form: required fields and consents, e-mail and Malaysian phone shapes, choices,
// lengths.
#pragma once

#include "form/Form.h"
#include "form/FormState.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::form {

enum class Problem {
    Missing,          // a required field is empty
    BadEmail,         // not local@domain.tld
    BadPhone,         // not a Malaysian number
    NotAnOption,      // a choice outside the field's options
    TooLong,          // longer than the field's maximum
    ConsentRequired,  // a required consent is not ticked
};

struct FieldProblem {
    std::string id;  // a field's id, or a consent's id for ConsentRequired
    Problem problem = Problem::Missing;
};

struct Validation {
    std::vector<FieldProblem> problems;
    std::map<std::string, std::string>
        values;  // normalised: trimmed, phone as E.164; empty optional fields left out

    bool ok() const { return problems.empty(); }
    // The first problem for `id`, if any.
    std::optional<Problem> problemFor(const std::string& id) const;
};

// Checks every field and consent; `ticked` holds the consents the person ticked (missing means not ticked).
Validation validate(const Form& form, const FormState& state, const std::map<std::string, bool>& ticked);

// What to show a person for `problem`, in en, ms, zh or ta (anything else falls back to English).
const std::string& problemMessage(Problem problem, const std::string& language);

// The trimmed address if it has the shape local@domain.tld (one @, no spaces, at most 254 bytes).
std::optional<std::string> normaliseEmail(std::string_view text);
// The address trimmed and lower-cased: the key for spotting the same signer twice.
std::string signerEmailKey(std::string_view email);
// A Malaysian number in +60 or local form (digits, spaces, dashes) as E.164, e.g. "+60123456789".
std::optional<std::string> normalisePhone(std::string_view text);

// Text without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

}  // namespace kiosk::form
