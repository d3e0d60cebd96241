#include "controller/PlayScript.h"
#include "screens/Screens.h"
#include "support/FakeMeasurer.h"
#include "support/FakeServices.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {
struct Booth {
    Booth() = default;
    explicit Booth(content::Pack changed) : pack(std::move(changed)) {}

    content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    testing::FakeServices services;
    KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms, &services};
    std::ostringstream out;
    std::ostringstream err;
    PlayScriptRunner runner{kiosk, out, err};  // one virtual clock across the test's scripts

    int play(const std::string& script) {
        std::istringstream in(script);
        const int code = runner.run(in, "pledge.play");
        if (code != 0) UNSCOPED_INFO(err.str());
        return code;
    }
    // True when any widget on screen shows `needle`.
    bool shows(const std::string& needle) {
        for (const auto& w : kiosk.scene().widgets) {
            if (w.text.find(needle) != std::string::npos) return true;
            for (const auto& line : w.lines)
                if (line.text.find(needle) != std::string::npos) return true;
        }
        return false;
    }
};

const char* kSign = "tap start\ntap nav-act\ntap pledge-ratify-uncat\n"
                    "tap field-name\ntype Siti Aminah\ntap field-email\ntype siti@example.my\n"
                    "tap consent-sign\ntap submit\n";
}  // namespace

TEST_CASE("signing: the pledge is stored, its uuid printed, the code shown and the form forgotten",
          "[pledge]") {
    Booth b;
    REQUIRE(b.play(kSign) == 0);
    CHECK(b.kiosk.view().screen == ScreenId::Thanks);
    REQUIRE(b.services.submitted.size() == 1);
    CHECK(b.services.submitted[0]["name"] == "Siti Aminah");
    CHECK(b.services.submitted[0]["email"] == "siti@example.my");
    CHECK_THAT(b.out.str(), Catch::Contains("pledge-saved 00000000-0000-4000-8000-000000000001\n"));
    CHECK(b.shows("K7Q2-M9X1"));
    CHECK_FALSE(b.shows("Siti"));
    // The next person opens an empty form.
    REQUIRE(b.play("tap done\ntap nav-act\ntap pledge-ratify-uncat\n") == 0);
    CHECK_FALSE(b.shows("Siti"));
    CHECK_FALSE(b.shows("siti@example.my"));
}

TEST_CASE("the thank-you screen keeps the code until done or 60 s without a touch, its QR carrying the code",
          "[pledge]") {
    Booth b;
    REQUIRE(b.play(kSign) == 0);
    const Widget* qr = b.kiosk.scene().find("thanks-qr");
    REQUIRE(qr != nullptr);
    CHECK(qr->kind == WidgetKind::Qr);
    CHECK_THAT(qr->qr, Catch::Contains("ref=K7Q2-M9X1"));
    // A signer reading or photographing the screen keeps it for a minute.
    REQUIRE(b.play("wait 59000\n") == 0);
    CHECK(b.kiosk.view().screen == ScreenId::Thanks);
    CHECK(b.shows("K7Q2-M9X1"));
    REQUIRE(b.play("wait 1500\n") == 0);
    CHECK(b.kiosk.view().screen != ScreenId::Thanks);
    CHECK_FALSE(b.shows("K7Q2-M9X1"));
    // "done" leaves at once.
    Booth c;
    REQUIRE(c.play(kSign) == 0);
    REQUIRE(c.play("tap done\n") == 0);
    CHECK(c.kiosk.view().screen != ScreenId::Thanks);
}

TEST_CASE("the on-screen keyboard types, shifts once, and switches to symbols", "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\n"
                   "tap key-shift\ntap key-v\ntap key-a\ntap key-n\ntap key-space\ntap key-a\ntap key-l\n"
                   "tap key-i\ntap key-space\ntap key-symbols\ntap key-1\n") == 0);
    // A name starts each word with a capital by itself; shift at a word's start asks for a small letter.
    CHECK(b.kiosk.scene().find("field-name")->text == "van Ali 1");
    REQUIRE(b.play("tap key-backspace\ntap key-backspace\n") == 0);
    CHECK(b.kiosk.scene().find("field-name")->text == "van Ali");
}

