// Benchmark: export of many pledges from a real PledgeStore into a bundle, then import of that bundle into a
// coordinator database; prints seconds and peak RSS for each phase, never a pass or fail.
#include "pledge/CaptureFacts.h"
#include "pledge/Keys.h"
#include "pledge/PledgeStore.h"
#include "pledge/ReferenceCode.h"
#include "pledge/Sealing.h"
#include "sync/Export.h"
#include "sync/Import.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace kiosk;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

long peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;  // Linux reports KiB
}

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "bench_sync: %s\n", message.c_str());
    std::exit(1);
}

pledge::SealedPledge person(int n) {
    pledge::SealedPledge p;
    p.fields["name"] = "Signer " + std::to_string(n);
    p.fields["email"] = "signer" + std::to_string(n) + "@example.org";
    p.fields["phone"] = "+6012" + std::to_string(1000000 + n);
    p.fields["state"] = "Selangor";
    p.consents["sign"] = true;
    p.consents["updates"] = n % 2 == 0;
    p.consentWordingSha256 = std::string(64, 'a');
    p.consentLanguage = "en";
    return p;
}

// Fills WORK/data with `count` pledges through PledgeStore::insert, as the kiosk records them: each box
// sealed for its own record (format 2, bound to uuid, kiosk, sequence and action), since the coordinator
// refuses a box it has seen before as a replay.
void setup(const std::filesystem::path& work, int count) {
    std::filesystem::remove_all(work);
    std::filesystem::create_directories(work);
    auto publicKey = pledge::writeNewSecretKeyFile(work / "coordinator.key");
    if (!publicKey) die(publicKey.error().message);
    auto store = pledge::PledgeStore::open(work / "data");
    if (!store) die(store.error().message);
    auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
        pledge::CaptureFacts facts = pledge::captureFacts();
        pledge::PledgeRecord record;
        record.uuid = facts.uuid;
        record.kioskId = "bench-kiosk";
        record.actionId = i % 3 ? "petition-torture" : "letter-minister";
        record.packId = "stop-torture";
        record.packVersion = "2024.1";
        record.language = "en";
        record.createdAtUtc = facts.createdAtUtc;
        record.clockSynced = facts.clockSynced;
        record.bootId = facts.bootId;
        record.monotonicMs = facts.monotonicMs;
        pledge::SealedPledge inside = person(i);
        inside.formFields = {"name", "email", "phone", "state"};
        inside.formConsents = {"sign", "updates"};
        inside.uuid = record.uuid;
        inside.kioskId = record.kioskId;
        inside.actionId = record.actionId;
        auto stored = store.value().insert(std::move(record), std::nullopt, [&](std::int64_t sequence) {
            inside.sequence = sequence;
            return pledge::sealPledge(inside, publicKey.value());
        });
        if (!stored) die(stored.error().message);
    }
    std::printf("setup: %d pledges recorded through PledgeStore in %.2f s (not a target)\n", count,
                secondsSince(start));
}

void exportPhase(const std::filesystem::path& work) {
    auto start = Clock::now();
    auto store = pledge::PledgeStore::open(work / "data");
    if (!store) die(store.error().message);
    auto key = sync::loadOrCreateSigningKey(work / "data");
    if (!key) die(key.error().message);
    auto exported = sync::exportPending(store.value(), key.value(), work / "data" / "outbox",
                                        pledge::utcTimestamp(std::chrono::system_clock::now()));
    if (!exported) die(exported.error().message);
    std::uint64_t count = 0;
    for (const auto& bundle : exported.value())
        count += bundle.count;
    std::uintmax_t bytes =
        exported.value().empty() ? 0 : std::filesystem::file_size(exported.value()[0].path);
    std::printf(
        "export: %llu pledges, %.1f MB bundle, %.2f s, peak RSS %ld MiB (targets: < 10 s, < 200 MB)\n",
        static_cast<unsigned long long>(count), static_cast<double>(bytes) / 1e6, secondsSince(start),
        peakRssMiB());
}

void importPhase(const std::filesystem::path& work) {
    auto start = Clock::now();
    auto secret = pledge::readSecretKeyFile(work / "coordinator.key");
    if (!secret) die(secret.error().message);
    std::filesystem::remove(work / "central.sqlite");
    auto db = sync::CentralDb::open(work / "central.sqlite");
    if (!db) die(db.error().message);
    sync::ImportOptions options;
    pledge::SecretKey key = secret.value();
    options.open = [key](std::span<const unsigned char> sealed) {
        return pledge::openSealedPledge(sealed, key);
    };
    options.reference = [](const std::string& uuid) { return pledge::referenceCode(uuid); };
    options.importedAtUtc = pledge::utcTimestamp(std::chrono::system_clock::now());
    auto summary = sync::importBundles(db.value(), {work / "data" / "outbox"}, options);
    std::printf("import: %s, %.2f s, peak RSS %ld MiB (targets: < 10 s, < 200 MB)\n", summary.line().c_str(),
                secondsSince(start), peakRssMiB());
}

// Each phase runs in a fresh process so its peak RSS is its own.
void runPhase(const char* self, const std::string& phase, const std::filesystem::path& work) {
    std::string workText = work.string();
    std::vector<char*> argv{const_cast<char*>(self), const_cast<char*>("--phase"),
                            const_cast<char*>(phase.c_str()), workText.data(), nullptr};
    std::fflush(stdout);
    pid_t pid = -1;
    if (posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), environ) != 0)
        die("cannot start " + phase);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die(phase + " failed");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--phase") {
        std::string phase = argv[2];
        if (phase == "export")
            exportPhase(argv[3]);
        else if (phase == "import")
            importPhase(argv[3]);
        else
            die("unknown phase " + phase);
        return 0;
    }
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: bench_sync WORK_FOLDER [PLEDGES, default 100000]\n");
        return 2;
    }
    if (!pledge::initSodium()) die("libsodium could not start");
    std::filesystem::path work = argv[1];
    int count = argc == 3 ? std::atoi(argv[2]) : 100000;
    setup(work, count);
    runPhase(argv[0], "export", work);
    runPhase(argv[0], "import", work);
    if (std::getenv("BENCH_SYNC_KEEP") == nullptr) std::filesystem::remove_all(work);
    return 0;
}
