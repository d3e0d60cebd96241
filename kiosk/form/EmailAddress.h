// E-mail addresses as the form takes them: the shape local@domain.tld, and the key for spotting one signer
// twice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::form {

// The trimmed address if it has the shape local@domain.tld (one @, no spaces, at most 254 bytes).
std::optional<std::string> normaliseEmail(std::string_view text);
// The address trimmed and lower-cased: the key for spotting the same signer twice.
std::string signerEmailKey(std::string_view email);

}  // namespace kiosk::form
