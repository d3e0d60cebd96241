#include "platform/Watchdog.h"

#include "platform/IdleWait.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::platform;
using namespace std::chrono_literals;

namespace {
struct Recorder {
    std::vector<std::string> sent;
    Notifier notifier() {
        return [this](std::string_view state) { sent.emplace_back(state); };
    }
    long count(std::string_view state) const {
        return std::count(sent.begin(), sent.end(), std::string(state));
    }
};
}  // namespace

TEST_CASE("the heartbeat goes out at half of systemd's watchdog timeout", "[platform]") {
    Recorder r;
    Watchdog w(r.notifier(), 30s);
    REQUIRE(w.heartbeatInterval() == Millis{15000});
    CHECK(w.nextDeadline() == 0ms);
    w.tick(1000ms);
    CHECK(r.count("WATCHDOG=1") == 1);
    CHECK(w.nextDeadline() == 16000ms);
    w.tick(2000ms);
    w.tick(15999ms);
    CHECK(r.count("WATCHDOG=1") == 1);
    w.tick(16000ms);
    CHECK(r.count("WATCHDOG=1") == 2);
    // A late loop sends once, then schedules from when it actually ran.
    w.tick(60000ms);
    CHECK(r.count("WATCHDOG=1") == 3);
    CHECK(w.nextDeadline() == 75000ms);
}

TEST_CASE("ready, status and stopping send systemd's assignments", "[platform]") {
    Recorder r;
    Watchdog w(r.notifier(), std::nullopt);
    w.ready();
    w.status("showing stop-torture\nv2");
    w.stopping();
    CHECK(r.sent == std::vector<std::string>{"READY=1", "STATUS=showing stop-torture v2", "STOPPING=1"});
}

TEST_CASE("without a watchdog timeout nothing wakes the loop and no heartbeat is sent", "[platform]") {
    Recorder r;
    Watchdog w(r.notifier(), std::nullopt);
    CHECK_FALSE(w.nextDeadline());
    w.tick(100000ms);
    CHECK(r.sent.empty());
}

TEST_CASE("outside systemd every call is a no-op", "[platform]") {
    Watchdog w({}, 30s);
    CHECK_FALSE(w.nextDeadline());
    w.ready();
    w.tick(0ms);
    CHECK_FALSE(w.heartbeatInterval());
}

TEST_CASE("the idle wait sleeps until the earliest deadline, capped and never negative", "[platform]") {
    CHECK(idleWaitTimeout(5000ms, {}) == 1000);
    CHECK(idleWaitTimeout(5000ms, {std::nullopt, std::nullopt}) == 1000);
    CHECK(idleWaitTimeout(5000ms, {5300ms, std::nullopt, 5100ms}) == 100);
    CHECK(idleWaitTimeout(5000ms, {4000ms, 9000ms}) == 0);
    CHECK(idleWaitTimeout(5000ms, {90000ms}) == 1000);
    CHECK(idleWaitTimeout(5000ms, {90000ms}, 250ms) == 250);
}
