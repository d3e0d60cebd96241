// Shared by the update tests: a scratch folder, a copy of a fixture pack with a chosen version, file bytes.
#pragma once

#include "update/PackArchive.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

namespace kiosk::update::test {

class Scratch {
public:
    Scratch() {
        const auto base = std::filesystem::path(KIOSK_BINARY_DIR) / "test-tmp";
        std::filesystem::create_directories(base);
        std::string pattern = (base / "updateXXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~Scratch() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Copies tests/fixtures/packs/minimal to `to` with pack.toml's version set to `version`.
inline void makePack(const std::filesystem::path& to, const std::string& version,
                     const std::string& fixture = "minimal") {
    std::filesystem::copy(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/fixtures/packs" / fixture, to,
                          std::filesystem::copy_options::recursive);
    const auto manifest = to / "pack.toml";
    const std::string text = readBytes(manifest);
    writeBytes(manifest,
               std::regex_replace(text, std::regex("version = \"[^\"]*\""), "version = \"" + version + "\"",
                                  std::regex_constants::format_first_only));
}

// A content key, and signed copies of the minimal pack at the versions asked for.
struct Publisher {
    Scratch scratch;
    ContentSecretKey key;
    ContentPublicKey publicKey{};
    Publisher() {
        auto made = writeNewContentKeyFile(scratch.path() / "content.key");
        REQUIRE(made.ok());
        publicKey = made.value();
        key = readContentKeyFile(scratch.path() / "content.key").value();
    }
    std::filesystem::path sign(const std::string& version, const std::filesystem::path& folder,
                               const std::string& fixture = "minimal") {
        const auto dir = scratch.path() / ("src-" + fixture + "-" + version);
        if (!std::filesystem::exists(dir)) test::makePack(dir, version, fixture);
        std::filesystem::create_directories(folder);
        const auto out = folder / (fixture + "-" + version + ".okpack");
        REQUIRE(signPackFolder(dir, key, out, "2026-06-20T09:00:00Z").ok());
        return out;
    }
};

}  // namespace kiosk::update::test
