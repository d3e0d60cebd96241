// Streaming .okb writer: every byte goes to the file, the Ed25519ph signature state and the BLAKE2b name
// hash.
#include "sync/BundleWriter.h"

#include "crypto/Sodium.h"
#include "sync/FileIo.h"

#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

namespace kiosk::sync {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

constexpr std::size_t kFlushAt = 256 * 1024;

}  // namespace

struct BundleWriter::State {
    std::filesystem::path folder;
    std::filesystem::path tempPath;
    FilePtr file;
    BundleHeader header;
    SigningKey key;
    crypto_sign_state sign{};
    crypto_generichash_state hash{};
    std::vector<unsigned char> buffer;
    std::uint64_t written = 0;
    std::int64_t previousSequence = 0;
    bool countsWritten = false;
    bool finished = false;

    ~State() {
        sodium_memzero(key.secretKey.data(), key.secretKey.size());
        if (!finished && !tempPath.empty()) {
            file.reset();
            ::unlink(tempPath.c_str());
        }
    }

    Result<void> flush() {
        if (buffer.empty()) return {};
        crypto_sign_update(&sign, buffer.data(), buffer.size());
        crypto_generichash_update(&hash, buffer.data(), buffer.size());
        if (std::fwrite(buffer.data(), 1, buffer.size(), file.get()) != buffer.size())
            return ioError(tempPath, "cannot write bundle");
        buffer.clear();
        return {};
    }
};

BundleWriter::BundleWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
BundleWriter::BundleWriter(BundleWriter&&) noexcept = default;
BundleWriter& BundleWriter::operator=(BundleWriter&&) noexcept = default;
BundleWriter::~BundleWriter() = default;

const BundleHeader& BundleWriter::header() const {
    return state_->header;
}

Result<BundleWriter> BundleWriter::begin(const std::filesystem::path& folder, const BundleHeader& header,
                                         const SigningKey& key) {
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::BadKey, sodium.error().message};
    if (header.count == 0 && header.formatVersion > 0 && header.formatVersion < 3)
        return Error{ErrorKind::Invalid, "a bundle needs at least one pledge"};
    if (header.kioskId.empty() || header.kioskId.size() > kMaxKioskIdBytes)
        return Error{ErrorKind::Invalid, "kiosk id must be 1 to 256 bytes, got \"" + header.kioskId + "\""};
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return Error{ErrorKind::Io, folder.string() + ": cannot create folder: " + ec.message()};

    auto state = std::make_unique<State>();
    state->folder = folder;
    state->header = header;
    // Formats 1 and 2 only when asked for (tests of older kiosks' bundles); a chain starts at 1.
    if (header.formatVersion < 1 || header.formatVersion > kBundleFormatVersion)
        state->header.formatVersion = kBundleFormatVersion;
    if (state->header.formatVersion >= 2 && state->header.chainNumber == 0) state->header.chainNumber = 1;
    state->header.kioskPublicKey = key.publicKey;
    state->key = key;
    std::string pattern = (folder / ".bundle.okb.XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) return ioError(folder, "cannot create a temporary bundle file");
    state->tempPath = pattern;
    state->file.reset(::fdopen(fd, "wb"));
    if (!state->file) {
        ::close(fd);
        return ioError(pattern, "cannot open temporary bundle file");
    }
    crypto_sign_init(&state->sign);
    crypto_generichash_init(&state->hash, nullptr, 0, crypto_generichash_BYTES);
    state->buffer.reserve(kFlushAt + 4096);
    encodeHeader(state->header, state->buffer);
    return BundleWriter(std::move(state));
}

