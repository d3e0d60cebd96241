// Export on the kiosk: store to outbox bundle, outbox to stick, and the purge of delivered pledges.
#include "sync/Export.h"

#include "sync/BundleWriter.h"
#include "sync/FileIo.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <limits>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::sync {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

// The next run of unexported pledges from one kiosk id, oldest first.
Result<BundleHeader> nextRun(const pledge::PledgeStore& store) {
    BundleHeader header;
    auto listed = store.forEachUnexported(std::numeric_limits<std::size_t>::max(),
                                          [&](const pledge::PledgeRecord& record) {
                                              if (header.count == 0) {
                                                  header.kioskId = record.kioskId;
                                                  header.firstSequence = record.sequence;
                                              } else if (record.kioskId != header.kioskId) {
                                                  return false;
                                              }
                                              header.lastSequence = record.sequence;
                                              ++header.count;
                                              return true;
                                          });
    if (!listed) return listed.error();
    return header;
}

// The last bundle this kiosk wrote, so the next names it: "<number> <chain hash hex>\n" in the outbox
// (hidden, not a bundle). Missing or unreadable starts a chain at 1: the coordinator then sees a fork, never
// a silent loss.
std::filesystem::path chainStateFile(const std::filesystem::path& outbox) {
    return outbox / ".chain";
}

void readChainState(const std::filesystem::path& outbox, BundleHeader& header) {
    std::unique_ptr<std::FILE, FileCloser> in(std::fopen(chainStateFile(outbox).c_str(), "rb"));
    if (!in) return;
    unsigned long long number = 0;
    char hex[65] = {};
    if (std::fscanf(in.get(), "%llu %64s", &number, hex) != 2) return;
    std::array<unsigned char, 32> previous{};
    std::size_t length = 0;
    if (sodium_hex2bin(previous.data(), previous.size(), hex, 64, nullptr, &length, nullptr) != 0 ||
        length != previous.size())
        return;
    header.chainNumber = number + 1;
    header.previousChainHash = previous;
}

}  // namespace

std::filesystem::path outboxFolder(const std::filesystem::path& dataDir) {
    return dataDir / "outbox";
}

std::vector<std::filesystem::path> undeliveredBundles(const std::filesystem::path& dataDir) {
    std::vector<std::filesystem::path> bundles;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(outboxFolder(dataDir), error)) {
        const auto name = entry.path().filename().string();
        if (entry.path().extension() == kBundleExtension && !name.empty() && name[0] != '.')
            bundles.push_back(entry.path());
    }
    std::sort(bundles.begin(), bundles.end());
    return bundles;
}
std::filesystem::path sentFolder(const std::filesystem::path& dataDir) {
    return dataDir / "sent";
}

