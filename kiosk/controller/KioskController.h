// The kiosk's behaviour with no SDL in sight: input and time go in, the scene to show comes out.
// It composes the attract loop, the pledge flow and the volunteer menu (each owns its state, its tick and
// its next deadline) and keeps what they share: where the passer-by is, the language, gestures, focus.
#pragma once

#include "content/Pack.h"
#include "controller/AttractLoop.h"
#include "controller/EngagementTracker.h"
#include "controller/KioskServices.h"
#include "controller/PledgeFlow.h"
#include "controller/VolunteerMenu.h"
#include "controller/Work.h"
#include "core/Action.h"
#include "core/Calendar.h"
#include "core/Gestures.h"
#include "core/ImageMeasurer.h"
#include "core/Input.h"
#include "core/Navigator.h"
#include "core/Scene.h"
#include "core/Time.h"
#include "layout/TextMeasurer.h"
#include "screens/Screens.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct ControllerSettings {
    Millis idleTimeout{60000};
    Millis crossfade{700};
    Millis frameInterval{16};          // while animating
    std::string defaultLanguage;       // empty: the pack's
    Millis pledgeIdleQuestion{45000};  // "still there?" on the pledge form
    Millis pledgeIdleClear{60000};     // then the form is cleared
    Millis thanksTimeout{60000};       // the thank-you screen leaves by itself, reference code and all
    // Today's date and whether the clock is set from the network, for scheduled content (content/Schedule.h).
    // Unset: no clock, so only undated slides, sections and actions show.
    WallClock clock;
};

// A cross-fade in progress: draw `from` at 1 - progress, then the current scene at progress.
struct Transition {
    const Scene* from = nullptr;
    float progress = 1.0f;
};

class KioskController {
public:
    // `services` may be null: then the kiosk collects nothing and has no admin PIN. Slow services (sync,
    // export, the volunteer's figures) run through `work`; null runs them at once (play, tests, fuzzing).
    KioskController(const content::Pack& pack, ControllerSettings settings, layout::TextMeasurer& text,
                    ImageMeasurer& images, Size screen, Millis now, KioskServices* services = nullptr,
                    WorkRunner* work = nullptr);

    void handle(const InputEvent& event, Millis now);
    // Advances timers (slides, idle return, long press, animation); call when nextDeadline() passes.
    void tick(Millis now);

    // Acts as a tap on the widget with this id; false when no such widget is on screen.
    bool tap(std::string_view widgetId, Millis now);
    void swipe(SwipeDirection direction, Millis now);
    void key(Key key, Millis now);
    void resize(Size screen);

    const Scene& scene();  // rebuilt only when something changed
    // On the attract loop between fades: the slide the loop turns to next, as scene() will give it then, so
    // that it can be drawn off-screen while the screen is still and the fade's first frame draws nothing.
    std::optional<Scene> upcomingSlide();
    std::optional<Transition> transition(Millis now);
    // True when the picture differs from the last one drawn; markDrawn() after presenting it.
    bool needsRedraw(Millis now) const;
    void markDrawn(Millis now);
    // The next moment something will change by itself (slide, fade frame, idle return, long press).
    std::optional<Millis> nextDeadline(Millis now) const;

    // Where the passer-by is; resolves "last page of the previous item" by laying the screen out first.
    const View& view() {
        scene();
        return nav_.view();
    }
    const std::string& language() const { return language_; }
    // Where the passer-by is, in ids only (never a typed value), for the engagement counts.
    EngagementMoment engagementMoment() const;
    void setLanguage(const std::string& language);
    int focusedIndex() const { return focus_; }
    // The hidden admin gesture: a long press in a corner opens the PIN pad.
    void openAdmin(Millis now);
    // Set by the admin screen's "leave kiosk" button; the event loop exits with code 0.
    bool exitRequested() const { return menu_.exitRequested(); }
    // Called with each pledge's uuid once it is durably stored (`kiosk play` prints `pledge-saved UUID`).
    void onPledgeSaved(std::function<void(const std::string& uuid)> handler) {
        pledge_.onSaved(std::move(handler));
    }

private:
    screens::ScreenContext screenContext(const std::string& language) const;
    void markFocus(Scene& scene) const;
    void changed();
    void afterNavigation();
    void activate(const Action& action, Millis now);
    void touchedAt(Millis now);
    void goToAttract(Millis now);
    void moveFocus(int delta);
    // Reads the clock and hides what is out of its dates; what is on screen stays until it is left.
    void refreshSchedule(Millis now);
    // On the loop the clock is read at most this often: a day begins or ends once, but a fade ticks every
    // frame and each reading costs a stat, an ntp_adjtime and a localtime_r.
    static constexpr Millis kScheduleReadInterval{1000};

    const content::Pack& pack_;
    ControllerSettings settings_;
    layout::TextMeasurer& text_;
    ImageMeasurer& images_;
    Size screen_;
    Navigator nav_;
    GestureRecognizer gestures_;
    std::string language_;

    Scene scene_;
    bool sceneStale_ = true;
    bool drawn_ = false;
    Millis lastInput_{0};
    Millis scheduleReadAt_{0};
    int focus_ = -1;  // index among tappable widgets, -1 when keyboard focus is not shown

    NoServices noServices_;
    KioskServices& services_;
    AttractLoop attract_;
    PledgeFlow pledge_;
    VolunteerMenu menu_;
};

}  // namespace kiosk
