// A private copy of a fixture pack in the build folder, to break one thing in and load; removed afterwards.
#pragma once

#include "content/PackLoader.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>

namespace kiosk::test {

class TempPack {
public:
    explicit TempPack(const std::string& fixture = "minimal") {
        const auto base = std::filesystem::path(KIOSK_BINARY_DIR) / "test-tmp";
        std::filesystem::create_directories(base);
        std::string templ = (base / "packXXXXXX").string();
        REQUIRE(mkdtemp(templ.data()) != nullptr);
        root_ = templ;
        dir_ = root_ / fixture;
        std::filesystem::copy(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/fixtures/packs" / fixture,
                              dir_, std::filesystem::copy_options::recursive);
    }
    ~TempPack() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    TempPack(const TempPack&) = delete;
    TempPack& operator=(const TempPack&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    // A folder beside the pack (outside it), for symlink tests.
    const std::filesystem::path& outside() const { return root_; }

    std::string read(const std::string& file) const {
        std::ifstream in(dir_ / file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    void write(const std::string& file, const std::string& text) const {
        std::ofstream out(dir_ / file, std::ios::binary | std::ios::trunc);
        out << text;
    }
    // Replaces the first `from` in `file`; the test fails if it is not there, so fixtures cannot drift
    // silently.
    void replace(const std::string& file, const std::string& from, const std::string& to) const {
        std::string text = read(file);
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        write(file, text);
    }

    content::LoadResult load(ImageMeasurer* images = nullptr) const {
        return content::loadPack(dir_, images);
    }
    // "DIR/<rest>", the way diagnostics name a file of this pack.
    std::string where(const std::string& rest) const { return (dir_ / rest).string(); }

private:
    std::filesystem::path root_;
    std::filesystem::path dir_;
};

// Every diagnostic, one a line, for failure messages.
inline std::string listDiagnostics(const content::LoadResult& result) {
    std::ostringstream out;
    for (const auto& d : result.diagnostics)
        out << d.format() << '\n';
    return out.str();
}

// The pack produced exactly one diagnostic, starting with `expected` after the pack folder's path.
inline void requireOnly(const TempPack& copy, const content::LoadResult& result,
                        const std::string& expected) {
    INFO(listDiagnostics(result));
    REQUIRE(result.diagnostics.size() == 1);
    CHECK_THAT(result.diagnostics[0].format(), Catch::StartsWith(copy.where(expected)));
    if (result.diagnostics[0].severity == content::Severity::Error)
        CHECK_FALSE(result.pack);
    else
        CHECK(result.pack);
}

// Image sizes by file name; images not listed measure 64x64, and a listed nullopt fails to decode.
class FakeImages : public ImageMeasurer {
public:
    std::map<std::string, std::optional<Size>> sizes;
    std::optional<Size> imageSize(const std::string& path) override {
        const auto it = sizes.find(std::filesystem::path(path).filename().string());
        return it == sizes.end() ? std::optional<Size>(Size{64, 64}) : it->second;
    }
};

}  // namespace kiosk::test
