// The campaign's content-signing key (Ed25519): the coordinator signs packs with it; kiosks trust its public
// half through the config's content_keys.
#pragma once

#include "core/Result.h"

#include <array>
#include <filesystem>
#include <sodium.h>
#include <string>
#include <string_view>

namespace kiosk::update {

using ContentPublicKey = std::array<unsigned char, crypto_sign_PUBLICKEYBYTES>;

// Wiped from memory when it goes out of scope.
struct ContentSecretKey {
    ContentSecretKey() = default;
    ~ContentSecretKey();
    ContentSecretKey(const ContentSecretKey&) = default;
    ContentSecretKey& operator=(const ContentSecretKey&) = default;
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> bytes{};
    ContentPublicKey publicKey() const;
};

// Makes a new key pair and writes its secret half to `path` (mode 0600, never over an existing file);
// returns the public half.
Result<ContentPublicKey> writeNewContentKeyFile(const std::filesystem::path& path);
// Reads a file written by writeNewContentKeyFile.
Result<ContentSecretKey> readContentKeyFile(const std::filesystem::path& path);

// A content_keys entry or --trusted value: 32 bytes in standard base64.
Result<ContentPublicKey> parseContentPublicKey(std::string_view base64);
std::string contentKeyBase64(const ContentPublicKey& key);

}  // namespace kiosk::update
