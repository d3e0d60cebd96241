#include "platform/EventWait.h"

#include <catch2/catch.hpp>

using namespace kiosk::platform;

TEST_CASE("only X11 and Wayland sleep inside SDL_WaitEventTimeout", "[platform]") {
    CHECK(driverWaitsForEvents("x11"));
    CHECK(driverWaitsForEvents("wayland"));
    CHECK_FALSE(driverWaitsForEvents("KMSDRM"));
    CHECK_FALSE(driverWaitsForEvents("dummy"));
}

TEST_CASE("the frame-paced wait returns a queued event, and nothing once the time is up", "[platform]") {
    REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
    const EventWaiter waiter("KMSDRM");
    SDL_Event event{};
    SDL_Event pushed{};
    pushed.type = SDL_USEREVENT;
    pushed.user.code = 42;
    SDL_PushEvent(&pushed);
    REQUIRE(waiter.wait(event, 1000) == 1);
    CHECK(event.type == SDL_USEREVENT);
    CHECK(event.user.code == 42);
    const Uint64 before = SDL_GetTicks64();
    CHECK(waiter.wait(event, 40) == 0);
    CHECK(SDL_GetTicks64() - before >= 40);  // it waited out the timeout rather than returning at once
    SDL_Quit();
}
