// A SIGKILL at any point of an update leaves a complete pack: a helper installs two packs in turn, forever,
// and is killed again and again; each restart must find one of them whole.
#include "UpdateTestSupport.h"
#include "content/PackLoader.h"
#include "update/PackSlots.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

extern char** environ;

using namespace kiosk::update;
using kiosk::update::test::Scratch;
namespace fs = std::filesystem;

namespace {

std::string loadedVersion(const fs::path& folder) {
    const auto loaded = kiosk::content::loadPack(folder, nullptr);
    return loaded.pack ? loaded.pack->version : "(does not load)";
}

}  // namespace

TEST_CASE("SIGKILL at random points of updates always restarts on a complete pack", "[update][kill]") {
    test::Publisher publisher;
    Scratch kiosk;
    const auto a = publisher.sign("1.1.0", kiosk.path() / "a", "clean-water");
    const auto b = publisher.sign("1.2.0", kiosk.path() / "b", "clean-water");
    const auto data = kiosk.path() / "data";
    const std::string helper = UPDATE_INSTALL_LOOP;
    std::string key = contentKeyBase64(publisher.publicKey);
    std::mt19937 random(20260626);
    {
        // A kiosk that already runs an installed pack: every restart below must find a complete one.
        PackSlots slots(data);
        REQUIRE(slots.install(a, std::vector{publisher.publicKey}, "", nullptr).ok());
        REQUIRE(slots.confirmShown().ok());
    }
    int kills = 0, changes = 0;
    std::string last = "1.1.0";
    for (int round = 0; round < 60; ++round) {
        std::string dataArg = data.string(), aArg = a.string(), bArg = b.string();
        std::vector<char*> argv{
            const_cast<char*>(helper.c_str()), dataArg.data(), key.data(), aArg.data(), bArg.data(), nullptr};
        pid_t pid = -1;
        REQUIRE(::posix_spawn(&pid, helper.c_str(), nullptr, nullptr, argv.data(), environ) == 0);
        std::this_thread::sleep_for(std::chrono::microseconds(1000 + random() % 300000));
        REQUIRE(::kill(pid, SIGKILL) == 0);
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++kills;

        PackSlots slots(data);
        const auto choice = slots.chooseAtStart();
        INFO("round " << round << ": " << choice.folder);
        REQUIRE_FALSE(choice.folder.empty());
        const auto version = loadedVersion(choice.folder);
        CHECK((version == "1.1.0" || version == "1.2.0"));
        if (version != last) ++changes;
        last = version;
        REQUIRE(slots.confirmShown().ok());  // it showed: a restarted kiosk keeps it
        for (const auto& entry : fs::directory_iterator(slots.root())) {
            const auto name = entry.path().filename().string();
            CHECK((name == "state" || name.rfind("slot-", 0) == 0));
        }
    }
    CHECK(kills >= 50);
    CHECK(changes >= 1);  // updates did complete between the kills, not only start
}
