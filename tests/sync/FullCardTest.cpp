// Export on a full data card: the storage-full message tells the volunteer to export, so export must work
// then. A real full filesystem (an 8 MiB tmpfs over data_dir, in a private mount namespace of a child
// process) shows the bundle going straight to the stick, the chain unbroken and each pledge imported once.
#include "pledge/CaptureFacts.h"
#include "pledge/PledgeStore.h"
#include "support/Skip.h"
#include "sync/BundleReader.h"
#include "sync/CentralDb.h"
#include "sync/Export.h"
#include "sync/ImportTestSupport.h"
#include "sync/KioskSync.h"
#include "sync/Report.h"

#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <sched.h>
#include <set>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;
using namespace kiosk::sync;
using Catch::Contains;

namespace {

constexpr const char* kNow = "2024-06-01T10:00:00Z";
constexpr int kNoNamespace = 77;

bool writeText(const char* path, const std::string& text) {
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

// In a child: a private mount namespace (as root, or as a mapped root in a user namespace) with a small
// tmpfs over `mountPoint`.
bool mountSmallTmpfs(const std::filesystem::path& mountPoint) {
    if (::unshare(CLONE_NEWNS) != 0) {
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return false;
        writeText("/proc/self/setgroups", "deny");
        if (!writeText("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
            !writeText("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
            return false;
    }
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return false;
    return ::mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=8m,mode=0700") == 0;
}

// Writes a file until the disk says it is full.
void fill(const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary);
    const std::string block(4096, 'x');
    while (out.write(block.data(), block.size()) && out.flush()) {
    }
}

}  // namespace

TEST_CASE("export on a full card writes the bundle straight to the stick, nothing lost, nothing twice",
          "[sync][kiosk][full]") {
    test::TempDir dir;
    const auto data = dir / "data";
    const auto stick = dir / "stick" / kStickFolderName;
    const auto outcome = dir / "outcome.txt";
    std::filesystem::create_directories(data);
    const pledge::KeyPair coordinator = pledge::generateKeyPair();

    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        int code = 0;
        try {
            if (!mountSmallTmpfs(data)) ::_exit(kNoNamespace);
            auto store = std::move(pledge::PledgeStore::open(data).value());
            const SigningKey key = loadOrCreateSigningKey(data).value();
            const KioskSyncSettings settings{data, 30};
            std::int64_t next = 0;
            auto record = [&](int n) {
                for (int i = 0; i < n; ++i, ++next) {
                    auto r = test::makeRecord("kl-booth-1", next,
                                              test::seal(test::personFor(next), coordinator.publicKey));
                    r.uuid = pledge::newUuidV4();
                    if (!store.insert(r, std::nullopt).ok()) ::_exit(4);
                }
            };
            std::ofstream said(outcome);
            auto exportNow = [&] {
                const SyncAttempt attempt = exportToFolder(store, key, settings, stick, kNow);
                // ok, pledges, outcome (0 done, 1 nothing new), whether the card was too full to note it
                said << attempt.ok << ' ' << attempt.pledges << ' ' << static_cast<int>(attempt.outcome)
                     << ' ' << attempt.unnoted << '\n';
            };
            record(5);
            exportNow();  // the card has room: outbox, then the stick
            record(4);
            fill(data / "filler");
            // Full: the next pledge cannot be stored (what the volunteer sees), and export must still work.
            auto refused =
                test::makeRecord("kl-booth-1", 99, test::seal(test::personFor(99), coordinator.publicKey));
            refused.uuid = pledge::newUuidV4();
            const auto stored = store.insert(refused, std::nullopt);
            said << (stored.ok() ? "stored" : "full") << '\n';
            exportNow();
            exportNow();  // nothing new: the four went already
            std::filesystem::remove(data / "filler");
            record(1);
            exportNow();  // room again: outbox and stick, chained after the stick-only bundle
        } catch (...) {
            code = 3;
        }
        ::_exit(code);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == kNoNamespace) {
        kiosk::testing::skipTest(
            "no mount namespace here (unshare refused), so no real full card to export from");
    }
    REQUIRE(WEXITSTATUS(status) == 0);

    std::ifstream said(outcome);
    std::vector<std::string> lines;
    for (std::string line; std::getline(said, line);)
        lines.push_back(line);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "1 5 0 0");
    CHECK(lines[1] == "full");
    CHECK(lines[2] == "1 4 0 0");  // exported, and noted although the card is full
    CHECK_THAT(lines[3], Catch::StartsWith("1 0 1"));
    CHECK_THAT(lines[4], Catch::StartsWith("1 1 0"));

    // Three bundles on the stick, numbered 1, 2, 3 (the full card's one is number 2), no temporary left.
    const auto bundles = test::filesIn(stick, ".okb");
    REQUIRE(bundles.size() == 3);
    std::set<std::uint64_t> numbers;
    for (const auto& bundle : bundles)
        numbers.insert(readBundleHeader(bundle).value().chainNumber);
    CHECK(numbers == std::set<std::uint64_t>{1, 2, 3});
    for (const auto& entry : std::filesystem::directory_iterator(stick))
        CHECK(entry.path().filename().string()[0] != '.');

    auto db = std::move(CentralDb::open(dir / "central.sqlite").value());
    CHECK(importBundles(db, {stick}, test::optionsFor(coordinator.secretKey)).line() ==
          "imported 10 new, 0 duplicate, 0 rejected");
    CHECK(importBundles(db, {stick}, test::optionsFor(coordinator.secretKey)).line() ==
          "imported 0 new, 10 duplicate, 0 rejected");
    // The report's chain columns: no bundle missing, no fork.
    auto report = buildReport(db, "2024-07-01T09:00:00Z");
    REQUIRE(report.ok());
    INFO(report.value());
    CHECK(report.value().find("<tr><td>kl-booth-1</td><td class=\"n\">3</td><td "
                              "class=\"n\">3</td><td>none</td><td>none</td></tr>") != std::string::npos);
}
