// The shipped pack with the real fonts and images, headless, loaded once per test program; the test is
// skipped (not failed) where SDL or the pack's fonts are missing.
#pragma once

#include "app/Graphics.h"
#include "content/PackLoader.h"
#include "platform/Window.h"
#include "support/Skip.h"

#include <catch2/catch.hpp>
#include <memory>
#include <optional>

namespace kiosk::testing {

struct Shipped {
    content::Pack pack;
    std::optional<platform::SdlSession> session;
    std::unique_ptr<app::TextAndImages> graphics;
};

inline Shipped& shipped() {
    static Shipped s = [] {
        Shipped out;
        auto loaded = content::loadPack(KIOSK_SOURCE_DIR "/content-pack/stop-torture", nullptr);
        REQUIRE(loaded.pack);
        out.pack = std::move(*loaded.pack);
        platform::WindowOptions options;
        options.headless = true;
        options.windowed = true;
        auto session = platform::SdlSession::start(options);
        if (!session) skipTest("no SDL session: " + session.error().message);
        out.session.emplace(std::move(session).value());
        std::string error;
        out.graphics = app::TextAndImages::create(out.pack.theme.fonts, error);
        if (!out.graphics) skipTest("the pack's fonts are not installed: " + error);
        return out;
    }();
    return s;
}

}  // namespace kiosk::testing
