// Gesture recognition: distance decides tap or swipe, time decides long press.
#include "core/Gestures.h"

#include <cstdlib>

namespace kiosk {

std::optional<Gesture> GestureRecognizer::feed(const PointerEvent& event, Millis now) {
    switch (event.phase) {
    case PointerPhase::Down:
        pressed_ = true;
        moved_ = false;
        longPressFired_ = false;
        start_ = last_ = event.position;
        pressedAt_ = now;
        return std::nullopt;
    case PointerPhase::Move:
        if (!pressed_) return std::nullopt;
        last_ = event.position;
        if (std::abs(last_.x - start_.x) > settings_.tapSlop ||
            std::abs(last_.y - start_.y) > settings_.tapSlop)
            moved_ = true;
        return std::nullopt;
    case PointerPhase::Up: {
        if (!pressed_) return std::nullopt;
        pressed_ = false;
        last_ = event.position;
        if (longPressFired_) return std::nullopt;
        const int dx = last_.x - start_.x;
        const int dy = last_.y - start_.y;
        const int adx = std::abs(dx);
        const int ady = std::abs(dy);
        if (adx >= settings_.swipeMinDistance || ady >= settings_.swipeMinDistance) {
            if (adx >= ady) return Swipe{dx < 0 ? SwipeDirection::Left : SwipeDirection::Right};
            return Swipe{dy < 0 ? SwipeDirection::Up : SwipeDirection::Down};
        }
        if (adx > settings_.tapSlop || ady > settings_.tapSlop) return std::nullopt;
        return Tap{start_};
    }
    }
    return std::nullopt;
}

std::optional<Gesture> GestureRecognizer::poll(Millis now) {
    if (!pressed_ || moved_ || longPressFired_) return std::nullopt;
    if (now - pressedAt_ < settings_.longPress) return std::nullopt;
    longPressFired_ = true;
    return LongPress{start_};
}

std::optional<Millis> GestureRecognizer::nextDeadline() const {
    if (!pressed_ || moved_ || longPressFired_) return std::nullopt;
    return pressedAt_ + settings_.longPress;
}

}  // namespace kiosk
