// The short code a signer is shown ("K7Q2-M9XA"): derived from the pledge's uuid so nothing more is stored.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::pledge {

// The first 40 bits of the uuid in Crockford base32, as two groups of four; empty if `uuid` is not hex.
std::string referenceCode(std::string_view uuid);

}  // namespace kiosk::pledge
