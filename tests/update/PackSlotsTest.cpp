// The kiosk's side of updates: packs from a folder as a stick and from a real nginx on loopback reach a
// new slot, bad ones are refused by name and change nothing, a pack that never shows falls back, and a
// SIGKILL at any point of an update leaves a complete pack.
#include "UpdateTestSupport.h"
#include "content/PackLoader.h"
#include "reports/VolunteerWords.h"
#include "sync/LoopbackServers.h"
#include "update/PackSources.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

using namespace kiosk::update;
using kiosk::update::test::Scratch;
namespace fs = std::filesystem;

namespace {

CheckRequest requestFor(const test::Publisher& publisher, PackSlots& slots, const std::string& running) {
    return {&slots, {publisher.publicKey}, running, nullptr};
}

std::string loadedVersion(const fs::path& folder) {
    const auto loaded = kiosk::content::loadPack(folder, nullptr);
    return loaded.pack ? loaded.pack->version : "(does not load)";
}

// The line the volunteer menu, the log and kioskctl show for an outcome.
std::string said(const CheckOutcome& outcome) {
    return kiosk::reports::findingText(findingOf(outcome));
}

std::vector<Refusal> reasons(const CheckOutcome& outcome) {
    std::vector<Refusal> out;
    for (const auto& refusal : outcome.refusals)
        out.push_back(refusal.reason);
    return out;
}

}  // namespace

TEST_CASE("a signed pack on a stick reaches a new slot, on trial until its first screen shows", "[update]") {
    test::Publisher publisher;
    Scratch kiosk;
    const auto stick = kiosk.path() / "stick/outreach-kiosk-sync/packs";
    publisher.sign("1.1.0", stick);
    PackSlots slots(kiosk.path() / "data");
    CHECK(slots.chooseAtStart().folder.empty());  // nothing installed: the configured pack shows

    const auto outcome = checkFolder(stick, requestFor(publisher, slots, "1.0.0"));
    INFO(said(outcome));
    REQUIRE(outcome.result == CheckResult::Installed);
    CHECK(outcome.refusals.empty());
    CHECK_THAT(said(outcome), Catch::Contains("new pack minimal 1.1.0"));

    const auto choice = slots.chooseAtStart();
    CHECK(loadedVersion(choice.folder) == "1.1.0");
    CHECK(choice.signer == contentKeyBase64(publisher.publicKey));
    CHECK(slots.state().trial);
    REQUIRE(slots.confirmShown().ok());
    CHECK_FALSE(slots.state().trial);
    CHECK(slots.chooseAtStart().folder == choice.folder);  // confirmed: stays

    // The same pack again is not newer: refused as older, nothing changes.
    const auto again = checkFolder(stick, requestFor(publisher, slots, "1.1.0"));
    CHECK(again.result == CheckResult::NothingNew);
    CHECK(reasons(again) == std::vector<Refusal>{Refusal::Older});
    CHECK(slots.chooseAtStart().folder == choice.folder);
}

TEST_CASE("forged, damaged, older, oversized and unsigned packs are refused by name and change nothing",
          "[update]") {
    test::Publisher publisher;
    test::Publisher stranger;
    Scratch kiosk;
    const auto stick = kiosk.path() / "packs";
    PackSlots slots(kiosk.path() / "data");
    REQUIRE(
        checkFolder(publisher.sign("1.1.0", kiosk.path() / "first"), requestFor(publisher, slots, "1.0.0"))
            .result == CheckResult::Skipped);  // a file, not a folder: nothing to check
    REQUIRE(checkFolder(kiosk.path() / "first", requestFor(publisher, slots, "1.0.0")).result ==
            CheckResult::Installed);
    const auto running = slots.chooseAtStart().folder;
    REQUIRE(slots.confirmShown().ok());

    stranger.sign("2.0.0", stick);
    fs::rename(stick / "minimal-2.0.0.okpack", stick / "a-forged.okpack");
    const auto damaged = publisher.sign("2.1.0", stick);
    std::string bytes = test::readBytes(damaged);
    bytes[bytes.size() - 5] ^= 1;
    test::writeBytes(damaged, bytes);
    fs::rename(damaged, stick / "b-damaged.okpack");
    publisher.sign("1.0.5", stick);
    fs::rename(stick / "minimal-1.0.5.okpack", stick / "c-older.okpack");
    const auto big = publisher.sign("2.2.0", stick);
    fs::resize_file(big, kMaxArchiveBytes + 10);
    fs::rename(big, stick / "d-oversized.okpack");
    test::writeBytes(stick / "e-unsigned.zip", "PK\x03\x04");

    const auto outcome = checkFolder(stick, requestFor(publisher, slots, "1.1.0"));
    INFO(said(outcome));
    CHECK(outcome.result == CheckResult::NothingNew);
    CHECK(reasons(outcome) == std::vector<Refusal>{Refusal::Forged, Refusal::Damaged, Refusal::Older,
                                                   Refusal::Oversized, Refusal::Unsigned});
    for (const char* name : {"forged: ", "damaged: ", "older: ", "oversized: ", "unsigned: "})
        CHECK_THAT(said(outcome), Catch::Contains(std::string("refused ") + name));
    CHECK(slots.chooseAtStart().folder == running);
    CHECK(loadedVersion(running) == "1.1.0");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(slots.root()))
        ++entries;
    CHECK(entries == 2);  // the state file and the one slot: no half-unpacked refusal left behind
}

