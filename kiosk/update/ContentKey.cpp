// Content-signing key files: one base64 line of the Ed25519 seed under a comment, written 0600 with O_EXCL.
#include "update/ContentKey.h"

#include "crypto/Sodium.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::update {
namespace {

constexpr std::string_view kHeader =
    "# outreach-kiosk content-signing secret key (Ed25519 seed, base64). Keep "
    "it off the kiosks: it decides what every kiosk shows.\n";

template <std::size_t N> bool decodeBase64(std::string_view text, std::array<unsigned char, N>& out) {
    std::size_t length = 0;
    return sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \t\r\n", &length, nullptr,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           length == N;
}

std::string toBase64(const unsigned char* bytes, std::size_t size) {
    std::string text(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    text.resize(std::strlen(text.c_str()));
    return text;
}

}  // namespace

ContentSecretKey::~ContentSecretKey() {
    sodium_memzero(bytes.data(), bytes.size());
}

ContentPublicKey ContentSecretKey::publicKey() const {
    ContentPublicKey key;
    crypto_sign_ed25519_sk_to_pk(key.data(), bytes.data());
    return key;
}

Result<ContentPublicKey> writeNewContentKeyFile(const std::filesystem::path& path) {
    if (auto sodium = crypto::startSodium(); !sodium) return sodium.error();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return Failure{path.string() + " already exists: refusing to overwrite a signing key; choose "
                                           "another file name"};
        return Failure{"cannot create " + path.string() + ": " + std::strerror(errno)};
    }
    ::fchmod(fd, 0600);
    std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
    randombytes_buf(seed.data(), seed.size());
    ContentSecretKey secret;
    ContentPublicKey publicKey;
    crypto_sign_seed_keypair(publicKey.data(), secret.bytes.data(), seed.data());
    std::string contents = std::string(kHeader) + toBase64(seed.data(), seed.size()) + "\n";
    sodium_memzero(seed.data(), seed.size());
    const bool written =
        ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size()) &&
        ::fsync(fd) == 0;
    const int err = errno;
    sodium_memzero(contents.data(), contents.size());
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        return Failure{"cannot write " + path.string() + ": " + std::strerror(err)};
    }
    return publicKey;
}

Result<ContentSecretKey> readContentKeyFile(const std::filesystem::path& path) {
    if (auto sodium = crypto::startSodium(); !sodium) return sodium.error();
    std::ifstream file(path);
    if (!file) return Failure{"cannot read the content-signing key " + path.string()};
    std::string line;
    std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
    bool found = false;
    while (std::getline(file, line)) {
        if (line.empty() || line.front() == '#') continue;
        found = decodeBase64(line, seed);
        sodium_memzero(line.data(), line.size());
        break;
    }
    if (!found)
        return Failure{path.string() + " is not a content-signing key (make one with `kioskctl keygen "
                                       "--content-key FILE`)"};
    ContentSecretKey secret;
    ContentPublicKey ignored;
    crypto_sign_seed_keypair(ignored.data(), secret.bytes.data(), seed.data());
    sodium_memzero(seed.data(), seed.size());
    return secret;
}

Result<ContentPublicKey> parseContentPublicKey(std::string_view base64) {
    ContentPublicKey key;
    if (!decodeBase64(base64, key))
        return Failure{"\"" + std::string(base64.substr(0, 60)) +
                       "\" is not a 32-byte key in base64: copy the content-public-key line that `kioskctl "
                       "keygen --content-key` printed"};
    return key;
}

std::string contentKeyBase64(const ContentPublicKey& key) {
    return toBase64(key.data(), key.size());
}

}  // namespace kiosk::update
