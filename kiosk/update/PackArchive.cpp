// Writing and checking signed pack files. Nothing in a file is trusted before its signature is checked,
// and nothing is read at all from a file over the size limit.
#include "update/PackArchive.h"

#include "content/PackLoader.h"
#include "crypto/Sodium.h"
#include "reports/VolunteerWords.h"
#include "update/PackVersion.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::update {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::string_view kManifestHeader = "okpack-manifest 1";

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Closes a descriptor however the function is left.
struct Descriptor {
    explicit Descriptor(int descriptor) : fd(descriptor) {}
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int fd;
};

using Kind = ArchiveError::Kind;

// A refusal of `file` for `kind`; the caller adds the kind's other facts.
ArchiveError refuse(Refusal reason, Kind kind, const std::string& file) {
    ArchiveError error{reason, kind};
    error.file = file;
    return error;
}
ArchiveError refuse(Refusal reason, Kind kind, const std::string& file, std::string detail) {
    ArchiveError error = refuse(reason, kind, file);
    error.detail = std::move(detail);
    return error;
}

std::string bigEndian(std::uint32_t value) {
    return {static_cast<char>(value >> 24), static_cast<char>(value >> 16), static_cast<char>(value >> 8),
            static_cast<char>(value)};
}

// A path a pack file may have: relative, "/"-separated, no empty, "." or ".." part, no control characters.
bool isSafePath(std::string_view path) {
    if (path.empty() || path.size() > kMaxPathBytes || path.front() == '/' || path.back() == '/')
        return false;
    if (std::any_of(path.begin(), path.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\'; }))
        return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const auto part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

bool parseHex(std::string_view hex, std::array<unsigned char, crypto_hash_sha256_BYTES>& out) {
    std::size_t length = 0;
    return hex.size() == out.size() * 2 &&
           sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &length, nullptr) == 0 &&
           length == out.size();
}

std::string manifestText(const Manifest& manifest) {
    std::string text = std::string(kManifestHeader) + "\n";
    text += "pack-id " + manifest.packId + "\n";
    text += "version " + manifest.version + "\n";
    text += "pack-format " + std::to_string(manifest.packFormat) + "\n";
    text += "signer " + manifest.signer + "\n";
    text += "signed-at " + manifest.signedAt + "\n";
    for (const auto& file : manifest.files)
        text += "file " + sha256Hex(file.sha256) + " " + std::to_string(file.size) + " " + file.path + "\n";
    return text;
}

// The manifest's lines, strictly: anything unexpected is a problem (it was signed, so it is a bug or a
// newer kiosk's format, never noise to skip).
Result<Manifest, ArchiveError> parseManifest(std::string_view text) {
    Manifest manifest;
    std::size_t start = 0;
    int line = 0;
    std::set<std::string, std::less<>> paths;
    const auto bad = [&line](reports::ManifestProblem problem, std::string path = {}) {
        ArchiveError error{Refusal::Invalid, Kind::BadManifest};
        error.line = line;
        error.manifest = problem;
        error.path = std::move(path);
        return error;
    };
    using Problem = reports::ManifestProblem;
    while (start < text.size()) {
        ++line;
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) return bad(Problem::NoLineEnd);
        const auto row = text.substr(start, end - start);
        start = end + 1;
        if (line == 1) {
            if (row != kManifestHeader) return bad(Problem::NotManifest);
            continue;
        }
        const auto space = row.find(' ');
        if (space == std::string_view::npos) return bad(Problem::NoValue);
        const auto key = row.substr(0, space);
        const auto value = row.substr(space + 1);
        if (key == "pack-id") {
            manifest.packId = value;
        } else if (key == "version") {
            manifest.version = value;
        } else if (key == "pack-format") {
            if (value.empty() || value.size() > 4 || !std::all_of(value.begin(), value.end(), ::isdigit))
                return bad(Problem::FormatNotNumber);
            manifest.packFormat = std::stoi(std::string(value));
        } else if (key == "signer") {
            manifest.signer = value;
        } else if (key == "signed-at") {
            manifest.signedAt = value;
        } else if (key == "file") {
            ManifestFile file;
            const auto second = value.find(' ');
            const auto third = second == std::string_view::npos ? second : value.find(' ', second + 1);
            if (third == std::string_view::npos) return bad(Problem::ShortFileLine);
            if (!parseHex(value.substr(0, second), file.sha256)) return bad(Problem::BadDigest);
            const auto size = value.substr(second + 1, third - second - 1);
            if (size.empty() || size.size() > 12 || !std::all_of(size.begin(), size.end(), ::isdigit))
                return bad(Problem::BadSize);
            file.size = std::stoull(std::string(size));
            file.path = value.substr(third + 1);
            if (!isSafePath(file.path)) return bad(Problem::BadPath, file.path);
            if (!paths.insert(file.path).second) return bad(Problem::ListedTwice, file.path);
            manifest.files.push_back(std::move(file));
            if (manifest.files.size() > content::kMaxPackFiles) {
                auto error = bad(Problem::TooManyFiles);
                error.limit = content::kMaxPackFiles;
                return error;
            }
        } else {
            auto error = bad(Problem::UnknownKey);
            error.detail = key;
            return error;
        }
    }
    if (manifest.packId.empty() || manifest.version.empty() || manifest.signer.empty() ||
        manifest.packFormat == 0) {
        line = 0;
        return bad(Problem::Incomplete);
    }
    return manifest;
}

// The pack's regular files, relative and sorted; refuses links and special files, stops past the limits.
Result<std::vector<ManifestFile>> listPackFiles(const fs::path& dir) {
    std::vector<ManifestFile> files;
    std::error_code error;
    std::uint64_t bytes = 0;
    for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const auto status = it->symlink_status(error);
        if (error) break;
        const std::string relative = it->path().lexically_relative(dir).generic_string();
        if (fs::is_directory(status)) continue;
        if (!fs::is_regular_file(status))
            return Failure{it->path().string() + " is a link or special file; a signed pack holds only plain "
                                                 "files and folders"};
        if (!isSafePath(relative))
            return Failure{it->path().string() + ": a pack file's name must be a plain relative path of at "
                                                 "most 255 bytes"};
        ManifestFile file;
        file.path = relative;
        file.size = it->file_size(error);
        bytes += file.size;
        files.push_back(std::move(file));
        if (files.size() > content::kMaxPackFiles || bytes > content::kMaxPackBytes)
            return Failure{dir.string() + " is over the pack limits (" +
                           std::to_string(content::kMaxPackFiles) + " files, " +
                           std::to_string(content::kMaxPackBytes / (1024 * 1024)) + " MiB)"};
    }
    if (error) return Failure{dir.string() + ": " + error.message()};
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

bool hashFile(const fs::path& path, ManifestFile& file) {
    File in(std::fopen(path.c_str(), "rb"));
    if (!in) return false;
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<unsigned char> buffer(kChunk);
    std::uint64_t total = 0;
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get())) {
        crypto_hash_sha256_update(&state, buffer.data(), n);
        total += n;
    }
    crypto_hash_sha256_final(&state, file.sha256.data());
    return !std::ferror(in.get()) && total == file.size;
}