TEST_CASE("an e-mail field offers the common domains whole, replacing what follows the @", "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-email\n"
                   "tap key-l\ntap key-i\ntap key-m\ntap key-yahoo\n") == 0);
    CHECK(b.kiosk.scene().find("field-email")->text == "lim@yahoo.com");
    // Every key is small: no capital letters for an address, and no space bar.
    CHECK(b.kiosk.scene().find("key-q")->text == "q");
    CHECK(b.kiosk.scene().find("key-space") == nullptr);
    REQUIRE(b.play("tap key-gmail\n") == 0);
    CHECK(b.kiosk.scene().find("field-email")->text == "lim@gmail.com");
}

TEST_CASE("a phone field gets the number pad", "[pledge]") {
    Booth b;
    REQUIRE(
        b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-phone\ntap key-60\ntap key-1\n") ==
        0);
    CHECK(b.kiosk.scene().find("key-q") == nullptr);
    CHECK(b.kiosk.scene().find("field-phone")->text == "+601");
}

TEST_CASE("a choice field offers its options and moves on when one is picked", "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-state\ntap option-sabah\n") ==
            0);
    CHECK(b.kiosk.scene().find("field-state")->text == "Sabah");
}

// The sample pack with its optional phone field turned into a field of `kind` (the state's options when the
// kind picks from options).
content::Pack packWithKind(const form::FieldKindInfo& kind) {
    content::Pack pack = testing::samplePack();
    for (auto& action : pack.actions) {
        if (!action.form) continue;
        auto& fields = action.form->fields;
        fields[2].kind = kind.kind;
        fields[2].maxLength = kind.defaultMaxLength;
        fields[2].options =
            kind.entry == form::FieldEntry::Options ? fields[3].options : std::vector<form::ChoiceOption>{};
    }
    return pack;
}

TEST_CASE("every field kind in the table is entered with the keyboard its row names, and signs", "[pledge]") {
    for (const auto& kind : form::fieldKinds()) {
        INFO(kind.packName);
        Booth b(packWithKind(kind));
        REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-phone\n") == 0);
        const Scene& scene = b.kiosk.scene();
        const bool picked = kind.entry == form::FieldEntry::Options;
        CHECK((scene.find("option-johor") != nullptr) == picked);
        CHECK((scene.find("key-60") != nullptr) == (kind.entry == form::FieldEntry::PhonePad));
        CHECK((scene.find("key-gmail") != nullptr) == (kind.entry == form::FieldEntry::Email));
        CHECK((scene.find("key-space") != nullptr) == (kind.entry == form::FieldEntry::Names));
        if (kind.entry == form::FieldEntry::Names) CHECK(scene.find("key-q")->text == "Q");  // a word starts

        std::string stored;
        if (picked) {
            REQUIRE(b.play("type abc\n") == 0);  // typing is refused: the value is one of the options
            CHECK(b.kiosk.scene().find("field-phone")->text.empty());
            REQUIRE(b.play("tap option-johor\n") == 0);
            stored = "johor";
        } else {
            REQUIRE(b.play("type " + std::string(kind.sampleValue) + "\n") == 0);
            CHECK(b.kiosk.scene().find("field-phone")->text == kind.sampleValue);
            stored = kind.sampleValue;  // as typed: the recorder normalises (FieldKindsTest checks how)
        }
        REQUIRE(b.play("tap field-name\ntype Siti Aminah\ntap field-email\ntype siti@example.my\n"
                       "tap consent-sign\ntap submit\n") == 0);
        REQUIRE(b.services.submitted.size() == 1);
        CHECK(b.services.submitted[0]["phone"] == stored);
    }
}

TEST_CASE("typing past a field's limit is refused as typed", "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\n"
                   "type abcdefghijklmnopqrs\ntype tu\ntype t\n") == 0);
    CHECK(b.kiosk.scene().find("field-name")->text == "abcdefghijklmnopqrst");
}

