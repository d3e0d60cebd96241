// Frame composition with the software renderer: what reaches the panel, and how often a scene is drawn.
#include "render/FrameComposer.h"

#include "platform/Window.h"
#include "text/TextRasterizer.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>

using namespace kiosk;
using namespace kiosk::render;

namespace {

struct Panel {
    platform::SdlSession session;
    platform::DisplayWindow window;
    text::FontLibrary fonts;
    text::TextRasterizer text;
    ImageLoader images;
    SceneRenderer scenes;

    static platform::WindowOptions options() {
        platform::WindowOptions o;
        o.headless = true;
        o.size = {64, 48};
        return o;
    }
    Panel()
        : session(platform::SdlSession::start(options()).value()),
          window(platform::DisplayWindow::create(session, options()).value()),
          fonts(text::FontLibrary::create().value()), text(fonts), scenes(window.renderer(), text, images) {}

    // Upright and the panel's size: with the software renderer, scenes go straight to the back buffer.
    FrameComposer composer() { return FrameComposer(window.renderer(), {64, 48}, {{0, 0, 64, 48}, 0}); }
    // Portrait on the landscape panel: scenes go through the off-screen frame, turned as it is copied.
    FrameComposer turned() { return FrameComposer(window.renderer(), {48, 64}, {{8, -8, 48, 64}, 90}); }

    // The pixel at (x, y) of what was presented, as 0xRRGGBB.
    std::uint32_t panelPixel(int x, int y) {
        SDL_RenderPresent(window.renderer());
        std::uint32_t pixel = 0;
        const SDL_Rect one{x, y, 1, 1};
        REQUIRE(SDL_RenderReadPixels(window.renderer(), &one, SDL_PIXELFORMAT_RGB888, &pixel, 4) == 0);
        return pixel & 0xFFFFFF;
    }
};

Scene plain(Color background) {
    Scene scene;
    scene.background = background;
    Widget box;
    box.rect = {8, 8, 16, 16};
    box.fill = {255, 255, 255, 255};
    scene.widgets.push_back(box);
    return scene;
}

int channel(std::uint32_t pixel, int shift) {
    return static_cast<int>((pixel >> shift) & 0xFF);
}

// The red scene on screen, then ten frames of its fade to the blue one.
void fadeRedToBlue(Panel& panel, FrameComposer& composer, const Scene& red, const Scene& blue) {
    REQUIRE(composer.compose(panel.scenes, red));
    for (int frame = 1; frame <= 10; ++frame)
        REQUIRE(composer.compose(panel.scenes, blue, &red, frame / 11.0f));
}

void checkFade(Panel& panel, FrameComposer& composer, int x, int y) {
    const Scene from = plain({200, 0, 0, 255});
    const Scene to = plain({0, 0, 200, 255});
    REQUIRE(composer.compose(panel.scenes, from));
    for (int frame = 1; frame <= 10; ++frame) {
        const float progress = frame / 11.0f;
        REQUIRE(composer.compose(panel.scenes, to, &from, progress));
        const std::uint32_t pixel = panel.panelPixel(x, y);
        INFO("frame " << frame << " pixel " << std::hex << pixel);
        CHECK(std::abs(channel(pixel, 16) - static_cast<int>(200 * (1 - progress))) <= 2);
        CHECK(std::abs(channel(pixel, 0) - static_cast<int>(200 * progress)) <= 2);
    }

    // A capture mid-fade holds the blend as the panel showed it.
    REQUIRE(composer.compose(panel.scenes, to, &from, 0.5f));
    const auto shot = composer.capture();
    REQUIRE(shot);
    const auto* corner = static_cast<const std::uint32_t*>(shot->pixels) + 2 * (shot->pitch / 4) + 2;
    CHECK(std::abs(channel(*corner, 16) - 100) <= 2);
    CHECK(std::abs(channel(*corner, 0) - 100) <= 2);

    // The fade over, the panel shows the new scene alone.
    REQUIRE(composer.compose(panel.scenes, to));
    CHECK(panel.panelPixel(x, y) == 0x0000C8);
}

}  // namespace

TEST_CASE("a scene is drawn into the frame once, and again only when it changes", "[render]") {
    Panel panel;
    FrameComposer composer = panel.composer();
    Scene red = plain({200, 0, 0, 255});
    REQUIRE(composer.compose(panel.scenes, red));
    REQUIRE(composer.compose(panel.scenes, red));
    CHECK(composer.scenesDrawn() == 1);
    CHECK(panel.panelPixel(40, 40) == 0xC80000);

    red.widgets[0].fill = {0, 0, 255, 255};  // the box turns blue: a different picture
    REQUIRE(composer.compose(panel.scenes, red));
    CHECK(composer.scenesDrawn() == 2);
    CHECK(panel.panelPixel(10, 10) == 0x0000FF);
}

TEST_CASE("a cross-fade shows both scenes blended, drawn straight to an upright panel", "[render]") {
    Panel panel;
    FrameComposer composer = panel.composer();
    checkFade(panel, composer, 40, 40);
}