namespace {

// Writes the run described by `header` into a new bundle in `folder`, with the sealed engagement counts of
// its kiosk; the uuids it holds go to `uuids`, the count batches to `batches`. A header with no pledges makes
// a bundle of counts only.
Result<std::filesystem::path> writeRun(pledge::PledgeStore& store, const SigningKey& key,
                                       const std::filesystem::path& folder, BundleHeader& header,
                                       std::vector<std::string>& uuids, std::vector<std::string>& batches) {
    removeLeftoverTemporaries(folder);
    KIOSK_TRY_VALUE(counts, store.unexportedCounts(header.kioskId));
    KIOSK_TRY_VALUE(writer, BundleWriter::begin(folder, header, key));
    uuids.clear();
    uuids.reserve(header.count);
    Result<void> added;
    if (header.count > 0) {
        KIOSK_TRY(store.forEachUnexported(header.count, [&](const pledge::PledgeRecord& record) {
            added = writer.add(record);
            if (!added) return false;
            uuids.push_back(record.uuid);
            return true;
        }));
        KIOSK_TRY(added);
    }
    batches.clear();
    for (const auto& row : counts)
        if (batches.empty() || batches.back() != row.batch) batches.push_back(row.batch);
    KIOSK_TRY(writer.addCounts(counts));
    KIOSK_TRY_VALUE(path, writer.finish());
    header = writer.header();
    return path;
}

// Records the bundle just written as the chain's last. On a full card the usual replace (a new file) has no
// room, so the existing file is overwritten where it lies: its block is already the file's, and the line
// is padded to at least the old length so nothing of the old one is left to read.
Result<void> writeChainState(const std::filesystem::path& outbox, const BundleHeader& written) {
    std::string line = std::to_string(written.chainNumber) + " " + chainHashHex(written.chainHash);
    auto replaced = writeFileAtomically(chainStateFile(outbox), line + "\n", 0600);
    if (replaced || replaced.error().kind != ErrorKind::StorageFull) return replaced;
    const int fd = ::open(chainStateFile(outbox).c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return replaced;
    struct stat status {};
    if (::fstat(fd, &status) == 0 && static_cast<std::size_t>(status.st_size) > line.size() + 1)
        line.resize(static_cast<std::size_t>(status.st_size) - 1, ' ');
    line += "\n";
    const bool synced =
        ::pwrite(fd, line.data(), line.size(), 0) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    Result<void> result;
    if (!synced) result = ioError(chainStateFile(outbox), "cannot record the bundle chain");
    ::close(fd);
    return result;
}

}  // namespace

Result<std::vector<ExportedBundle>> exportPending(pledge::PledgeStore& store, const SigningKey& key,
                                                  const std::filesystem::path& outbox,
                                                  const std::string& nowUtc,
                                                  const std::filesystem::path& whenCardFull) {
    std::vector<ExportedBundle> bundles;
    keepExportReserve(outbox);
    // The counts so far get their batch id now, before any bundle holds them: a bundle written again later
    // carries them under the same id. A card too full to seal them leaves them counting, for the next export.
    (void)store.sealCounts();
    for (;;) {
        auto run = nextRun(store);
        if (!run) return run.error();
        if (run.value().count == 0) {
            // Counts of a kiosk id with no pledge waiting go in a bundle of counts only.
            auto kiosks = store.kiosksWithUnexportedCounts();
            if (!kiosks) return kiosks.error();
            if (kiosks.value().empty()) return bundles;
            run.value().kioskId = kiosks.value().front();
        }
        BundleHeader& header = run.value();
        readChainState(outbox, header);
        const std::uint64_t count = header.count;

        std::vector<std::string> uuids;
        std::vector<std::string> batches;
        bool straightToStick = false;
        auto path = writeRun(store, key, outbox, header, uuids, batches);
        if (!path && path.error().kind == ErrorKind::StorageFull && !whenCardFull.empty()) {
            // The card is full (the very moment the volunteer is told to export): the stick takes the bundle
            // directly, with the same chain number, so the coordinator's chain has neither a gap nor a fork.
            // The reserve makes room on the card for the chain and the store's marks.
            straightToStick = true;
            releaseExportReserve(outbox);
            path = writeRun(store, key, whenCardFull, header, uuids, batches);
        }
        if (!path) return path.error();
        auto chained = writeChainState(outbox, header);
        if (!chained) return chained.error();
        auto countsMarked =
            store.markCountsExported(header.kioskId, batches, path.value().filename().string(), nowUtc);
        if (!countsMarked && straightToStick && countsMarked.error().kind == ErrorKind::StorageFull) {
            bundles.push_back({path.value(), count, true, false});
            return bundles;
        }
        if (!countsMarked) return countsMarked.error();
        auto marked = store.markExported(uuids, path.value().filename().string(), nowUtc);
        if (!marked && straightToStick && marked.error().kind == ErrorKind::StorageFull) {
            // Even so no room to note it: the bundle stays on the stick (nothing lost) and these pledges go
            // again with the next export; the coordinator counts a uuid it has once.
            bundles.push_back({path.value(), count, true, false});
            return bundles;
        }
        if (!marked) return marked.error();
        bundles.push_back({path.value(), count, straightToStick, true});
    }
}

namespace {

std::filesystem::path exportReserveFile(const std::filesystem::path& outbox) {
    return outbox / ".reserve";
}

}  // namespace

void keepExportReserve(const std::filesystem::path& outbox) {
    const auto reserve = exportReserveFile(outbox);
    std::error_code ec;
    if (std::filesystem::file_size(reserve, ec) == kExportReserveBytes && !ec) return;
    std::filesystem::create_directories(outbox, ec);
    const int fd = ::open(reserve.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return;
    const bool kept =
        ::posix_fallocate(fd, 0, static_cast<off_t>(kExportReserveBytes)) == 0 && ::fsync(fd) == 0;
    ::close(fd);
    if (!kept) ::unlink(reserve.c_str());  // no room now: the next export tries again
}

void releaseExportReserve(const std::filesystem::path& outbox) {
    ::unlink(exportReserveFile(outbox).c_str());
}

void removeLeftoverTemporaries(const std::filesystem::path& folder) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        // ".<bundle>.okb.XXXXXX" (copyIntoFolder) and ".bundle.okb.XXXXXX" (BundleWriter): a killed export's.
        const auto at = name.rfind(std::string(kBundleExtension) + ".");
        // Only old ones: an export running right now (the push timer beside the volunteer's button) keeps its
        // own.
        std::error_code statError;
        if (name.size() > 1 && name[0] == '.' && at != std::string::npos &&
            name.size() == at + std::string(kBundleExtension).size() + 7 &&
            entry.is_regular_file(statError) &&
            entry.last_write_time(statError) <
                std::filesystem::file_time_type::clock::now() - std::chrono::minutes(10) &&
            !statError)
            std::filesystem::remove(entry.path(), statError);
    }
}

