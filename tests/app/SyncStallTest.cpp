// "Sync now" against a WebDAV server that stalls for 30 s, with the kiosk's real services, controller and
// worker thread on the wall clock: the screen keeps turning at least once a second, says the sync is under
// way, obeys a tap on back at once, and the sync's outcome lands in the sync log when it gives up.
#include "app/StoreServices.h"
#include "controller/KioskController.h"
#include "controller/ThreadWork.h"
#include "platform/IdleWait.h"
#include "pledge/AdminPin.h"
#include "pledge/Keys.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"
#include "sync/LoopbackServers.h"
#include "sync/SyncLog.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>

using namespace kiosk;
using namespace std::chrono_literals;
using Catch::Matchers::Contains;

namespace {
Millis wallClock() {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now().time_since_epoch());
}

bool shows(KioskController& kiosk, const std::string& needle) {
    for (const auto& w : kiosk.scene().widgets) {
        if (w.text.find(needle) != std::string::npos) return true;
        for (const auto& line : w.lines)
            if (line.text.find(needle) != std::string::npos) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("Sync now against a server that stalls 30 s: frames keep coming and back is obeyed",
          "[app][sync][work]") {
    sync::test::skipWithoutNginx();
    sync::test::TempDir dir;
    // nginx takes the upload, then waits up to 30 s for an upstream that accepts and never answers.
    sync::test::ListeningSocket blackHole;
    sync::test::Nginx nginx(dir / "nginx", "    location /stall/ { proxy_pass http://127.0.0.1:" +
                                               std::to_string(blackHole.port()) +
                                               "; proxy_read_timeout 30s; }\n");
    REQUIRE(nginx.ready());

    config::KioskConfig config;
    config.kioskId = "kl-booth-1";
    config.dataDir = dir / "data";
    config.coordinatorPublicKey = pledge::toBase64(pledge::generateKeyPair().publicKey.bytes);
    config.adminPinHash = pledge::hashPin("2468").value();
    config.sync.url = nginx.url("stall/kl-booth-1");
    app::StoreServices services(config, {}, "sample 1.0.0");
    services.allowInsecureLoopback();  // plain http to 127.0.0.1: the test's nginx has no certificate

    std::mutex mutex;
    std::condition_variable woken;
    bool wake = false;
    ThreadWork work([&] {
        std::lock_guard lock(mutex);
        wake = true;
        woken.notify_all();
    });
    content::Pack pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    const Millis start = wallClock();
    const auto elapsed = [&] { return wallClock() - start; };
    KioskController kiosk(pack, {}, text, images, {800, 480}, elapsed(), &services, &work);

    // One pledge to send, then the volunteer menu.
    for (const char* id : {"start", "nav-act", "pledge-ratify-uncat", "field-name"})
        REQUIRE(kiosk.tap(id, elapsed()));
    kiosk.handle(TextEvent{"Siti Aminah"}, elapsed());
    REQUIRE(kiosk.tap("field-email", elapsed()));
    kiosk.handle(TextEvent{"siti@example.my"}, elapsed());
    REQUIRE(kiosk.tap("consent-sign", elapsed()));
    REQUIRE(kiosk.tap("submit", elapsed()));
    REQUIRE(kiosk.view().screen == ScreenId::Thanks);
    REQUIRE(kiosk.tap("done", elapsed()));
    kiosk.openAdmin(elapsed());
    kiosk.handle(TextEvent{"2468"}, elapsed());
    kiosk.handle(KeyEvent{Key::Enter}, elapsed());
    // The figures are counted on the worker too: turn until they are in.
    while (work.unfinished() > 0 && elapsed() < 5s) {
        std::this_thread::sleep_for(10ms);
        kiosk.tick(elapsed());
    }
    REQUIRE(kiosk.view().screen == ScreenId::Admin);
    REQUIRE(shows(kiosk, "Waiting to be sent: 1"));  // the volunteer menu in plain words

    // The event loop as `kiosk` runs it: sleep until the controller's next deadline or the worker's wake-up.
    const Millis pressed = elapsed();
    REQUIRE(kiosk.tap("admin-sync-now", pressed));
    std::vector<Millis> turns{pressed};
    bool tappedBack = false;
    bool showedWaiting = false;
    while (elapsed() - pressed < 20s) {
        const int timeout = platform::idleWaitTimeout(elapsed(), {kiosk.nextDeadline(elapsed())});
        {
            std::unique_lock lock(mutex);
            woken.wait_for(lock, Millis(timeout), [&] { return wake; });
            wake = false;
        }
        const Millis now = elapsed();
        kiosk.tick(now);
        kiosk.scene();
        kiosk.markDrawn(now);
        turns.push_back(now);
        if (!tappedBack && now - pressed >= 1500ms) {
            showedWaiting = shows(kiosk, "Sending pledges to the coordinator's server");
            const Millis before = elapsed();
            REQUIRE(kiosk.tap("back", now));
            CHECK(elapsed() - before < 100ms);  // obeyed at once, not after the sync
            CHECK(kiosk.view().screen != ScreenId::Admin);
            tappedBack = true;
        }
        if (tappedBack && work.unfinished() == 0) break;
    }
    const Millis took = elapsed() - pressed;
    INFO("the sync took " << took.count() << " ms");
    CHECK(showedWaiting);
    CHECK(tappedBack);
    CHECK(work.unfinished() == 0);  // gave up within its own timeout, long before the server's 30 s
    CHECK(took < 15s);
    Millis longest{0};
    for (std::size_t i = 1; i < turns.size(); ++i)
        longest = std::max(longest, turns[i] - turns[i - 1]);
    INFO("longest wait between two turns of the loop: " << longest.count() << " ms over " << turns.size()
                                                        << " turns");
    CHECK(longest < 1000ms);
    // The outcome is noted, and the screen the volunteer went to stays.
    CHECK(kiosk.view().screen != ScreenId::Admin);
    const sync::SyncLog log = sync::readSyncLog(config.dataDir);
    CHECK_FALSE(log.lastError.empty());
    CHECK(log.lastErrorKind == sync::SyncKind::Push);
}
