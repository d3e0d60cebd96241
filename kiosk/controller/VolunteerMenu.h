// The volunteer menu: the PIN pad, then the menu's figures, export, sync, the clock and "leave kiosk". It
// owns what was typed, what the menu shows and the slow work it started (on the work runner).
#pragma once

#include "controller/KioskServices.h"
#include "controller/Work.h"
#include "core/Action.h"
#include "core/Navigator.h"
#include "core/Time.h"
#include "screens/ViewModels.h"

#include <functional>
#include <optional>
#include <string>

namespace kiosk {

class VolunteerMenu {
public:
    // `work` may be null: slow services then run at once (play, tests, fuzzing).
    VolunteerMenu(KioskServices& services, WorkRunner* work)
        : services_(services), work_(work ? *work : inline_) {}

    // The hidden gesture: opens the PIN pad (saying so when it is locked).
    void open(Navigator& nav, Millis now);
    // A tap on the PIN pad or the menu; false when the action is not the menu's.
    bool activate(const Action& action, Navigator& nav, Millis now);
    // Leaving the menu by any route forgets the PIN and what the menu showed.
    void afterNavigation(ScreenId screen);
    // Applies the outcome of finished work; true when there was some.
    bool applyFinishedWork() { return work_.applyFinished() > 0; }
    // Applies finished work and turns the seconds shown for work under way; true when the menu changed.
    bool tick(Millis now);
    std::optional<Millis> nextDeadline(Millis now) const;

    // What the PIN pad and the menu show (pinDigits filled in).
    const screens::AdminView& view();
    bool exitRequested() const { return exitRequested_; }

private:
    void pinEntered(Navigator& nav, Millis now);
    // Runs a slow service on the work runner; `job` returns what it did (monostate: nothing to show). The
    // outcome and fresh figures reach the menu only if it is still the same opening of it; a failed
    // `clockSetting` (Counting) heads the menu's problems then.
    void startWork(screens::AdminWork kind, Millis now,
                   std::function<screens::AdminResult(KioskServices&)> job,
                   reports::ClockSetting clockSetting = {});
    void forgetPin();

    KioskServices& services_;
    InlineWork inline_;
    WorkRunner& work_;
    screens::AdminView admin_;
    std::string pin_;
    bool exitRequested_ = false;
    int opening_ = 0;  // counts openings of the menu; late outcomes of an earlier one are dropped
    Millis workStart_{0};
};

}  // namespace kiosk
