// kioskctl keygen, pin and status, run as the program a coordinator or volunteer types.
#include "pledge/AdminPin.h"
#include "pledge/CaptureFacts.h"
#include "pledge/Keys.h"
#include "pledge/PledgeStore.h"
#include "pledge/TempDir.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <sys/wait.h>

using namespace kiosk::pledge;

namespace {

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

std::string readAll(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// Runs kioskctl with `arguments` (already shell-quoted) in `dir`, feeding `input` on stdin.
Run kioskctl(const test::TempDir& dir, const std::string& arguments, const std::string& input = "") {
    const auto in = dir.path() / "stdin.txt";
    std::ofstream(in) << input;
    const auto out = dir.path() / "stdout.txt";
    const auto err = dir.path() / "stderr.txt";
    const std::string command = "cd '" + dir.path().string() + "' && '" KIOSKCTL_PATH "' " + arguments +
                                " <'" + in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readAll(out), readAll(err)};
}

}  // namespace

TEST_CASE("keygen writes a private secret key and prints the matching public key", "[ctl]") {
    test::TempDir dir;
    const Run run = kioskctl(dir, "keygen coordinator.key");
    REQUIRE(run.exitCode == 0);
    REQUIRE_THAT(run.out, Catch::StartsWith("public-key: "));
    std::string printed = run.out.substr(12);
    while (!printed.empty() && printed.back() == '\n')
        printed.pop_back();
    const auto publicKey = parsePublicKey(printed);
    REQUIRE(publicKey.ok());

    const auto path = dir.path() / "coordinator.key";
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const auto secret = readSecretKeyFile(path);
    REQUIRE(secret.ok());
    CHECK(secret.value().publicKey().bytes == publicKey.value().bytes);
}

TEST_CASE("keygen refuses to overwrite an existing file", "[ctl]") {
    test::TempDir dir;
    REQUIRE(kioskctl(dir, "keygen coordinator.key").exitCode == 0);
    const std::string before = readAll(dir.path() / "coordinator.key");
    const Run again = kioskctl(dir, "keygen coordinator.key");
    CHECK(again.exitCode != 0);
    CHECK(again.out.empty());
    CHECK_THAT(again.err, Catch::Contains("already exists"));
    CHECK(readAll(dir.path() / "coordinator.key") == before);
}

TEST_CASE("pin prints a hash that verifies the PIN read from stdin", "[ctl]") {
    test::TempDir dir;
    const Run run = kioskctl(dir, "pin", "97531\n");
    REQUIRE(run.exitCode == 0);
    std::string hash = run.out;
    while (!hash.empty() && hash.back() == '\n')
        hash.pop_back();
    CHECK(verifyPin(hash, "97531"));
    CHECK_FALSE(verifyPin(hash, "97530"));

    const Run tooShort = kioskctl(dir, "pin", "12\n");
    CHECK(tooShort.exitCode != 0);
    CHECK(tooShort.out.empty());
    CHECK_THAT(tooShort.err, Catch::Contains("4 to 12 digits"));
}

TEST_CASE("status reports totals, unsynced pledges and counts per action", "[ctl]") {
    test::TempDir dir;
    const auto dataDir = dir.path() / "data";
    {
        auto store = PledgeStore::open(dataDir).value();
        for (const std::string action : {"stop-torture", "stop-torture", "free-prisoner"}) {
            PledgeRecord record;
            record.uuid = newUuidV4();
            record.kioskId = "kl-booth-1";
            record.actionId = action;
            record.createdAtUtc = "2024-06-01T02:00:00Z";
            record.sealed = {1, 2, 3};
            REQUIRE(store.insert(record, std::nullopt).ok());
        }
        REQUIRE(
            store.markExported({store.unexported(1).value().at(0).uuid}, "b1", "2024-06-01T03:00:00Z").ok());
        REQUIRE(store.markDelivered("b1", "2024-06-01T04:00:00Z").ok());
    }
    std::ofstream(dir.path() / "kiosk.toml") << "kiosk_id = \"kl-booth-1\"\ndata_dir = \"data\"\n";
    const Run run = kioskctl(dir, "status --config kiosk.toml");
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(run.out, Catch::Contains("kiosk: kl-booth-1\n"));
    CHECK_THAT(run.out, Catch::Contains("total: 3\n"));
    CHECK_THAT(run.out, Catch::Contains("unsynced: 2\n"));
    CHECK_THAT(run.out, Catch::Contains("action stop-torture: 2\n"));
    CHECK_THAT(run.out, Catch::Contains("action free-prisoner: 1\n"));
    CHECK_THAT(run.out, Catch::Contains("collecting: no (not set up to collect: no coordinator_public_key"));
}

TEST_CASE("status on a kiosk that has recorded nothing says zero", "[ctl]") {
    test::TempDir dir;
    std::ofstream(dir.path() / "kiosk.toml") << "kiosk_id = \"kl-booth-2\"\ndata_dir = \"data\"\n";
    const Run run = kioskctl(dir, "status --config kiosk.toml");
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(run.out, Catch::Contains("total: 0\n"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "data" / "pledges.db"));
}
