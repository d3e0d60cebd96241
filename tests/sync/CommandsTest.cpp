// kioskctl export, push, import, csv and report run as a person would type them, on a real pledge store.
#include "ctl/Commands.h"

#include "pledge/CaptureFacts.h"
#include "pledge/PledgeStore.h"
#include "pledge/ReferenceCode.h"
#include "sync/BundleReader.h"
#include "sync/Export.h"
#include "sync/ImportTestSupport.h"
#include "sync/LoopbackServers.h"

#include <iostream>
#include <sstream>
#include <sys/stat.h>

using namespace kiosk;
using namespace kiosk::sync;
using test::TempDir;

namespace {

struct CommandRun {
    int exitCode = 0;
    std::string out;
};

// Runs `kioskctl ARGS...` in this process with only the sync commands, capturing standard output.
CommandRun kioskctl(std::vector<std::string> args) {
    CLI::App app{"kioskctl"};
    app.require_subcommand(1);
    ctl::addSyncCommands(app);
    args.insert(args.begin(), "kioskctl");
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    std::ostringstream captured;
    std::streambuf* saved = std::cout.rdbuf(captured.rdbuf());
    CommandRun run;
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
        run.exitCode = e.get_exit_code();
    }
    std::cout.rdbuf(saved);
    run.out = captured.str();
    return run;
}

struct Kiosk {
    TempDir dir;
    pledge::KeyPair coordinator = pledge::generateKeyPair();
    std::filesystem::path config = dir / "kiosk.toml";
    std::filesystem::path data = dir / "data";
    std::filesystem::path secretKey = dir / "coordinator.key";
    std::vector<std::string> uuids;

    explicit Kiosk(const std::string& syncSection = "") {
        test::writeFile(config,
                        "kiosk_id = \"kl-booth-1\"\ndata_dir = \"data\"\ncoordinator_public_key = \"" +
                            pledge::toBase64(coordinator.publicKey.bytes) + "\"\n" + syncSection);
        // The secret key file as `kioskctl keygen` writes it: written by the pledge module's own function.
        auto written = pledge::writeNewSecretKeyFile(secretKey);
        REQUIRE(written.ok());
        auto reread = pledge::readSecretKeyFile(secretKey);
        REQUIRE(reread.ok());
        coordinator.secretKey = reread.value();
        coordinator.publicKey = written.value();
        test::writeFile(config,
                        "kiosk_id = \"kl-booth-1\"\ndata_dir = \"data\"\ncoordinator_public_key = \"" +
                            pledge::toBase64(coordinator.publicKey.bytes) + "\"\n" + syncSection);
    }

    void record(int n) {
        auto store = pledge::PledgeStore::open(data);
        REQUIRE(store.ok());
        for (int i = 0; i < n; ++i) {
            auto person = test::personFor(static_cast<std::int64_t>(uuids.size()));
            auto record = test::makeRecord("kl-booth-1", 0, test::seal(person, coordinator.publicKey));
            record.uuid = pledge::newUuidV4();
            auto stored = store.value().insert(record, std::nullopt);
            REQUIRE(stored.ok());
            uuids.push_back(record.uuid);
        }
    }

    pledge::PledgeCounts counts() {
        auto store = pledge::PledgeStore::open(data);
        REQUIRE(store.ok());
        auto counted = store.value().counts("2024-06-01");
        REQUIRE(counted.ok());
        return counted.value();
    }
};

}  // namespace

