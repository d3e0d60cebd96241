// The pledge form of an action, read into form::Form as the kiosk UI and the pledge recorder use it.
#include "content/PackForm.h"

#include "content/Suggest.h"
#include "content/ValueRules.h"
#include "form/Utf8.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace kiosk::content::detail {

namespace {

constexpr std::int64_t kMinMaxLength = 1;
constexpr std::int64_t kMaxMaxLength = 500;

// Keys a pack author might write to start a consent ticked. Consent must be given by the signer's own tap,
// so each is refused with that reason rather than as a mere unknown key.
constexpr std::string_view kPreTickKeys[] = {"checked",    "default",   "ticked",  "value",
                                             "pre_ticked", "preticked", "selected"};

std::string clip(std::string_view text) {
    return std::string(text.substr(0, 60)) + (text.size() > 60 ? "..." : "");
}

// Where `key` itself is written in `table`, falling back to its value.
Position keyPosition(const toml::table& table, std::string_view key) {
    for (auto&& [k, value] : table) {
        if (k.str() == key) return k.source().begin.line ? positionOf(k.source()) : positionOf(value);
    }
    return positionOf(table);
}

// A form text in every pack language: a missing or empty translation holds what LocalText::in would show,
// so the UI never falls back on its own to a language the pack does not default to.
form::LanguageText complete(const LocalText& text, const PackContext& context) {
    form::LanguageText out = text.byLanguage;
    const std::string& fallback = text.in(context.defaultLanguage, context.defaultLanguage);
    for (const auto& language : context.languages) {
        std::string& translation = out[language];
        if (translation.empty()) translation = fallback;
    }
    return out;
}

// Field and consent ids share one namespace: validation reports problems by id, for fields and consents
// alike.
struct FirstUse {
    int line = 0;
    std::string kind;
};
using FormIds = std::map<std::string, FirstUse>;

std::string readFormId(TableReader& in, FormIds& seen, const std::string& kind) {
    const auto id = in.string("id", Need::Required);
    if (!id) return {};
    const Position at = in.positionOf("id");
    if (!isValidFormKey(*id)) {
        in.report().error(at, "id \"" + clip(*id) + "\" may only use a-z, 0-9, \"-\" and \"_\"; try \"" +
                                  clip(suggestId(*id)) + "\"");
        return *id;
    }
    const auto [first, inserted] = seen.emplace(*id, FirstUse{at.line, kind});
    if (!inserted) {
        in.report().error(at, "id \"" + *id + "\" is already used by the " + first->second.kind +
                                  " at line " + std::to_string(first->second.line) +
                                  "; give each field and consent of a form its own id");
    }
    return *id;
}

// The kinds' pack names quoted, the last joined by `lastJoin`: "text", "email", "phone" or "choice".
std::string quotedKinds(std::string_view lastJoin) {
    std::string list;
    const auto kinds = form::fieldKinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (i > 0) list += i + 1 == kinds.size() ? std::string(lastJoin) : std::string(", ");
        list += "\"" + std::string(kinds[i].packName) + "\"";
    }
    return list;
}

std::optional<form::FieldKind> readKind(TableReader& in) {
    const auto kinds = form::fieldKinds();
    const std::string others = quotedKinds(", ").substr(kinds.front().packName.size() + 4);
    const toml::node* value =
        in.node("kind", Need::Required,
                "add kind = \"" + std::string(kinds.front().packName) + "\" (or " + others + ")");
    if (!value) return std::nullopt;
    const auto* text = value->as_string();
    if (!text) {
        in.typeError(*value, "kind", "a string", quotedKinds(" or "));
        return std::nullopt;
    }
    if (const auto kind = form::kindNamed(text->get())) return kind;
    std::vector<std::string_view> names;
    for (const auto& kind : kinds)
        names.push_back(kind.packName);
    std::string message = "kind \"" + clip(text->get()) + "\" is not a field kind; ";
    if (const auto guess = closestMatch(text->get(), names))
        message += "did you mean \"" + *guess + "\"?";
    else
        message += "use " + quotedKinds(" or ");
    in.report().error(positionOf(*value), message);
    return std::nullopt;
}

// max_length, or nullopt when absent or out of range (after reporting).
std::optional<std::size_t> readMaxLength(TableReader& in) {
    const auto length = in.integer("max_length", Need::Optional);
    if (!length) return std::nullopt;
    if (*length < kMinMaxLength || *length > kMaxMaxLength) {
        in.report().error(in.positionOf("max_length"), "max_length is " + std::to_string(*length) + "; use " +
                                                           std::to_string(kMinMaxLength) + " to " +
                                                           std::to_string(kMaxMaxLength) +
                                                           " (characters a person may type)");
        return std::nullopt;
    }
    return static_cast<std::size_t>(*length);
}

// The longest value an option may have: its field's max_length (named in messages as `name`), or none to
// check when max_length itself was wrong.
struct ValueLimit {
    std::optional<std::size_t> length;
    std::string name;
};

