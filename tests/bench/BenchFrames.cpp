// Benchmark: cross-fade frames of the attract loop, composed and presented the way `kiosk` does with the
// software renderer; prints each frame's CPU time (median, p99, worst), never a pass or fail. Under
// `valgrind --tool=callgrind --toggle-collect=bench_fade_frame` the instructions a frame come out too.
// usage: bench_frames PACK_DIR WIDTHxHEIGHT FRAMES
#include "app/Graphics.h"
#include "app/PackSelection.h"
#include "controller/KioskController.h"
#include "platform/Window.h"
#include "render/FrameComposer.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

}  // namespace

namespace {
// Calls of bench_fade_frame, warm-up included, since callgrind counts them all: the instructions a frame are
// callgrind's total over this number.
long long fadeFramesCalled = 0;
}  // namespace

// One frame as the kiosk's loop makes it: compose, present, let the texture cache age. Not inlined, and
// with C linkage, so callgrind can count it alone.
extern "C" __attribute__((noinline)) void bench_fade_frame(render::FrameComposer& composer,
                                                           render::SceneRenderer& scenes,
                                                           SDL_Renderer* renderer, const Scene& current,
                                                           const Scene& from, float progress) {
    ++fadeFramesCalled;
    composer.compose(scenes, current, &from, progress);
    SDL_RenderPresent(renderer);
    scenes.endFrame();
}

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_frames PACK_DIR WIDTHxHEIGHT FRAMES\n");
        return 2;
    }
    Size size;
    if (std::sscanf(argv[2], "%dx%d", &size.w, &size.h) != 2) {
        std::fprintf(stderr, "bench_frames: %s is not WIDTHxHEIGHT\n", argv[2]);
        return 2;
    }
    const int frames = std::max(1, std::atoi(argv[3]));

    render::ImageLoader probe;
    app::PackSelection selection = app::selectPack(argv[1], {}, &probe);
    if (!selection.pack || selection.pack->slides.size() < 2) {
        std::fprintf(stderr, "bench_frames: %s did not load, or has fewer than two slides\n", argv[1]);
        return 1;
    }
    platform::WindowOptions options;
    options.headless = true;
    options.size = size;
    auto session = platform::SdlSession::start(options);
    if (!session) return std::fprintf(stderr, "bench_frames: %s\n", session.error().message.c_str()), 1;
    auto window = platform::DisplayWindow::create(*session, options);
    if (!window) return std::fprintf(stderr, "bench_frames: %s\n", window.error().message.c_str()), 1;
    std::string error;
    auto graphics = app::TextAndImages::create(selection.pack->theme.fonts, error, std::move(probe));
    if (!graphics) return std::fprintf(stderr, "bench_frames: %s\n", error.c_str()), 1;
    render::SceneRenderer scenes(window->renderer(), graphics->rasterizer(), graphics->images());
    render::FrameComposer composer(window->renderer(), window->logicalSize(),
                                   {{0, 0, float(size.w), float(size.h)}, 0});

    // The first slide and the second, as the controller builds them when the loop turns.
    KioskController kiosk(*selection.pack, {}, graphics->measurer(), graphics->images(),
                          window->logicalSize(), Millis(0));
    const Scene first = kiosk.scene();
    const Millis turn{selection.pack->slides[0].durationMs};
    kiosk.tick(turn);
    const Scene second = kiosk.scene();

    // A fade lasts 700 ms at a frame every 16 ms: 44 frames and one at full opacity, then the next fade
    // starts, back to the first slide, and so on. Before each fade the scene it goes to is drawn off-screen,
    // as `kiosk run` does while the slide before stands still: timed apart, since no frame is shown then.
    constexpr int kFadeFrames = 44;
    std::vector<double> times;
    std::vector<double> prepareTimes;
    const auto timed = [](std::vector<double>* into, const auto& work) {
        const double start = cpuMs();
        work();
        if (into) into->push_back(cpuMs() - start);
    };
    const auto frame = [&](int i, bool counted) {
        const bool forward = (i / kFadeFrames) % 2 == 0;
        const float progress = static_cast<float>(i % kFadeFrames + 1) / (kFadeFrames + 1);
        const Scene& to = forward ? second : first;
        const Scene& from = forward ? first : second;
        if (i % kFadeFrames == 0) {
            // The fade before has ended: its last frame, at full opacity; then the next scene, drawn ahead.
            timed(counted ? &times : nullptr, [&] {
                composer.compose(scenes, from);
                SDL_RenderPresent(window->renderer());
                scenes.endFrame();
            });
            timed(counted ? &prepareTimes : nullptr, [&] { composer.prepare(scenes, to); });
        }
        timed(counted ? &times : nullptr,
              [&] { bench_fade_frame(composer, scenes, window->renderer(), to, from, progress); });
    };
    composer.compose(scenes, first);  // the slide before the fade, as on screen
    SDL_RenderPresent(window->renderer());
    for (int i = 0; i < 2 * kFadeFrames; ++i)  // fonts and SVGs opened, caches warm: not counted
        frame(i, false);
    const long long drawnBefore = composer.scenesDrawn();
    times.reserve(static_cast<std::size_t>(frames) * 2);
    for (int i = 0; i < frames; ++i)
        frame(i, true);
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double q) {
        return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * (sorted.size() - 1) + 0.5))];
    };
    std::printf("fade frames %dx%d, %s renderer, %zu frames: CPU ms a frame median %.2f p99 %.2f worst %.2f; "
                "scenes drawn %lld\n",
                size.w, size.h, window->rendererName().c_str(), times.size(), at(0.5), at(0.99),
                sorted.back(), composer.scenesDrawn() - drawnBefore);
    std::sort(prepareTimes.begin(), prepareTimes.end());
    if (!prepareTimes.empty())
        std::printf(
            "next slide drawn ahead while the screen is still, %zu times: CPU ms median %.2f worst %.2f\n",
            prepareTimes.size(), prepareTimes[prepareTimes.size() / 2], prepareTimes.back());
    std::printf("bench_fade_frame called %lld times, warm-up included\n", fadeFramesCalled);
    return 0;
}
