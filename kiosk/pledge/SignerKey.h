// The per-kiosk secret that turns an e-mail into a keyed hash, so duplicates are spotted without storing
// e-mails.
#pragma once

#include "pledge/Result.h"

#include <array>
#include <filesystem>
#include <string_view>

namespace kiosk::pledge {

class SignerKey {
public:
    static constexpr std::size_t kBytes = 32;
    using Hash = std::array<unsigned char, 32>;

    // Reads `path`, or creates it (mode 0600, 32 random bytes) on first use.
    static Result<SignerKey> loadOrCreate(const std::filesystem::path& path);
    ~SignerKey();
    SignerKey(const SignerKey&) = default;
    SignerKey& operator=(const SignerKey&) = default;

    // crypto_generichash keyed with this kiosk's secret over signerEmailKey(email): trimmed, lower-cased.
    Hash hashEmail(std::string_view email) const;

private:
    SignerKey() = default;
    std::array<unsigned char, kBytes> key_{};
};

}  // namespace kiosk::pledge
