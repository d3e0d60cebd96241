// Loads or makes the kiosk's Ed25519 bundle signing key (data_dir/kiosk-sign.key, mode 0600, raw 64 bytes).
#include "sync/SigningKey.h"

#include "crypto/Sodium.h"
#include "sync/FileIo.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace kiosk::sync {

namespace {

Result<void> ensureSodium() {
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::BadKey, sodium.error().message};
    return {};
}

}  // namespace

Result<SigningKey> loadSigningKey(const std::filesystem::path& dataDir) {
    if (auto started = ensureSodium(); !started) return started.error();
    std::filesystem::path path = dataDir / kSigningKeyFileName;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorKind::NotSetUp,
                     path.string() + ": no kiosk signing key; it is made when the kiosk first starts "
                                     "(or by kioskctl export/push)"};
    std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    SigningKey key;
    if (bytes.size() != key.secretKey.size())
        return Error{ErrorKind::BadKey, path.string() + ": expected " + std::to_string(key.secretKey.size()) +
                                            " bytes, found " + std::to_string(bytes.size()) +
                                            "; move the damaged file away and a new key will be made"};
    std::copy(bytes.begin(), bytes.end(), key.secretKey.begin());
    sodium_memzero(bytes.data(), bytes.size());
    crypto_sign_ed25519_sk_to_pk(key.publicKey.data(), key.secretKey.data());
    return key;
}

Result<SigningKey> loadOrCreateSigningKey(const std::filesystem::path& dataDir) {
    if (auto started = ensureSodium(); !started) return started.error();
    std::error_code ec;
    if (std::filesystem::exists(dataDir / kSigningKeyFileName, ec)) return loadSigningKey(dataDir);
    std::filesystem::create_directories(dataDir, ec);
    if (ec) return Error{ErrorKind::Io, dataDir.string() + ": cannot create data_dir: " + ec.message()};
    SigningKey key;
    crypto_sign_keypair(key.publicKey.data(), key.secretKey.data());
    auto written = writeFileAtomically(
        dataDir / kSigningKeyFileName,
        std::string_view(reinterpret_cast<const char*>(key.secretKey.data()), key.secretKey.size()), 0600);
    if (!written) return written.error();
    return key;
}

std::string publicKeyBase64(const std::array<unsigned char, crypto_sign_PUBLICKEYBYTES>& publicKey) {
    std::string out(sodium_base64_ENCODED_LEN(publicKey.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), publicKey.data(), publicKey.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::string publicKeyBase64(const SigningKey& key) {
    return publicKeyBase64(key.publicKey);
}

Result<std::string> kioskSigningPublicKey(const std::filesystem::path& dataDir) {
    auto key = loadOrCreateSigningKey(dataDir);
    if (!key) return key.error();
    return publicKeyBase64(key.value());
}

}  // namespace kiosk::sync
