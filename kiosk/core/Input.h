// Input as the core understands it: pointer phases, named keys and typed text, already in screen pixels.
#pragma once

#include "core/Geometry.h"

#include <string>
#include <variant>

namespace kiosk {

enum class PointerPhase { Down, Move, Up };

// One finger or the mouse, after rotation; the platform layer merges touch and mouse into this.
struct PointerEvent {
    PointerPhase phase = PointerPhase::Down;
    Point position;
};

enum class Key { Left, Right, Up, Down, Enter, Escape, Backspace, Tab, Space, Other };

struct KeyEvent {
    Key key = Key::Other;
};

struct TextEvent {
    std::string utf8;
};

using InputEvent = std::variant<PointerEvent, KeyEvent, TextEvent>;

}  // namespace kiosk
