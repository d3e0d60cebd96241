// Action <-> widget id: fixed names, and a prefix with the pack's or the form's own id for indexed kinds.
#include "screens/ActionIds.h"

#include "screens/Keyboard.h"

#include <array>
#include <utility>

namespace kiosk::screens {

namespace {

// Kinds named by one fixed word.
constexpr std::array<std::pair<ActionKind, std::string_view>, 21> kFixed = {{
    {ActionKind::Start, "start"},
    {ActionKind::Back, "back"},
    {ActionKind::Home, "home"},
    {ActionKind::Done, "done"},
    {ActionKind::Next, "next"},
    {ActionKind::Previous, "previous"},
    {ActionKind::Cancel, "cancel"},
    {ActionKind::Submit, "submit"},
    {ActionKind::StillHere, "still-here"},
    {ActionKind::StillHereVeil, "still-here-veil"},
    {ActionKind::PrivacyMore, "privacy-more"},
    {ActionKind::SkipField, "skip-field"},
    {ActionKind::PinBack, "pin-back"},
    {ActionKind::PinOk, "pin-ok"},
    {ActionKind::AdminExit, "admin-exit"},
    {ActionKind::AdminExitCancel, "admin-exit-cancel"},
    {ActionKind::AdminExitConfirm, "admin-exit-confirm"},
    {ActionKind::ExportUsb, "admin-export-usb"},
    {ActionKind::SyncNow, "admin-sync-now"},
    {ActionKind::CheckUpdate, "admin-check-update"},
    {ActionKind::None, ""},
}};

// Kinds named by a prefix and the id of the thing at their index.
constexpr std::array<std::pair<ActionKind, std::string_view>, 9> kPrefixed = {{
    {ActionKind::Begin, "begin-"},
    {ActionKind::Language, "lang-"},
    {ActionKind::Open, "nav-"},
    {ActionKind::Case, "case-"},
    {ActionKind::ActionTab, "action-"},
    {ActionKind::Pledge, "pledge-"},
    {ActionKind::Field, "field-"},
    {ActionKind::Consent, "consent-"},
    {ActionKind::Option, "option-"},
}};

template <class Items, class IdOf> std::string nth(const Items& items, int index, IdOf idOf) {
    if (index < 0 || index >= static_cast<int>(items.size())) return "";
    return std::string(idOf(items[static_cast<std::size_t>(index)]));
}

const form::Form* formOf(const ScreenContext& context) {
    return context.extras.pledge ? context.extras.pledge->form : nullptr;
}

const form::FormField* focusedField(const ScreenContext& context) {
    const form::Form* form = formOf(context);
    return form ? form->field(context.extras.pledge->focusedField) : nullptr;
}

// The thing an indexed kind points at, named by its own id; empty when there is none.
std::string itemId(ActionKind kind, int index, const ScreenContext& context) {
    const auto& pack = context.pack;
    const auto self = [](const auto& text) -> const std::string& { return text; };
    const auto idOf = [](const auto& item) -> const std::string& { return item.id; };
    switch (kind) {
    case ActionKind::Begin:
    case ActionKind::Language:
        return nth(pack.languages, index, self);
    case ActionKind::Open: {
        return index >= 0 && index < kScreenCount ? std::string(kScreens[index].name) : "";
    }
    case ActionKind::Case:
        return nth(pack.cases, index, idOf);
    case ActionKind::ActionTab:
    case ActionKind::Pledge:
        return nth(pack.actions, index, idOf);
    case ActionKind::Field:
        return formOf(context) ? nth(formOf(context)->fields, index, idOf) : "";
    case ActionKind::Consent:
        return formOf(context) ? nth(formOf(context)->consents, index, idOf) : "";
    case ActionKind::Option: {
        const form::FormField* field = focusedField(context);
        return field ? nth(field->options, index, [](const auto& o) -> const std::string& { return o.value; })
                     : "";
    }
    default:
        return "";
    }
}

}  // namespace

std::string actionId(const Action& action, const ScreenContext& context) {
    for (const auto& [kind, name] : kFixed)
        if (kind == action.kind) return std::string(name);
    for (const auto& [kind, prefix] : kPrefixed) {
        if (kind != action.kind) continue;
        const std::string item = itemId(kind, action.index, context);
        return item.empty() ? "" : std::string(prefix) + item;
    }
    switch (action.kind) {
    case ActionKind::PinDigit:
        return action.index >= 0 && action.index <= 9 ? "pin-" + std::to_string(action.index) : "";
    case ActionKind::Clock:
        return action.index >= 0 && action.index < static_cast<int>(kClockSteps.size())
                   ? kClockSteps[static_cast<std::size_t>(action.index)].id
                   : "";
    case ActionKind::Key: {
        const form::FormField* field = focusedField(context);
        if (!field) return "";
        const auto key =
            keyAt(keyboardFor(*field, context.extras.pledge->keyboard), action.index, emailKeyboard(*field));
        return key ? key->id : "";
    }
    default:
        return "";
    }
}

std::optional<Action> actionNamed(std::string_view id, const ScreenContext& context) {
    if (id.empty()) return std::nullopt;
    for (const auto& [kind, name] : kFixed)
        if (name == id) return Action{kind, 0};
    for (const auto& [kind, prefix] : kPrefixed) {
        if (!id.starts_with(prefix)) continue;
        // Indexes are few (languages, cases, fields): try each until one names the same item.
        for (int index = 0;; ++index) {
            const std::string item = itemId(kind, index, context);
            if (item.empty()) break;
            if (id.substr(prefix.size()) == item) return Action{kind, index};
        }
    }
    for (int digit = 0; digit <= 9; ++digit)
        if (id == actionId({ActionKind::PinDigit, digit}, context))
            return Action{ActionKind::PinDigit, digit};
    for (int step = 0; step < static_cast<int>(kClockSteps.size()); ++step)
        if (id == kClockSteps[static_cast<std::size_t>(step)].id) return Action{ActionKind::Clock, step};
    if (const form::FormField* field = focusedField(context))
        if (const auto index = keyIndex(keyboardFor(*field, context.extras.pledge->keyboard), std::string(id),
                                        emailKeyboard(*field)))
            return Action{ActionKind::Key, *index};
    return std::nullopt;
}

}  // namespace kiosk::screens
