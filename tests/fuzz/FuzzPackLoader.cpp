// libFuzzer target: any bytes as every file of a pack (and as a kiosk config) must give diagnostics, never a
// crash.
#include "config/Config.h"
#include "content/PackLoader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

// One scratch pack folder for the whole run, removed at exit.
class ScratchPack {
public:
    ScratchPack() {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = (fs::path(tmp && *tmp ? tmp : "/tmp") / "fuzz-packXXXXXX").string();
        if (!mkdtemp(templ.data())) std::abort();
        dir_ = templ;
        fs::create_directories(dir_ / "images");
    }
    ~ScratchPack() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    ScratchPack(const ScratchPack&) = delete;
    ScratchPack& operator=(const ScratchPack&) = delete;

    // The input becomes the manifest, every content file and an image, so each reader sees it.
    void fill(const std::uint8_t* data, std::size_t size) const {
        for (const char* name : {"pack.toml", "attract.toml", "story.toml", "timeline.toml", "cases.toml",
                                 "actions.toml", "credits.toml", "images/a.png", "images/a.svg"}) {
            std::ofstream out(dir_ / name, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        }
    }
    const fs::path& dir() const { return dir_; }

private:
    fs::path dir_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ScratchPack pack;
    pack.fill(data, size);
    const auto result = kiosk::content::loadPack(pack.dir(), nullptr);
    // The contract the kiosk relies on: a pack only when there is no error, and every error says where.
    if (result.pack && result.hasErrors()) std::abort();
    for (const auto& d : result.diagnostics) {
        if (d.file.empty() || d.message.empty() || d.line < 0 || d.column < 0) std::abort();
    }
    // The config shares the TOML reading; it must always come back usable.
    const auto config = kiosk::config::loadConfig(pack.dir() / "pack.toml");
    if (config.config.idleTimeoutS < 10 || config.config.idleTimeoutS > 3600) std::abort();
    return 0;
}
