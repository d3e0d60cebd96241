// Turns pointer down/move/up into taps, swipes and long presses, the way a finger means them.
#pragma once

#include "core/Geometry.h"
#include "core/Input.h"
#include "core/Time.h"

#include <optional>
#include <variant>

namespace kiosk {

enum class SwipeDirection { Left, Right, Up, Down };

struct Tap {
    Point position;
};
struct Swipe {
    SwipeDirection direction = SwipeDirection::Left;
};
struct LongPress {
    Point position;
};

using Gesture = std::variant<Tap, Swipe, LongPress>;

struct GestureSettings {
    int swipeMinDistance = 60;  // pixels; below this a release is a tap
    int tapSlop = 24;           // pixels a finger may wander during a tap
    Millis longPress{3000};     // hold time for the hidden admin gesture
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureSettings settings = {}) : settings_(settings) {}

    // Feed one pointer event; returns the gesture it completes, if any.
    std::optional<Gesture> feed(const PointerEvent& event, Millis now);
    // A press held still long enough becomes a LongPress without a release.
    std::optional<Gesture> poll(Millis now);
    // When poll() next needs to run, if a press is in progress.
    std::optional<Millis> nextDeadline() const;
    void setMinSwipeDistance(int pixels) { settings_.swipeMinDistance = pixels; }

private:
    GestureSettings settings_;
    bool pressed_ = false;
    bool moved_ = false;
    bool longPressFired_ = false;
    Point start_;
    Point last_;
    Millis pressedAt_{0};
};

}  // namespace kiosk
