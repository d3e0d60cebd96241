// Soak: 200,000 frames (53 minutes on the virtual clock) of the real controller, screens, text and renderer
// on SDL's dummy driver, the attract loop interrupted by scripted visits (stories, cases, a pledge typed and
// signed, the admin pad), drawn whenever the kiosk asks, as the event loop would. Fails on any visit that
// does not go as scripted, or when the resident memory of the last quarter is more than 2 MB above or below
// the first quarter's; leaks and memory errors are the sanitizer build's to catch (make test-asan runs it).
#include "app/Graphics.h"
#include "content/PackLoader.h"
#include "controller/KioskController.h"
#include "platform/Window.h"
#include "render/FrameComposer.h"
#include "support/FakeServices.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace kiosk;

namespace {
constexpr long kFrames = 200'000;
constexpr Millis kFrame{16};
constexpr long kMaxDriftKb = 2 * 1024;

long residentKb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

// One visit's steps, each a widget to tap or text to type, one every 40 frames (0.64 s).
std::vector<std::string> visit(int n) {
    std::vector<std::string> steps = {"tap:start"};
    switch (n % 4) {
    case 0:
        steps.insert(steps.end(),
                     {"tap:nav-story", "tap:next", "tap:next", "tap:home", "tap:nav-timeline", "tap:next"});
        break;
    case 1:
        steps.insert(steps.end(),
                     {"tap:lang-ms", "tap:nav-cases", "tap:back", "tap:nav-credits", "tap:home"});
        break;
    case 2:  // in English: the first touch lands in the language of the slide touched
        steps.insert(steps.end(),
                     {"tap:lang-en", "tap:nav-act", "tap:pledge-ratify-uncat", "tap:field-name",
                      "type:Soak Visitor " + std::to_string(n), "tap:field-email",
                      "type:soak" + std::to_string(n) + "@example.org", "tap:consent-sign", "tap:submit"});
        break;
    default:
        steps.insert(steps.end(),
                     {"admin", "tap:pin-2", "tap:pin-4", "tap:pin-6", "tap:pin-8", "tap:pin-ok"});
        break;
    }
    return steps;  // then the kiosk is left alone: the idle timeout brings back the attract loop
}
}  // namespace

int main() {
    const auto loaded = content::loadPack(KIOSK_SOURCE_DIR "/content-pack/stop-torture", nullptr);
    if (!loaded.pack) {
        std::cerr << "soak: the shipped pack did not load\n";
        return 1;
    }
    const content::Pack& pack = *loaded.pack;
    platform::WindowOptions options;
    options.headless = true;
    options.windowed = true;
    options.size = {800, 480};
    auto session = platform::SdlSession::start(options);
    if (!session) {
        std::cerr << "soak: " << session.error().message << '\n';
        return 1;
    }
    auto window = platform::DisplayWindow::create(*session, options);
    if (!window) {
        std::cerr << "soak: " << window.error().message << '\n';
        return 1;
    }
    std::string error;
    auto graphics = app::TextAndImages::create(pack.theme.fonts, error);
    if (!graphics) {
        std::cerr << "soak: " << error << '\n';
        return 1;
    }
    render::SceneRenderer scenes(window->renderer(), graphics->rasterizer(), graphics->images());
    render::FrameComposer composer(window->renderer(), {800, 480}, {{0, 0, 800, 480}, 0});
    testing::FakeServices services;
    KioskController kiosk(pack, {}, graphics->measurer(), graphics->images(), {800, 480}, Millis{0},
                          &services);

    std::vector<long> quarterMaxKb(4, 0);
    long draws = 0, visits = 0, failedSteps = 0;
    std::vector<std::string> steps;
    std::size_t nextStep = 0;
    Millis now{0};
    for (long frame = 0; frame < kFrames; ++frame) {
        now += kFrame;
        // A visitor arrives every 6000 frames (96 s), well after the last one's idle timeout.
        if (frame % 6000 == 3000) {
            steps = visit(static_cast<int>(visits++));
            nextStep = 0;
        }
        if (nextStep < steps.size() && frame % 40 == 0) {
            const std::string& step = steps[nextStep++];
            bool done = true;
            if (step.rfind("tap:", 0) == 0)
                done = kiosk.tap(step.substr(4), now);
            else if (step.rfind("type:", 0) == 0)
                kiosk.handle(TextEvent{step.substr(5)}, now);
            else if (step == "admin")
                kiosk.openAdmin(now);
            if (!done) {
                ++failedSteps;
                std::cerr << "soak: frame " << frame << ": no widget for " << step << " on screen "
                          << static_cast<int>(kiosk.view().screen) << '\n';
            }
        }
        kiosk.tick(now);
        if (kiosk.needsRedraw(now)) {
            const auto fade = kiosk.transition(now);
            composer.compose(scenes, kiosk.scene(), fade ? fade->from : nullptr,
                             fade ? fade->progress : 1.0f);
            SDL_RenderPresent(window->renderer());
            scenes.endFrame();
            kiosk.markDrawn(now);
            ++draws;
        }
        if (frame % 1000 == 0) {
            const auto quarter = static_cast<std::size_t>(frame * 4 / kFrames);
            quarterMaxKb[quarter] = std::max(quarterMaxKb[quarter], residentKb());
        }
    }
    const long drift = quarterMaxKb[3] - quarterMaxKb[0];
    std::printf(
        "soak: %ld frames (%ld drawn), %ld visits (%d pledges), resident max by quarter %ld, %ld, %ld, "
        "%ld KiB: last minus first %+ld KiB (allowed +-%ld)\n",
        kFrames, draws, visits, services.saved, quarterMaxKb[0], quarterMaxKb[1], quarterMaxKb[2],
        quarterMaxKb[3], drift, kMaxDriftKb);
    if (failedSteps > 0 || services.saved == 0) {
        std::printf("soak: FAILED: %ld scripted steps found no widget; %d pledges saved\n", failedSteps,
                    services.saved);
        return 1;
    }
    if (drift > kMaxDriftKb || drift < -kMaxDriftKb) {
        std::printf("soak: FAILED: resident memory drifted %+ld KiB between the first and last quarter\n",
                    drift);
        return 1;
    }
    return 0;
}
