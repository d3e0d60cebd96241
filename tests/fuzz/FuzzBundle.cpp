// libFuzzer target: any bytes as a bundle file, read and then imported into a coordinator database: a reason
// for every refusal and never a crash; a bundle that is not intact adds nothing.
#include "sync/BundleReader.h"
#include "sync/CentralDb.h"
#include "sync/Import.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <string>
#include <unistd.h>

using namespace kiosk;

namespace {
namespace fs = std::filesystem;

fs::path scratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    const fs::path dir = fs::path(tmp && *tmp ? tmp : "/tmp") / ("fuzz-bundle-" + std::to_string(::getpid()));
    fs::create_directories(dir / "in");
    return dir;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fs::path dir = scratchDir();
    static std::optional<sync::CentralDb> db;
    if (!db) {
        auto opened = sync::CentralDb::open(dir / "central.db");
        if (!opened) std::abort();
        db.emplace(std::move(opened).value());
    }
    const fs::path bundle = dir / "in" / "fuzz.okb";
    {
        std::ofstream out(bundle, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    std::size_t records = 0;
    sync::BundleReadCallbacks callbacks;
    callbacks.onHeader = [](const sync::BundleHeader&) -> sync::Result<void> { return {}; };
    callbacks.onRecord = [&](pledge::PledgeRecord&&) { ++records; };
    const auto read = sync::readBundle(bundle, callbacks);
    if (!read && read.error().message.empty()) std::abort();

    sync::ImportOptions options;
    options.open = [](std::span<const unsigned char>) -> sync::Result<pledge::SealedPledge> {
        return sync::Error{sync::ErrorKind::BadKey, "not opened while fuzzing"};
    };
    options.reference = [](const std::string& uuid) { return uuid.substr(0, 4); };
    options.importedAtUtc = "2024-07-01T09:00:00Z";
    const auto summary = sync::importBundles(*db, {bundle}, options);
    if (summary.bundles.size() != 1) std::abort();
    if (!read && summary.added != 0) std::abort();
    return 0;
}
