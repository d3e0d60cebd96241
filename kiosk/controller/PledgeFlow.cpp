// The pledge form and the volunteer screens: focus, typing, ticking, signing, the PIN pad and the clock.
// Everything typed lives in one FormState, wiped whenever the signer leaves, cancels, idles or signs.
#include "content/BuiltinStrings.h"
#include "controller/KioskController.h"
#include "pledge/Validation.h"
#include "screens/Keyboard.h"

#include <algorithm>
#include <chrono>

namespace kiosk {

namespace {
bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}
constexpr std::size_t kLongestPin = 12;
}  // namespace

const pledge::Form* KioskController::currentForm() const {
    if (!pledge_ || pledge_->action < 0 || pledge_->action >= static_cast<int>(pack_.actions.size()))
        return nullptr;
    const auto& form = pack_.actions[static_cast<std::size_t>(pledge_->action)].form;
    return form ? &*form : nullptr;
}

void KioskController::startPledge(int action) {
    const auto& form = pack_.actions[static_cast<std::size_t>(action)].form;
    pledge_.reset();  // wipes any earlier values before a new form starts
    pledge_.emplace(PledgeSession{
        action, pledge::FormState(*form), {}, "", screens::KeyboardMode::Letters, {}, "", 0, 0});
    nav_.open(ScreenId::Pledge, action);
    if (!form->fields.empty()) focusField(form->fields.front().id);
}

void KioskController::clearPledgeValues() {
    if (!pledge_) return;
    pledge_->values.clear();
    pledge_->ticked.clear();
    pledge_->errors.clear();
    pledge_->focused.clear();
    pledge_->failures = 0;
}

// Leaving the form by any route (cancel, home, idle, signing) forgets it.
void KioskController::afterNavigation() {
    const ScreenId screen = nav_.view().screen;
    if (screen != ScreenId::Pledge && pledge_) {
        clearPledgeValues();
        pledge_.reset();
    }
    if (screen != ScreenId::Pledge) shownStillThere_ = false;
    if (screen != ScreenId::Thanks) thanks_.reference.clear();
    if (screen != ScreenId::AdminPin && screen != ScreenId::Admin) {
        admin_ = {};
        std::fill(pin_.begin(), pin_.end(), '\0');
        pin_.clear();
    }
}

void KioskController::focusField(const std::string& id) {
    if (!pledge_) return;
    pledge_->focused = id;
    pledge_->keyboard = screens::KeyboardMode::Letters;
    pledge_->banner.clear();
    capitaliseNames();
}

// A name field starts each word with a capital by itself: "Priya Raman" without a shift key.
void KioskController::capitaliseNames() {
    const pledge::Form* form = currentForm();
    const pledge::FormField* field = form && pledge_ ? form->field(pledge_->focused) : nullptr;
    if (!field || field->kind != pledge::FieldKind::Text) return;
    pledge_->keyboard = screens::autoCapitals(pledge_->keyboard, pledge_->values.value(field->id));
}

void KioskController::focusNextField() {
    const pledge::Form* form = currentForm();
    if (!form || !pledge_) return;
    const auto& fields = form->fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].id != pledge_->focused) continue;
        if (i + 1 < fields.size())
            focusField(fields[i + 1].id);
        else
            pledge_->focused.clear();  // the last field: the keyboard goes, the notice and consents show
        return;
    }
    if (!fields.empty()) focusField(fields.front().id);
}

void KioskController::typeText(const std::string& utf8) {
    if (!pledge_ || pledge_->focused.empty()) return;
    const pledge::Form* form = currentForm();
    const pledge::FormField* field = form ? form->field(pledge_->focused) : nullptr;
    if (!field || field->kind == pledge::FieldKind::Choice) return;
    // Over-long input is refused as it is typed, never cut later.
    if (pledge_->values.type(field->id, utf8)) pledge_->errors.erase(field->id);
    changed();
}

bool KioskController::stillThere(Millis now) const {
    return nav_.view().screen == ScreenId::Pledge && now - lastInput_ >= settings_.pledgeIdleQuestion;
}

int KioskController::secondsLeft(Millis now) const {
    const Millis left = lastInput_ + settings_.pledgeIdleClear - now;
    return static_cast<int>((left.count() + 999) / 1000);
}