TEST_CASE("problems are shown inline in the current language and nothing is stored", "[pledge]") {
    Booth b;
    // The first "sign" puts the keyboard away (the signer sees the consents and the notice); the second
    // signs.
    REQUIRE(b.play("tap start\ntap lang-ms\ntap nav-act\ntap pledge-ratify-uncat\ntap field-email\ntype "
                   "not-an-email\n"
                   "tap submit\nexpect screen pledge\n") == 0);
    CHECK(b.kiosk.scene().find("privacy-notice"));
    CHECK(b.kiosk.scene().find("key-q") == nullptr);
    CHECK(b.kiosk.scene().find("pledge-message") == nullptr);
    REQUIRE(b.play("tap submit\n") == 0);
    CHECK(b.services.submitted.empty());
    CHECK(b.kiosk.view().screen == ScreenId::Pledge);
    // Each problem stands under the box it is about, in Malay; no list of problems apart from the fields.
    CHECK(b.kiosk.scene().find("pledge-message") == nullptr);
    const Widget* name = b.kiosk.scene().find("field-name");
    const Widget* problem = b.kiosk.scene().find("field-name-error");
    REQUIRE(name);
    REQUIRE(problem);
    CHECK(problem->text == b.pack.uiText("error_missing", "ms"));
    CHECK(problem->rect.y >= name->rect.bottom());
    CHECK(problem->rect.y - name->rect.bottom() < name->rect.h);
    CHECK(problem->rect.x == name->rect.x);
    CHECK(b.kiosk.scene().find("field-email-error"));
    CHECK(b.kiosk.scene().find("consent-sign-error"));
}

TEST_CASE("cancel and idle both wipe the form", "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\ntype Ahmad\ntap cancel\n"
                   "expect screen act\ntap pledge-ratify-uncat\n") == 0);
    CHECK_FALSE(b.shows("Ahmad"));
    REQUIRE(
        b.play("tap field-name\ntype Ahmad\nwait 45000\nexpect text still_there\nexpect screen pledge\n") ==
        0);
    CHECK(b.shows("Ahmad"));  // the signer's own form is still there behind the question
    REQUIRE(b.play("wait 15000\nexpect screen attract\ntap start\ntap nav-act\ntap pledge-ratify-uncat\n") ==
            0);
    CHECK_FALSE(b.shows("Ahmad"));
}

TEST_CASE("touching during the still-there question keeps the form", "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\ntype Mei\nwait 50000\n"
                   "tap 400 240\nwait 30000\nexpect screen pledge\n") == 0);
    CHECK(b.shows("Mei"));
    CHECK_FALSE(b.shows("still_there"));
}

TEST_CASE("a failed write keeps the form for one retry, then clears it", "[pledge]") {
    Booth b;
    b.services.outcomes = {PledgeOutcome::Kind::StorageFull, PledgeOutcome::Kind::Saved};
    REQUIRE(b.play(kSign) == 0);
    CHECK(b.kiosk.view().screen == ScreenId::Pledge);
    CHECK(b.kiosk.scene().find("field-name")->text == "Siti Aminah");
    REQUIRE(b.play("tap submit\nexpect screen thanks\n") == 0);

    Booth twice;
    twice.services.outcomes = {PledgeOutcome::Kind::Failed, PledgeOutcome::Kind::Failed};
    REQUIRE(twice.play(std::string(kSign) + "tap submit\n") == 0);
    CHECK(twice.kiosk.view().screen == ScreenId::Pledge);
    CHECK_FALSE(twice.shows("Siti"));
}

TEST_CASE("a signer who already signed is told so, and the form is cleared", "[pledge]") {
    Booth b;
    b.services.outcomes = {PledgeOutcome::Kind::AlreadySigned};
    REQUIRE(b.play(kSign) == 0);
    CHECK(b.kiosk.view().screen == ScreenId::Pledge);
    CHECK(b.shows("already_signed"));  // the pack's string (the sample pack has none: its key shows)
    CHECK_FALSE(b.shows("Siti"));
}

