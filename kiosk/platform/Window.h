// The SDL session, the fullscreen window and its renderer, set up the way the Raspberry Pi needs them.
#pragma once

#include "core/Geometry.h"
#include "core/Result.h"
#include "platform/EventTranslator.h"
#include "platform/Orientation.h"

#include <SDL.h>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::platform {

struct WindowOptions {
    Size size;  // the panel (window) size; 0 x 0 means the desktop's display mode
    bool windowed = false;
    Orientation orientation = Orientation::Deg0;
    bool headless = false;  // SDL's dummy video driver and the software renderer: tests, tours, CI
    std::string title = "outreach-kiosk";
};

// Pi 5 with a DSI panel: SDL 2.26 can open the DRM card without a connected display. Picks the lowest card
// with a connector whose `status` reads "connected" under `sysfsDrm` and sets SDL_KMSDRM_DEVICE_INDEX to it,
// unless that is already set (environment or hint). Returns the index it set, nullopt when it set nothing.
std::optional<int> selectKmsDevice(const std::filesystem::path& sysfsDrm = "/sys/class/drm");

// Owns SDL's video and event subsystems: SDL_Init on start, SDL_Quit when the last owner goes.
class SdlSession {
public:
    // Applies the hints that must precede SDL_Init (dummy driver when headless, the KMS card, no minimising
    // on focus loss), then starts SDL.
    static Result<SdlSession> start(const WindowOptions& options,
                                    const std::filesystem::path& sysfsDrm = "/sys/class/drm");

    SdlSession(SdlSession&& other) noexcept : active_(std::exchange(other.active_, false)) {}
    SdlSession& operator=(SdlSession&& other) noexcept;
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;
    ~SdlSession();

    // SDL's name for the video driver in use, such as "KMSDRM", "x11" or "dummy".
    std::string videoDriver() const;

private:
    SdlSession() : active_(true) {}
    bool active_ = false;
};

struct SdlWindowDeleter {
    void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
struct SdlRendererDeleter {
    void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
using WindowHandle = std::unique_ptr<SDL_Window, SdlWindowDeleter>;
using RendererHandle = std::unique_ptr<SDL_Renderer, SdlRendererDeleter>;

class DisplayWindow {
public:
    // Fullscreen-desktop window (or a plain one when windowed), cursor hidden when fullscreen, and a
    // renderer: opengles2 with vsync on KMS/DRM unless SDL_RENDER_DRIVER says otherwise, software on the
    // dummy driver.
    static Result<DisplayWindow> create(const SdlSession& session, const WindowOptions& options);

    SDL_Window* window() const { return window_.get(); }
    SDL_Renderer* renderer() const { return renderer_.get(); }
    std::string rendererName() const;

    // The renderer's output in pixels: the panel the picture is rotated onto.
    Size panelSize() const { return panel_; }
    // The window in SDL's window coordinates, which mouse events use.
    Size windowSize() const { return windowSize_; }
    Orientation orientation() const { return orientation_; }
    // The size to lay the scene out in, and of the target texture the renderer draws into.
    Size logicalSize() const { return kiosk::platform::logicalSize(panel_, orientation_); }
    RotatedCopy rotatedCopy() const { return rotatedCopyParams(panel_, orientation_); }

    // Re-reads both sizes after SystemEvent::WindowResized; feed them to EventTranslator::setGeometry.
    void refreshSizes();
    EventTranslator makeTranslator() const { return EventTranslator(panel_, windowSize_, orientation_); }

private:
    DisplayWindow(WindowHandle window, RendererHandle renderer, Orientation orientation);

    // Declared window first so the renderer is destroyed before its window.
    WindowHandle window_;
    RendererHandle renderer_;
    Orientation orientation_;
    Size panel_;
    Size windowSize_;
};

// SDL started and one window open, as `kiosk` and `kiosk play` begin (the tour opens a window a size). The
// window is declared last, so it closes before SDL stops.
struct Display {
    SdlSession session;
    DisplayWindow window;
};
Result<Display> openDisplay(const WindowOptions& options);

}  // namespace kiosk::platform
