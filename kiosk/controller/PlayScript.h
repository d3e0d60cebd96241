// `kiosk play`: a script of taps, swipes, keys, waits and expectations run against the controller on a
// virtual clock, so a whole visit (or a whole idle minute) runs in milliseconds and the same way every time.
#pragma once

#include "controller/KioskController.h"

#include <functional>
#include <istream>
#include <ostream>
#include <string>

namespace kiosk {

struct PlayHooks {
    // `shot NAME`: draw the current frame to NAME.png.
    std::function<bool(const std::string& name)> shot;
    // Called after every step with the virtual time, e.g. to draw frames or to tick other modules.
    std::function<void(Millis now)> afterStep;
    // Commands the controller does not know (pledge and admin steps); returns false when unknown too.
    std::function<bool(const std::string& command, const std::string& argument, Millis now,
                       std::string& error)>
        extension;
};

class PlayScriptRunner {
public:
    PlayScriptRunner(KioskController& controller, std::ostream& out, std::ostream& err, PlayHooks hooks = {});

    // Runs every line; on the first failure prints "SCRIPT:LINE: message" to err and returns 1; else 0.
    int run(std::istream& script, const std::string& scriptName);
    // One command; returns an error message, or empty on success.
    std::string step(const std::string& line);
    Millis now() const { return now_; }

private:
    void advanceTo(Millis target);
    void dump();

    KioskController& controller_;
    std::ostream& out_;
    std::ostream& err_;
    PlayHooks hooks_;
    Millis now_{0};
};

}  // namespace kiosk
