// `kiosk`: the kiosk itself. Sleeps in SDL_WaitEventTimeout until input or the next deadline, draws only
// when the picture changes, and tells systemd it is alive.
#include "app/Commands.h"
#include "app/EngagementRecorder.h"
#include "app/Graphics.h"
#include "app/PackSelection.h"
#include "app/PackUpdates.h"
#include "app/StoreServices.h"
#include "app/WallClocks.h"
#include "config/Config.h"
#include "controller/KioskController.h"
#include "controller/ThreadWork.h"
#include "platform/EventWait.h"
#include "platform/IdleWait.h"
#include "platform/Watchdog.h"
#include "platform/Window.h"
#include "render/FrameComposer.h"
#include "reports/VolunteerWords.h"
#include "screens/Screens.h"

#include <chrono>
#include <iostream>

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {
Millis monotonicNow() {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

// A pack update check on the work runner, as Sync now; what it found is on the volunteer menu and in the log.
void startUpdateCheck(WorkRunner& work, PackUpdates& updates) {
    work.start([&updates] {
        (void)updates.check();
        return std::function<void()>();
    });
}

render::PanelPlacement placementOf(const platform::DisplayWindow& window) {
    const auto copy = window.rotatedCopy();
    return {{copy.x, copy.y, copy.w, copy.h}, copy.angleDegrees};
}
}  // namespace

int runKiosk(const RunOptions& options) {
    returnLargeBuffersWhenFreed();
    const auto [config, contentDir, configProblems] = loadSettings(options.config, options.content);

    platform::WindowOptions windowOptions;
    windowOptions.windowed = options.windowed;
    windowOptions.headless = options.headless;
    windowOptions.orientation =
        platform::orientationFromDegrees(config.orientation).value_or(platform::Orientation::Deg0);
    if (options.size)
        windowOptions.size = *options.size;
    else if (options.windowed)
        windowOptions.size = {800, 480};

    auto display = platform::openDisplay(windowOptions);
    if (!display) {
        std::cerr << "kiosk: " << display.error().message << '\n';
        return 1;
    }
    const platform::SdlSession* session = &display->session;
    platform::DisplayWindow* window = &display->window;
    std::cerr << "kiosk: " << session->videoDriver() << " video, " << window->rendererName() << " renderer, "
              << window->panelSize().w << "x" << window->panelSize().h << '\n';

    render::ImageLoader probe;
    // An installed, signed update shows instead of the configured pack; if it does not load, back to that.
    PackUpdates updates(config);
    const auto shownDir = updates.startFolder(contentDir);
    PackSelection selection = selectPack(shownDir, updates.usingSlot() ? fs::path() : config.dataDir, &probe);
    // An update that does not load: back to the previous slot (with its own signer), else the configured
    // pack.
    for (int fallbacks = 0; updates.usingSlot() && !selection.pack && fallbacks < 2; ++fallbacks) {
        updates.slotFailed();
        const auto fallback = updates.startFolder(contentDir);
        selection = selectPack(fallback, updates.usingSlot() ? fs::path() : config.dataDir, &probe);
    }
    if (selection.pack) updates.setRunning(selection.pack->id, selection.pack->version);
    for (const auto& problem : selection.problems)
        std::cerr << "kiosk: " << reports::problemText(problem) << '\n';
    // A mistyped settings line fell back to its default: the volunteer sees which line, on the admin screen
    // or the maintenance screen.
    for (const auto& problem : configProblems)
        selection.problems.push_back({reports::KioskProblem::Kind::Diagnostic, problem});

    std::string error;
    auto graphics = TextAndImages::create(
        selection.pack ? selection.pack->theme.fonts : content::ThemeFonts{}, error, std::move(probe));
    if (!graphics) {
        std::cerr << "kiosk: " << error << '\n';
        return 1;
    }
    render::SceneRenderer scenes(window->renderer(), graphics->rasterizer(), graphics->images());
    std::optional<render::FrameComposer> composer;
    composer.emplace(window->renderer(), window->logicalSize(), placementOf(*window));
    auto translator = window->makeTranslator();
    auto watchdog = platform::Watchdog::fromEnvironment();
    const platform::EventWaiter waiter(session->videoDriver());

    const Millis start = monotonicNow();
    const auto elapsed = [&] { return monotonicNow() - start; };
    std::optional<Millis> exitAt;
    if (options.exitAfterSeconds && *options.exitAfterSeconds > 0)
        exitAt = Millis(static_cast<long long>(*options.exitAfterSeconds * 1000));

    ControllerSettings settings;
    settings.idleTimeout = Millis(static_cast<long long>(config.idleTimeoutS) * 1000);
    settings.defaultLanguage = config.defaultLanguage;
    settings.clock = systemWallClock();
    // Declared first so it outlives the controller that holds a reference to it.
    std::optional<StoreServices> services;
    // Sync, export and the volunteer's figures run here, so the loop below keeps drawing, answering taps and
    // feeding the watchdog; a finished piece wakes the loop with an event of no other meaning.
    ThreadWork work([] {
        SDL_Event wake{};
        wake.type = SDL_USEREVENT;
        SDL_PushEvent(&wake);
    });
    std::optional<KioskController> kiosk;
    std::optional<EngagementRecorder> engagement;  // visits and screens counted, nothing typed
    Scene maintenance;
    if (selection.pack) {
        services.emplace(config, options.config, selection.pack->id + " " + selection.pack->version);
        services->beforePinCheck([&scenes] { makeRoomForPinCheck(scenes); });
        for (const auto& problem : selection.problems)
            services->noteProblem(problem);
        for (const auto& line : updates.logLines())
            std::cerr << "kiosk: " << line << '\n';
        services->usePackUpdates(&updates);
        // Said in the log and on the volunteer screen: the kiosk greets people in another language.
        if (const auto warning = defaultLanguageWarning(config, *selection.pack); !warning.empty()) {
            std::cerr << "kiosk: " << warning << '\n';
            services->noteProblem({reports::KioskProblem::Kind::Diagnostic, warning});
        }
        kiosk.emplace(*selection.pack, settings, graphics->measurer(), graphics->images(),
                      window->logicalSize(), elapsed(), &*services, &work);
        kiosk->onPledgeSaved(
            [](const std::string& uuid) { std::cout << "pledge-saved " << uuid << std::endl; });
        if (!config.dataDir.empty())
            engagement.emplace(*selection.pack, config.dataDir, config.kioskId,
                               [](Millis) { return std::time(nullptr); });
    } else {
        maintenance = screens::buildMaintenanceScene(window->logicalSize(), graphics->measurer(),
                                                     graphics->images(), selection.problems);
    }

    watchdog.ready();
    bool running = true;
    bool firstFrame = true;
    bool exposed = true;
    while (running) {
        Millis now = elapsed();
        const int timeout = platform::idleWaitTimeout(
            now, {kiosk ? kiosk->nextDeadline(now) : std::nullopt, watchdog.nextDeadline(), exitAt});
        SDL_Event event;
        if (waiter.wait(event, timeout)) {
            do {
                if (const auto system = translator.system(event)) {
                    if (*system == platform::SystemEvent::Quit) running = false;
                    if (*system == platform::SystemEvent::WindowResized) {
                        // A new size re-lays every screen out and rebuilds the off-screen frame.
                        window->refreshSizes();
                        translator.setGeometry(window->panelSize(), window->windowSize());
                        composer.emplace(window->renderer(), window->logicalSize(), placementOf(*window));
                        if (kiosk)
                            kiosk->resize(window->logicalSize());
                        else
                            maintenance =
                                screens::buildMaintenanceScene(window->logicalSize(), graphics->measurer(),
                                                               graphics->images(), selection.problems);
                    }
                    exposed = true;
                } else if (const auto input = translator.input(event)) {
                    if (kiosk) kiosk->handle(*input, elapsed());
                }
            } while (SDL_PollEvent(&event));
        }
        now = elapsed();
        watchdog.tick(now);
        if (exitAt && now >= *exitAt) running = false;
        if (kiosk) kiosk->tick(now);
        if (engagement) engagement->observe(*kiosk, now);
        if (kiosk && kiosk->exitRequested()) running = false;  // "leave kiosk" on the admin screen
        // A new pack is installed: start again on it between visitors, never during one.
        if (kiosk && !firstFrame && kiosk->view().screen == ScreenId::Attract) {
            if (updates.switchWanted()) updates.restartSelf();
            if (updates.claimDueCheck()) startUpdateCheck(work, updates);  // hourly, between visitors
        }
        if (kiosk ? kiosk->needsRedraw(now) || exposed : exposed) {
            if (kiosk) {
                const auto fade = kiosk->transition(now);
                composer->compose(scenes, kiosk->scene(), fade ? fade->from : nullptr,
                                  fade ? fade->progress : 1.0f);
                kiosk->markDrawn(now);
            } else {
                composer->compose(scenes, maintenance);
            }
            SDL_RenderPresent(window->renderer());
            scenes.endFrame();
            exposed = false;
            if (firstFrame && options.exitAfterSeconds && *options.exitAfterSeconds <= 0) running = false;
            if (firstFrame && selection.pack) {
                updates.firstScreenShown();
                // On the work runner, after the first frame: a check never delays start-up.
                if (updates.claimDueCheck()) startUpdateCheck(work, updates);
            }
            firstFrame = false;
            // On the loop the next slide is drawn off-screen while this one stands still (once a slide:
            // the layer keeps it), so the fade to it starts without drawing.
            if (running && kiosk && !kiosk->transition(now))
                if (const auto upcoming = kiosk->upcomingSlide()) composer->prepare(scenes, *upcoming);
        }
    }
    if (engagement) engagement->finish(elapsed());
    watchdog.stopping();
    return 0;
}

}  // namespace kiosk::app