TEST_CASE("kioskctl export writes one signed bundle of new pledges, and --again repeats undelivered ones",
          "[sync][ctl]") {
    Kiosk kiosk;
    kiosk.record(12);
    auto first = kioskctl({"export", (kiosk.dir / "stick").string(), "--config", kiosk.config.string()});
    REQUIRE(first.exitCode == 0);
    auto bundles = test::filesIn(kiosk.dir / "stick", ".okb");
    REQUIRE(bundles.size() == 1);
    CHECK(first.out == "exported 12 pledges to " + bundles[0].string() + "\n");
    CHECK(kiosk.counts().unexported == 0);
    CHECK(test::readFile(kiosk.data / "outbox" / bundles[0].filename()) == test::readFile(bundles[0]));
    struct stat info {};
    REQUIRE(::stat((kiosk.data / "kiosk-sign.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    auto nothing = kioskctl({"export", (kiosk.dir / "stick").string(), "--config", kiosk.config.string()});
    CHECK(nothing.exitCode == 0);
    CHECK(nothing.out.find("exported 0 pledges") == 0);

    kiosk.record(3);
    auto again =
        kioskctl({"export", (kiosk.dir / "stick2").string(), "--config", kiosk.config.string(), "--again"});
    CHECK(again.exitCode == 0);
    auto second = test::filesIn(kiosk.dir / "stick2", ".okb");
    REQUIRE(second.size() == 2);
    CHECK(again.out.find("exported 3 pledges to ") == 0);
    CHECK(again.out.find("exported 12 pledges to " + (kiosk.dir / "stick2" / bundles[0].filename()).string() +
                         " (again") != std::string::npos);
    CHECK(test::readFile(kiosk.dir / "stick2" / bundles[0].filename()) == test::readFile(bundles[0]));
}

TEST_CASE("kioskctl import, csv and report on the coordinator's side", "[sync][ctl]") {
    Kiosk kiosk;
    kiosk.record(20);
    REQUIRE(
        kioskctl({"export", (kiosk.dir / "stick").string(), "--config", kiosk.config.string()}).exitCode ==
        0);
    test::writeFile(kiosk.dir / "stick" / "damaged.okb", "OKBUNDLE\x01");
    std::string db = (kiosk.dir / "central.sqlite").string();

    auto imported =
        kioskctl({"import", "--key", kiosk.secretKey.string(), "--db", db, (kiosk.dir / "stick").string()});
    CHECK(imported.exitCode == 2);  // something was rejected
    CHECK(imported.out.find("rejected " + (kiosk.dir / "stick" / "damaged.okb").string() + ": truncated") !=
          std::string::npos);
    CHECK(imported.out.find("imported 20 new, 0 duplicate, 0 rejected\n") != std::string::npos);
    SigningKey kioskKey = loadSigningKey(kiosk.data).value();
    CHECK(imported.out.find("signed by " + publicKeyBase64(kioskKey)) != std::string::npos);

    std::filesystem::remove(kiosk.dir / "stick" / "damaged.okb");
    auto twice =
        kioskctl({"import", "--key", kiosk.secretKey.string(), "--db", db, (kiosk.dir / "stick").string()});
    CHECK(twice.exitCode == 0);
    CHECK(twice.out.find("imported 0 new, 20 duplicate, 0 rejected\n") != std::string::npos);

    test::writeFile(kiosk.dir / "trusted.txt", "# nobody yet\n");
    auto untrusted = kioskctl({"import", "--key", kiosk.secretKey.string(), "--db", db, "--trusted-kiosks",
                               (kiosk.dir / "trusted.txt").string(), (kiosk.dir / "stick").string()});
    CHECK(untrusted.exitCode == 2);
    CHECK(untrusted.out.find("not in the trusted kiosk list") != std::string::npos);

    auto csv = kioskctl({"csv", "--db", db, "--out", (kiosk.dir / "pledges.csv").string()});
    CHECK(csv.exitCode == 0);
    auto rows = test::parseCsv(test::readFile(kiosk.dir / "pledges.csv"));
    REQUIRE(rows.size() == 21);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CHECK(rows[i][0] == kiosk.uuids[i - 1]);
        CHECK(rows[i][1] == pledge::referenceCode(kiosk.uuids[i - 1]));
        CHECK(rows[i][3] == std::to_string(i));
    }

    auto report = kioskctl({"report", "--db", db, "--out", (kiosk.dir / "report.html").string()});
    CHECK(report.exitCode == 0);
    std::string html = test::readFile(kiosk.dir / "report.html");
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("kl-booth-1") != std::string::npos);

    auto missing = kioskctl({"csv", "--db", (kiosk.dir / "nope.sqlite").string()});
    CHECK(missing.exitCode == 1);
    CHECK_FALSE(std::filesystem::exists(kiosk.dir / "nope.sqlite"));
}

TEST_CASE("kioskctl push delivers to a WebDAV server, marks pledges delivered and purges them",
          "[sync][ctl]") {
    test::skipWithoutNginx();
    TempDir serverDir;
    test::Nginx nginx(serverDir / "nginx");
    REQUIRE(nginx.ready());
    Kiosk kiosk("[sync]\nurl = \"" + nginx.url("dav/kl-booth-1") + "\"\nkeep_days_after_delivery = 0\n");
    kiosk.record(7);

    auto refused = kioskctl({"push", "--config", kiosk.config.string()});
    CHECK(refused.exitCode == 1);  // plain http without --allow-insecure-loopback
    CHECK(kiosk.counts().unexported == 7);

    auto pushed = kioskctl({"push", "--config", kiosk.config.string(), "--allow-insecure-loopback"});
    INFO(pushed.out);
    CHECK(pushed.exitCode == 0);
    CHECK(pushed.out.find("exported 7 pledges to ") != std::string::npos);
    CHECK(pushed.out.find("pushed 1 of 1 bundles") != std::string::npos);
    auto onServer = test::filesIn(nginx.served("dav/kl-booth-1"), ".okb");
    REQUIRE(onServer.size() == 1);
    CHECK(readBundle(onServer[0], {}).ok());
    CHECK(test::filesIn(kiosk.data / "outbox", ".okb").empty());
    // keep_days_after_delivery = 0: delivered pledges and the delivered bundle are deleted by the same push.
    CHECK(pushed.out.find("deleted 7 pledges delivered") != std::string::npos);
    CHECK(kiosk.counts().total == 0);
    CHECK(test::filesIn(kiosk.data / "sent", ".okb").empty());
}

TEST_CASE("A bundle named with a newline cannot print a fake summary, a FIFO is refused without a hang",
          "[sync][ctl]") {
    Kiosk kiosk;
    kiosk.record(3);
    REQUIRE(
        kioskctl({"export", (kiosk.dir / "stick").string(), "--config", kiosk.config.string()}).exitCode ==
        0);
    const auto bundles = test::filesIn(kiosk.dir / "stick", ".okb");
    REQUIRE(bundles.size() == 1);
    const auto odd = kiosk.dir / "stick" / "x\nimported 999 new, 0 duplicate, 0 rejected\n.okb";
    std::filesystem::rename(bundles[0], odd);
    const auto fifo = kiosk.dir / "pipe.okb";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string db = (kiosk.dir / "central.sqlite").string();
    // Were the FIFO opened, this would wait for a writer for ever: ctest's timeout would fail the test.
    auto imported =
        kioskctl({"import", "--key", kiosk.secretKey.string(), "--db", db, odd.string(), fifo.string()});
    CHECK(imported.exitCode == 2);
    std::size_t summaries = 0;
    for (std::size_t at = imported.out.find("imported "); at != std::string::npos;
         at = imported.out.find("imported ", at + 1))
        summaries += at == 0 || imported.out[at - 1] == '\n';
    CHECK(summaries == 1);
    CHECK(imported.out.find("x\\nimported 999 new") != std::string::npos);
    CHECK(imported.out.find("rejected " + fifo.string() + ": not a regular file") != std::string::npos);
    CHECK(imported.out.find("imported 3 new, 0 duplicate, 0 rejected\n") != std::string::npos);
}
