#include "platform/EventTranslator.h"

#include <catch2/catch.hpp>
#include <cstring>

using namespace kiosk;
using namespace kiosk::platform;

namespace {
SDL_Event fingerEvent(Uint32 type, SDL_FingerID id, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

SDL_Event buttonEvent(Uint32 type, int x, int y, Uint32 which = 0, Uint8 button = SDL_BUTTON_LEFT) {
    SDL_Event e{};
    e.type = type;
    e.button.type = type;
    e.button.which = which;
    e.button.button = button;
    e.button.x = x;
    e.button.y = y;
    return e;
}

SDL_Event motionEvent(int x, int y, Uint32 which = 0) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.which = which;
    e.motion.x = x;
    e.motion.y = y;
    return e;
}

SDL_Event keyEvent(SDL_Keycode code) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = code;
    return e;
}

PointerEvent pointer(const std::optional<InputEvent>& event) {
    REQUIRE(event);
    REQUIRE(std::holds_alternative<PointerEvent>(*event));
    return std::get<PointerEvent>(*event);
}

Key key(const std::optional<InputEvent>& event) {
    REQUIRE(event);
    REQUIRE(std::holds_alternative<KeyEvent>(*event));
    return std::get<KeyEvent>(*event).key;
}
}  // namespace

TEST_CASE("a finger's down, move and up become pointer phases in panel pixels", "[platform]") {
    EventTranslator t({800, 480}, {800, 480}, Orientation::Deg0);
    auto down = pointer(t.input(fingerEvent(SDL_FINGERDOWN, 7, 0.5f, 0.5f)));
    CHECK(down.phase == PointerPhase::Down);
    CHECK(down.position == Point{400, 240});
    auto move = pointer(t.input(fingerEvent(SDL_FINGERMOTION, 7, 0.25f, 0.5f)));
    CHECK(move.phase == PointerPhase::Move);
    CHECK(move.position == Point{200, 240});
    auto up = pointer(t.input(fingerEvent(SDL_FINGERUP, 7, 0.25f, 0.5f)));
    CHECK(up.phase == PointerPhase::Up);
}

TEST_CASE("a second finger is ignored until the first lifts", "[platform]") {
    EventTranslator t({800, 480}, {800, 480}, Orientation::Deg0);
    REQUIRE(t.input(fingerEvent(SDL_FINGERDOWN, 1, 0.1f, 0.1f)));
    CHECK_FALSE(t.input(fingerEvent(SDL_FINGERDOWN, 2, 0.9f, 0.9f)));
    CHECK_FALSE(t.input(fingerEvent(SDL_FINGERMOTION, 2, 0.8f, 0.9f)));
    CHECK_FALSE(t.input(fingerEvent(SDL_FINGERUP, 2, 0.8f, 0.9f)));
    CHECK(pointer(t.input(fingerEvent(SDL_FINGERUP, 1, 0.1f, 0.1f))).phase == PointerPhase::Up);
    // With the first finger gone, the next finger owns the pointer.
    CHECK(pointer(t.input(fingerEvent(SDL_FINGERDOWN, 2, 0.9f, 0.9f))).position == Point{720, 432});
}

TEST_CASE("finger coordinates turn with the picture at 90 and 270 degrees", "[platform]") {
    // Panel 800x480 shown as a 480x800 portrait picture.
    EventTranslator quarter({800, 480}, {800, 480}, Orientation::Deg90);
    CHECK(quarter.logicalSize() == Size{480, 800});
    // Panel top-right is the picture's top-left with a clockwise quarter turn.
    CHECK(pointer(quarter.input(fingerEvent(SDL_FINGERDOWN, 1, 0.999f, 0.0f))).position == Point{0, 0});
    CHECK(pointer(quarter.input(fingerEvent(SDL_FINGERMOTION, 1, 0.5f, 0.25f))).position == Point{120, 399});

    EventTranslator threeQuarter({800, 480}, {800, 480}, Orientation::Deg270);
    // Counter-clockwise: the panel's bottom-left is the picture's top-left.
    CHECK(pointer(threeQuarter.input(fingerEvent(SDL_FINGERDOWN, 1, 0.0f, 0.999f))).position == Point{0, 0});
    CHECK(pointer(threeQuarter.input(fingerEvent(SDL_FINGERMOTION, 1, 0.5f, 0.25f))).position ==
          Point{359, 400});
}