form::ChoiceOption readOption(const toml::table& table, FileReport& report, const PackContext& context,
                              std::map<std::string, int>& values, const ValueLimit& limit) {
    TableReader in(table, report, "[[action.form.field.option]]", {"value", "label"});
    form::ChoiceOption option;
    if (const auto value = in.string("value", Need::Required)) {
        const Position at = in.positionOf("value");
        option.value = *value;
        if (!isValidFormKey(*value)) {
            report.error(at,
                         "value \"" + clip(*value) +
                             "\" may only use a-z, 0-9, \"-\" and \"_\" (it is what is stored; the label is "
                             "what people see); try \"" +
                             clip(suggestId(*value)) + "\"");
        } else if (const auto [first, inserted] = values.emplace(*value, at.line); !inserted) {
            report.error(at, "value \"" + *value + "\" is already used by the option at line " +
                                 std::to_string(first->second) + "; give each option its own value");
        } else if (const auto length = form::utf8::countCodePoints(*value).value_or(0);
                   limit.length && length > *limit.length) {
            // Validation measures a chosen value like typed text: a longer one could never be accepted.
            report.error(at, "value \"" + clip(*value) + "\" is " + std::to_string(length) +
                                 " characters, more than " + limit.name + " " +
                                 std::to_string(*limit.length) + "; raise max_length or shorten the value");
        }
    }
    const std::string name = "label of option \"" + clip(option.value) + "\"";
    option.label = complete(
        readText(in, "label", Need::Required, context, kLabelLimit, name).value_or(LocalText{}), context);
    return option;
}

form::FormField readField(const toml::table& table, FileReport& report, const PackContext& context,
                          FormIds& ids) {
    TableReader in(table, report, "[[action.form.field]]",
                   {"id", "label", "kind", "required", "max_length", "option"});
    form::FormField field;
    field.id = readFormId(in, ids, "field");
    const std::string name = "label of field \"" + clip(field.id) + "\"";
    field.label = complete(
        readText(in, "label", Need::Required, context, kLabelLimit, name).value_or(LocalText{}), context);
    const auto kind = readKind(in);
    if (kind) {
        field.kind = *kind;
        field.maxLength = form::kindInfo(*kind).defaultMaxLength;
    }
    field.required = in.boolean("required", Need::Optional).value_or(false);
    const auto maxLength = readMaxLength(in);
    if (maxLength) field.maxLength = *maxLength;

    const toml::node* options = in.raw().get("option");
    const bool picked = kind && form::kindInfo(*kind).entry == form::FieldEntry::Options;
    if (picked) {
        ValueLimit limit;
        if (maxLength)
            limit = {maxLength, "this field's max_length of"};
        else if (!in.raw().contains("max_length"))
            limit = {field.maxLength, "the default max_length of"};
        std::map<std::string, int> values;
        forEachTable(
            in, "option", Need::Optional,
            [&](const toml::table& option) {
                field.options.push_back(readOption(option, report, context, values, limit));
            },
            "action.form.field.option", kMaxOptions);
        const auto* list = options ? options->as_array() : nullptr;
        if (!options || (list && list->empty()))
            report.error(options ? positionOf(*options) : in.position(),
                         std::string(form::kindInfo(*kind).packName) + " field \"" + clip(field.id) +
                             "\" has no options; add at least one [[action.form.field.option]] with a value "
                             "and a label");
    } else if (kind && options) {
        std::string pickedKind;
        for (const auto& each : form::fieldKinds())
            if (each.entry == form::FieldEntry::Options && pickedKind.empty()) pickedKind = each.packName;
        report.error(keyPosition(table, "option"),
                     "only " + pickedKind + " fields have options; remove the options of field \"" +
                         clip(field.id) + "\" or set kind = \"" + pickedKind + "\"");
    }
    return field;
}

form::Consent readConsent(const toml::table& table, FileReport& report, const PackContext& context,
                          FormIds& ids) {
    const std::vector<std::string_view> preTick(std::begin(kPreTickKeys), std::end(kPreTickKeys));
    TableReader in(table, report, "[[action.form.consent]]", {"id", "text", "required"}, preTick);
    for (const auto key : kPreTickKeys) {
        if (!table.contains(key)) continue;
        report.error(keyPosition(table, key),
                     "consents are never pre-ticked; remove \"" + std::string(key) +
                         "\": every box starts empty and only the signer's own tap ticks it");
    }
    form::Consent consent;
    consent.id = readFormId(in, ids, "consent");
    const std::string name = "text of consent \"" + clip(consent.id) + "\"";
    consent.text = complete(
        readText(in, "text", Need::Required, context, kSentenceLimit, name).value_or(LocalText{}), context);
    consent.required = in.boolean("required", Need::Optional).value_or(false);
    return consent;
}

}  // namespace

std::optional<form::Form> readForm(TableReader& action, const PackContext& context, LocalText& submitLabel) {
    const toml::node* node = action.node("form", Need::Optional, {});
    if (!node) return std::nullopt;
    const toml::table* table = node->as_table();
    if (!table) {
        action.typeError(*node, "form", "a table", "{ ... } or an [action.form] section");
        return std::nullopt;
    }
    FileReport& report = action.report();
    TableReader in(*table, report, "[action.form]", {"privacy_notice", "submit", "field", "consent"});
    form::Form form;
    form.privacyNotice = complete(
        readText(in, "privacy_notice", Need::Required, context, kPagedLimit).value_or(LocalText{}), context);
    submitLabel = readText(in, "submit", Need::Required, context, kLabelLimit).value_or(LocalText{});

    FormIds ids;
    forEachTable(
        in, "field", Need::Required,
        [&](const toml::table& field) { form.fields.push_back(readField(field, report, context, ids)); },
        "action.form.field", kMaxFields);
    forEachTable(
        in, "consent", Need::Required,
        [&](const toml::table& consent) {
            form.consents.push_back(readConsent(consent, report, context, ids));
        },
        "action.form.consent", kMaxConsents);
    const bool agreementRequired = std::any_of(form.consents.begin(), form.consents.end(),
                                               [](const form::Consent& c) { return c.required; });
    if (!form.consents.empty() && !agreementRequired)
        report.error(
            in.position(),
            "no consent of this form is required; mark the signer's agreement (the consent that says "
            "what they sign) required = true");
    return form;
}

}  // namespace kiosk::content::detail
