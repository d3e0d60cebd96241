// The kiosk's own Ed25519 key that signs its bundles, so the coordinator can tell which kiosk wrote them.
#pragma once

#include "sync/SyncResult.h"

#include <array>
#include <filesystem>
#include <sodium.h>
#include <string>

namespace kiosk::sync {

struct SigningKey {
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> publicKey{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secretKey{};
};

// The file name of the signing key inside the kiosk's data_dir.
inline constexpr const char* kSigningKeyFileName = "kiosk-sign.key";

// Reads data_dir/kiosk-sign.key, or makes a new key there (mode 0600, written atomically) when it is missing.
// Called at the kiosk's first start and by every command that signs.
Result<SigningKey> loadOrCreateSigningKey(const std::filesystem::path& dataDir);

// Reads an existing key only; an error says how to make one.
Result<SigningKey> loadSigningKey(const std::filesystem::path& dataDir);

// The public half in standard base64, as `kioskctl status` shows it and --trusted-kiosks lists it.
std::string publicKeyBase64(const SigningKey& key);
std::string publicKeyBase64(const std::array<unsigned char, crypto_sign_PUBLICKEYBYTES>& publicKey);

// The kiosk's signing public key in base64, made on first use: what `kioskctl status` prints.
Result<std::string> kioskSigningPublicKey(const std::filesystem::path& dataDir);

}  // namespace kiosk::sync
