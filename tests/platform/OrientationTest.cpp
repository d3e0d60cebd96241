#include "platform/Orientation.h"

#include <SDL.h>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

using namespace kiosk;
using namespace kiosk::platform;

namespace {
constexpr std::array allOrientations{Orientation::Deg0, Orientation::Deg90, Orientation::Deg180,
                                     Orientation::Deg270};

// What SDL_RenderCopyEx does to the centre of logical pixel (x, y): place it in the destination rectangle,
// turn it clockwise about the rectangle's centre, and report the panel pixel it lands in.
Point whereSdlDraws(Point logical, const RotatedCopy& copy) {
    const double cx = copy.x + copy.w / 2.0;
    const double cy = copy.y + copy.h / 2.0;
    const double dx = copy.x + logical.x + 0.5 - cx;
    const double dy = copy.y + logical.y + 0.5 - cy;
    const double radians = copy.angleDegrees * M_PI / 180.0;
    // Screen y points down, so a clockwise turn is the usual rotation matrix.
    const double rx = dx * std::cos(radians) - dy * std::sin(radians);
    const double ry = dx * std::sin(radians) + dy * std::cos(radians);
    return {static_cast<int>(std::floor(cx + rx)), static_cast<int>(std::floor(cy + ry))};
}
}  // namespace

TEST_CASE("a quarter turn swaps the logical width and height", "[platform]") {
    CHECK(logicalSize({800, 480}, Orientation::Deg0) == Size{800, 480});
    CHECK(logicalSize({800, 480}, Orientation::Deg90) == Size{480, 800});
    CHECK(logicalSize({800, 480}, Orientation::Deg180) == Size{800, 480});
    CHECK(logicalSize({800, 480}, Orientation::Deg270) == Size{480, 800});
}

TEST_CASE("orientation is read from the config's degrees", "[platform]") {
    CHECK(parseOrientation("90") == Orientation::Deg90);
    CHECK(parseOrientation("270") == Orientation::Deg270);
    CHECK_FALSE(parseOrientation("45"));
    CHECK_FALSE(parseOrientation(""));
    CHECK(orientationFromDegrees(180) == Orientation::Deg180);
    CHECK(orientationFromDegrees(0) == Orientation::Deg0);
    CHECK_FALSE(orientationFromDegrees(-90));
    CHECK_FALSE(orientationFromDegrees(360));
}

TEST_CASE("the logical top-left corner lands on the panel corner the turn takes it to", "[platform]") {
    const Size panel{800, 480};
    CHECK(logicalToPanel({0, 0}, panel, Orientation::Deg0) == Point{0, 0});
    CHECK(logicalToPanel({0, 0}, panel, Orientation::Deg90) == Point{799, 0});     // top-right
    CHECK(logicalToPanel({0, 0}, panel, Orientation::Deg180) == Point{799, 479});  // bottom-right
    CHECK(logicalToPanel({0, 0}, panel, Orientation::Deg270) == Point{0, 479});    // bottom-left
    // The portrait picture's bottom-right corner (479, 799) for a quarter turn clockwise: panel bottom-left.
    CHECK(logicalToPanel({479, 799}, panel, Orientation::Deg90) == Point{0, 479});
}

TEST_CASE("panel to logical undoes logical to panel on every pixel", "[platform]") {
    const Size panel{7, 4};
    for (Orientation o : allOrientations) {
        const Size logical = logicalSize(panel, o);
        for (int y = 0; y < logical.h; ++y)
            for (int x = 0; x < logical.w; ++x) {
                const Point onPanel = logicalToPanel({x, y}, panel, o);
                INFO("orientation " << degrees(o) << " logical " << x << "," << y);
                REQUIRE(Rect{0, 0, panel.w, panel.h}.contains(onPanel));
                REQUIRE(panelToLogical(onPanel, panel, o) == Point{x, y});
            }
    }
}

TEST_CASE("the rotated copy puts every corner where logicalToPanel says", "[platform]") {
    for (Size panel : {Size{800, 480}, Size{720, 1280}, Size{7, 4}}) {
        for (Orientation o : allOrientations) {
            const RotatedCopy copy = rotatedCopyParams(panel, o);
            const Size logical = logicalSize(panel, o);
            CHECK(copy.w == static_cast<float>(logical.w));
            CHECK(copy.h == static_cast<float>(logical.h));
            for (Point corner : {Point{0, 0}, Point{logical.w - 1, 0}, Point{0, logical.h - 1},
                                 Point{logical.w - 1, logical.h - 1}, Point{logical.w / 3, 1}}) {
                INFO("panel " << panel.w << "x" << panel.h << " orientation " << degrees(o) << " logical "
                              << corner.x << "," << corner.y);
                CHECK(whereSdlDraws(corner, copy) == logicalToPanel(corner, panel, o));
            }
        }
    }
}

