// SDL start-up for the kiosk: hints for KMS/DRM on the Pi, the fullscreen window, and the renderer choice.
#include "platform/Window.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <vector>

namespace kiosk::platform {

namespace {

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// "card1-DSI-1" -> 1; nullopt for "card1", "renderD128", "version" and the like.
std::optional<int> cardIndexOfConnector(const std::string& name) {
    if (name.rfind("card", 0) != 0) return std::nullopt;
    std::size_t end = 4;
    while (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end])))
        ++end;
    if (end == 4 || end >= name.size() || name[end] != '-') return std::nullopt;
    return std::stoi(name.substr(4, end - 4));
}

bool readsConnected(const std::filesystem::path& statusFile) {
    std::ifstream in(statusFile);
    std::string word;
    return in >> word && word == "connected";
}

bool isHeadlessDriver(std::string_view driver) {
    return sameName(driver, "dummy") || sameName(driver, "offscreen");
}

std::string sdlError() {
    const char* error = SDL_GetError();
    return (error && *error) ? error : "no detail from SDL";
}

}  // namespace

std::optional<int> selectKmsDevice(const std::filesystem::path& sysfsDrm) {
    const char* already = SDL_GetHint(SDL_HINT_KMSDRM_DEVICE_INDEX);
    if (already && *already) return std::nullopt;

    std::error_code error;
    std::optional<int> best;
    for (const auto& entry : std::filesystem::directory_iterator(sysfsDrm, error)) {
        const auto index = cardIndexOfConnector(entry.path().filename().string());
        if (!index || !readsConnected(entry.path() / "status")) continue;
        if (!best || *index < *best) best = index;
    }
    if (!best) return std::nullopt;
    SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, std::to_string(*best).c_str());
    return best;
}

Result<SdlSession> SdlSession::start(const WindowOptions& options, const std::filesystem::path& sysfsDrm) {
    if (options.headless)
        SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
    else
        selectKmsDevice(sysfsDrm);  // only read by the KMS/DRM driver; harmless elsewhere
    // A kiosk has nothing to go back to: never minimise when focus moves (e.g. to a VT switch).
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    // SDL_HINT_TOUCH_MOUSE_EVENTS is left alone: KMS/DRM ignores it, and on desktops EventTranslator drops
    // the synthetic mouse events itself.

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        const char* requested = SDL_GetHint(SDL_HINT_VIDEODRIVER);
        return Failure{
            "SDL could not start video" +
            std::string(requested ? " with driver \"" + std::string(requested) + "\"" : "") + ": " +
            sdlError() +
            ". On the Pi: run as the systemd unit (tty1, user in groups video, render and input) and "
            "check that no other program holds the display; on a desktop try SDL_VIDEODRIVER=x11 or "
            "wayland; without a display use --headless."};
    }
    return SdlSession();
}

SdlSession& SdlSession::operator=(SdlSession&& other) noexcept {
    if (this != &other) {
        if (active_) SDL_Quit();
        active_ = std::exchange(other.active_, false);
    }
    return *this;
}

SdlSession::~SdlSession() {
    if (active_) SDL_Quit();
}

std::string SdlSession::videoDriver() const {
    const char* driver = SDL_GetCurrentVideoDriver();
    return driver ? driver : "";
}

DisplayWindow::DisplayWindow(WindowHandle window, RendererHandle renderer, Orientation orientation)
    : window_(std::move(window)), renderer_(std::move(renderer)), orientation_(orientation) {
    refreshSizes();
}

void DisplayWindow::refreshSizes() {
    SDL_GetRendererOutputSize(renderer_.get(), &panel_.w, &panel_.h);
    SDL_GetWindowSize(window_.get(), &windowSize_.w, &windowSize_.h);
}

std::string DisplayWindow::rendererName() const {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(renderer_.get(), &info) != 0 || info.name == nullptr) return "unknown";
    return info.name;
}

Result<DisplayWindow> DisplayWindow::create(const SdlSession& session, const WindowOptions& options) {
    const std::string driver = session.videoDriver();
    const bool headless = isHeadlessDriver(driver);

    Size size = options.size;
    const bool sizeGiven = size.w > 0 && size.h > 0;
    if (!sizeGiven) {
        SDL_DisplayMode mode{};
        if (SDL_GetDesktopDisplayMode(0, &mode) != 0)
            return Failure{"could not read the display mode (video driver " + driver + "): " + sdlError() +
                           ". Give the size explicitly (e.g. --size 800x480) or check the display cable."};
        size = {mode.w, mode.h};
    }

    // Fullscreen-desktop takes the display's mode whatever size is asked for, so a given size is a window of
    // that size where there is no display to fill (dummy, offscreen), and a fullscreen mode change elsewhere.
    Uint32 windowFlags = SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (options.windowed || (sizeGiven && headless))
        windowFlags = SDL_WINDOW_SHOWN;
    else if (sizeGiven)
        windowFlags = SDL_WINDOW_FULLSCREEN;
    WindowHandle window(SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                         SDL_WINDOWPOS_CENTERED, size.w, size.h, windowFlags));
    if (!window)
        return Failure{
            "could not open a " + std::to_string(size.w) + "x" + std::to_string(size.h) +
            " window (video driver " + driver + "): " + sdlError() +
            ". On the Pi check that the panel is connected and that Plymouth or a getty is not holding "
            "tty1."};
    if (!options.windowed) SDL_ShowCursor(SDL_DISABLE);

    // The desktop GL path fails on a Pi 4; GLES2 with vsync is the one that works. An explicit
    // SDL_RENDER_DRIVER from the environment still wins, for trying others on a device.
    const bool kms = sameName(driver, "KMSDRM");
    if (kms && std::getenv("SDL_RENDER_DRIVER") == nullptr) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");

    RendererHandle renderer;
    if (headless) {
        renderer.reset(
            SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE));
    } else {
        renderer.reset(SDL_CreateRenderer(window.get(), -1,
                                          SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC |
                                              SDL_RENDERER_TARGETTEXTURE));
        // Without vsync a frame may tear, but a picture beats none.
        if (!renderer) renderer.reset(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_TARGETTEXTURE));
    }
    if (!renderer)
        return Failure{
            "could not create a renderer with target textures (video driver " + driver + "): " + sdlError() +
            ". On the Pi check that the user is in the render group and the vc4-kms-v3d overlay is "
            "enabled in config.txt; set SDL_RENDER_DRIVER=opengles2 to force the GLES path."};

    DisplayWindow display(std::move(window), std::move(renderer), options.orientation);
    if (display.panelSize().w <= 0 || display.panelSize().h <= 0)
        return Failure{"the renderer reports an empty output size (video driver " + driver +
                       "); the display mode may be unset. Check the panel connection and config.txt."};
    return display;
}

Result<Display> openDisplay(const WindowOptions& options) {
    auto session = SdlSession::start(options);
    if (!session) return session.error();
    auto window = DisplayWindow::create(*session, options);
    if (!window) return window.error();
    return Display{std::move(session.value()), std::move(window.value())};
}

}  // namespace kiosk::platform