TEST_CASE("a kiosk that cannot collect offers no pledge button and says so", "[pledge]") {
    Booth b;
    b.services.collecting = {reports::CollectionBlock::NoCoordinatorKey, ""};
    REQUIRE(b.play("tap start\ntap nav-act\n") == 0);
    CHECK(b.kiosk.scene().find("pledge-ratify-uncat") == nullptr);
    CHECK(b.kiosk.scene().find("pledge-ratify-uncat-unavailable") != nullptr);
    for (const Size size : {Size{800, 480}, Size{1280, 800}, Size{1920, 1080}, Size{720, 1280}}) {
        b.kiosk.resize(size);
        for (const std::string language : {"en", "ms", "zh", "ta"}) {
            REQUIRE(b.play("tap lang-" + language + "\n") == 0);
            std::string problems;
            for (const auto& p : b.kiosk.scene().problems)
                problems += p.widgetId + ": " + p.what + "\n";
            INFO(size.w << "x" << size.h << " " << language);
            CHECK(problems == "");
        }
    }
}

TEST_CASE("admin: the hidden gesture, a wrong PIN, then the right one, leave exits", "[pledge][admin]") {
    Booth b;
    REQUIRE(b.play("tap start\nadmin\nexpect screen admin-pin\ntype 1111\nkey enter\nexpect text Wrong PIN\n"
                   "tap pin-2\ntap pin-4\ntap pin-6\ntap pin-8\ntap pin-ok\nexpect screen admin\n"
                   "expect text in total\n") == 0);
    CHECK_FALSE(b.kiosk.exitRequested());
    // Leaving asks first; "stay" keeps the kiosk running.
    REQUIRE(b.play("tap admin-exit\nexpect text Leave the kiosk?\ntap admin-exit-cancel\n") == 0);
    CHECK_FALSE(b.kiosk.exitRequested());
    CHECK_FALSE(b.kiosk.tap("admin-exit-confirm", 0ms));
    REQUIRE(b.play("tap admin-exit\ntap admin-exit-confirm\n") == 0);
    CHECK(b.kiosk.exitRequested());
}

TEST_CASE("admin: five wrong PINs lock the pad", "[pledge][admin]") {
    Booth b;
    std::string script = "tap start\nadmin\n";
    for (int i = 0; i < 5; ++i)
        script += "type 0000\nkey enter\n";  // the fifth already says so
    REQUIRE(b.play(script + "expect text locked for 30 s\n") == 0);
}

TEST_CASE("the pledge and admin screens fit every size and language", "[pledge][screens]") {
    Booth b;
    const Size sizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}};
    for (const Size size : sizes) {
        b.kiosk.resize(size);
        for (const std::string language : {"en", "ms", "zh", "ta"}) {
            for (const std::string field : {"name", "phone", "state", ""}) {
                REQUIRE(b.play("wait 61000\ntap start\ntap lang-" + language +
                               "\ntap nav-act\ntap pledge-ratify-uncat\n" +
                               (field.empty() ? "tap submit\n" : "tap field-" + field + "\n")) == 0);
                std::string problems;
                for (const auto& p : b.kiosk.scene().problems)
                    problems += p.widgetId + ": " + p.what + "\n";
                INFO(size.w << "x" << size.h << " " << language << " " << field);
                CHECK(problems == "");
            }
        }
        REQUIRE(b.play("wait 61000\nadmin\ntype 2468\nkey enter\nexpect screen admin\n") == 0);
        CHECK(b.kiosk.scene().problems.empty());
    }
}

TEST_CASE("admin: export to USB and sync now ask the services once and show the outcome with fresh figures",
          "[pledge][admin][sync]") {
    Booth b;
    REQUIRE(b.play(std::string(kSign) +
                   "tap done\nadmin\ntype 2468\nkey enter\nexpect screen admin\n"
                   "expect text Waiting to be sent: 1   sent: 0\nexpect text Last sent: not yet\n") == 0);
    CHECK(b.shows("Kiosk key: q83v EjRW eJCr ze8S NFZ4 kKvN 7xI0 VniQ q83v EjRW eJA="));
    CHECK(b.services.exports == 0);

    REQUIRE(b.play("tap admin-export-usb\nexpect screen admin\n"
                   "expect text Exported 3 pledges to /media/stick/outreach-kiosk-sync.\n"
                   "expect text on a USB stick or ready to go: 3\n") == 0);
    CHECK(b.services.exports == 1);
    CHECK(b.services.syncs == 0);

    b.services.syncAnswer.result = reports::SyncOutcome::Result::Failed;
    b.services.syncAnswer.pledges = 0;
    b.services.syncAnswer.detail = "Could not connect to server";
    REQUIRE(b.play("tap admin-sync-now\nexpect text Sync failed after one quick try\n"
                   "expect text sent: 3\n") == 0);
    CHECK(b.services.syncs == 1);
    CHECK_FALSE(b.shows("Exported 3 pledges"));  // only the last button's outcome is shown
}

