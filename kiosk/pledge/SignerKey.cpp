// Loading or creating data_dir/signer-key and hashing e-mails with it.
#include "pledge/SignerKey.h"

#include "crypto/Sodium.h"
#include "form/Validation.h"
#include "pledge/Keys.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace kiosk::pledge {
namespace {

Error keyError(const std::filesystem::path& path, const std::string& what) {
    return Error{ErrorKind::Io, "signer key " + path.string() + ": " + what +
                                    " (it is made on first use; if damaged, move it away and restart)"};
}

bool readExactly(int fd, unsigned char* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::read(fd, out + done, size - done);
        if (got <= 0) return false;
        done += static_cast<std::size_t>(got);
    }
    unsigned char extra = 0;
    return ::read(fd, &extra, 1) == 0;  // the file must be exactly the key
}

}  // namespace

Result<SignerKey> SignerKey::loadOrCreate(const std::filesystem::path& path) {
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::Io, sodium.error().message};
    SignerKey key;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        randombytes_buf(key.key_.data(), key.key_.size());
        const bool written =
            ::write(fd, key.key_.data(), key.key_.size()) == static_cast<ssize_t>(kBytes) && ::fsync(fd) == 0;
        const int err = errno;
        ::close(fd);
        if (!written) {
            ::unlink(path.c_str());
            return keyError(path, std::string("cannot write: ") + std::strerror(err));
        }
        return key;
    }
    if (errno != EEXIST) return keyError(path, std::string("cannot create: ") + std::strerror(errno));
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return keyError(path, std::string("cannot read: ") + std::strerror(errno));
    const bool read = readExactly(fd, key.key_.data(), key.key_.size());
    ::close(fd);
    if (!read) {
        // An empty file is a first start cut off between creating the key and writing it: no pledge can have
        // been hashed with it, so it is made again rather than stopping collection for good.
        std::error_code error;
        if (std::filesystem::file_size(path, error) == 0 && !error && ::unlink(path.c_str()) == 0)
            return loadOrCreate(path);
        return keyError(path, "is not a 32-byte key");
    }
    return key;
}

SignerKey::~SignerKey() {
    sodium_memzero(key_.data(), key_.size());
}

SignerKey::Hash SignerKey::hashEmail(std::string_view email) const {
    std::string normalised = form::signerEmailKey(email);
    Hash hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(normalised.data()),
                       normalised.size(), key_.data(), key_.size());
    sodium_memzero(normalised.data(), normalised.size());
    return hash;
}

}  // namespace kiosk::pledge
