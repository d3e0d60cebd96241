// Reads and checks the trusted kiosk key list.
#include "sync/TrustedKiosks.h"

#include <fstream>
#include <sodium.h>

namespace kiosk::sync {

Result<std::set<std::string>> loadTrustedKiosks(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) return Error{ErrorKind::Io, path.string() + ": cannot read the trusted kiosk list"};
    std::set<std::string> keys;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#') continue;
        std::size_t end = line.find_first_of(" \t\r", start);
        std::string key = line.substr(start, end == std::string::npos ? std::string::npos : end - start);
        unsigned char bytes[crypto_sign_PUBLICKEYBYTES];
        std::size_t length = 0;
        if (sodium_base642bin(bytes, sizeof bytes, key.c_str(), key.size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) != 0 ||
            length != sizeof bytes)
            return Error{ErrorKind::BadKey, path.string() + ":" + std::to_string(number) +
                                                ": not a kiosk public key (expected 44 base64 characters as "
                                                "`kioskctl status` prints them)"};
        keys.insert(key);
    }
    return keys;
}

}  // namespace kiosk::sync