TEST_CASE("admin: the sync buttons are out of reach until the PIN is right", "[pledge][admin][sync]") {
    Booth b;
    REQUIRE(b.play("tap start\nadmin\nexpect screen admin-pin\n") == 0);
    CHECK_FALSE(b.kiosk.tap("admin-export-usb", 0ms));
    CHECK_FALSE(b.kiosk.tap("admin-sync-now", 0ms));
    CHECK(b.services.exports == 0);
    CHECK(b.services.syncs == 0);
}

TEST_CASE("admin: an outcome is not shown again the next time the menu is opened", "[pledge][admin][sync]") {
    Booth b;
    b.services.exportAnswer.result = reports::SyncOutcome::Result::NoStick;
    REQUIRE(b.play("tap start\nadmin\ntype 2468\nkey enter\ntap admin-export-usb\n"
                   "expect text No USB stick found: plug one in and try again\ntap back\n") == 0);
    REQUIRE(b.play("admin\ntype 2468\nkey enter\nexpect screen admin\n") == 0);
    CHECK_FALSE(b.shows("No USB stick found"));
}

TEST_CASE("admin: a long outcome, the clock row and the sync figures fit every size",
          "[pledge][admin][screens]") {
    Booth b;
    b.services.exportAnswer.result = reports::SyncOutcome::Result::Failed;
    b.services.exportAnswer.detail =
        "/run/outreach-kiosk-usb/sda1/outreach-kiosk-sync/.kl-booth-01-000001-000120-3f2a.okb.Xy12Ab: "
        "cannot write (is the stick full?): No space left on device";
    const Size sizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}};
    for (const Size size : sizes) {
        b.kiosk.resize(size);
        REQUIRE(b.play("wait 61000\nadmin\ntype 2468\nkey enter\ntap admin-export-usb\nexpect text Export "
                       "failed\n") == 0);
        std::string problems;
        for (const auto& p : b.kiosk.scene().problems)
            problems += p.widgetId + ": " + p.what + "\n";
        INFO(size.w << "x" << size.h);
        CHECK(problems == "");
        CHECK(b.kiosk.scene().find("clock-plus-hour") != nullptr);  // the fake's clock is not synchronised
        CHECK(b.kiosk.scene().find("admin-sync-now") != nullptr);
    }
}

TEST_CASE("admin: no two buttons of the volunteer menu overlap, even with a wide font",
          "[pledge][admin][screens]") {
    // Real bold fonts run wider than the fake's half em: at 0.65 em the bottom row no longer fits 720 px.
    struct WideMeasurer : testing::FakeMeasurer {
        int width(std::string_view utf8, const layout::FontSpec& font) override {
            return testing::FakeMeasurer::width(utf8, font) * 13 / 10;
        }
    };
    content::Pack pack = testing::samplePack();
    WideMeasurer text;
    testing::FakeImages images;
    testing::FakeServices services;
    KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms, &services};
    std::ostringstream out, err;
    PlayScriptRunner runner{kiosk, out, err};
    const Size sizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}};
    for (const Size size : sizes) {
        kiosk.resize(size);
        std::istringstream script("wait 61000\nadmin\ntype 2468\nkey enter\nexpect screen admin\n");
        REQUIRE(runner.run(script, "admin.play") == 0);
        std::vector<const Widget*> buttons;
        for (const auto& w : kiosk.scene().widgets)
            if (w.tappable) buttons.push_back(&w);
        for (std::size_t i = 0; i < buttons.size(); ++i)
            for (std::size_t j = i + 1; j < buttons.size(); ++j) {
                const Rect& p = buttons[i]->rect;
                const Rect& q = buttons[j]->rect;
                INFO(size.w << "x" << size.h << ": " << buttons[i]->id << " and " << buttons[j]->id);
                CHECK_FALSE((p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h));
            }
    }
}

