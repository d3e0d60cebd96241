// The volunteer menu's words are written by its screen from data: the PIN pad's notices, free space, where
// sync goes and how often the push timer sends.
#include "screens/Screens.h"
#include "support/FakeMeasurer.h"
#include "support/SamplePack.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {
std::string textOf(const Scene& scene, std::string_view id) {
    const Widget* widget = scene.find(id);
    return widget ? widget->text : "";
}
}  // namespace

TEST_CASE("the PIN pad words each notice it is given, with the seconds of a lock", "[screens][admin]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    screens::AdminView admin;
    screens::ScreenContext context{pack, "en", {800, 480}, text, images};
    context.extras.admin = &admin;
    const auto said = [&](screens::PinNotice notice, int seconds) {
        admin.pinNotice = notice;
        admin.lockedSeconds = seconds;
        return textOf(screens::buildScene(context, {ScreenId::AdminPin, 0, 0}), "pin-message");
    };
    CHECK(said(screens::PinNotice::None, 0) == "");
    CHECK(said(screens::PinNotice::Wrong, 0) == "Wrong PIN.");
    CHECK(said(screens::PinNotice::WrongNowLocked, 30) == "Wrong PIN. Too many wrong PINs: locked for 30 s.");
    CHECK(said(screens::PinNotice::LockedOut, 29) == "Too many wrong PINs: locked for 29 s.");
    CHECK(said(screens::PinNotice::Locked, 5) == "Locked: try again in 5 s.");
    CHECK(said(screens::PinNotice::NotConfigured, 0).find("kioskctl pin") != std::string::npos);
}

TEST_CASE("the menu writes free space, the sync route and the push period from figures", "[screens][admin]") {
    const auto pack = testing::samplePack();
    testing::FakeMeasurer text;
    testing::FakeImages images;
    screens::AdminView admin;
    admin.unlocked = true;
    admin.status.freeBytes = 12'300'000'000;
    admin.status.syncRoute = screens::SyncRoute::Server;
    admin.status.syncServer = "https://sync.example.org";
    admin.status.pushEvery = std::chrono::minutes(20);
    admin.clockSetting = {reports::ClockSetting::Result::Refused, "Operation not permitted"};
    screens::ScreenContext context{pack, "en", {1920, 1080}, text, images};
    context.extras.admin = &admin;
    std::string status = textOf(screens::buildScene(context, {ScreenId::Admin, 0, 0}), "admin-status");
    CHECK(status.find("SD card: 12.3 GB free") != std::string::npos);
    CHECK(status.find("Sends to: https://sync.example.org (every 20 minutes, or Sync now)") !=
          std::string::npos);
    CHECK(status.find("Clock: cannot set the clock (Operation not permitted): the kiosk service needs "
                      "CAP_SYS_TIME") != std::string::npos);
    admin.status.freeBytes.reset();
    admin.status.noDataDir = true;
    admin.status.syncRoute = screens::SyncRoute::UsbOnly;
    status = textOf(screens::buildScene(context, {ScreenId::Admin, 0, 0}), "admin-status");
    CHECK(status.find("SD card: no data_dir") != std::string::npos);
    CHECK(status.find("Sends to: USB stick only") != std::string::npos);
}
