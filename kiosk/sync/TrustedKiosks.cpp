// Reads and checks the trusted kiosk list: keys and the kiosk ids each may sign for.
#include "sync/TrustedKiosks.h"

#include <fstream>
#include <sodium.h>
#include <sstream>

namespace kiosk::sync {

Result<TrustedKiosks> loadTrustedKiosks(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) return Error{ErrorKind::Io, path.string() + ": cannot read the trusted kiosk list"};
    TrustedKiosks trusted;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = path.string() + ":" + std::to_string(number) + ": ";
        if (auto comment = line.find('#'); comment != std::string::npos) line.erase(comment);
        std::istringstream words(line);
        std::string key;
        if (!(words >> key)) continue;
        unsigned char bytes[crypto_sign_PUBLICKEYBYTES];
        std::size_t length = 0;
        if (sodium_base642bin(bytes, sizeof bytes, key.c_str(), key.size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) != 0 ||
            length != sizeof bytes)
            return Error{ErrorKind::BadKey, where +
                                                "not a kiosk public key (expected 44 base64 characters as "
                                                "`kioskctl status` prints them, then the kiosk id)"};
        std::set<std::string>& kiosks = trusted[key];
        for (std::string kioskId; words >> kioskId;)
            kiosks.insert(kioskId);
        if (kiosks.empty())
            return Error{ErrorKind::BadKey,
                         where +
                             "the key names no kiosk id: write the kiosk id(s) it may sign for after it, as "
                             "`" +
                             key + " kl-booth-01` (a free label now goes after a #)"};
    }
    return trusted;
}

}  // namespace kiosk::sync
