// Key generation, base64 and the secret key file (written 0600 with O_EXCL so an existing key is never lost).
#include "pledge/Keys.h"

#include "crypto/Sodium.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::pledge {
namespace {

static_assert(crypto_box_PUBLICKEYBYTES == kBoxKeyBytes && crypto_box_SECRETKEYBYTES == kBoxKeyBytes);

constexpr std::string_view kSecretFileHeader =
    "# outreach-kiosk coordinator secret key (base64). Keep it offline; it opens every pledge.\n";

// Closes the descriptor however the function is left.
struct FileDescriptor {
    explicit FileDescriptor(int descriptor) : fd(descriptor) {}
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int fd;
};

template <std::size_t N> bool decodeBase64(std::string_view text, std::array<unsigned char, N>& out) {
    std::size_t length = 0;
    const int status = sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \t\r\n", &length,
                                         nullptr, sodium_base64_VARIANT_ORIGINAL);
    return status == 0 && length == N;
}

}  // namespace

SecretKey::~SecretKey() {
    sodium_memzero(bytes.data(), bytes.size());
}

PublicKey SecretKey::publicKey() const {
    PublicKey key;
    crypto_scalarmult_base(key.bytes.data(), bytes.data());
    return key;
}

KeyPair keyPairOf(const SecretKey& secretKey) {
    return KeyPair{secretKey.publicKey(), secretKey};
}

KeyPair generateKeyPair() {
    KeyPair pair;
    crypto_box_keypair(pair.publicKey.bytes.data(), pair.secretKey.bytes.data());
    return pair;
}

std::string toBase64(std::span<const unsigned char> bytes) {
    std::string text(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    text.resize(std::strlen(text.c_str()));
    return text;
}

Result<PublicKey> parsePublicKey(std::string_view base64) {
    PublicKey key;
    if (!decodeBase64(base64, key.bytes)) {
        return Error{ErrorKind::BadKey, "coordinator_public_key is not a 32-byte key in base64: copy the "
                                        "'public-key:' line that 'kioskctl keygen' printed"};
    }
    return key;
}

Result<PublicKey> writeNewSecretKeyFile(const std::filesystem::path& path) {
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::BadKey, sodium.error().message};
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        if (err == EEXIST) {
            return Error{ErrorKind::Io, path.string() +
                                            " already exists: refusing to overwrite a key that may "
                                            "be needed to open pledges; choose another file name"};
        }
        return Error{ErrorKind::Io, "cannot create " + path.string() + ": " + std::strerror(err)};
    }
    const FileDescriptor guard(fd);
    ::fchmod(fd, 0600);  // the umask may have narrowed it further, never widened; make it exact
    const KeyPair pair = generateKeyPair();
    std::string contents = std::string(kSecretFileHeader) + toBase64(pair.secretKey.bytes) + "\n";
    const bool written =
        ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size()) &&
        ::fsync(fd) == 0;
    sodium_memzero(contents.data(), contents.size());
    if (!written) {
        const int err = errno;
        ::unlink(path.c_str());
        return Error{ErrorKind::Io, "cannot write " + path.string() + ": " + std::strerror(err)};
    }
    return pair.publicKey;
}

Result<SecretKey> readSecretKeyFile(const std::filesystem::path& path) {
    std::ifstream file(path);
    if (!file) return Error{ErrorKind::Io, "cannot read the secret key file " + path.string()};
    std::string line;
    SecretKey key;
    bool found = false;
    while (std::getline(file, line)) {
        if (line.empty() || line.front() == '#') continue;
        found = decodeBase64(line, key.bytes);
        sodium_memzero(line.data(), line.size());
        break;
    }
    if (!found) {
        return Error{ErrorKind::BadKey, path.string() +
                                            " holds no secret key: it should be a file written by "
                                            "'kioskctl keygen'"};
    }
    return key;
}

}  // namespace kiosk::pledge
