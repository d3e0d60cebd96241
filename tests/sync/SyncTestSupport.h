// Test helpers for sync/: a temporary folder, generated pledge records and whole-file reads.
#pragma once

#include "pledge/PledgeRecord.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sodium.h>
#include <string>
#include <vector>

namespace kiosk::sync::test {

// A fresh folder under the build tree, removed with everything in it at the end of the test.
class TempDir {
public:
    TempDir() {
        std::filesystem::path base = std::filesystem::path(KIOSK_BINARY_DIR) / "test-tmp";
        std::filesystem::create_directories(base);
        std::string pattern = (base / "sync-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) std::abort();
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Files with the given extension directly inside a folder, sorted by name.
inline std::vector<std::filesystem::path> filesIn(const std::filesystem::path& folder,
                                                  const std::string& ext) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ext) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// A lower-case v4-shaped uuid derived from n, so tests are repeatable.
inline std::string uuidFor(int kiosk, std::int64_t n) {
    char text[40];
    std::snprintf(text, sizeof text, "%08x-0000-4000-8000-%012llx", static_cast<unsigned>(kiosk),
                  static_cast<unsigned long long>(n));
    return text;
}

// A record with clear fields derived from its sequence and `sealed` as given.
inline pledge::PledgeRecord makeRecord(const std::string& kioskId, std::int64_t sequence,
                                       std::vector<unsigned char> sealed, int kioskNumber = 1) {
    pledge::PledgeRecord r;
    r.uuid = uuidFor(kioskNumber, sequence);
    r.kioskId = kioskId;
    r.sequence = sequence;
    r.actionId = sequence % 3 == 0 ? "petition-torture" : "letter-minister";
    r.packId = "stop-torture";
    r.packVersion = "2024.1";
    r.language = sequence % 2 == 0 ? "ms" : "ta";
    char created[32];
    std::snprintf(created, sizeof created, "2024-06-%02dT%02d:%02d:00Z",
                  static_cast<int>(1 + (sequence / 50) % 28), static_cast<int>(sequence % 24),
                  static_cast<int>(sequence % 60));
    r.createdAtUtc = created;
    r.clockSynced = sequence % 7 != 0;
    r.bootId = "7c1e4d0a-1111-4222-8333-444455556666";
    r.monotonicMs = 1000 * sequence;
    r.sealed = std::move(sealed);
    return r;
}

}  // namespace kiosk::sync::test
