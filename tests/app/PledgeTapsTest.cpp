// How long signing takes a passer-by: the taps and the modelled time to sign the shipped pack's pledge with
// the on-screen keyboard alone, in every language, on the real screens (the pack's fonts, 800x480 and
// 720x1280) and by touching them where a person would: only what is wholly on screen and not covered is
// touched, so a field, key or consent hidden under the keyboard or on another page costs the taps it takes
// to reach (docs/design.md: 1.5 s a navigation tap, 0.6 s a key; at most 30 taps and under 45 s).
#include "controller/KioskController.h"
#include "support/FakeServices.h"
#include "support/ShippedPack.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <iostream>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
// A person at the kiosk: touches what they see, and counts.
struct Signer {
    KioskController& kiosk;
    Size screen;
    Millis now{0};
    int navigationTaps = 0;
    int keyTaps = 0;

    double seconds() const { return navigationTaps * 1.5 + keyTaps * 0.6; }

    // The widget with this id when a person can see and touch it: wholly on the screen, what a touch at its
    // centre reaches, and not drawn over there by anything but its own label or icon.
    const Widget* touchable(const std::string& id) {
        const Scene& scene = kiosk.scene();
        const Widget* widget = scene.find(id);
        if (!widget || !widget->tappable) return nullptr;
        const Rect r = widget->rect;
        if (r.x < 0 || r.y < 0 || r.right() > screen.w || r.bottom() > screen.h) return nullptr;
        const Point centre{r.x + r.w / 2, r.y + r.h / 2};
        if (scene.hit(centre) != widget) return nullptr;
        bool after = false;
        for (const auto& other : scene.widgets) {
            if (&other == widget) {
                after = true;
                continue;
            }
            if (after && other.rect.contains(centre) && !r.containsRect(other.rect)) return nullptr;
        }
        return widget;
    }

    void touch(const std::string& id, int& counter, Millis takes) {
        INFO("touch " << id);
        const Widget* widget = touchable(id);
        REQUIRE(widget);
        const Point centre{widget->rect.x + widget->rect.w / 2, widget->rect.y + widget->rect.h / 2};
        kiosk.handle(PointerEvent{PointerPhase::Down, centre}, now);
        kiosk.handle(PointerEvent{PointerPhase::Up, centre}, now + 80ms);
        ++counter;
        now += takes;
    }
    void navigate(const std::string& id) { touch(id, navigationTaps, 1500ms); }
    void key(const std::string& id) { touch(id, keyTaps, 600ms); }

    // The field being typed into is on screen, focused, and shows the end of what was typed.
    void seesTyping(const std::string& fieldId, const std::string& typed) {
        INFO("typing " << typed << " into " << fieldId);
        const Widget* field = touchable("field-" + fieldId);
        REQUIRE(field);
        CHECK(field->text == typed);
        REQUIRE_FALSE(field->lines.empty());
        CHECK(field->lines.front().text.back() == typed.back());
    }

    // Types `text` on the on-screen keyboard: a whole domain when one on screen is what comes next, else a
    // key a character, with shift only when the keyboard shows the wrong case.
    void type(const std::string& fieldId, std::string text) {
        std::string typed;
        while (!text.empty()) {
            bool suggested = false;
            for (const char* id : {"key-gmail", "key-yahoo"}) {
                const Widget* domain = touchable(id);  // labelled "gmail.com"; it types "@gmail.com"
                if (!domain || text.rfind("@" + domain->text, 0) != 0) continue;
                key(id);
                typed += text.substr(0, domain->text.size() + 1);
                text.erase(0, domain->text.size() + 1);
                suggested = true;
                break;
            }
            if (!suggested) {
                const char c = text.front();
                text.erase(0, 1);
                typed += c;
                if (c == ' ') {
                    key("key-space");
                } else if (c == '@') {
                    key("key-at");
                } else if (c == '.') {
                    key("key-dot");
                } else {
                    const std::string id = std::string("key-") + static_cast<char>(std::tolower(c));
                    const Widget* cap = touchable(id);
                    REQUIRE(cap);
                    if (cap->text != std::string(1, c)) key("key-shift");
                    key(id);
                }
            }
            seesTyping(fieldId, typed);
        }
    }

    // Ticks the consent, first putting the keyboard away ("sign" does) or turning the form's pages when
    // it is not on screen.
    void tick(const std::string& consent) {
        for (int tries = 0; !touchable("consent-" + consent); ++tries) {
            INFO("looking for consent-" << consent);
            REQUIRE(tries < 8);
            if (kiosk.scene().find("key-next"))
                navigate("submit");
            else
                navigate("privacy-more");
        }
        navigate("consent-" + consent);
    }
};
}  // namespace

TEST_CASE("signing name, e-mail and the required consent takes at most 30 taps and under 45 s in every "
          "language at 800x480 and 720x1280",
          "[pledge][fonts]") {
    auto& shipped = testing::shipped();
    const content::Pack& pack = shipped.pack;
    for (const Size size : {Size{800, 480}, Size{720, 1280}}) {
        for (const std::string& language : pack.languages) {
            const std::string where = std::to_string(size.w) + "x" + std::to_string(size.h) + " " + language;
            INFO(where);
            testing::FakeServices services;
            KioskController kiosk{
                pack, {}, shipped.graphics->measurer(), shipped.graphics->images(), size, 0ms, &services};
            REQUIRE(kiosk.tap("begin-" + language, 0ms));
            REQUIRE(kiosk.tap("nav-act", 0ms));
            REQUIRE(kiosk.view().screen == ScreenId::Act);

            Signer signer{kiosk, size};
            signer.navigate("pledge-ratify-uncat");  // the name field has the keyboard at once
            signer.type("name", "Priya Raman");
            signer.key("key-next");
            signer.type("email", "priya.raman@gmail.com");
            signer.tick("sign");
            signer.navigate("submit");
            REQUIRE(kiosk.view().screen == ScreenId::Thanks);
            REQUIRE(services.submitted.size() == 1);
            CHECK(services.submitted[0]["name"] == "Priya Raman");
            CHECK(services.submitted[0]["email"] == "priya.raman@gmail.com");

            const int taps = signer.navigationTaps + signer.keyTaps;
            std::ostringstream seconds;
            seconds.precision(3);
            seconds << signer.seconds();
            std::cout << "pledge taps " << where << ": " << taps << " (" << signer.navigationTaps
                      << " navigation, " << signer.keyTaps << " keys), modelled " << seconds.str() << " s\n";
            CHECK(taps <= 30);
            CHECK(signer.seconds() < 45.0);
        }
    }
}