void KioskController::submitPledge() {
    const pledge::Form* form = currentForm();
    if (!form || !pledge_) return;
    pledge_->errors.clear();
    pledge_->banner.clear();
    auto check = pledge::validate(*form, pledge_->values, pledge_->ticked);
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
            pledge_->errors.emplace(problem.id,
                                    pack_.uiText(content::problemUiKey(problem.problem), language_));
        pledge_->focused.clear();  // the problems show where the keyboard was
        pledge_->noticePage = 0;   // on the form's first page
        return;
    }
    const auto& action = pack_.actions[static_cast<std::size_t>(pledge_->action)];
    const auto outcome = services_.submitPledge(*form, pledge_->values, pledge_->ticked,
                                                {action.id, language_, pack_.id, pack_.version});
    switch (outcome.kind) {
    case PledgeOutcome::Kind::Saved: {
        if (pledgeSaved_) pledgeSaved_(outcome.uuid);
        const int actionIndex = pledge_->action;
        nav_.open(ScreenId::Thanks, actionIndex);
        afterNavigation();  // wipes the form
        thanks_.reference = outcome.reference;
        return;
    }
    case PledgeOutcome::Kind::AlreadySigned:
        clearPledgeValues();
        pledge_->banner = pack_.uiText("already_signed", language_);
        return;
    case PledgeOutcome::Kind::NotSetUp:
        clearPledgeValues();
        pledge_->banner = pack_.uiText("not_collecting", language_);
        return;
    case PledgeOutcome::Kind::Invalid:
    case PledgeOutcome::Kind::StorageFull:
    case PledgeOutcome::Kind::Failed:
        // A polite failure; the form stays filled for one retry, then is cleared.
        if (++pledge_->failures < 2) {
            pledge_->banner = pack_.uiText("save_failed", language_);
        } else {
            clearPledgeValues();
            pledge_->banner = pack_.uiText("save_failed_final", language_);
        }
        pledge_->focused.clear();
        return;
    }
}

bool KioskController::activatePledge(std::string_view id, Millis) {
    if (startsWith(id, "pledge-")) {
        for (std::size_t i = 0; i < pack_.actions.size(); ++i) {
            if (pack_.actions[i].id != id.substr(7) || !pack_.actions[i].form) continue;
            if (!services_.collectionProblem().empty()) return true;  // the button is not offered then
            startPledge(static_cast<int>(i));
            return true;
        }
        return true;
    }
    if (nav_.view().screen != ScreenId::Pledge || !pledge_) return false;
    const pledge::Form* form = currentForm();
    if (!form) return false;
    if (id == "cancel") {
        nav_.open(ScreenId::Act, pledge_->action);
        return true;
    }
    if (id == "submit") {
        // Signing while the keyboard is up first puts it away: the signer agrees with the consents and the
        // privacy notice in view, never with the notice hidden behind the keys.
        if (!pledge_->focused.empty()) {
            pledge_->focused.clear();
            pledge_->noticePage = 0;
            return true;
        }
        submitPledge();
        return true;
    }
    if (id == "still-here" || id == "still-here-veil") return true;  // touching was enough
    if (id == "privacy-more") {
        ++pledge_->noticePage;  // the screen wraps it to the first page after the last
        return true;
    }
    if (startsWith(id, "field-")) {
        if (form->field(std::string(id.substr(6)))) focusField(std::string(id.substr(6)));
        return true;
    }
    if (startsWith(id, "consent-")) {
        const std::string consent(id.substr(8));
        if (form->consent(consent)) {
            pledge_->ticked[consent] = !pledge_->ticked[consent];
            pledge_->errors.erase(consent);
            pledge_->focused.clear();  // ticking ends typing: the keyboard goes and the words show whole
        }
        return true;
    }
    if (startsWith(id, "option-")) {
        if (!pledge_->focused.empty()) {
            pledge_->values.set(pledge_->focused, id.substr(7));
            pledge_->errors.erase(pledge_->focused);
            focusNextField();
        }
        return true;
    }
    if (startsWith(id, "key-")) {
        const pledge::FormField* field = form->field(pledge_->focused);
        if (!field) return true;
        const auto mode =
            field->kind == pledge::FieldKind::Phone ? screens::KeyboardMode::PhonePad : pledge_->keyboard;
        const auto key = screens::findKey(mode, std::string(id), field->kind == pledge::FieldKind::Email);
        if (!key) return true;
        switch (key->effect) {
        case screens::KeyEffect::Insert:
            typeText(key->text);
            if (pledge_->keyboard == screens::KeyboardMode::Shifted)
                pledge_->keyboard = screens::KeyboardMode::Letters;
            capitaliseNames();
            break;
        case screens::KeyEffect::Domain:
            if (pledge_->values.set(field->id,
                                    screens::withDomain(pledge_->values.value(field->id), key->text)))
                pledge_->errors.erase(field->id);
            break;
        case screens::KeyEffect::Backspace:
            pledge_->values.backspace(field->id);
            capitaliseNames();
            break;
        case screens::KeyEffect::Shift:
            pledge_->keyboard = pledge_->keyboard == screens::KeyboardMode::Shifted
                                    ? screens::KeyboardMode::Letters
                                    : screens::KeyboardMode::Shifted;
            break;
        case screens::KeyEffect::Symbols:
            pledge_->keyboard = screens::KeyboardMode::Symbols;
            break;
        case screens::KeyEffect::Letters:
            pledge_->keyboard = screens::KeyboardMode::Letters;
            break;
        case screens::KeyEffect::Next:
            focusNextField();
            break;
        }
        return true;
    }
    return false;
}

void KioskController::openAdmin(Millis now) {
    touchedAt(now);
    nav_.open(ScreenId::AdminPin);
    afterNavigation();
    const Millis locked = services_.pinLockRemaining(now);
    if (locked > Millis{0})
        admin_.message = "Locked: try again in " + std::to_string((locked.count() + 999) / 1000) + " s.";
    changed();
}

