// The pledge form and its thank-you: focus, typing, ticking, signing, the "still there?" question and the
// thank-you's own timeout. Everything typed lives in one FormState, wiped whenever the signer leaves,
// cancels, idles or signs.
#pragma once

#include "content/Pack.h"
#include "controller/KioskServices.h"
#include "core/Action.h"
#include "core/Input.h"
#include "core/Navigator.h"
#include "core/Time.h"
#include "screens/ViewModels.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace kiosk {

struct PledgeTimeouts {
    Millis idleQuestion{45000};   // "still there?" on the form
    Millis idleClear{60000};      // then the form is cleared
    Millis thanksTimeout{60000};  // the thank-you screen leaves by itself, reference code and all
};

class PledgeFlow {
public:
    PledgeFlow(const content::Pack& pack, KioskServices& services, PledgeTimeouts timeouts)
        : pack_(pack), services_(services), timeouts_(timeouts) {}

    // A tap on "sign" or on the form; false when the action is not the flow's. `language` is the screen's.
    bool activate(const Action& action, Navigator& nav, const std::string& language);
    // A physical keyboard on the form: backspace, enter and tab act on the focused field; true when used.
    bool key(Key key, const Navigator& nav);
    // Text from a physical keyboard, into the focused field; true when it went in.
    bool typeText(const std::string& utf8);
    // A tap inside a field's box, after the tap focused it: typing goes on from byte `offset` of its value.
    void placeCaret(int field, std::size_t offset);
    // Leaving the form by any route (cancel, home, idle, signing) forgets it.
    void afterNavigation(ScreenId screen);
    // A touch anywhere answers "still there?"; true when the question was showing.
    bool touched();

    enum class Tick { Nothing, Changed, Leave };
    // The idle question's countdown, the form cleared after it and the thank-you's timeout (Leave: back to
    // the attract loop). `lastInput`: the last touch, key or text.
    Tick tick(Millis now, Millis lastInput, const Navigator& nav);
    // When tick() has something to do next on the form or the thank-you; nullopt elsewhere.
    std::optional<Millis> nextDeadline(Millis now, Millis lastInput, const Navigator& nav) const;

    // What the form and the thank-you show; null when there is nothing to show.
    const screens::PledgeView* pledgeView();
    const screens::ThanksView& thanksView() const { return thanks_; }
    // How far the open form got, in ids only, for the engagement counts: the focused field's id, and whether
    // sign was pressed (problems and banners show only after it). Nothing with no form open.
    struct Progress {
        std::string focusedField;
        bool signPressed = false;
    };
    std::optional<Progress> progress() const {
        if (!session_) return std::nullopt;
        return Progress{session_->focused, !session_->errors.empty() || !session_->banner.empty()};
    }
    // Called with each pledge's uuid once it is durably stored.
    void onSaved(std::function<void(const std::string& uuid)> handler) { saved_ = std::move(handler); }

private:
    struct Session {
        int action = 0;
        form::FormState values;
        std::map<std::string, bool> ticked;
        std::string focused;
        screens::KeyboardMode keyboard = screens::KeyboardMode::Letters;
        std::map<std::string, std::string> errors;
        std::string banner;
        int failures = 0;
        int noticePage = 0;
    };

    const form::Form* currentForm() const;
    void start(int action, Navigator& nav);
    void focusField(const std::string& id);
    void focusNextField();
    void capitaliseNames();
    void pressKey(int index);
    void submit(Navigator& nav, const std::string& language);
    void clearValues();
    bool stillThere(Millis now, Millis lastInput, const Navigator& nav) const;

    const content::Pack& pack_;
    KioskServices& services_;
    PledgeTimeouts timeouts_;
    std::optional<Session> session_;
    screens::PledgeView view_;
    screens::ThanksView thanks_;
    bool shownStillThere_ = false;
    int shownSeconds_ = 0;
    std::function<void(const std::string&)> saved_;
};

}  // namespace kiosk
