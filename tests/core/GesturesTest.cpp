#include "core/Gestures.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
std::optional<Gesture> press(GestureRecognizer& g, Point from, Point to, Millis at = 0ms,
                             Millis held = 100ms) {
    g.feed({PointerPhase::Down, from}, at);
    g.feed({PointerPhase::Move, to}, at + held / 2);
    return g.feed({PointerPhase::Up, to}, at + held);
}
}  // namespace

TEST_CASE("a short press is a tap where the finger went down", "[core]") {
    GestureRecognizer g;
    auto result = press(g, {100, 100}, {105, 103});
    REQUIRE(result);
    REQUIRE(std::holds_alternative<Tap>(*result));
    CHECK(std::get<Tap>(*result).position == Point{100, 100});
}

TEST_CASE("a long horizontal drag is a swipe in its direction", "[core]") {
    GestureRecognizer g;
    auto left = press(g, {400, 200}, {200, 220});
    REQUIRE(left);
    CHECK(std::get<Swipe>(*left).direction == SwipeDirection::Left);
    auto down = press(g, {400, 100}, {390, 300});
    CHECK(std::get<Swipe>(*down).direction == SwipeDirection::Down);
}

TEST_CASE("a drag between tap slop and swipe distance is nothing", "[core]") {
    GestureRecognizer g;
    CHECK_FALSE(press(g, {100, 100}, {140, 100}));
}

TEST_CASE("holding still for three seconds is a long press, and its release no tap", "[core]") {
    GestureRecognizer g;
    g.feed({PointerPhase::Down, {5, 5}}, 0ms);
    CHECK_FALSE(g.poll(2999ms));
    REQUIRE(g.nextDeadline() == 3000ms);
    auto result = g.poll(3000ms);
    REQUIRE(result);
    CHECK(std::holds_alternative<LongPress>(*result));
    CHECK_FALSE(g.feed({PointerPhase::Up, {5, 5}}, 3100ms));
}
