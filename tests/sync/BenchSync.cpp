// Benchmark: export of many pledges from a real PledgeStore into a bundle, import of that bundle into a
// coordinator database, the coordinator's CSV export, and single pledge commits through the store on disk;
// prints wall and CPU seconds and peak RSS for each phase, never a pass or fail.
#include "crypto/Sodium.h"
#include "pledge/CaptureFacts.h"
#include "pledge/Keys.h"
#include "pledge/PledgeStore.h"
#include "pledge/ReferenceCode.h"
#include "pledge/Sealing.h"
#include "sync/Csv.h"
#include "sync/Export.h"
#include "sync/Import.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
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

// User plus system CPU seconds of this process so far: steadier than wall time on a shared machine.
double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
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

// One pledge through PledgeStore::insert, as the kiosk records it: the box sealed for its own record (format
// 2, bound to uuid, kiosk, sequence and action), since the coordinator refuses a box it has seen before.
pledge::Result<pledge::PledgeRecord> recordOne(pledge::PledgeStore& store, const pledge::PublicKey& publicKey,
                                               int i) {
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
    return store.insert(std::move(record), std::nullopt, [&](std::int64_t sequence) {
        inside.sequence = sequence;
        return pledge::sealPledge(inside, publicKey);
    });
}

// Fills WORK/data with `count` pledges.
void setup(const std::filesystem::path& work, int count) {
    std::filesystem::remove_all(work);
    std::filesystem::create_directories(work);
    auto publicKey = pledge::writeNewSecretKeyFile(work / "coordinator.key");
    if (!publicKey) die(publicKey.error().message);
    auto store = pledge::PledgeStore::open(work / "data");
    if (!store) die(store.error().message);
    auto start = Clock::now();
    for (int i = 0; i < count; ++i)
        if (auto stored = recordOne(store.value(), publicKey.value(), i); !stored)
            die(stored.error().message);
    std::printf("setup: %d pledges recorded through PledgeStore in %.2f s (not a target)\n", count,
                secondsSince(start));
}

void exportPhase(const std::filesystem::path& work) {
    auto start = Clock::now();
    const double cpuStart = cpuSeconds();
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
        "kiosk export (bundle): %llu pledges, %.1f MB bundle, %.2f s (CPU %.2f s), peak RSS %ld MiB\n",
        static_cast<unsigned long long>(count), static_cast<double>(bytes) / 1e6, secondsSince(start),
        cpuSeconds() - cpuStart, peakRssMiB());
}

void importPhase(const std::filesystem::path& work) {
    auto start = Clock::now();
    const double cpuStart = cpuSeconds();
    auto secret = pledge::readSecretKeyFile(work / "coordinator.key");
    if (!secret) die(secret.error().message);
    std::filesystem::remove(work / "central.sqlite");
    auto db = sync::CentralDb::open(work / "central.sqlite");
    if (!db) die(db.error().message);
    sync::ImportOptions options;
    const pledge::KeyPair key = pledge::keyPairOf(secret.value());
    options.open = [key](std::span<const unsigned char> sealed) {
        return pledge::openSealedPledge(sealed, key);
    };
    options.reference = [](const std::string& uuid) { return pledge::referenceCode(uuid); };
    options.importedAtUtc = pledge::utcTimestamp(std::chrono::system_clock::now());
    auto summary = sync::importBundles(db.value(), {work / "data" / "outbox"}, options);
    std::printf("coordinator import: %s, %.2f s (CPU %.2f s), peak RSS %ld MiB (targets: < 3 s, < 100 MiB)\n",
                summary.line().c_str(), secondsSince(start), cpuSeconds() - cpuStart, peakRssMiB());
}

// The coordinator's CSV export as `kioskctl csv --out-dir` writes it: one file an action.
void csvPhase(const std::filesystem::path& work) {
    auto start = Clock::now();
    const double cpuStart = cpuSeconds();
    auto db = sync::CentralDb::open(work / "central.sqlite");
    if (!db) die(db.error().message);
    auto actions = sync::csvActions(db.value());
    if (!actions) die(actions.error().message);
    std::uint64_t rows = 0;
    std::uintmax_t bytes = 0;
    for (const auto& action : actions.value()) {
        const auto path = work / sync::csvFileName(action);
        std::ofstream out(path, std::ios::binary);
        auto written = sync::writeCsv(db.value(), out, action);
        if (!written) die(written.error().message);
        out.close();
        rows += written.value();
        bytes += std::filesystem::file_size(path);
    }
    std::printf(
        "coordinator CSV export: %llu rows in %zu files, %.1f MB, %.2f s (CPU %.2f s), peak RSS %ld MiB "
        "(targets: < 1.5 s, < 100 MiB)\n",
        static_cast<unsigned long long>(rows), actions.value().size(), static_cast<double>(bytes) / 1e6,
        secondsSince(start), cpuSeconds() - cpuStart, peakRssMiB());
}

// 1,000 pledges, each its own durable commit through the real store, in a folder on disk (not tmpfs: the
// fsync is the point).
void commitPhase(const std::filesystem::path& folder) {
    constexpr int kCommits = 1000;
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    auto publicKey = pledge::writeNewSecretKeyFile(folder / "coordinator.key");
    if (!publicKey) die(publicKey.error().message);
    auto store = pledge::PledgeStore::open(folder / "data");
    if (!store) die(store.error().message);
    std::vector<double> millis;
    millis.reserve(kCommits);
    const double cpuStart = cpuSeconds();
    for (int i = 0; i < kCommits; ++i) {
        const auto start = Clock::now();
        if (auto stored = recordOne(store.value(), publicKey.value(), i); !stored)
            die(stored.error().message);
        millis.push_back(secondsSince(start) * 1000);
    }
    const double cpu = cpuSeconds() - cpuStart;
    std::sort(millis.begin(), millis.end());
    std::printf(
        "pledge commit through the store on disk (%s): %d commits, median %.2f ms, p99 %.2f ms, worst "
        "%.2f ms, CPU %.2f ms a commit\n",
        folder.parent_path().string().c_str(), kCommits, millis[kCommits / 2], millis[kCommits * 99 / 100],
        millis.back(), cpu * 1000 / kCommits);
    std::filesystem::remove_all(folder);
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
        else if (phase == "csv")
            csvPhase(argv[3]);
        else if (phase == "commit")
            commitPhase(argv[3]);
        else
            die("unknown phase " + phase);
        return 0;
    }
    if (argc < 2 || argc > 4) {
        std::fprintf(stderr, "usage: bench_sync WORK_FOLDER [PLEDGES, default 100000] [DISK_FOLDER for the "
                             "commit benchmark, default WORK_FOLDER]\n");
        return 2;
    }
    if (auto sodium = crypto::startSodium(); !sodium) die(sodium.error().message.c_str());
    std::filesystem::path work = argv[1];
    int count = argc >= 3 ? std::atoi(argv[2]) : 100000;
    const std::filesystem::path disk = argc == 4 ? std::filesystem::path(argv[3]) : work;
    runPhase(argv[0], "commit", disk / "bench-sync-commit");
    setup(work, count);
    runPhase(argv[0], "export", work);
    runPhase(argv[0], "import", work);
    runPhase(argv[0], "csv", work);
    if (std::getenv("BENCH_SYNC_KEEP") == nullptr) std::filesystem::remove_all(work);
    return 0;
}
