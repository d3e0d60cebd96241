#include "platform/Window.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace kiosk;
using namespace kiosk::platform;
namespace fs = std::filesystem;

namespace {
// A fake /sys/class/drm under the build folder, removed when the test ends.
struct FakeSysfs {
    fs::path root;
    FakeSysfs() {
        std::string pattern = std::string(KIOSK_BINARY_DIR) + "/drm-XXXXXX";
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        root = pattern;
    }
    ~FakeSysfs() { fs::remove_all(root); }
    void connector(const std::string& name, const std::string& status) {
        fs::create_directories(root / name);
        std::ofstream(root / name / "status") << status << "\n";
    }
};

struct KmsHintReset {
    KmsHintReset() {
        unsetenv("SDL_KMSDRM_DEVICE_INDEX");
        SDL_ResetHint(SDL_HINT_KMSDRM_DEVICE_INDEX);
    }
    ~KmsHintReset() { SDL_ResetHint(SDL_HINT_KMSDRM_DEVICE_INDEX); }
};

std::string kmsHint() {
    const char* value = SDL_GetHint(SDL_HINT_KMSDRM_DEVICE_INDEX);
    return value ? value : "";
}
}  // namespace

TEST_CASE("the DRM card with a connected display is chosen for SDL (Pi 5 with a DSI panel)", "[platform]") {
    KmsHintReset reset;
    FakeSysfs sysfs;
    fs::create_directories(sysfs.root / "card0");  // v3d: a card without connectors
    fs::create_directories(sysfs.root / "renderD128");
    sysfs.connector("card1-HDMI-A-1", "disconnected");
    sysfs.connector("card1-HDMI-A-2", "disconnected");
    sysfs.connector("card2-DSI-1", "connected");
    CHECK(selectKmsDevice(sysfs.root) == 2);
    CHECK(kmsHint() == "2");
}

TEST_CASE("with two connected cards the lower index wins", "[platform]") {
    KmsHintReset reset;
    FakeSysfs sysfs;
    sysfs.connector("card11-DSI-1", "connected");
    sysfs.connector("card3-HDMI-A-1", "connected");
    CHECK(selectKmsDevice(sysfs.root) == 3);
}

TEST_CASE("an index the user already set is kept", "[platform]") {
    KmsHintReset reset;
    FakeSysfs sysfs;
    sysfs.connector("card2-DSI-1", "connected");
    SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, "0");
    CHECK_FALSE(selectKmsDevice(sysfs.root));
    CHECK(kmsHint() == "0");
}

TEST_CASE("no connected display, or no sysfs, sets nothing", "[platform]") {
    KmsHintReset reset;
    FakeSysfs sysfs;
    sysfs.connector("card1-HDMI-A-1", "disconnected");
    CHECK_FALSE(selectKmsDevice(sysfs.root));
    CHECK_FALSE(selectKmsDevice(sysfs.root / "missing"));
    CHECK(kmsHint().empty());
}

TEST_CASE("a headless window has the asked size, a software renderer and the turned logical size",
          "[platform]") {
    WindowOptions options;
    options.size = {320, 200};
    options.windowed = true;
    options.headless = true;
    options.orientation = Orientation::Deg90;
    auto session = SdlSession::start(options);
    REQUIRE(session.ok());
    CHECK(session->videoDriver() == "dummy");
    auto display = DisplayWindow::create(*session, options);
    REQUIRE(display.ok());
    CHECK(display->panelSize() == Size{320, 200});
    CHECK(display->logicalSize() == Size{200, 320});
    CHECK(display->rendererName() == "software");
    CHECK(display->makeTranslator().logicalSize() == Size{200, 320});
    const RotatedCopy copy = display->rotatedCopy();
    CHECK(copy.angleDegrees == 90.0);
}

TEST_CASE("a fullscreen headless window without a size takes the display mode", "[platform]") {
    WindowOptions options;
    options.headless = true;
    auto session = SdlSession::start(options);
    REQUIRE(session.ok());
    auto display = DisplayWindow::create(*session, options);
    REQUIRE(display.ok());
    SDL_DisplayMode mode{};
    REQUIRE(SDL_GetDesktopDisplayMode(0, &mode) == 0);
    CHECK(display->panelSize() == Size{mode.w, mode.h});
    CHECK(display->windowSize() == Size{mode.w, mode.h});
}

TEST_CASE("a fullscreen headless window with a size has that size, not the display mode's", "[platform]") {
    WindowOptions options;
    options.headless = true;
    options.size = {1920, 1080};
    auto session = SdlSession::start(options);
    REQUIRE(session.ok());
    SDL_DisplayMode mode{};
    REQUIRE(SDL_GetDesktopDisplayMode(0, &mode) == 0);
    REQUIRE(Size{mode.w, mode.h} != options.size);  // the dummy driver's mode is 1024x768
    auto display = DisplayWindow::create(*session, options);
    REQUIRE(display.ok());
    CHECK(display->panelSize() == Size{1920, 1080});
    CHECK(display->logicalSize() == Size{1920, 1080});
}

TEST_CASE("a video driver that does not exist is a failure that says so", "[platform]") {
    WindowOptions options;
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "no-such-driver", SDL_HINT_OVERRIDE);
    auto session = SdlSession::start(options);
    SDL_ResetHint(SDL_HINT_VIDEODRIVER);
    REQUIRE_FALSE(session.ok());
    CHECK_THAT(session.error().message,
               Catch::Contains("no-such-driver") && Catch::Contains("SDL_VIDEODRIVER"));
}