TEST_CASE("the pledge can be signed with the on-screen keyboard alone, in every language", "[pledge]") {
    for (const std::string language : {"en", "ms", "zh", "ta"}) {
        Booth b;
        INFO(language);
        REQUIRE(b.play("tap start\ntap lang-" + language +
                       "\ntap nav-act\ntap pledge-ratify-uncat\n"
                       "tap key-a\ntap key-l\ntap key-i\n"
                       "tap key-next\ntap key-a\ntap key-l\ntap key-i\ntap key-at\ntap key-e\ntap key-x\ntap "
                       "key-dotmy\n"
                       "tap consent-sign\ntap submit\nexpect screen thanks\n") == 0);
        REQUIRE(b.services.submitted.size() == 1);
        CHECK(b.services.submitted[0]["name"] == "Ali");
        CHECK(b.services.submitted[0]["email"] == "ali@ex.my");
    }
}

TEST_CASE("a swipe or an arrow key on the form never turns to another action", "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\ntype Lim\n"
                   "swipe left\nkey right\nswipe right\n") == 0);
    CHECK(b.kiosk.view() == View{ScreenId::Pledge, 0, 0});
    CHECK(b.kiosk.scene().find("title")->text == "Urge Malaysia to ratify");
    CHECK(b.kiosk.scene().find("field-name")->text == "Lim");
}

TEST_CASE("a form's problems and the keyboard's mode keys speak the pack's words when it has them",
          "[pledge][strings]") {
    Booth b;
    b.pack.ui["error_bad_email"] = {{{"ms", "Alamat e-mel ini tidak sah."}}};
    REQUIRE(b.play("tap start\ntap lang-ms\ntap nav-act\ntap pledge-ratify-uncat\ntap field-email\ntype x\n"
                   "tap consent-sign\ntap submit\n") == 0);
    CHECK(b.shows("Alamat e-mel ini tidak sah."));
    CHECK(b.shows("Sila isi ruangan ini."));  // the kiosk's own Malay where the pack has none
    Booth chinese;
    chinese.pack.ui["key_symbols"] = {{{"zh", "符号"}}};
    REQUIRE(chinese.play("tap start\ntap lang-zh\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\n") ==
            0);
    const Widget* symbols = chinese.kiosk.scene().find("key-symbols");
    REQUIRE(symbols);
    CHECK(symbols->text == "符号");
    CHECK(symbols->style.language == "zh");  // shaped with the form's fonts, unlike the Latin letter keys
    // Shift is an icon, unless the pack names it.
    CHECK(chinese.kiosk.scene().find("key-shift")->text.empty());
    Booth named;
    named.pack.ui["key_shift"] = {{{"zh", "大写"}}};
    REQUIRE(named.play("tap start\ntap lang-zh\ntap nav-act\ntap pledge-ratify-uncat\ntap field-name\n") ==
            0);
    CHECK(named.kiosk.scene().find("key-shift")->text == "大写");
}

