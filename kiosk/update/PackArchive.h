// The signed pack file (.okpack): a manifest signed with Ed25519 and the pack's files, in one file that any
// static web server or USB stick carries as it is. The layout is in docs/pack-format.md ("Signed packs").
#pragma once

#include "content/PackPaths.h"
#include "core/Result.h"
#include "reports/PackRefusal.h"
#include "update/ContentKey.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::update {

inline constexpr std::string_view kArchiveMagic = "OKPACK1\n";
inline constexpr const char* kArchiveExtension = ".okpack";
// The content format (docs/pack-format.md) the manifest says its files follow; a kiosk refuses a pack
// written for a newer format than it reads.
inline constexpr int kPackFormatVersion = 1;
inline constexpr std::uint32_t kMaxManifestBytes = 512 * 1024;
inline constexpr std::size_t kMaxPathBytes = 255;
inline constexpr std::size_t kSignatureBytes = crypto_sign_BYTES;
// Magic, manifest length, manifest, signature and the files: checked against the file's size before a byte
// of it is read.
inline constexpr std::uintmax_t kMaxArchiveBytes =
    kArchiveMagic.size() + 4 + kMaxManifestBytes + kSignatureBytes + content::kMaxPackBytes;

// Why a pack file was refused, as data (reports/PackRefusal.h); reports::refusalText words it for the
// volunteer menu, the log and kioskctl.
using Refusal = reports::Refusal;
using ArchiveError = reports::PackRefusal;
using reports::refusalName;

struct ManifestFile {
    std::string path;  // relative, "/"-separated, inside the pack
    std::uint64_t size = 0;
    std::array<unsigned char, crypto_hash_sha256_BYTES> sha256{};
};

struct Manifest {
    std::string packId;
    std::string version;
    int packFormat = 0;
    std::string signer;    // the signing key's public half, base64
    std::string signedAt;  // UTC, "2026-06-20T09:00:00Z"
    std::vector<ManifestFile> files;
    std::uint64_t totalBytes() const;
};

// Signs the pack folder `dir` (which must load without errors and have a version like "1.4.0") with `key`
// and writes the signed file to `out` atomically.
Result<Manifest> signPackFolder(const std::filesystem::path& dir, const ContentSecretKey& key,
                                const std::filesystem::path& out, const std::string& signedAtUtc);

// Checks `file` against the trusted keys: limits first, then the signature, then every file's size and
// SHA-256. With `unpackInto` (a folder that must not exist yet), the files are written there as they are
// checked, each fsynced; on any refusal the caller removes the folder.
Result<Manifest, ArchiveError> readPackArchive(const std::filesystem::path& file,
                                               std::span<const ContentPublicKey> trusted,
                                               const std::filesystem::path& unpackInto = {});

std::string sha256Hex(const std::array<unsigned char, crypto_hash_sha256_BYTES>& digest);

}  // namespace kiosk::update
