// The coordinator's key pair: the kiosk seals to the public key; only the coordinator's secret key opens.
#pragma once

#include "pledge/Result.h"

#include <array>
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::pledge {

inline constexpr std::size_t kBoxKeyBytes = 32;  // crypto_box_PUBLICKEYBYTES == crypto_box_SECRETKEYBYTES

struct PublicKey {
    std::array<unsigned char, kBoxKeyBytes> bytes{};
};

// Wiped from memory when it goes out of scope.
class SecretKey {
public:
    SecretKey() = default;
    ~SecretKey();
    SecretKey(const SecretKey&) = default;
    SecretKey& operator=(const SecretKey&) = default;

    std::array<unsigned char, kBoxKeyBytes> bytes{};
    // Derived from the secret key, so a secret key file need hold nothing else.
    PublicKey publicKey() const;
};

struct KeyPair {
    PublicKey publicKey;
    SecretKey secretKey;
};

KeyPair generateKeyPair();
// The pair a secret key belongs to: derive it once where many boxes are opened (an X25519 each time).
KeyPair keyPairOf(const SecretKey& secretKey);

// Standard base64 with padding (sodium_base64_VARIANT_ORIGINAL).
std::string toBase64(std::span<const unsigned char> bytes);
// A coordinator_public_key value from the config: 32 bytes in standard base64.
Result<PublicKey> parsePublicKey(std::string_view base64);

// Writes a new key pair's secret key to `path` (mode 0600, refusing to overwrite) and returns the public key.
Result<PublicKey> writeNewSecretKeyFile(const std::filesystem::path& path);
// Reads a secret key file written by writeNewSecretKeyFile.
Result<SecretKey> readSecretKeyFile(const std::filesystem::path& path);

}  // namespace kiosk::pledge