TEST_CASE(
    "admin: sync now runs as work the menu waits for, saying so, and a tap meanwhile goes to the screen",
    "[pledge][admin][sync][work]") {
    content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    testing::FakeServices services;
    SteppedWork work;
    KioskController kiosk{pack, {}, text, images, {800, 480}, 0ms, &services, &work};
    const auto shows = [&](const std::string& needle) {
        for (const auto& w : kiosk.scene().widgets) {
            if (w.text.find(needle) != std::string::npos) return true;
            for (const auto& line : w.lines)
                if (line.text.find(needle) != std::string::npos) return true;
        }
        return false;
    };
    kiosk.openAdmin(0ms);
    kiosk.handle(TextEvent{"2468"}, 0ms);
    kiosk.handle(KeyEvent{Key::Enter}, 0ms);
    REQUIRE(kiosk.view().screen == ScreenId::Admin);
    CHECK(work.runNext());  // the figures
    kiosk.tick(10ms);
    CHECK(shows("Kiosk key: q83v"));

    REQUIRE(kiosk.tap("admin-sync-now", 1000ms));
    CHECK(services.syncs == 0);  // not on the screen's thread
    kiosk.tick(3400ms);
    CHECK(shows("Sending pledges to the coordinator's server… 2 s"));
    REQUIRE(kiosk.nextDeadline(3400ms).has_value());
    CHECK(*kiosk.nextDeadline(3400ms) <= 3650ms);  // the loop keeps turning while work is under way
    REQUIRE(kiosk.tap("admin-sync-now", 3500ms));  // a second press is let be while the first runs
    REQUIRE(kiosk.tap("back", 3600ms));
    CHECK(kiosk.view().screen != ScreenId::Admin);
    const ScreenId left = kiosk.view().screen;

    CHECK(work.runNext());
    CHECK_FALSE(work.runNext());
    kiosk.tick(4000ms);
    CHECK(services.syncs == 1);
    CHECK(work.unfinished() == 0);
    CHECK(kiosk.view().screen == left);  // the outcome does not pull the volunteer back
    CHECK_FALSE(shows("Sent 3 pledges"));
}

namespace {
// A finger on the screen at `at`: down and up again where it went down, on the script's clock.
void touch(Booth& b, Point at) {
    REQUIRE(b.play("wait 500\n") == 0);  // a moment after the last touch
    const Millis now = b.runner.now();
    b.kiosk.handle(PointerEvent{PointerPhase::Down, at}, now);
    b.kiosk.handle(PointerEvent{PointerPhase::Up, at}, now + 80ms);
}
}  // namespace

TEST_CASE("a tap inside a field's text puts the caret there, so a typo mid-word is fixed in place",
          "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-email\ntype priya\n"
                   "tap field-name\ntype Prya Raman\n") == 0);
    const Widget* name = b.kiosk.scene().find("field-name");
    REQUIRE(name);
    REQUIRE_FALSE(name->lines.empty());
    // Between "Pr" and "ya": two characters in, at the fake font's fixed advance.
    const int advance = name->style.px * 5 / 10;
    touch(b, {name->lines.front().origin.x + 2 * advance + advance / 4, name->rect.y + name->rect.h / 2});
    REQUIRE(b.play("tap key-i\n") == 0);
    CHECK(b.kiosk.scene().find("field-name")->text == "Priya Raman");
    // A tap past the end goes back to the end; backspace takes what is before the caret.
    name = b.kiosk.scene().find("field-name");
    touch(b, {name->rect.right() - 4, name->rect.y + name->rect.h / 2});
    REQUIRE(b.play("tap key-backspace\n") == 0);
    CHECK(b.kiosk.scene().find("field-name")->text == "Priya Rama");
    // A tap in another field's text focuses it with the caret where it was tapped.
    const Widget* email = b.kiosk.scene().find("field-email");
    REQUIRE(email);
    touch(b, {email->lines.front().origin.x + advance / 4, email->rect.y + email->rect.h / 2});
    REQUIRE(b.play("tap key-backspace\ntap key-s\n") == 0);  // nothing before the caret to take back
    CHECK(b.kiosk.scene().find("field-email")->text == "spriya");
}

TEST_CASE("an optional choice is skipped in one tap, and a required consent shows with the keyboard",
          "[pledge]") {
    Booth b;
    REQUIRE(b.play("tap start\ntap nav-act\ntap pledge-ratify-uncat\ntap field-state\n") == 0);
    REQUIRE(b.kiosk.scene().find("option-sabah"));
    REQUIRE(b.play("tap skip-field\n") == 0);
    CHECK(b.kiosk.scene().find("option-sabah") == nullptr);
    CHECK(b.kiosk.scene().find("field-state")->text.empty());
    REQUIRE(b.play("tap field-email\n") == 0);
    CHECK(b.kiosk.scene().find("key-q"));
    CHECK(b.kiosk.scene().find("consent-sign"));
}
