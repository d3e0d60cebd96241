// The texture cache's budget: older textures go first, and never one the current frame uses.
#include "render/TextureCache.h"

#include "platform/Window.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::render;

TEST_CASE("over its budget the cache frees the least recently used textures, never this frame's",
          "[render]") {
    platform::WindowOptions options;
    options.headless = true;
    options.size = {64, 48};
    auto session = platform::SdlSession::start(options);
    REQUIRE(session);
    auto window = platform::DisplayWindow::create(*session, options);
    REQUIRE(window);
    int made = 0;
    const auto square = [&] {  // 100 x 100 ARGB: 40,000 bytes
        ++made;
        return TexturePtr(SDL_CreateTexture(window->renderer(), SDL_PIXELFORMAT_ARGB8888,
                                            SDL_TEXTUREACCESS_STATIC, 100, 100));
    };
    TextureCache cache(100'000);  // room for two
    cache.get("a", square);
    cache.endFrame();
    cache.get("b", square);
    cache.endFrame();
    cache.get("c", square);  // over budget: "a", the oldest, goes
    CHECK(cache.size() == 2);
    CHECK(cache.bytes() == 80'000);
    cache.get("b", square);  // still there: not made again
    CHECK(made == 3);
    cache.get("a", square);  // made again, and "b" and "c" are both this frame's: all three stay
    CHECK(made == 4);
    CHECK(cache.size() == 3);
    cache.endFrame();
    cache.get("d", square);  // the next frame: two of the last frame's go to make room
    CHECK(cache.bytes() <= 100'000);
    CHECK(cache.size() == 2);
}
