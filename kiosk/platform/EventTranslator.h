// SDL events to the core's input: one pointer from touch or mouse, rotated into logical pixels; keys; text.
#pragma once

#include "core/Geometry.h"
#include "core/Input.h"
#include "platform/Orientation.h"

#include <SDL.h>
#include <optional>

namespace kiosk::platform {

// Things the event loop itself must act on, apart from the core's input.
enum class SystemEvent {
    Quit,           // SDL_QUIT: window closed, SIGTERM or SIGINT
    WindowResized,  // re-read the window and panel sizes and call setGeometry()
    Exposed,        // the window's content was lost: draw again even if nothing changed
};

class EventTranslator {
public:
    // `panel` is the renderer's output size in pixels, `window` the window size in SDL's window coordinates
    // (they differ on high-DPI desktops); on the Pi both are the panel's mode.
    EventTranslator(Size panel, Size window, Orientation orientation);

    void setGeometry(Size panel, Size window);
    Size logicalSize() const { return kiosk::platform::logicalSize(panel_, orientation_); }

    // The core's input for `event`, or nullopt when it carries none. Only one pointer at a time: the first
    // finger down (or the left mouse button) owns it until it lifts; other fingers are ignored meanwhile.
    // Mouse events that SDL synthesises from touch (which == SDL_TOUCH_MOUSEID) are dropped, so one touch
    // is never handled twice.
    std::optional<InputEvent> input(const SDL_Event& event);

    std::optional<SystemEvent> system(const SDL_Event& event) const;

private:
    struct FingerOwner {
        SDL_TouchID touch;
        SDL_FingerID finger;
    };

    std::optional<InputEvent> finger(const SDL_TouchFingerEvent& event);
    std::optional<InputEvent> mouse(const SDL_Event& event);
    Point fromWindow(int x, int y) const;

    Size panel_;
    Size window_;
    Orientation orientation_;
    std::optional<FingerOwner> fingerDown_;
    bool mouseDown_ = false;
};

}  // namespace kiosk::platform
