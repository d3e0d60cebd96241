// Streaming .okb reader: every byte before the signature feeds the Ed25519ph verification state.
#include "sync/BundleReader.h"

#include "crypto/Sodium.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace kiosk::sync {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

// A file read that also feeds the signature state, so verification needs no second pass.
class SignedInput {
public:
    explicit SignedInput(std::FILE* file) : file_(file) { crypto_sign_init(&state_); }

    // Reads exactly n bytes into out; false at end of file (a truncated bundle).
    bool read(void* out, std::size_t n) {
        if (n == 0) return true;
        if (std::fread(out, 1, n, file_) != n) return false;
        crypto_sign_update(&state_, static_cast<unsigned char*>(out), n);
        return true;
    }
    // Reads up to n bytes unsigned (the signature itself); returns how many were read.
    std::size_t readUnsigned(void* out, std::size_t n) { return std::fread(out, 1, n, file_); }
    bool u32(std::uint32_t& value) {
        unsigned char b[4];
        if (!read(b, 4)) return false;
        value = std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 |
                std::uint32_t(b[3]) << 24;
        return true;
    }
    bool u64(std::uint64_t& value) {
        unsigned char b[8];
        if (!read(b, 8)) return false;
        value = 0;
        for (int i = 0; i < 8; ++i)
            value |= std::uint64_t(b[i]) << (8 * i);
        return true;
    }
    bool atEnd() { return std::fgetc(file_) == EOF; }
    bool verify(unsigned char* signature, const unsigned char* publicKey) {
        return crypto_sign_final_verify(&state_, signature, publicKey) == 0;
    }

private:
    std::FILE* file_;
    crypto_sign_state state_{};
};

Error bad(const std::string& reason) {
    return Error{ErrorKind::Invalid, reason};
}

const char* kTruncatedHeader = "truncated: the file ends inside the header (was the copy interrupted?)";

}  // namespace

