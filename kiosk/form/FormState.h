// What a person has typed into the form so far; refuses keystrokes past a field's limit and wipes on clear.
#pragma once

#include "form/Form.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace kiosk::form {

class FormState {
public:
    explicit FormState(const Form& form);
    ~FormState();
    // Personal data is not copied around; moving hands it over.
    FormState(const FormState&) = delete;
    FormState& operator=(const FormState&) = delete;
    FormState(FormState&&) = default;
    FormState& operator=(FormState&&) = default;

    // Inserts `utf8` at the field's caret (the end, unless the signer placed it) and moves the caret past it.
    // Returns false, changing nothing, for an unknown field, ill-formed UTF-8 or text that would take the
    // field past its maximum length in code points.
    bool type(const std::string& fieldId, std::string_view utf8);
    // Removes the character before the caret (a base letter with its combining marks, so a Tamil syllable
    // goes at once). Returns false if there is none or the field is unknown.
    bool backspace(const std::string& fieldId);
    // Replaces the field's value (a choice being picked) and puts the caret at its end; same refusals as
    // type().
    bool set(const std::string& fieldId, std::string_view utf8);

    // Where typing goes, as a byte offset into value(); always at the start of a character.
    std::size_t caret(const std::string& fieldId) const;
    // Moves the caret to `offset` (clamped to the value, moved back to the start of the character it falls
    // in), e.g. where the signer tapped to fix a typo mid-word.
    void placeCaret(const std::string& fieldId, std::size_t offset);

    // The value typed so far; empty for an unknown field.
    const std::string& value(const std::string& fieldId) const;
    // Length in code points, as counted against the limit.
    std::size_t length(const std::string& fieldId) const;
    std::size_t maxLength(const std::string& fieldId) const;

    // Overwrites every value's bytes before emptying it, so nothing typed lingers in memory.
    void clear();

private:
    struct Slot {
        std::string text;
        std::size_t length = 0;
        std::size_t maxLength = 0;
        std::size_t caret = 0;  // bytes
    };
    std::map<std::string, Slot> slots_;
};

}  // namespace kiosk::form
