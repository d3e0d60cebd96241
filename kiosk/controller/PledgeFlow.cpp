// The pledge form's behaviour: focus, typing, ticking, signing, and the timeouts of the form and the thanks.
#include "controller/PledgeFlow.h"

#include "content/BuiltinStrings.h"
#include "form/Validation.h"
#include "screens/Keyboard.h"

#include <algorithm>

namespace kiosk {

const form::Form* PledgeFlow::currentForm() const {
    if (!session_ || session_->action < 0 || session_->action >= static_cast<int>(pack_.actions.size()))
        return nullptr;
    const auto& form = pack_.actions[static_cast<std::size_t>(session_->action)].form;
    return form ? &*form : nullptr;
}

const screens::PledgeView* PledgeFlow::pledgeView() {
    if (!session_) return nullptr;
    view_.form = currentForm();
    view_.values = &session_->values;
    view_.ticked = &session_->ticked;
    view_.focusedField = session_->focused;
    view_.keyboard = session_->keyboard;
    view_.errors = session_->errors;
    view_.banner = session_->banner;
    view_.noticePage = session_->noticePage;
    view_.stillThere = shownStillThere_;
    view_.countdownSeconds = shownSeconds_;
    return &view_;
}

void PledgeFlow::start(int action, Navigator& nav) {
    const auto& form = pack_.actions[static_cast<std::size_t>(action)].form;
    session_.reset();  // wipes any earlier values before a new form starts
    session_.emplace(
        Session{action, form::FormState(*form), {}, "", screens::KeyboardMode::Letters, {}, "", 0, 0});
    nav.open(ScreenId::Pledge, action);
    if (!form->fields.empty()) focusField(form->fields.front().id);
}

void PledgeFlow::clearValues() {
    if (!session_) return;
    session_->values.clear();
    session_->ticked.clear();
    session_->errors.clear();
    session_->focused.clear();
    session_->failures = 0;
}

void PledgeFlow::afterNavigation(ScreenId screen) {
    if (screen != ScreenId::Pledge && session_) {
        clearValues();
        session_.reset();
    }
    if (screen != ScreenId::Pledge) shownStillThere_ = false;
    if (screen != ScreenId::Thanks) thanks_.reference.clear();
}

bool PledgeFlow::touched() {
    if (!shownStillThere_) return false;
    shownStillThere_ = false;
    return true;
}

void PledgeFlow::focusField(const std::string& id) {
    if (!session_) return;
    session_->focused = id;
    session_->values.placeCaret(id, std::string::npos);  // typing goes on at the end, unless a tap says where
    session_->keyboard = screens::KeyboardMode::Letters;
    session_->banner.clear();
    capitaliseNames();
}

// A field for names starts each word with a capital by itself: "Priya Raman" without a shift key.
void PledgeFlow::capitaliseNames() {
    const form::Form* form = currentForm();
    const form::FormField* field = form && session_ ? form->field(session_->focused) : nullptr;
    if (!field || form::kindInfo(field->kind).entry != form::FieldEntry::Names) return;
    const std::string& value = session_->values.value(field->id);
    session_->keyboard =
        screens::autoCapitals(session_->keyboard, value.substr(0, session_->values.caret(field->id)));
}

void PledgeFlow::placeCaret(int field, std::size_t offset) {
    const form::Form* form = currentForm();
    if (!form || field < 0 || field >= static_cast<int>(form->fields.size())) return;
    const form::FormField& tapped = form->fields[static_cast<std::size_t>(field)];
    if (tapped.id != session_->focused || form::kindInfo(tapped.kind).entry == form::FieldEntry::Options)
        return;
    session_->values.placeCaret(tapped.id, offset);
    capitaliseNames();
}

void PledgeFlow::focusNextField() {
    const form::Form* form = currentForm();
    if (!form || !session_) return;
    const auto& fields = form->fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].id != session_->focused) continue;
        if (i + 1 < fields.size())
            focusField(fields[i + 1].id);
        else
            session_->focused.clear();  // the last field: the keyboard goes, the notice and consents show
        return;
    }
    if (!fields.empty()) focusField(fields.front().id);
}