Result<BundleHeader> readBundle(const std::filesystem::path& path, const BundleReadCallbacks& callbacks) {
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::BadKey, sodium.error().message};
    // O_NONBLOCK: opening a FIFO must never wait for a writer; anything but a regular file is refused.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return Error{ErrorKind::Io, "cannot open: " + std::string(std::strerror(errno))};
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return Error{ErrorKind::Io, "not a regular file (a FIFO, device or socket): refused"};
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    std::unique_ptr<std::FILE, FileCloser> file(::fdopen(fd, "rb"));
    if (!file) {
        ::close(fd);
        return Error{ErrorKind::Io, "cannot open: " + std::string(std::strerror(errno))};
    }
    std::setvbuf(file.get(), nullptr, _IOFBF, 256 * 1024);
    SignedInput in(file.get());

    char magic[8] = {};
    std::size_t got = 0;
    while (got < sizeof magic) {
        char c;
        if (!in.read(&c, 1)) break;
        magic[got++] = c;
    }
    if (got == 0) return bad("empty file: not a bundle (was the copy interrupted?)");
    if (std::string_view(magic, got) != kBundleMagic.substr(0, got))
        return bad("not a kiosk bundle: it does not start with " + std::string(kBundleMagic));
    if (got < sizeof magic) return bad(kTruncatedHeader);

    BundleHeader header;
    std::uint32_t idLength = 0;
    if (!in.u32(header.formatVersion)) return bad(kTruncatedHeader);
    if (header.formatVersion == 0 || header.formatVersion > kBundleFormatVersion)
        return bad("format version " + std::to_string(header.formatVersion) +
                   " is not one this kioskctl reads (" + std::to_string(kBundleFormatVersion) +
                   "); update kioskctl on the coordinator's computer");
    if (!in.u32(idLength)) return bad(kTruncatedHeader);
    if (idLength == 0 || idLength > kMaxKioskIdBytes)
        return bad("corrupt header: kiosk id length " + std::to_string(idLength));
    header.kioskId.resize(idLength);
    std::uint64_t first = 0, last = 0;
    if (!in.read(header.kioskId.data(), idLength) ||
        !in.read(header.kioskPublicKey.data(), header.kioskPublicKey.size()) || !in.u64(header.count) ||
        !in.u64(first) || !in.u64(last))
        return bad(kTruncatedHeader);
    if (header.formatVersion >= 2 &&
        (!in.u64(header.chainNumber) ||
         !in.read(header.previousChainHash.data(), header.previousChainHash.size())))
        return bad(kTruncatedHeader);
    if (header.formatVersion >= 2 && header.chainNumber == 0) return bad("corrupt header: bundle number 0");
    header.firstSequence = static_cast<std::int64_t>(first);
    header.lastSequence = static_cast<std::int64_t>(last);
    const bool countsOnly = header.count == 0 && header.formatVersion >= 3;
    if (countsOnly && (header.firstSequence != 0 || header.lastSequence != 0))
        return bad("corrupt header: no pledges but sequences " + std::to_string(header.firstSequence) +
                   " to " + std::to_string(header.lastSequence));
    if ((header.count == 0 && !countsOnly) || header.lastSequence < header.firstSequence)
        return bad("corrupt header: " + std::to_string(header.count) + " pledges from sequence " +
                   std::to_string(header.firstSequence) + " to " + std::to_string(header.lastSequence));
    if (callbacks.onHeader) {
        if (auto accepted = callbacks.onHeader(header); !accepted) return accepted.error();
    }

    std::vector<unsigned char> body;
    std::int64_t previous = 0;
    for (std::uint64_t i = 0; i < header.count; ++i) {
        std::string where = "record " + std::to_string(i + 1) + " of " + std::to_string(header.count);
        std::uint32_t length = 0;
        if (!in.u32(length))
            return bad("truncated: the file ends before " + where + " (was the copy interrupted?)");
        if (length > kMaxRecordBytes)
            return bad("corrupt: " + where + " claims " + std::to_string(length) + " bytes");
        body.resize(length);
        if (!in.read(body.data(), length))
            return bad("truncated: the file ends inside " + where + " (was the copy interrupted?)");
        pledge::PledgeRecord record;
        if (!decodeRecord(body.data(), body.size(), record))
            return bad("corrupt: " + where + " is malformed");
        if (record.kioskId != header.kioskId)
            return bad("corrupt: " + where + " names kiosk \"" + record.kioskId + "\", the header \"" +
                       header.kioskId + "\"");
        bool sequenceOk = i == 0 ? record.sequence == header.firstSequence : record.sequence > previous;
        if (i + 1 == header.count) sequenceOk = sequenceOk && record.sequence == header.lastSequence;
        if (!sequenceOk)
            return bad("corrupt: " + where + " has sequence " + std::to_string(record.sequence) +
                       " out of order or outside the header's range");
        previous = record.sequence;
        if (callbacks.onRecord) callbacks.onRecord(std::move(record));
    }

    if (header.formatVersion >= 3) {
        if (!in.u64(header.countRows))
            return bad("truncated: the file ends before the engagement counts (was the copy interrupted?)");
        if (header.count == 0 && header.countRows == 0)
            return bad("corrupt: a bundle with neither pledges nor counts");
        for (std::uint64_t i = 0; i < header.countRows; ++i) {
            const std::string where =
                "count row " + std::to_string(i + 1) + " of " + std::to_string(header.countRows);
            std::uint32_t length = 0;
            if (!in.u32(length))
                return bad("truncated: the file ends before " + where + " (was the copy interrupted?)");
            if (length > kMaxCountRowBytes)
                return bad("corrupt: " + where + " claims " + std::to_string(length) + " bytes");
            body.resize(length);
            if (!in.read(body.data(), length))
                return bad("truncated: the file ends inside " + where + " (was the copy interrupted?)");
            StoredCount row;
            if (!decodeCountRow(body.data(), body.size(), row))
                return bad("corrupt: " + where + " is malformed or holds more than ids and numbers");
            row.kioskId = header.kioskId;
            if (callbacks.onCount) callbacks.onCount(std::move(row));
        }
    }

    unsigned char signature[crypto_sign_BYTES];
    if (in.readUnsigned(signature, sizeof signature) != sizeof signature)
        return bad("truncated: the signature at the end is missing or cut short (was the copy interrupted?)");
    if (!in.atEnd()) return bad("corrupt: unexpected bytes after the signature");
    if (!in.verify(signature, header.kioskPublicKey.data()))
        return bad("signature does not match: the bundle was altered or damaged after the kiosk wrote it");
    crypto_hash_sha256(header.chainHash.data(), signature, sizeof signature);
    return header;
}

Result<BundleHeader> readBundleHeader(const std::filesystem::path& path) {
    // Stop right after the header by refusing it, then hand back what was seen.
    std::optional<BundleHeader> seen;
    BundleReadCallbacks callbacks;
    callbacks.onHeader = [&](const BundleHeader& header) -> Result<void> {
        seen = header;
        return Error{ErrorKind::Invalid, "header only"};
    };
    auto read = readBundle(path, callbacks);
    if (seen) return *seen;
    return read.error();
}

}  // namespace kiosk::sync
