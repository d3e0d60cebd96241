// The kiosk's behaviour with no SDL in sight: input and time go in, the scene to show comes out.
// Attract loop timing, cross-fades, idle return, language, taps by widget id, swipes and keys.
#pragma once

#include "content/Pack.h"
#include "core/Gestures.h"
#include "core/ImageMeasurer.h"
#include "core/Input.h"
#include "core/Navigator.h"
#include "core/Scene.h"
#include "core/Time.h"
#include "layout/TextMeasurer.h"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct ControllerSettings {
    Millis idleTimeout{60000};
    Millis crossfade{700};
    Millis frameInterval{16};  // while animating
    std::string defaultLanguage;  // empty: the pack's
};

// A cross-fade in progress: draw `from` at 1 - progress, then the current scene at progress.
struct Transition {
    const Scene* from = nullptr;
    float progress = 1.0f;
};

class KioskController {
public:
    KioskController(const content::Pack& pack, ControllerSettings settings, layout::TextMeasurer& text,
                    ImageMeasurer& images, Size screen, Millis now);

    void handle(const InputEvent& event, Millis now);
    // Advances timers (slides, idle return, long press, animation); call when nextDeadline() passes.
    void tick(Millis now);

    // Acts as a tap on the widget with this id; false when no such widget is on screen.
    bool tap(std::string_view widgetId, Millis now);
    void swipe(SwipeDirection direction, Millis now);
    void key(Key key, Millis now);
    void resize(Size screen);

    const Scene& scene();  // rebuilt only when something changed
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
    void setLanguage(const std::string& language);
    int focusedIndex() const { return focus_; }
    // Raised by the hidden admin gesture (a long press in a corner); cleared by the caller.
    bool takeAdminRequest();

private:
    void changed();
    void activate(std::string_view id, Millis now);
    void touchedAt(Millis now);
    void startSlide(Millis now);
    void goToAttract(Millis now);
    void moveFocus(int delta);

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
    Scene fadingFrom_;
    std::optional<Millis> fadeStart_;

    Millis lastInput_{0};
    Millis slideStart_{0};
    int focus_ = -1;  // index among tappable widgets, -1 when keyboard focus is not shown
    bool adminRequested_ = false;
};

} // namespace kiosk