bool writeAll(int fd, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, bytes, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool fsyncPath(const fs::path& path) {
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    return fd.fd >= 0 && ::fsync(fd.fd) == 0;
}

}  // namespace

std::uint64_t Manifest::totalBytes() const {
    std::uint64_t total = 0;
    for (const auto& file : files)
        total += file.size;
    return total;
}

std::string sha256Hex(const std::array<unsigned char, crypto_hash_sha256_BYTES>& digest) {
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

Result<Manifest> signPackFolder(const fs::path& dir, const ContentSecretKey& key, const fs::path& out,
                                const std::string& signedAtUtc) {
    if (auto sodium = crypto::startSodium(); !sodium) return sodium.error();
    auto loaded = content::loadPack(dir, nullptr);
    if (!loaded.pack) {
        std::string message = dir.string() + " does not load, so it is not signed:";
        for (const auto& diagnostic : loaded.diagnostics)
            if (diagnostic.severity == content::Severity::Error) message += "\n" + diagnostic.format();
        return Failure{message};
    }
    if (!parsePackVersion(loaded.pack->version))
        return Failure{dir.string() + "/pack.toml: version \"" + loaded.pack->version +
                       "\" must be numbers and dots like \"1.4.0\" for a signed pack, so kiosks can tell "
                       "newer from older"};
    auto files = listPackFiles(dir);
    if (!files) return files.error();
    Manifest manifest;
    manifest.packId = loaded.pack->id;
    manifest.version = loaded.pack->version;
    manifest.packFormat = kPackFormatVersion;
    manifest.signer = contentKeyBase64(key.publicKey());
    manifest.signedAt = signedAtUtc;
    manifest.files = std::move(files.value());
    for (auto& file : manifest.files)
        if (!hashFile(dir / file.path, file)) return Failure{"cannot read " + (dir / file.path).string()};

    const std::string text = manifestText(manifest);
    const std::string head =
        std::string(kArchiveMagic) + bigEndian(static_cast<std::uint32_t>(text.size())) + text;
    if (text.size() > kMaxManifestBytes)
        return Failure{"the manifest is over its limit: too many or too long names"};
    std::array<unsigned char, kSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(head.data()),
                         head.size(), key.bytes.data());

    const fs::path folder = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    std::string temporary = (folder / ("." + out.filename().string() + ".XXXXXX")).string();
    const Descriptor fd(::mkstemp(temporary.data()));
    if (fd.fd < 0) return Failure{"cannot create a file in " + folder.string() + ": " + std::strerror(errno)};
    auto fail = [&](const std::string& what) {
        ::unlink(temporary.c_str());
        return Failure{what + ": " + std::strerror(errno)};
    };
    ::fchmod(fd.fd, 0644);
    if (!writeAll(fd.fd, head.data(), head.size()) || !writeAll(fd.fd, signature.data(), signature.size()))
        return fail("cannot write " + temporary);
    std::vector<char> buffer(kChunk);
    for (const auto& file : manifest.files) {
        File in(std::fopen((dir / file.path).c_str(), "rb"));
        if (!in) return fail("cannot read " + (dir / file.path).string());
        while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get()))
            if (!writeAll(fd.fd, buffer.data(), n)) return fail("cannot write " + temporary);
    }
    if (::fsync(fd.fd) != 0 || ::rename(temporary.c_str(), out.c_str()) != 0)
        return fail("cannot write " + out.string());
    // A file changed while it was signed would make a pack every kiosk refuses: check it as a kiosk will.
    const ContentPublicKey publicKey = key.publicKey();
    if (auto check = readPackArchive(out, std::span(&publicKey, 1)); !check) {
        ::unlink(out.c_str());
        return Failure{"the signed file did not check (did the pack change while it was signed?): " +
                       reports::refusalText(check.error())};
    }
    return manifest;
}