Result<void> BundleWriter::add(const pledge::PledgeRecord& record) {
    State& s = *state_;
    if (s.finished) return Error{ErrorKind::Invalid, "bundle already finished"};
    if (s.written == s.header.count)
        return Error{ErrorKind::Invalid,
                     "more records than the header's count of " + std::to_string(s.header.count)};
    if (record.kioskId != s.header.kioskId)
        return Error{ErrorKind::Invalid, "pledge " + record.uuid + " is from kiosk \"" + record.kioskId +
                                             "\", not \"" + s.header.kioskId + "\""};
    bool first = s.written == 0;
    if (first && record.sequence != s.header.firstSequence)
        return Error{ErrorKind::Invalid, "first pledge has sequence " + std::to_string(record.sequence) +
                                             ", header says " + std::to_string(s.header.firstSequence)};
    if (!first && record.sequence <= s.previousSequence)
        return Error{ErrorKind::Invalid, "pledges must come in increasing sequence order (" +
                                             std::to_string(s.previousSequence) + " then " +
                                             std::to_string(record.sequence) + ")"};
    encodeRecord(record, s.buffer);
    s.previousSequence = record.sequence;
    ++s.written;
    if (s.buffer.size() >= kFlushAt) return s.flush();
    return {};
}

Result<void> BundleWriter::addCounts(const std::vector<StoredCount>& rows) {
    State& s = *state_;
    if (s.finished || s.countsWritten) return Error{ErrorKind::Invalid, "counts already written"};
    if (s.header.formatVersion < 3) return Error{ErrorKind::Invalid, "format 1 and 2 bundles hold no counts"};
    if (s.written != s.header.count)
        return Error{ErrorKind::Invalid,
                     "counts come after all " + std::to_string(s.header.count) + " pledges"};
    s.countsWritten = true;
    s.header.countRows = rows.size();
    for (int i = 0; i < 8; ++i)
        s.buffer.push_back(static_cast<unsigned char>(static_cast<std::uint64_t>(rows.size()) >> (8 * i)));
    for (const auto& row : rows) {
        encodeCountRow(row, s.buffer);
        if (s.buffer.size() >= kFlushAt)
            if (auto flushed = s.flush(); !flushed) return flushed;
    }
    return {};
}

Result<std::filesystem::path> BundleWriter::finish() {
    State& s = *state_;
    if (s.finished) return Error{ErrorKind::Invalid, "bundle already finished"};
    if (s.written != s.header.count)
        return Error{ErrorKind::Invalid, "header announces " + std::to_string(s.header.count) +
                                             " pledges but " + std::to_string(s.written) + " were written"};
    if (s.previousSequence != s.header.lastSequence)
        return Error{ErrorKind::Invalid, "last pledge has sequence " + std::to_string(s.previousSequence) +
                                             ", header says " + std::to_string(s.header.lastSequence)};
    if (s.header.formatVersion >= 3 && !s.countsWritten)
        if (auto none = addCounts({}); !none) return none.error();
    if (s.header.count == 0 && s.header.countRows == 0)
        return Error{ErrorKind::Invalid, "a bundle needs at least one pledge or count"};
    if (auto flushed = s.flush(); !flushed) return flushed.error();

    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_final_create(&s.sign, signature, nullptr, s.key.secretKey.data());
    crypto_generichash_update(&s.hash, signature, sizeof signature);
    crypto_hash_sha256(s.header.chainHash.data(), signature, sizeof signature);
    if (std::fwrite(signature, 1, sizeof signature, s.file.get()) != sizeof signature)
        return ioError(s.tempPath, "cannot write bundle signature");
    if (std::fflush(s.file.get()) != 0) return ioError(s.tempPath, "cannot write bundle");
    if (::fsync(::fileno(s.file.get())) != 0) return ioError(s.tempPath, "cannot fsync bundle");
    if (std::fclose(s.file.release()) != 0) return ioError(s.tempPath, "cannot close bundle");

    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&s.hash, digest, sizeof digest);
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    std::filesystem::path target = s.folder / bundleFileName(s.header, std::string_view(hex, 16));
    if (::rename(s.tempPath.c_str(), target.c_str()) != 0)
        return ioError(target, "cannot rename bundle into place");
    s.finished = true;
    if (auto synced = fsyncFolder(s.folder); !synced) return synced.error();
    return target;
}

}  // namespace kiosk::sync
