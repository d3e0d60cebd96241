// Crockford base32 (no I, L, O, U: nothing to misread) over the uuid's first 40 random bits.
#include "pledge/ReferenceCode.h"

#include <cstdint>

namespace kiosk::pledge {

std::string referenceCode(std::string_view uuid) {
    static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::uint64_t bits = 0;
    int nibbles = 0;
    for (const char c : uuid) {
        if (c == '-') continue;
        int value = -1;
        if (c >= '0' && c <= '9')
            value = c - '0';
        else if (c >= 'a' && c <= 'f')
            value = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            value = c - 'A' + 10;
        if (value < 0) return {};
        bits = (bits << 4) | static_cast<std::uint64_t>(value);
        if (++nibbles == 10) break;  // 40 bits: eight base32 characters
    }
    if (nibbles < 10) return {};
    std::string code(9, '-');
    for (int i = 7; i >= 0; --i) {
        code[static_cast<std::size_t>(i < 4 ? i : i + 1)] = alphabet[bits & 0x1F];
        bits >>= 5;
    }
    return code;
}

}  // namespace kiosk::pledge