bool PledgeFlow::typeText(const std::string& utf8) {
    if (!session_ || session_->focused.empty()) return false;
    const form::Form* form = currentForm();
    const form::FormField* field = form ? form->field(session_->focused) : nullptr;
    if (!field || form::kindInfo(field->kind).entry == form::FieldEntry::Options) return false;
    // Over-long input is refused as it is typed, never cut later.
    if (session_->values.type(field->id, utf8)) session_->errors.erase(field->id);
    return true;
}

bool PledgeFlow::key(Key key, const Navigator& nav) {
    if (nav.view().screen != ScreenId::Pledge || !session_ || session_->focused.empty()) return false;
    if (key == Key::Backspace) {
        session_->values.backspace(session_->focused);
        capitaliseNames();
        return true;
    }
    if (key == Key::Enter || key == Key::Tab) {
        focusNextField();
        return true;
    }
    return false;
}

bool PledgeFlow::stillThere(Millis now, Millis lastInput, const Navigator& nav) const {
    return nav.view().screen == ScreenId::Pledge && now - lastInput >= timeouts_.idleQuestion;
}

PledgeFlow::Tick PledgeFlow::tick(Millis now, Millis lastInput, const Navigator& nav) {
    const ScreenId screen = nav.view().screen;
    if (screen == ScreenId::Thanks)
        return now - lastInput >= timeouts_.thanksTimeout ? Tick::Leave : Tick::Nothing;
    if (screen != ScreenId::Pledge) return Tick::Nothing;
    // "Still there?" with a countdown, then the form is cleared and the loop resumes.
    if (now - lastInput >= timeouts_.idleClear) return Tick::Leave;
    const bool asking = stillThere(now, lastInput, nav);
    const Millis left = lastInput + timeouts_.idleClear - now;
    const int seconds = asking ? static_cast<int>((left.count() + 999) / 1000) : 0;
    if (asking == shownStillThere_ && seconds == shownSeconds_) return Tick::Nothing;
    shownStillThere_ = asking;
    shownSeconds_ = seconds;
    return Tick::Changed;
}

std::optional<Millis> PledgeFlow::nextDeadline(Millis now, Millis lastInput, const Navigator& nav) const {
    const ScreenId screen = nav.view().screen;
    if (screen == ScreenId::Thanks) return lastInput + timeouts_.thanksTimeout;
    if (screen != ScreenId::Pledge) return std::nullopt;
    const Millis clear = lastInput + timeouts_.idleClear;
    const Millis next = stillThere(now, lastInput, nav)
                            ? now + Millis(1000 - (now - lastInput - timeouts_.idleQuestion).count() % 1000)
                            : lastInput + timeouts_.idleQuestion;
    return std::min(next, clear);
}

void PledgeFlow::submit(Navigator& nav, const std::string& language) {
    const form::Form* form = currentForm();
    if (!form || !session_) return;
    session_->errors.clear();
    session_->banner.clear();
    auto check = form::validate(*form, session_->values, session_->ticked);
    // The normalised copies of what was typed are wiped as soon as they have served, like the form itself.
    struct Wipe {
        std::map<std::string, std::string>& values;
        ~Wipe() {
            for (auto& [id, value] : values)
                std::fill(value.begin(), value.end(), '\0');
        }
    } wipe{check.values};
    if (!check.ok()) {
        for (const auto& problem : check.problems)
            session_->errors.emplace(problem.id,
                                     pack_.uiText(content::problemUiKey(problem.problem), language));
        session_->focused.clear();  // the problems show where the keyboard was
        session_->noticePage = 0;   // on the form's first page
        return;
    }
    const auto& action = pack_.actions[static_cast<std::size_t>(session_->action)];
    const auto outcome = services_.submitPledge(*form, session_->values, session_->ticked,
                                                {action.id, language, pack_.id, pack_.version});
    switch (outcome.kind) {
    case PledgeOutcome::Kind::Saved: {
        if (saved_) saved_(outcome.uuid);
        nav.open(ScreenId::Thanks, session_->action);
        afterNavigation(ScreenId::Thanks);  // wipes the form
        thanks_.reference = outcome.reference;
        return;
    }
    case PledgeOutcome::Kind::AlreadySigned:
        clearValues();
        session_->banner = pack_.uiText("already_signed", language);
        return;
    case PledgeOutcome::Kind::NotSetUp:
        clearValues();
        session_->banner = pack_.uiText("not_collecting", language);
        return;
    case PledgeOutcome::Kind::Invalid:
    case PledgeOutcome::Kind::StorageFull:
    case PledgeOutcome::Kind::Failed:
        // A polite failure; the form stays filled for one retry, then is cleared.
        if (++session_->failures < 2) {
            session_->banner = pack_.uiText("save_failed", language);
        } else {
            clearValues();
            session_->banner = pack_.uiText("save_failed_final", language);
        }
        session_->focused.clear();
        return;
    }
}

