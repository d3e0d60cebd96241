// Malaysian phone numbers, in +60 or local form, stored as E.164.
#include "form/PhoneNumber.h"

#include "form/Validation.h"

#include <string>

namespace kiosk::form {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Lengths of Malaysian national significant numbers (after the trunk 0 or +60) by their first digit.
bool plausibleMalaysianNumber(std::string_view national) {
    if (national.empty()) return false;
    const std::size_t n = national.size();
    switch (national.front()) {
    case '1':
        return n == 9 || n == 10;  // mobile: 012-345 6789, 011-1234 5678
    case '3':
        return n == 9;  // Klang Valley: 03-1234 5678
    case '4':
    case '5':
    case '6':
    case '7':
    case '9':
        return n == 8;  // 04-123 4567
    case '8':
        return n == 8 || n == 9;  // Sabah and Sarawak: 082-123 456
    default:
        return false;
    }
}

}  // namespace

std::optional<std::string> normalisePhone(std::string_view text) {
    std::string_view phone = trim(text);
    bool international = false;
    if (!phone.empty() && phone.front() == '+') {
        international = true;
        phone.remove_prefix(1);
    }
    std::string digits;
    for (char c : phone) {
        if (isDigit(c)) {
            digits.push_back(c);
        } else if (c != ' ' && c != '-') {
            return std::nullopt;
        }
    }
    std::string national;
    if (international) {
        if (digits.rfind("60", 0) != 0) return std::nullopt;
        national = digits.substr(2);
        // "+60 012-345 6789": people often keep the trunk 0; it is never part of the number.
        if (!national.empty() && national.front() == '0') national.erase(0, 1);
    } else {
        if (digits.empty() || digits.front() != '0') return std::nullopt;
        national = digits.substr(1);
    }
    if (!plausibleMalaysianNumber(national)) return std::nullopt;
    return "+60" + national;
}

}  // namespace kiosk::form
