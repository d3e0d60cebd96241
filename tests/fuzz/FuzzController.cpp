// libFuzzer target: the kiosk controller fed any stream of touches, keys, typed text and clock steps on the
// virtual clock, with the screens built after each: never a crash, and an untouched kiosk always falls back
// to the attract loop with nothing typed left in its forms.
#include "controller/KioskController.h"
#include "support/FakeMeasurer.h"
#include "support/FakeServices.h"
#include "support/SamplePack.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace kiosk;

namespace {
// Widgets worth aiming at: a fuzzer finds these far faster by name than by coordinates.
constexpr const char* kWidgets[] = {
    "start",        "lang-en",      "lang-ms",  "lang-zh",     "lang-ta",    "nav-story",
    "nav-timeline", "nav-cases",    "nav-act",  "nav-credits", "field-name", "field-email",
    "field-phone",  "consent-sign", "submit",   "cancel",      "done",       "back",
    "home",         "next",         "previous", "pin-2",       "pin-4",      "pin-6",
    "pin-8",        "pin-ok",       "key-a",    "key-shift",   "key-space",  "key-back"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    testing::FakeServices services;
    KioskController kiosk(pack, {}, text, images, {800, 480}, Millis{0}, &services);
    Millis now{0};
    std::size_t at = 0;
    const auto next = [&]() -> std::uint8_t { return at < size ? data[at++] : 0; };
    for (int step = 0; at < size && step < 500; ++step) {
        const std::uint8_t op = next();
        const std::uint8_t a = next();
        const std::uint8_t b = next();
        switch (op % 8) {
        case 0:
        case 1:
        case 2:
            kiosk.handle(PointerEvent{static_cast<PointerPhase>(op % 3), {a * 800 / 256, b * 480 / 256}},
                         now);
            break;
        case 3:
            kiosk.handle(KeyEvent{static_cast<Key>(a % 10)}, now);
            break;
        case 4: {
            std::string typed;
            for (int i = 0; i < b % 8 && at < size; ++i)
                typed += static_cast<char>(next());
            kiosk.handle(TextEvent{typed}, now);
            break;
        }
        case 5:
            kiosk.tap(kWidgets[a % std::size(kWidgets)], now);
            break;
        case 6:
            kiosk.openAdmin(now);
            break;
        default:
            now += Millis(a * 16 + b * 1000);
            kiosk.tick(now);
            break;
        }
        kiosk.scene();
        if (kiosk.exitRequested()) return 0;
    }
    // Left alone for an hour, any screen returns to the attract loop.
    for (int i = 0; i < 6; ++i) {
        now += Millis(600'000);
        kiosk.tick(now);
    }
    if (kiosk.view().screen != ScreenId::Attract) std::abort();
    kiosk.scene();
    return 0;
}
