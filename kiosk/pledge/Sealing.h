// Sealing a pledge's personal data to the coordinator, opening it again on the coordinator's machine, and the
// hash that proves which consent wording a signer saw.
#pragma once

#include "pledge/Form.h"
#include "pledge/Keys.h"
#include "pledge/PledgeRecord.h"
#include "pledge/Result.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::pledge {

// {"consent_language":..,"consent_wording_sha256":..,"consents":{..},"fields":{..},"format":1}: keys sorted,
// no white space, strings escaped per RFC 8259 with non-ASCII kept as UTF-8. Same pledge, same bytes.
std::string canonicalJson(const SealedPledge& pledge);
// Parses exactly the shape canonicalJson writes; any other input is an error value, never a crash.
Result<SealedPledge> parseSealedPledgeJson(std::string_view json);

// crypto_box_seal of canonicalJson(pledge) to `coordinator`: only the matching secret key opens it.
Result<std::vector<unsigned char>> sealPledge(const SealedPledge& pledge, const PublicKey& coordinator);
// The coordinator's side: opens a box made by sealPledge; wrong key or damaged bytes give an error value.
Result<SealedPledge> openSealedPledge(std::span<const unsigned char> sealed, const SecretKey& coordinator);

// Lower-case hex SHA-256 of the privacy notice then each consent's text, in form order and in `language`
// (as textIn picks them), each written as "<byte length>:<text>\n" so no two wordings hash alike.
std::string consentWordingSha256(const Form& form, const std::string& language);

}  // namespace kiosk::pledge
