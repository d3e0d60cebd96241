// A fresh directory under the build folder for one test, removed afterwards.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace kiosk::pledge::test {

class TempDir {
public:
    TempDir() {
        std::filesystem::create_directories(KIOSK_BINARY_DIR "/tmp");
        std::string pattern = KIOSK_BINARY_DIR "/tmp/pledge-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace kiosk::pledge::test