bool PledgeFlow::activate(const Action& action, Navigator& nav, const std::string& language) {
    if (action.kind == ActionKind::Pledge) {
        const int index = action.index;
        if (index < 0 || index >= static_cast<int>(pack_.actions.size()) ||
            !pack_.actions[static_cast<std::size_t>(index)].form)
            return true;
        if (!services_.collection().ready()) return true;  // the button is not offered then
        start(index, nav);
        return true;
    }
    if (nav.view().screen != ScreenId::Pledge || !session_) return false;
    const form::Form* form = currentForm();
    if (!form) return false;
    const auto within = [&](const auto& items) {
        return action.index >= 0 && action.index < static_cast<int>(items.size());
    };
    switch (action.kind) {
    case ActionKind::Cancel:
        nav.open(ScreenId::Act, session_->action);
        return true;
    case ActionKind::Submit:
        // Signing while the keyboard is up first puts it away: the signer agrees with the consents and the
        // privacy notice in view, never with the notice hidden behind the keys.
        if (!session_->focused.empty()) {
            session_->focused.clear();
            session_->noticePage = 0;
            return true;
        }
        submit(nav, language);
        return true;
    case ActionKind::StillHere:
    case ActionKind::StillHereVeil:
        return true;  // touching was enough
    case ActionKind::PrivacyMore:
        ++session_->noticePage;  // the screen wraps it to the first page after the last
        return true;
    case ActionKind::Field:
        if (within(form->fields)) focusField(form->fields[static_cast<std::size_t>(action.index)].id);
        return true;
    case ActionKind::Consent:
        if (within(form->consents)) {
            const std::string& consent = form->consents[static_cast<std::size_t>(action.index)].id;
            session_->ticked[consent] = !session_->ticked[consent];
            session_->errors.erase(consent);
            session_->focused.clear();  // ticking ends typing: the keyboard goes and the words show whole
        }
        return true;
    case ActionKind::Option: {
        const form::FormField* field = form->field(session_->focused);
        if (field && within(field->options)) {
            session_->values.set(session_->focused,
                                 field->options[static_cast<std::size_t>(action.index)].value);
            session_->errors.erase(session_->focused);
            focusNextField();
        }
        return true;
    }
    case ActionKind::SkipField:
        focusNextField();
        return true;
    case ActionKind::Key:
        pressKey(action.index);
        return true;
    default:
        return false;
    }
}

void PledgeFlow::pressKey(int index) {
    const form::Form* form = currentForm();
    const form::FormField* field = form ? form->field(session_->focused) : nullptr;
    if (!field) return;
    const auto key = screens::keyAt(screens::keyboardFor(*field, session_->keyboard), index,
                                    screens::emailKeyboard(*field));
    if (!key) return;
    auto& keyboard = session_->keyboard;
    switch (key->effect) {
    case screens::KeyEffect::Insert:
        typeText(key->text);
        if (keyboard == screens::KeyboardMode::Shifted) keyboard = screens::KeyboardMode::Letters;
        capitaliseNames();
        break;
    case screens::KeyEffect::Domain:
        if (session_->values.set(field->id,
                                 screens::withDomain(session_->values.value(field->id), key->text)))
            session_->errors.erase(field->id);
        break;
    case screens::KeyEffect::Backspace:
        session_->values.backspace(field->id);
        capitaliseNames();
        break;
    case screens::KeyEffect::Shift:
        keyboard = keyboard == screens::KeyboardMode::Shifted ? screens::KeyboardMode::Letters
                                                              : screens::KeyboardMode::Shifted;
        break;
    case screens::KeyEffect::Symbols:
        keyboard = screens::KeyboardMode::Symbols;
        break;
    case screens::KeyEffect::Letters:
        keyboard = screens::KeyboardMode::Letters;
        break;
    case screens::KeyEffect::Next:
        focusNextField();
        break;
    }
}

}  // namespace kiosk
