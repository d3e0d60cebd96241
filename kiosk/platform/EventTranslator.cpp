// Maps SDL's touch, mouse, keyboard and text events onto kiosk::InputEvent, applying the kiosk's rotation.
#include "platform/EventTranslator.h"

#include <algorithm>

namespace kiosk::platform {

EventTranslator::EventTranslator(Size panel, Size window, Orientation orientation)
    : panel_(panel), window_(window), orientation_(orientation) {}

void EventTranslator::setGeometry(Size panel, Size window) {
    panel_ = panel;
    window_ = window;
}

namespace {
std::optional<Key> namedKey(SDL_Keycode code) {
    switch (code) {
    case SDLK_LEFT:
        return Key::Left;
    case SDLK_RIGHT:
        return Key::Right;
    case SDLK_UP:
        return Key::Up;
    case SDLK_DOWN:
        return Key::Down;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return Key::Enter;
    case SDLK_ESCAPE:
        return Key::Escape;
    case SDLK_BACKSPACE:
        return Key::Backspace;
    case SDLK_TAB:
        return Key::Tab;
    case SDLK_SPACE:
        return Key::Space;
    default:
        return std::nullopt;
    }
}
}  // namespace

std::optional<InputEvent> EventTranslator::input(const SDL_Event& event) {
    switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        return finger(event.tfinger);
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
        return mouse(event);
    case SDL_KEYDOWN:
        // Unnamed keys still count as activity (they wake an idle kiosk), hence Key::Other.
        return KeyEvent{namedKey(event.key.keysym.sym).value_or(Key::Other)};
    case SDL_TEXTINPUT:
        return TextEvent{event.text.text};
    default:
        return std::nullopt;
    }
}

std::optional<InputEvent> EventTranslator::finger(const SDL_TouchFingerEvent& event) {
    const bool owns =
        fingerDown_ && fingerDown_->touch == event.touchId && fingerDown_->finger == event.fingerId;
    const Point position = normalisedTouchToLogical(event.x, event.y, panel_, orientation_);
    if (event.type == SDL_FINGERDOWN) {
        if (fingerDown_ || mouseDown_) return std::nullopt;
        fingerDown_ = FingerOwner{event.touchId, event.fingerId};
        return PointerEvent{PointerPhase::Down, position};
    }
    if (!owns) return std::nullopt;
    if (event.type == SDL_FINGERUP) {
        fingerDown_.reset();
        return PointerEvent{PointerPhase::Up, position};
    }
    return PointerEvent{PointerPhase::Move, position};
}

std::optional<InputEvent> EventTranslator::mouse(const SDL_Event& event) {
    if (event.type == SDL_MOUSEMOTION) {
        if (event.motion.which == SDL_TOUCH_MOUSEID || !mouseDown_) return std::nullopt;
        return PointerEvent{PointerPhase::Move, fromWindow(event.motion.x, event.motion.y)};
    }
    const SDL_MouseButtonEvent& button = event.button;
    if (button.which == SDL_TOUCH_MOUSEID || button.button != SDL_BUTTON_LEFT) return std::nullopt;
    if (event.type == SDL_MOUSEBUTTONDOWN) {
        if (mouseDown_ || fingerDown_) return std::nullopt;
        mouseDown_ = true;
        return PointerEvent{PointerPhase::Down, fromWindow(button.x, button.y)};
    }
    if (!mouseDown_) return std::nullopt;
    mouseDown_ = false;
    return PointerEvent{PointerPhase::Up, fromWindow(button.x, button.y)};
}

// Window coordinates scale to panel pixels (high-DPI windows have more pixels than coordinates), then rotate.
Point EventTranslator::fromWindow(int x, int y) const {
    const auto scale = [](int value, int from, int to) {
        if (from <= 0 || to <= 0) return 0;
        const auto scaled = static_cast<int>(static_cast<long long>(value) * to / from);
        return std::clamp(scaled, 0, to - 1);
    };
    const Point onPanel{scale(x, window_.w, panel_.w), scale(y, window_.h, panel_.h)};
    return panelToLogical(onPanel, panel_, orientation_);
}

std::optional<SystemEvent> EventTranslator::system(const SDL_Event& event) const {
    if (event.type == SDL_QUIT) return SystemEvent::Quit;
    if (event.type != SDL_WINDOWEVENT) return std::nullopt;
    switch (event.window.event) {
    case SDL_WINDOWEVENT_SIZE_CHANGED:
        return SystemEvent::WindowResized;
    case SDL_WINDOWEVENT_EXPOSED:
        return SystemEvent::Exposed;
    default:
        return std::nullopt;
    }
}

}  // namespace kiosk::platform