TEST_CASE("SDL's software renderer draws the rotated corners where logicalToPanel says", "[platform]") {
    // A real render through the same call the renderer makes; the software renderer needs no video driver.
    const Size panel{8, 6};
    const std::array<SDL_Color, 4> colours{
        {{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 0, 255}}};
    for (Orientation o : allOrientations) {
        INFO("orientation " << degrees(o));
        std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)> surface(
            SDL_CreateRGBSurfaceWithFormat(0, panel.w, panel.h, 32, SDL_PIXELFORMAT_RGBA32), SDL_FreeSurface);
        REQUIRE(surface);
        std::unique_ptr<SDL_Renderer, decltype(&SDL_DestroyRenderer)> renderer(
            SDL_CreateSoftwareRenderer(surface.get()), SDL_DestroyRenderer);
        REQUIRE(renderer);
        const Size logical = logicalSize(panel, o);
        std::unique_ptr<SDL_Texture, decltype(&SDL_DestroyTexture)> target(
            SDL_CreateTexture(renderer.get(), SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_TARGET, logical.w,
                              logical.h),
            SDL_DestroyTexture);
        REQUIRE(target);

        const std::array<Point, 4> corners{
            {{0, 0}, {logical.w - 1, 0}, {0, logical.h - 1}, {logical.w - 1, logical.h - 1}}};
        REQUIRE(SDL_SetRenderTarget(renderer.get(), target.get()) == 0);
        SDL_SetRenderDrawColor(renderer.get(), 0, 0, 0, 255);
        SDL_RenderClear(renderer.get());
        for (std::size_t i = 0; i < corners.size(); ++i) {
            SDL_SetRenderDrawColor(renderer.get(), colours[i].r, colours[i].g, colours[i].b, 255);
            SDL_RenderDrawPoint(renderer.get(), corners[i].x, corners[i].y);
        }
        REQUIRE(SDL_SetRenderTarget(renderer.get(), nullptr) == 0);
        SDL_SetRenderDrawColor(renderer.get(), 0, 0, 0, 255);
        SDL_RenderClear(renderer.get());
        const RotatedCopy copy = rotatedCopyParams(panel, o);
        const SDL_FRect dest{copy.x, copy.y, copy.w, copy.h};
        REQUIRE(SDL_RenderCopyExF(renderer.get(), target.get(), nullptr, &dest, copy.angleDegrees, nullptr,
                                  SDL_FLIP_NONE) == 0);
        SDL_RenderPresent(renderer.get());

        for (std::size_t i = 0; i < corners.size(); ++i) {
            const Point at = logicalToPanel(corners[i], panel, o);
            const auto* row = static_cast<const std::uint8_t*>(surface->pixels) + at.y * surface->pitch;
            const std::uint8_t* pixel = row + at.x * 4;
            INFO("corner " << i << " expected at panel " << at.x << "," << at.y);
            CHECK(pixel[0] == colours[i].r);
            CHECK(pixel[1] == colours[i].g);
            CHECK(pixel[2] == colours[i].b);
        }
    }
}

TEST_CASE("a finger's 0..1 coordinates become the logical pixel under it", "[platform]") {
    const Size panel{800, 480};
    CHECK(normalisedTouchToLogical(0.5f, 0.25f, panel, Orientation::Deg0) == Point{400, 120});
    // Quarter turn clockwise: the panel's top-left is the portrait picture's bottom-left.
    CHECK(normalisedTouchToLogical(0.0f, 0.0f, panel, Orientation::Deg90) == Point{0, 799});
    CHECK(normalisedTouchToLogical(1.0f, 0.0f, panel, Orientation::Deg90) == Point{0, 0});
    CHECK(normalisedTouchToLogical(0.0f, 0.0f, panel, Orientation::Deg270) == Point{479, 0});
    CHECK(normalisedTouchToLogical(0.0f, 1.0f, panel, Orientation::Deg270) == Point{0, 0});
    // Slightly outside the panel (bezel edge) is clamped onto the picture.
    CHECK(normalisedTouchToLogical(1.02f, -0.01f, panel, Orientation::Deg0) == Point{799, 0});
}
