// `kiosk play SCRIPT`: the real controller, screens and renderer, headless, on a virtual clock.
#include "app/Commands.h"
#include "app/EngagementRecorder.h"
#include "app/Graphics.h"
#include "app/PackSelection.h"
#include "app/StoreServices.h"
#include "app/WallClocks.h"
#include "config/Config.h"
#include "controller/PlayScript.h"
#include "platform/Window.h"
#include "render/FrameComposer.h"
#include "reports/VolunteerWords.h"

#include <SDL_image.h>
#include <fstream>
#include <iostream>

namespace kiosk::app {

int runPlay(const PlayOptions& options) {
    returnLargeBuffersWhenFreed();
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    // Looked at before opening: a device or socket is refused. A named pipe is allowed on purpose: the
    // end-to-end tests feed a live kiosk its script line by line through one.
    std::error_code statError;
    const auto scriptStatus = std::filesystem::status(options.script, statError);
    if (!std::filesystem::is_regular_file(scriptStatus) && !std::filesystem::is_fifo(scriptStatus)) {
        std::cerr << "kiosk play: " << options.script.string()
                  << " is not a script file; name a .play file\n";
        return 2;
    }
    std::ifstream script(options.script);
    if (!script) {
        std::cerr << "kiosk play: cannot read " << options.script.string() << '\n';
        return 2;
    }
    const auto [config, contentDir, configProblems] = loadSettings(options.config, options.content);

    render::ImageLoader probe;
    PackSelection selection = selectPack(contentDir, {}, &probe);
    if (!selection.pack) {
        for (const auto& problem : selection.problems)
            std::cerr << "kiosk play: " << reports::problemText(problem) << '\n';
        return 1;
    }
    platform::WindowOptions windowOptions;
    windowOptions.headless = true;
    windowOptions.windowed = true;
    windowOptions.size = options.size;
    auto display = platform::openDisplay(windowOptions);
    if (!display) {
        std::cerr << "kiosk play: " << display.error().message << '\n';
        return 1;
    }
    platform::DisplayWindow* window = &display->window;
    std::string error;
    auto graphics = TextAndImages::create(selection.pack->theme.fonts, error, std::move(probe));
    if (!graphics) {
        std::cerr << "kiosk play: " << error << '\n';
        return 1;
    }
    render::SceneRenderer scenes(window->renderer(), graphics->rasterizer(), graphics->images());
    const Size size = options.size;
    render::FrameComposer composer(window->renderer(), size, {{0, 0, float(size.w), float(size.h)}, 0});

    ControllerSettings settings;
    settings.idleTimeout = Millis(static_cast<long long>(config.idleTimeoutS) * 1000);
    settings.defaultLanguage = config.defaultLanguage;
    // Dated content by the virtual clock: --start-time, set from the network unless --clock-unsynced.
    const std::time_t start = options.startTime.value_or(std::time(nullptr));
    settings.clock = virtualWallClock(start, !options.clockUnsynced);
    if (const auto warning = defaultLanguageWarning(config, *selection.pack); !warning.empty())
        std::cerr << warning << '\n';
    // With a config, pledges are really sealed and stored in its data_dir (the power-cut tests rely on it).
    std::optional<StoreServices> services;
    if (!options.config.empty()) {
        services.emplace(config, options.config, selection.pack->id + " " + selection.pack->version);
        services->beforePinCheck([&scenes] { makeRoomForPinCheck(scenes); });
        // As in `kiosk run`: a mistyped settings line is shown, with its line, on the admin screen.
        for (const auto& problem : configProblems)
            services->noteProblem({reports::KioskProblem::Kind::Diagnostic, problem});
    }
    KioskController kiosk(*selection.pack, settings, graphics->measurer(), graphics->images(), size,
                          Millis(0), services ? &*services : nullptr);

    // With a data_dir, the visits are counted as on a real kiosk, on the virtual clock from --start-time.
    std::optional<EngagementRecorder> engagement;
    if (services && !config.dataDir.empty()) {
        engagement.emplace(*selection.pack, config.dataDir, config.kioskId, [start](Millis now) {
            return start + static_cast<std::time_t>(now.count() / 1000);
        });
    }

    PlayHooks hooks;
    hooks.afterStep = [&](Millis now) {
        if (engagement) engagement->observe(kiosk, now);
    };
    hooks.shot = [&](const std::string& name) {
        const Millis now{0};
        const auto fade = kiosk.transition(now);
        composer.compose(scenes, kiosk.scene(), fade ? fade->from : nullptr, fade ? fade->progress : 1.0f);
        scenes.endFrame();
        if (options.shotsDir.empty()) return true;
        std::error_code ignored;
        std::filesystem::create_directories(options.shotsDir, ignored);
        const auto frame = composer.capture();
        const auto file = options.shotsDir / (name + ".png");
        return frame && IMG_SavePNG(frame.get(), file.c_str()) == 0;
    };
    PlayScriptRunner runner(kiosk, std::cout, std::cerr, hooks);
    const int status = runner.run(script, options.script.string());
    if (engagement) engagement->finish(runner.now());
    return status;
}

}  // namespace kiosk::app