Result<Manifest, ArchiveError>
readPackArchive(const fs::path& file, std::span<const ContentPublicKey> trusted, const fs::path& unpackInto) {
    const std::string name = file.string();
    if (auto sodium = crypto::startSodium(); !sodium)
        return refuse(Refusal::Unreadable, Kind::CannotStart, name, sodium.error().message);
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0)
        return refuse(Refusal::Unreadable, Kind::CannotRead, name, std::strerror(errno));
    if (!S_ISREG(info.st_mode)) return refuse(Refusal::Unsigned, Kind::NotAFile, name);
    const auto fileBytes = static_cast<std::uintmax_t>(info.st_size);
    const auto over = [&name](Kind kind, std::uint64_t bytes, std::uint64_t limit) {
        auto error = refuse(Refusal::Oversized, kind, name);
        error.bytes = bytes;
        error.limit = limit;
        return error;
    };
    if (fileBytes > kMaxArchiveBytes) return over(Kind::FileTooBig, fileBytes, kMaxArchiveBytes);
    File in(std::fopen(file.c_str(), "rb"));
    if (!in) return refuse(Refusal::Unreadable, Kind::CannotRead, name, std::strerror(errno));

    std::string head(kArchiveMagic.size() + 4, '\0');
    if (std::fread(head.data(), 1, head.size(), in.get()) != head.size() ||
        std::string_view(head).substr(0, kArchiveMagic.size()) != kArchiveMagic)
        return refuse(Refusal::Unsigned, Kind::NoHeader, name);
    const auto* length = reinterpret_cast<const unsigned char*>(head.data() + kArchiveMagic.size());
    const std::uint32_t manifestBytes = (std::uint32_t(length[0]) << 24) | (std::uint32_t(length[1]) << 16) |
                                        (std::uint32_t(length[2]) << 8) | std::uint32_t(length[3]);
    if (manifestBytes > kMaxManifestBytes)
        return over(Kind::ManifestTooBig, manifestBytes, kMaxManifestBytes);
    if (fileBytes < head.size() + manifestBytes + kSignatureBytes)
        return refuse(Refusal::Damaged, Kind::CutShort, name);
    head.resize(head.size() + manifestBytes);
    std::array<unsigned char, kSignatureBytes> signature{};
    if (std::fread(head.data() + kArchiveMagic.size() + 4, 1, manifestBytes, in.get()) != manifestBytes ||
        std::fread(signature.data(), 1, signature.size(), in.get()) != signature.size())
        return refuse(Refusal::Unreadable, Kind::CannotReadManifest, name);
    if (std::all_of(signature.begin(), signature.end(), [](unsigned char b) { return b == 0; }))
        return refuse(Refusal::Unsigned, Kind::NoSignature, name);
    const ContentPublicKey* signer = nullptr;
    for (const auto& key : trusted)
        if (crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(head.data()),
                                        head.size(), key.data()) == 0)
            signer = &key;
    if (!signer) {
        auto error = refuse(Refusal::Forged, Kind::NotTrusted, name);
        error.count = trusted.size();
        return error;
    }
    auto parsed = parseManifest(std::string_view(head).substr(kArchiveMagic.size() + 4));
    if (!parsed) {
        auto error = parsed.error();
        error.file = name;
        return error;
    }
    Manifest manifest = std::move(parsed.value());
    if (manifest.signer != contentKeyBase64(*signer))
        return refuse(Refusal::Invalid, Kind::SignerMismatch, name);
    if (manifest.packFormat > kPackFormatVersion) {
        auto error = refuse(Refusal::Invalid, Kind::NewerFormat, name);
        error.count = static_cast<std::uint64_t>(manifest.packFormat);
        error.limit = kPackFormatVersion;
        return error;
    }
    if (!parsePackVersion(manifest.version)) {
        auto error = refuse(Refusal::Invalid, Kind::BadVersion, name);
        error.version = manifest.version;
        return error;
    }
    if (manifest.totalBytes() > content::kMaxPackBytes)
        return over(Kind::PackTooBig, manifest.totalBytes(), content::kMaxPackBytes);
    const std::uintmax_t expected = head.size() + kSignatureBytes + manifest.totalBytes();
    if (fileBytes != expected) {
        auto error = refuse(Refusal::Damaged, Kind::WrongLength, name);
        error.bytes = fileBytes;
        error.limit = expected;
        return error;
    }
    // Trouble on this kiosk's side: `path` is where, `detail` the system's words.
    const auto local = [&name](Kind kind, const fs::path& path, std::string detail) {
        auto error = refuse(Refusal::Unreadable, kind, name, std::move(detail));
        error.path = path.string();
        return error;
    };

    std::error_code error;
    std::set<fs::path> folders;
    if (!unpackInto.empty()) {
        if (!fs::create_directory(unpackInto, error) || error)
            return local(Kind::CannotMakeFolder, unpackInto, error ? error.message() : std::string());
        folders.insert(unpackInto);
    }
    std::vector<unsigned char> buffer(kChunk);
    for (const auto& entry : manifest.files) {
        int out = -1;
        const fs::path target = unpackInto / fs::path(entry.path);
        if (!unpackInto.empty()) {
            for (fs::path folder = target.parent_path(); folder != unpackInto; folder = folder.parent_path())
                folders.insert(folder);
            fs::create_directories(target.parent_path(), error);
            out = error ? -1 : ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (out < 0)
                return local(Kind::CannotWrite, target,
                             error ? error.message() : std::string(std::strerror(errno)));
        }
        const Descriptor guard(out);
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        for (std::uint64_t left = entry.size; left > 0;) {
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
            if (std::fread(buffer.data(), 1, want, in.get()) != want) {
                auto cut = refuse(Refusal::Damaged, Kind::FileCutShort, name);
                cut.path = entry.path;
                return cut;
            }
            crypto_hash_sha256_update(&state, buffer.data(), want);
            if (out >= 0 && !writeAll(out, buffer.data(), want))
                return local(Kind::CannotWrite, target, std::strerror(errno));
            left -= want;
        }
        std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
        crypto_hash_sha256_final(&state, digest.data());
        if (digest != entry.sha256) {
            auto differs = refuse(Refusal::Damaged, Kind::FileDiffers, name);
            differs.path = entry.path;
            differs.digest = sha256Hex(digest);
            differs.signedDigest = sha256Hex(entry.sha256);
            return differs;
        }
        if (out >= 0 && ::fsync(out) != 0) return local(Kind::CannotWrite, target, std::strerror(errno));
    }
    for (const auto& folder : folders)
        if (!fsyncPath(folder)) return local(Kind::CannotSync, folder, {});
    return manifest;
}

}  // namespace kiosk::update