TEST_CASE("a pack that never shows its first screen falls back to the previous one by itself", "[update]") {
    test::Publisher publisher;
    Scratch kiosk;
    PackSlots slots(kiosk.path() / "data");
    publisher.sign("1.1.0", kiosk.path() / "a");
    publisher.sign("1.2.0", kiosk.path() / "b");
    REQUIRE(checkFolder(kiosk.path() / "a", requestFor(publisher, slots, "1.0.0")).result ==
            CheckResult::Installed);
    const auto good = slots.chooseAtStart().folder;
    REQUIRE(slots.confirmShown().ok());
    REQUIRE(checkFolder(kiosk.path() / "b", requestFor(publisher, slots, "1.1.0")).result ==
            CheckResult::Installed);

    const auto first = slots.chooseAtStart();  // the new pack's first start
    CHECK(loadedVersion(first.folder) == "1.2.0");
    // ... it crashed before its first screen; the next start goes back and says why.
    const auto second = slots.chooseAtStart();
    CHECK(second.folder == good);
    CHECK(second.fallback == Fallback::NotShown);
    CHECK(second.fallbackFrom == first.folder.filename().string());
    CHECK(slots.state().fallback == Fallback::NotShown);  // kept, for the menu, until a pack shows
    CHECK_FALSE(fs::exists(first.folder));

    // A running kiosk that cannot show the new pack reverts at once.
    REQUIRE(checkFolder(kiosk.path() / "b", requestFor(publisher, slots, "1.1.0")).result ==
            CheckResult::Installed);
    CHECK(loadedVersion(slots.chooseAtStart().folder) == "1.2.0");
    slots.revert(Fallback::DidNotLoad);
    const auto reverted = slots.chooseAtStart();
    CHECK(reverted.folder == good);
    CHECK(reverted.fallback == Fallback::DidNotLoad);
}