Result<std::filesystem::path> copyIntoFolder(const std::filesystem::path& file,
                                             const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return Error{ErrorKind::Io, folder.string() + ": cannot create folder: " + ec.message()};
    removeLeftoverTemporaries(folder);
    std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.c_str(), "rb"));
    if (!in) return ioError(file, "cannot read");
    std::filesystem::path target = folder / file.filename();
    std::string pattern = (folder / ("." + file.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) return ioError(folder, "cannot create a temporary file");
    std::unique_ptr<std::FILE, FileCloser> out(::fdopen(fd, "wb"));
    if (!out) {
        ::close(fd);
        ::unlink(pattern.c_str());
        return ioError(pattern, "cannot open");
    }
    auto fail = [&](std::string_view what) {
        Error error = ioError(pattern, what);
        out.reset();
        ::unlink(pattern.c_str());
        return error;
    };
    char buffer[64 * 1024];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, in.get())) > 0)
        if (std::fwrite(buffer, 1, n, out.get()) != n) return fail("cannot write (is the stick full?)");
    if (std::ferror(in.get())) return fail("cannot read the source bundle");
    if (std::fflush(out.get()) != 0 || ::fsync(::fileno(out.get())) != 0) return fail("cannot flush to disk");
    if (std::fclose(out.release()) != 0) {
        ::unlink(pattern.c_str());
        return ioError(pattern, "cannot close");
    }
    if (::rename(pattern.c_str(), target.c_str()) != 0) {
        Error error = ioError(target, "cannot rename into place");
        ::unlink(pattern.c_str());
        return error;
    }
    if (auto synced = fsyncFolder(folder); !synced) return synced.error();
    return target;
}

Result<std::int64_t> purgeDelivered(pledge::PledgeStore& store, const std::filesystem::path& dataDir,
                                    int keepDays, const std::string& nowUtc) {
    auto purged = store.purgeDelivered(keepDays, nowUtc);
    if (!purged) return purged.error();
    std::error_code ec;
    auto cutoff = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24) * keepDays;
    for (const auto& entry : std::filesystem::directory_iterator(sentFolder(dataDir), ec)) {
        std::error_code statError;
        if (entry.is_regular_file(statError) && entry.last_write_time(statError) < cutoff && !statError)
            std::filesystem::remove(entry.path(), statError);
    }
    return purged.value();
}

}  // namespace kiosk::sync
