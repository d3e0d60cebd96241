// crypto_box_seal to the coordinator and back, and the SHA-256 of the consent wording shown.
#include "pledge/Sealing.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace kiosk::pledge {

Result<std::vector<unsigned char>> sealPledge(const SealedPledge& pledge, const PublicKey& coordinator) {
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::BadKey, sodium.error().message};
    std::string json = canonicalJson(pledge);
    std::vector<unsigned char> sealed(json.size() + crypto_box_SEALBYTES);
    const int status = crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(json.data()),
                                       json.size(), coordinator.bytes.data());
    sodium_memzero(json.data(), json.size());
    if (status != 0) return Error{ErrorKind::BadKey, "could not seal the pledge to the coordinator key"};
    return sealed;
}

Result<SealedPledge> openSealedPledge(std::span<const unsigned char> sealed, const SecretKey& coordinator) {
    return openSealedPledge(sealed, keyPairOf(coordinator));
}

Result<SealedPledge> openSealedPledge(std::span<const unsigned char> sealed, const KeyPair& coordinator) {
    if (auto sodium = crypto::startSodium(); !sodium) return Error{ErrorKind::BadKey, sodium.error().message};
    if (sealed.size() < crypto_box_SEALBYTES) {
        return Error{ErrorKind::Invalid, "sealed pledge is too short to be one (damaged bundle?)"};
    }
    std::string json(sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(json.data()), sealed.data(), sealed.size(),
                             coordinator.publicKey.bytes.data(), coordinator.secretKey.bytes.data()) != 0) {
        return Error{ErrorKind::BadKey,
                     "sealed pledge does not open with this secret key: wrong key for this "
                     "kiosk, or the bytes are damaged"};
    }
    auto pledge = parseSealedPledgeJson(json);
    sodium_memzero(json.data(), json.size());
    return pledge;
}

std::string consentWordingSha256(const form::Form& form, const std::string& language) {
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const auto add = [&](const std::string& text) {
        const std::string prefix = std::to_string(text.size()) + ":";
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()),
                                  prefix.size());
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>("\n"), 1);
    };
    add(form::textIn(form.privacyNotice, language));
    for (const auto& consent : form.consents)
        add(form::textIn(consent.text, language));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace kiosk::pledge
