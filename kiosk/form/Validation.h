// Checking a filled-in form: required fields and consents, lengths, and each value by its kind's rule
// (form/FieldKinds.h).
#pragma once

#include "form/EmailAddress.h"
#include "form/FieldKinds.h"
#include "form/Form.h"
#include "form/FormState.h"
#include "form/PhoneNumber.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::form {

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

// Text without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

}  // namespace kiosk::form
