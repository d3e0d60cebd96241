// Every kind of form field, once: its name in a pack, how a value is checked and normalised, how a person
// enters it (which keyboard, or picking an option), how the recorder treats it, and its defaults. Adding a
// kind is an enumerator and a row here (FieldKinds.cpp) plus its rule in a file of its own; the pack reader,
// validation, the keyboard, the pledge screen and flow, the recorder, the tour and the tests take it from
// this table.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::form {

struct FormField;

enum class FieldKind { Text, Email, Phone, Choice };

// What can be wrong with a filled-in form. The kinds' own problems (a value of the wrong shape) sit here
// beside the kinds; their words are in the kind's row.
enum class Problem {
    Missing,          // a required field is empty
    BadEmail,         // not local@domain.tld
    BadPhone,         // not a Malaysian number
    NotAnOption,      // a choice outside the field's options
    TooLong,          // longer than the field's maximum
    ConsentRequired,  // a required consent is not ticked
};

// How a person gives a value: typed on one of the on-screen keyboards, or picked from the field's options.
enum class FieldEntry {
    Names,     // letters, a capital at the start of each word by itself
    Email,     // letters without a space bar; the common domains one tap each
    PhonePad,  // digits, "-" and "+60"
    Options,   // no keyboard: the field's options are buttons; typing is refused
};

// A problem's words in the languages the kiosk ships (a pack may override them in [ui] under `uiKey`).
struct ProblemWords {
    std::string_view uiKey;  // "error_bad_email"
    std::string_view en, ms, zh, ta;
};

struct FieldKindInfo {
    FieldKind kind;
    std::string_view packName;  // kind = "email" in actions.toml
    FieldEntry entry;
    // The value, trimmed and not empty, as it is stored (e.g. a phone number as E.164), or nullopt when it
    // has the wrong shape: then `badValue` is reported.
    std::optional<std::string> (*normalise)(std::string_view value, const FormField& field);
    Problem badValue;
    ProblemWords badValueWords;  // empty uiKey: every value that fits is accepted
    // The recorder refuses a second pledge on one action with the same value (the signer's e-mail).
    bool identifiesSigner;
    std::size_t defaultMaxLength;  // when the pack gives no max_length
    // For the tests of every kind: a value accepted (and what it is stored as) and one refused ("" when
    // the kind refuses nothing). A kind with options accepts the first option's value instead.
    std::string_view sampleValue, sampleStored, sampleRefused;
};

// Every kind, in FieldKind's order.
std::span<const FieldKindInfo> fieldKinds();
const FieldKindInfo& kindInfo(FieldKind kind);
// The kind a pack names, e.g. "email"; nullopt for anything else.
std::optional<FieldKind> kindNamed(std::string_view packName);
// The kind whose bad value `problem` is; nullopt for the problems every field shares.
const FieldKindInfo* kindWithProblem(Problem problem);

}  // namespace kiosk::form