TEST_CASE("mouse events synthesised from touch are dropped so a touch counts once", "[platform]") {
    EventTranslator t({800, 480}, {800, 480}, Orientation::Deg0);
    CHECK_FALSE(t.input(buttonEvent(SDL_MOUSEBUTTONDOWN, 10, 10, SDL_TOUCH_MOUSEID)));
    CHECK_FALSE(t.input(motionEvent(20, 10, SDL_TOUCH_MOUSEID)));
    CHECK_FALSE(t.input(buttonEvent(SDL_MOUSEBUTTONUP, 20, 10, SDL_TOUCH_MOUSEID)));
    // The same press from a real mouse counts.
    CHECK(pointer(t.input(buttonEvent(SDL_MOUSEBUTTONDOWN, 10, 10))).phase == PointerPhase::Down);
}

TEST_CASE("the left mouse button drags like a finger, motion without it is nothing", "[platform]") {
    EventTranslator t({800, 480}, {800, 480}, Orientation::Deg0);
    CHECK_FALSE(t.input(motionEvent(5, 5)));
    CHECK_FALSE(t.input(buttonEvent(SDL_MOUSEBUTTONDOWN, 5, 5, 0, SDL_BUTTON_RIGHT)));
    CHECK(pointer(t.input(buttonEvent(SDL_MOUSEBUTTONDOWN, 100, 50))).position == Point{100, 50});
    CHECK(pointer(t.input(motionEvent(150, 60))).phase == PointerPhase::Move);
    // While the mouse owns the pointer a finger cannot take it.
    CHECK_FALSE(t.input(fingerEvent(SDL_FINGERDOWN, 1, 0.5f, 0.5f)));
    CHECK(pointer(t.input(buttonEvent(SDL_MOUSEBUTTONUP, 150, 60))).phase == PointerPhase::Up);
    CHECK_FALSE(t.input(motionEvent(160, 60)));
}

TEST_CASE("mouse window coordinates scale to the panel and then rotate", "[platform]") {
    // A high-DPI desktop window: 400x240 coordinates over 800x480 pixels, turned a quarter.
    EventTranslator t({800, 480}, {400, 240}, Orientation::Deg90);
    CHECK(pointer(t.input(buttonEvent(SDL_MOUSEBUTTONDOWN, 399, 0))).position == Point{0, 1});
    t.setGeometry({800, 480}, {800, 480});
    CHECK(pointer(t.input(motionEvent(799, 0))).position == Point{0, 0});
    // Dragged outside the window: clamped to the picture's edge.
    CHECK(pointer(t.input(motionEvent(-40, 900))).position == Point{479, 799});
}

TEST_CASE("keys the kiosk uses are named, others still count as activity", "[platform]") {
    EventTranslator t({800, 480}, {800, 480}, Orientation::Deg0);
    CHECK(key(t.input(keyEvent(SDLK_LEFT))) == Key::Left);
    CHECK(key(t.input(keyEvent(SDLK_DOWN))) == Key::Down);
    CHECK(key(t.input(keyEvent(SDLK_RETURN))) == Key::Enter);
    CHECK(key(t.input(keyEvent(SDLK_KP_ENTER))) == Key::Enter);
    CHECK(key(t.input(keyEvent(SDLK_ESCAPE))) == Key::Escape);
    CHECK(key(t.input(keyEvent(SDLK_BACKSPACE))) == Key::Backspace);
    CHECK(key(t.input(keyEvent(SDLK_TAB))) == Key::Tab);
    CHECK(key(t.input(keyEvent(SDLK_SPACE))) == Key::Space);
    CHECK(key(t.input(keyEvent(SDLK_F5))) == Key::Other);
}

TEST_CASE("typed text arrives as UTF-8", "[platform]") {
    EventTranslator t({800, 480}, {800, 480}, Orientation::Deg0);
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::strcpy(e.text.text, "é");
    auto result = t.input(e);
    REQUIRE(result);
    REQUIRE(std::holds_alternative<TextEvent>(*result));
    CHECK(std::get<TextEvent>(*result).utf8 == "é");
}

TEST_CASE("quit, resize and expose are system events, not input", "[platform]") {
    EventTranslator t({800, 480}, {800, 480}, Orientation::Deg0);
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    CHECK(t.system(quit) == SystemEvent::Quit);
    CHECK_FALSE(t.input(quit));

    SDL_Event window{};
    window.type = SDL_WINDOWEVENT;
    window.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
    CHECK(t.system(window) == SystemEvent::WindowResized);
    window.window.event = SDL_WINDOWEVENT_EXPOSED;
    CHECK(t.system(window) == SystemEvent::Exposed);
    window.window.event = SDL_WINDOWEVENT_MOVED;
    CHECK_FALSE(t.system(window));
    CHECK_FALSE(t.system(keyEvent(SDLK_a)));
}
