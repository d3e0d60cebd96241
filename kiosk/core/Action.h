// What a tappable widget does, as a value: a kind and an index (which language, case, action, field, key...).
// Screens put one on each button; the controller dispatches on it. The string ids that `kiosk play` scripts
// and the tests name are derived from it in one place (screens/ActionIds.h).
#pragma once

namespace kiosk {

enum class ActionKind {
    None,  // decoration: not tappable
    // Visitors' screens
    Start,      // a touch on the attract slide: home in the language it speaks
    Begin,      // index: language in the pack's list; home in that language
    Language,   // index: language in the pack's list
    Open,       // index: the ScreenId to open (home's tiles, credits, "what you can do")
    Case,       // index: the pack's case
    ActionTab,  // index: the pack's action, shown on the act screen
    Pledge,     // index: the pack's action whose form to start
    Back,
    Home,
    Done,
    Next,
    Previous,
    // The pledge form
    Cancel,
    Submit,
    StillHere,      // the idle question's button
    StillHereVeil,  // the veil around it: touching anywhere is enough
    PrivacyMore,    // the privacy notice's next page
    Field,          // index: the form's field
    Consent,        // index: the form's consent
    Option,         // index: the focused choice field's option
    SkipField,      // an optional choice left unpicked: on to the next field
    Key,            // index: the key, counted through the shown keyboard's rows (screens/Keyboard.h)
    // The volunteer menu
    PinDigit,  // index: the digit
    PinBack,
    PinOk,
    AdminExit,
    AdminExitCancel,
    AdminExitConfirm,
    ExportUsb,
    SyncNow,
    CheckUpdate,
    Clock,  // index: the step in kClockSteps (screens/ViewModels.h)
};

struct Action {
    ActionKind kind = ActionKind::None;
    int index = 0;
    friend bool operator==(const Action&, const Action&) = default;
};

}  // namespace kiosk