TEST_CASE("a pack published on a real nginx reaches the kiosk, and no route is skipped, not an error",
          "[update][nginx]") {
    kiosk::sync::test::skipWithoutNginx();
    test::Publisher publisher;
    Scratch kiosk;
    kiosk::sync::test::Nginx nginx(kiosk.path() / "nginx");
    REQUIRE(nginx.ready());
    const auto packs = nginx.served("dav/packs");
    publisher.sign("1.1.0", packs);
    publisher.sign("1.3.0", packs);
    test::writeBytes(
        packs / "index.txt",
        "# what the coordinator published\n1.1.0 minimal-1.1.0.okpack\n1.3.0 minimal-1.3.0.okpack\n");
    PackSlots slots(kiosk.path() / "data");
    // The server as bundles reach it: a transport at the [sync] url, its packs/ folder read by index.
    kiosk::sync::TransportOptions options;
    options.location = nginx.url("dav");
    options.allowInsecureLoopback = true;
    const auto checkServer = [](const kiosk::sync::TransportOptions& at, const CheckRequest& request) {
        auto source = kiosk::sync::openTransport(at);
        REQUIRE(source.ok());
        return checkSource(*source.value(), request);
    };

    const auto outcome = checkServer(options, requestFor(publisher, slots, "1.0.0"));
    INFO(said(outcome));
    REQUIRE(outcome.result == CheckResult::Installed);
    CHECK(outcome.installed->manifest.version == "1.3.0");
    CHECK(loadedVersion(slots.chooseAtStart().folder) == "1.3.0");
    REQUIRE(slots.confirmShown().ok());

    const auto nothing = checkServer(options, requestFor(publisher, slots, "1.3.0"));
    CHECK(nothing.result == CheckResult::NothingNew);

    // Published damaged: refused by name, the kiosk keeps 1.3.0.
    const auto damaged = publisher.sign("1.4.0", packs);
    std::string bytes = test::readBytes(damaged);
    bytes[bytes.size() - 1] ^= 1;
    test::writeBytes(damaged, bytes);
    test::writeBytes(packs / "index.txt", "1.4.0 minimal-1.4.0.okpack\n");
    const auto refused = checkServer(options, requestFor(publisher, slots, "1.3.0"));
    CHECK(refused.result == CheckResult::NothingNew);
    CHECK(reasons(refused) == std::vector<Refusal>{Refusal::Damaged});
    CHECK(loadedVersion(slots.chooseAtStart().folder) == "1.3.0");

    options.location = nginx.url("nothing-here");
    const auto empty = checkServer(options, requestFor(publisher, slots, "1.3.0"));
    CHECK(empty.result == CheckResult::NothingNew);
    CHECK(empty.problem == SourceProblem::NothingPublished);  // reports::findingText words it
    CHECK(empty.file == kIndexFileName);
    options.location = "http://127.0.0.1:" + std::to_string(kiosk::sync::test::unusedPort());
    const auto offline = checkServer(options, requestFor(publisher, slots, "1.3.0"));
    CHECK(offline.result == CheckResult::Skipped);
    CHECK_THAT(said(offline), Catch::Contains("no route"));
    CHECK(offline.problem == SourceProblem::NoRoute);
    CHECK_FALSE(offline.reason.empty());
}

TEST_CASE("the index names files in its own folder only", "[update]") {
    const auto entries = parseIndex("1.0.0 a.okpack\n2.0.0 ../b.okpack\nx c.okpack\n3.0.0 /etc/d\n4.0.0 e f\n"
                                    "5.0.0 g.okpack\r\n");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].file == "a.okpack");
    CHECK(entries[1].file == "g.okpack");
}

TEST_CASE("after a fallback the previous slot still names its own signer", "[update]") {
    test::Publisher campaign;
    test::Publisher partner;  // a second trusted key: the new pack is signed by someone else
    Scratch kiosk;
    PackSlots slots(kiosk.path() / "data");
    const auto a = campaign.sign("1.1.0", kiosk.path() / "a");
    const auto b = partner.sign("1.2.0", kiosk.path() / "b");
    const std::vector trusted{campaign.publicKey, partner.publicKey};
    REQUIRE(slots.install(a, trusted, "1.0.0", nullptr).ok());
    CHECK(slots.chooseAtStart().signer == contentKeyBase64(campaign.publicKey));
    REQUIRE(slots.confirmShown().ok());
    REQUIRE(slots.install(b, trusted, "1.1.0", nullptr).ok());
    CHECK(slots.chooseAtStart().signer == contentKeyBase64(partner.publicKey));

    SECTION("a running kiosk that cannot show the new pack") {
        slots.revert(Fallback::DidNotLoad);
    }
    SECTION("a start after one that never showed its first screen") {
        CHECK(slots.chooseAtStart().fallback == Fallback::NotShown);
    }
    const auto back = slots.chooseAtStart();
    CHECK(loadedVersion(back.folder) == "1.1.0");
    CHECK(back.signer == contentKeyBase64(campaign.publicKey));
    CHECK(slots.state().signer == contentKeyBase64(campaign.publicKey));

    // A second fallback has nothing signed left: the configured pack folder, with no signer.
    slots.revert(Fallback::DidNotLoad);
    CHECK(slots.chooseAtStart().folder.empty());
    CHECK(slots.state().signer.empty());
}