TEST_CASE("an upright cross-fade builds up in the back buffer, each scene drawn once for the whole fade",
          "[render]") {
    Panel panel;
    FrameComposer composer = panel.composer();
    const Scene from = plain({200, 0, 0, 255});
    const Scene to = plain({0, 0, 200, 255});
    fadeRedToBlue(panel, composer, from, to);
    // `from` was in the back buffer already; `to` is drawn once, off-screen, and blended in a step a frame.
    CHECK(composer.scenesDrawn() == 2);
    // Straight into the fade back: `to` is copied from the layer, and only `from` is drawn again.
    for (int frame = 1; frame <= 10; ++frame)
        REQUIRE(composer.compose(panel.scenes, from, &to, frame / 11.0f));
    CHECK(composer.scenesDrawn() == 3);
    // The fade over, the new scene is copied from the layer, not drawn.
    REQUIRE(composer.compose(panel.scenes, from));
    CHECK(composer.scenesDrawn() == 3);
    CHECK(panel.panelPixel(40, 40) == 0xC80000);
}

TEST_CASE("an upright cross-fade starts over when its new scene changes or it goes back", "[render]") {
    Panel panel;
    FrameComposer composer = panel.composer();
    const Scene from = plain({200, 0, 0, 255});
    const Scene to = plain({0, 0, 200, 255});
    const Scene other = plain({0, 200, 0, 255});
    REQUIRE(composer.compose(panel.scenes, from));
    for (int frame = 1; frame <= 5; ++frame)
        REQUIRE(composer.compose(panel.scenes, to, &from, frame / 10.0f));
    // A tap mid-fade: the fade goes on towards another scene, with nothing of the first left in it.
    REQUIRE(composer.compose(panel.scenes, other, &from, 0.6f));
    std::uint32_t pixel = panel.panelPixel(40, 40);
    INFO(std::hex << pixel);
    CHECK(std::abs(channel(pixel, 16) - 80) <= 2);
    CHECK(std::abs(channel(pixel, 8) - 120) <= 2);
    CHECK(channel(pixel, 0) <= 2);
    // Back to an earlier point of the fade.
    REQUIRE(composer.compose(panel.scenes, other, &from, 0.25f));
    pixel = panel.panelPixel(40, 40);
    CHECK(std::abs(channel(pixel, 16) - 150) <= 2);
    CHECK(std::abs(channel(pixel, 8) - 50) <= 2);
}

TEST_CASE("a turned cross-fade goes through the frame, each scene drawn once for the whole fade",
          "[render]") {
    Panel panel;
    FrameComposer composer = panel.turned();
    const Scene from = plain({200, 0, 0, 255});
    const Scene to = plain({0, 0, 200, 255});
    fadeRedToBlue(panel, composer, from, to);
    // `from` was in the frame already and becomes the fade's layer; only `to` is drawn.
    CHECK(composer.scenesDrawn() == 2);
    checkFade(panel, composer, 40, 2);
}

TEST_CASE("the next scene drawn ahead while the screen is still: the fade to it draws nothing", "[render]") {
    Panel panel;
    for (const bool upright : {true, false}) {
        INFO((upright ? "upright" : "turned"));
        FrameComposer composer = upright ? panel.composer() : panel.turned();
        const int x = upright ? 40 : 40;
        const int y = upright ? 40 : 2;
        const Scene red = plain({200, 0, 0, 255});
        const Scene blue = plain({0, 0, 200, 255});
        REQUIRE(composer.compose(panel.scenes, red));
        REQUIRE(composer.prepare(panel.scenes, blue));
        CHECK(composer.scenesDrawn() == 2);
        CHECK(panel.panelPixel(x, y) == 0xC80000);  // drawn off-screen: the panel still shows red
        // A still frame of the same scene keeps what was drawn ahead.
        REQUIRE(composer.compose(panel.scenes, red));
        for (int frame = 1; frame <= 10; ++frame)
            REQUIRE(composer.compose(panel.scenes, blue, &red, frame / 11.0f));
        CHECK(composer.scenesDrawn() == 2);
        const std::uint32_t pixel = panel.panelPixel(x, y);
        INFO(std::hex << pixel);
        CHECK(std::abs(channel(pixel, 16) - 18) <= 2);  // red at 1/11
        CHECK(std::abs(channel(pixel, 0) - 182) <= 2);
        REQUIRE(composer.compose(panel.scenes, blue));
        CHECK(panel.panelPixel(x, y) == 0x0000C8);
        CHECK(composer.scenesDrawn() == 2);
    }
}

TEST_CASE("a scene drawn ahead is let go when the screen changes another way", "[render]") {
    Panel panel;
    for (const bool upright : {true, false}) {
        INFO((upright ? "upright" : "turned"));
        FrameComposer composer = upright ? panel.composer() : panel.turned();
        const Scene red = plain({200, 0, 0, 255});
        const Scene blue = plain({0, 0, 200, 255});
        const Scene green = plain({0, 200, 0, 255});
        REQUIRE(composer.compose(panel.scenes, red));
        REQUIRE(composer.prepare(panel.scenes, blue));
        REQUIRE(composer.compose(panel.scenes, green));  // a touch: another screen, no fade
        CHECK(composer.scenesDrawn() == 3);
        // The fade that follows draws its scene: nothing stale was kept in its place.
        REQUIRE(composer.compose(panel.scenes, blue, &green, 0.5f));
        CHECK(composer.scenesDrawn() == 4);
        // Drawn ahead for one scene, the fade goes to another: that one is drawn, and shown.
        REQUIRE(composer.compose(panel.scenes, blue));
        REQUIRE(composer.prepare(panel.scenes, red));
        REQUIRE(composer.compose(panel.scenes, green, &blue, 0.99f));
        const std::uint32_t pixel = panel.panelPixel(upright ? 40 : 40, upright ? 40 : 2);
        INFO(std::hex << pixel);
        CHECK(channel(pixel, 16) <= 2);
        CHECK(std::abs(channel(pixel, 8) - 198) <= 3);
    }
}