void KioskController::pinEntered(Millis now) {
    const PinCheck result = services_.checkPin(pin_, now);
    std::fill(pin_.begin(), pin_.end(), '\0');
    pin_.clear();
    switch (result) {
    case PinCheck::Accepted:
        nav_.open(ScreenId::Admin);
        admin_.unlocked = true;
        admin_.message.clear();
        ++adminOpening_;
        startAdminWork(screens::AdminWork::Counting, now, [](KioskServices&) { return std::string(); });
        return;
    case PinCheck::Rejected:
        // The wrong PIN that starts a lock says so at once, not only at the next try.
        if (services_.pinLockRemaining(now) > Millis{0}) {
            const Millis left = services_.pinLockRemaining(now);
            admin_.message = "Wrong PIN. Too many wrong PINs: locked for " +
                             std::to_string((left.count() + 999) / 1000) + " s.";
        } else {
            admin_.message = "Wrong PIN.";
        }
        return;
    case PinCheck::LockedOut: {
        const Millis left = services_.pinLockRemaining(now);
        admin_.message =
            "Too many wrong PINs: locked for " + std::to_string((left.count() + 999) / 1000) + " s.";
        return;
    }
    case PinCheck::NotConfigured:
        admin_.message =
            "No admin PIN is set. Add admin_pin_hash to outreach-kiosk.toml on the SD card's boot "
            "partition (make one with: kioskctl pin).";
        return;
    }
}

bool KioskController::activateAdmin(std::string_view id, Millis now) {
    const ScreenId screen = nav_.view().screen;
    if (id == "admin") {  // the hidden gesture, as `kiosk play` names it
        openAdmin(now);
        return true;
    }
    if (screen == ScreenId::AdminPin && startsWith(id, "pin-")) {
        const std::string_view key = id.substr(4);
        if (key.size() == 1 && key[0] >= '0' && key[0] <= '9' && pin_.size() < kLongestPin) pin_ += key[0];
        if (key == "back" && !pin_.empty()) pin_.pop_back();
        if (key == "ok") pinEntered(now);
        return true;
    }
    if (screen != ScreenId::Admin || !admin_.unlocked) return false;
    // Leaving stops the campaign until the kiosk restarts: it takes a second, deliberate tap.
    if (id == "admin-exit") {
        admin_.confirmingExit = true;
        return true;
    }
    if (id == "admin-exit-cancel") {
        admin_.confirmingExit = false;
        return true;
    }
    if (id == "admin-exit-confirm" && admin_.confirmingExit) {
        exitRequested_ = true;
        return true;
    }
    // Off the screen's thread: the menu says what is under way and still answers taps; one at a time.
    if (id == "admin-export-usb" || id == "admin-sync-now" || id == "admin-check-update") {
        if (admin_.working != screens::AdminWork::None && admin_.working != screens::AdminWork::Counting)
            return true;
        if (id == "admin-export-usb")
            startAdminWork(screens::AdminWork::Exporting, now,
                           [](KioskServices& services) { return services.exportToUsb(); });
        else if (id == "admin-sync-now")
            startAdminWork(screens::AdminWork::Syncing, now,
                           [](KioskServices& services) { return services.syncNow(); });
        else
            startAdminWork(screens::AdminWork::CheckingUpdate, now,
                           [](KioskServices& services) { return services.checkForUpdate(); });
        return true;
    }
    using namespace std::chrono;
    const std::pair<std::string_view, seconds> clock[] = {
        {"clock-minus-day", -hours(24)},     {"clock-plus-day", hours(24)},
        {"clock-minus-hour", -hours(1)},     {"clock-plus-hour", hours(1)},
        {"clock-minus-minute", -minutes(1)}, {"clock-plus-minute", minutes(1)}};
    for (const auto& [clockId, delta] : clock) {
        if (id != clockId) continue;
        const std::string error = services_.adjustClock(delta);
        startAdminWork(screens::AdminWork::Counting, now,
                       [error](KioskServices&) { return error.empty() ? std::string() : "Clock: " + error; });
        return true;
    }
    return false;
}

void KioskController::startAdminWork(screens::AdminWork kind, Millis now,
                                     std::function<std::string(KioskServices&)> job) {
    if (kind != screens::AdminWork::Counting) {
        admin_.working = kind;
        admin_.workingSeconds = 0;
        workStart_ = now;
    }
    const int opening = adminOpening_;
    KioskServices& services = services_;
    work_.start([this, opening, kind, &services, job = std::move(job)] {
        std::string message = job(services);
        screens::AdminStatus status = services.adminStatus();
        return std::function<void()>(
            [this, opening, kind, message = std::move(message), status = std::move(status)]() mutable {
                if (opening != adminOpening_ || !admin_.unlocked) return;  // the menu was left meanwhile
                admin_.status = std::move(status);
                if (kind == screens::AdminWork::Counting) {
                    // A clock problem heads the list of problems, as the clock row is where it was met.
                    if (!message.empty())
                        admin_.status.lastErrors.insert(admin_.status.lastErrors.begin(), message);
                    return;
                }
                admin_.working = screens::AdminWork::None;
                admin_.result = std::move(message);
            });
    });
}

}  // namespace kiosk
