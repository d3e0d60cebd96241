// How long signing takes a passer-by: the taps and the modelled time to sign the shipped pack's pledge with
// the on-screen keyboard alone, in every language (docs/design.md: 1.5 s a navigation tap, 0.6 s a key).
#include "content/PackLoader.h"
#include "controller/KioskController.h"
#include "support/FakeMeasurer.h"
#include "support/FakeServices.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <iostream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
// A person at the kiosk: taps what is on screen, as they see it, and counts.
struct Signer {
    KioskController& kiosk;
    Millis now{0};
    int navigationTaps = 0;
    int keyTaps = 0;

    double seconds() const { return navigationTaps * 1.5 + keyTaps * 0.6; }

    void navigate(const std::string& id) {
        INFO("tap " << id);
        REQUIRE(kiosk.tap(id, now));
        ++navigationTaps;
        now += 1500ms;
    }
    void key(const std::string& id) {
        INFO("key " << id);
        REQUIRE(kiosk.tap(id, now));
        ++keyTaps;
        now += 600ms;
    }
    const Widget* shown(const std::string& id) { return kiosk.scene().find(id); }

    // Types `text` on the on-screen keyboard: a whole suggestion when one on screen is what comes next, else
    // a key a character, with shift only when the keyboard shows the wrong case.
    void type(std::string text) {
        while (!text.empty()) {
            bool suggested = false;
            for (const char* id : {"key-gmail", "key-yahoo"}) {
                const Widget* domain = shown(id);  // labelled "gmail.com"; it types "@gmail.com"
                if (!domain || text.rfind("@" + domain->text, 0) != 0) continue;
                key(id);
                text.erase(0, domain->text.size() + 1);
                suggested = true;
                break;
            }
            if (suggested) continue;
            const char c = text.front();
            text.erase(0, 1);
            if (c == ' ') {
                key("key-space");
            } else if (c == '@') {
                key("key-at");
            } else if (c == '.') {
                key("key-dot");
            } else {
                const std::string id = std::string("key-") + static_cast<char>(std::tolower(c));
                const Widget* cap = shown(id);
                REQUIRE(cap);
                if (cap->text != std::string(1, c)) key("key-shift");
                key(id);
            }
        }
    }
};
}  // namespace

TEST_CASE("signing name, e-mail and the required consent takes at most 30 taps and under 45 s in every "
          "language",
          "[pledge]") {
    testing::FakeImages images;
    const auto loaded = content::loadPack(KIOSK_SOURCE_DIR "/content-pack/stop-torture", &images);
    REQUIRE(loaded.pack);
    const content::Pack& pack = *loaded.pack;
    for (const std::string& language : pack.languages) {
        INFO(language);
        testing::FakeMeasurer text;
        testing::FakeServices services;
        KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms, &services};
        REQUIRE(kiosk.tap("begin-" + language, 0ms));
        REQUIRE(kiosk.tap("nav-act", 0ms));
        REQUIRE(kiosk.view().screen == ScreenId::Act);

        Signer signer{kiosk};
        signer.navigate("pledge-ratify-uncat");  // the name field has the keyboard at once
        signer.type("Priya Raman");
        signer.key("key-next");
        signer.type("priya.raman@gmail.com");
        signer.navigate("consent-sign");
        signer.navigate("submit");
        REQUIRE(kiosk.view().screen == ScreenId::Thanks);
        REQUIRE(services.submitted.size() == 1);
        CHECK(services.submitted[0]["name"] == "Priya Raman");
        CHECK(services.submitted[0]["email"] == "priya.raman@gmail.com");

        const int taps = signer.navigationTaps + signer.keyTaps;
        std::cout << "pledge taps " << language << ": " << taps << " (" << signer.navigationTaps
                  << " navigation, " << signer.keyTaps << " keys), modelled " << signer.seconds() << " s\n";
        CHECK(taps <= 30);
        CHECK(signer.seconds() < 45.0);
    }
}
