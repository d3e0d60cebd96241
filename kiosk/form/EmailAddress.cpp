// E-mail addresses: the shape local@domain.tld, and the key that spots one signer twice.
#include "form/EmailAddress.h"

#include "form/Utf8.h"
#include "form/Validation.h"

#include <algorithm>
#include <cctype>

namespace kiosk::form {
namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
char asciiLower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool validDomain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) return false;
    std::size_t labels = 0;
    std::string_view lastLabel;
    std::size_t start = 0;
    while (start <= domain.size()) {
        const std::size_t dot = std::min(domain.find('.', start), domain.size());
        const std::string_view label = domain.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label) {
            const auto u = static_cast<unsigned char>(c);
            // Letters, digits, hyphens; bytes >= 0x80 let internationalised names through.
            if (!(std::isalnum(u) || c == '-' || u >= 0x80)) return false;
        }
        lastLabel = label;
        ++labels;
        start = dot + 1;
    }
    // The top-level domain: at least two characters, not all digits.
    return labels >= 2 && lastLabel.size() >= 2 && !std::all_of(lastLabel.begin(), lastLabel.end(), isDigit);
}

bool validLocalPart(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
    if (local.find("..") != std::string_view::npos) return false;
    return std::none_of(local.begin(), local.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x21 || u == 0x7F || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' ||
               c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\';
    });
}

}  // namespace

std::optional<std::string> normaliseEmail(std::string_view text) {
    const std::string_view email = trim(text);
    if (email.size() > 254 || !utf8::countCodePoints(email)) return std::nullopt;
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos)
        return std::nullopt;
    if (!validLocalPart(email.substr(0, at)) || !validDomain(email.substr(at + 1))) return std::nullopt;
    std::string normalised(email);
    // Domains are case-insensitive; the local part is kept as typed.
    std::transform(normalised.begin() + static_cast<std::ptrdiff_t>(at), normalised.end(),
                   normalised.begin() + static_cast<std::ptrdiff_t>(at), asciiLower);
    return normalised;
}

std::string signerEmailKey(std::string_view email) {
    std::string key(trim(email));
    std::transform(key.begin(), key.end(), key.begin(), asciiLower);
    return key;
}

}  // namespace kiosk::form
