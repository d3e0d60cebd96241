// The volunteer menu's behaviour: PIN digits and checking, the menu's buttons, and its slow work.
#include "controller/VolunteerMenu.h"

#include <algorithm>

namespace kiosk {

namespace {
constexpr std::size_t kLongestPin = 12;

int wholeSeconds(Millis left) {
    return static_cast<int>((left.count() + 999) / 1000);
}
}  // namespace

void VolunteerMenu::forgetPin() {
    std::fill(pin_.begin(), pin_.end(), '\0');
    pin_.clear();
}

void VolunteerMenu::afterNavigation(ScreenId screen) {
    if (screenInfo(screen).family == ScreenFamily::Volunteer) return;
    admin_ = {};
    forgetPin();
}

const screens::AdminView& VolunteerMenu::view() {
    admin_.pinDigits = static_cast<int>(pin_.size());
    return admin_;
}

void VolunteerMenu::open(Navigator& nav, Millis now) {
    nav.open(ScreenId::AdminPin);
    const Millis locked = services_.pinLockRemaining(now);
    if (locked > Millis{0}) {
        admin_.pinNotice = screens::PinNotice::Locked;
        admin_.lockedSeconds = wholeSeconds(locked);
    }
}

void VolunteerMenu::pinEntered(Navigator& nav, Millis now) {
    const PinCheck result = services_.checkPin(pin_, now);
    forgetPin();
    admin_.lockedSeconds = 0;
    switch (result) {
    case PinCheck::Accepted:
        nav.open(ScreenId::Admin);
        admin_.unlocked = true;
        admin_.pinNotice = screens::PinNotice::None;
        ++opening_;
        startWork(screens::AdminWork::Counting, now, [](KioskServices&) { return screens::AdminResult(); });
        return;
    case PinCheck::Rejected: {
        // The wrong PIN that starts a lock says so at once, not only at the next try.
        const Millis left = services_.pinLockRemaining(now);
        admin_.pinNotice = left > Millis{0} ? screens::PinNotice::WrongNowLocked : screens::PinNotice::Wrong;
        if (left > Millis{0}) admin_.lockedSeconds = wholeSeconds(left);
        return;
    }
    case PinCheck::LockedOut:
        admin_.pinNotice = screens::PinNotice::LockedOut;
        admin_.lockedSeconds = wholeSeconds(services_.pinLockRemaining(now));
        return;
    case PinCheck::NotConfigured:
        admin_.pinNotice = screens::PinNotice::NotConfigured;
        return;
    }
}

bool VolunteerMenu::activate(const Action& action, Navigator& nav, Millis now) {
    const ScreenId screen = nav.view().screen;
    if (screen == ScreenId::AdminPin) {
        switch (action.kind) {
        case ActionKind::PinDigit:
            if (action.index >= 0 && action.index <= 9 && pin_.size() < kLongestPin)
                pin_ += static_cast<char>('0' + action.index);
            return true;
        case ActionKind::PinBack:
            if (!pin_.empty()) pin_.pop_back();
            return true;
        case ActionKind::PinOk:
            pinEntered(nav, now);
            return true;
        default:
            return false;
        }
    }
    if (screen != ScreenId::Admin || !admin_.unlocked) return false;
    switch (action.kind) {
    // Leaving stops the campaign until the kiosk restarts: it takes a second, deliberate tap.
    case ActionKind::AdminExit:
        admin_.confirmingExit = true;
        return true;
    case ActionKind::AdminExitCancel:
        admin_.confirmingExit = false;
        return true;
    case ActionKind::AdminExitConfirm:
        if (admin_.confirmingExit) exitRequested_ = true;
        return true;
    // Off the screen's thread: the menu says what is under way and still answers taps; one at a time.
    case ActionKind::ExportUsb:
    case ActionKind::SyncNow:
    case ActionKind::CheckUpdate:
        if (admin_.working != screens::AdminWork::None && admin_.working != screens::AdminWork::Counting)
            return true;
        if (action.kind == ActionKind::ExportUsb)
            startWork(screens::AdminWork::Exporting, now,
                      [](KioskServices& services) { return screens::AdminResult(services.exportToUsb()); });
        else if (action.kind == ActionKind::SyncNow)
            startWork(screens::AdminWork::Syncing, now,
                      [](KioskServices& services) { return screens::AdminResult(services.syncNow()); });
        else
            startWork(screens::AdminWork::CheckingUpdate, now, [](KioskServices& services) {
                return screens::AdminResult(services.checkForUpdate());
            });
        return true;
    case ActionKind::Clock: {
        if (action.index < 0 || action.index >= static_cast<int>(screens::kClockSteps.size())) return true;
        reports::ClockSetting setting =
            services_.adjustClock(screens::kClockSteps[static_cast<std::size_t>(action.index)].delta);
        startWork(
            screens::AdminWork::Counting, now, [](KioskServices&) { return screens::AdminResult(); },
            std::move(setting));
        return true;
    }
    default:
        return false;
    }
}

void VolunteerMenu::startWork(screens::AdminWork kind, Millis now,
                              std::function<screens::AdminResult(KioskServices&)> job,
                              reports::ClockSetting clockSetting) {
    if (kind != screens::AdminWork::Counting) {
        admin_.working = kind;
        admin_.workingSeconds = 0;
        workStart_ = now;
    }
    const int opening = opening_;
    KioskServices& services = services_;
    work_.start(
        [this, opening, kind, &services, job = std::move(job), clockSetting = std::move(clockSetting)] {
            screens::AdminResult outcome = job(services);
            screens::AdminStatus status = services.adminStatus();
            return std::function<void()>([this, opening, kind, outcome = std::move(outcome),
                                          status = std::move(status),
                                          clockSetting = std::move(clockSetting)]() mutable {
                if (opening != opening_ || !admin_.unlocked) return;  // the menu was left meanwhile
                admin_.status = std::move(status);
                if (kind == screens::AdminWork::Counting) {
                    // A clock problem heads the list of problems, as the clock row is where it was met.
                    admin_.clockSetting = std::move(clockSetting);
                    return;
                }
                admin_.clockSetting = {};
                admin_.working = screens::AdminWork::None;
                admin_.result = std::move(outcome);
            });
        });
}

bool VolunteerMenu::tick(Millis now) {
    bool changed = work_.applyFinished() > 0;
    if (admin_.working != screens::AdminWork::None) {
        const int seconds = static_cast<int>((now - workStart_).count() / 1000);
        if (seconds != admin_.workingSeconds) {
            admin_.workingSeconds = seconds;
            changed = true;
        }
    }
    return changed;
}

std::optional<Millis> VolunteerMenu::nextDeadline(Millis now) const {
    // Work under way: look for its outcome four times a second (a worker also wakes the loop when done), and
    // turn the seconds shown on the menu.
    if (work_.unfinished() > 0) return now + Millis(250);
    return std::nullopt;
}

}  // namespace kiosk
