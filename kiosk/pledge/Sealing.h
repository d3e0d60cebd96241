// Sealing a pledge's personal data to the coordinator, opening it again on the coordinator's machine, and the
// hash that proves which consent wording a signer saw.
#pragma once

#include "form/Form.h"
#include "pledge/Keys.h"
#include "pledge/PledgeRecord.h"
#include "pledge/Result.h"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::pledge {

// Format 2: {"action_id":..,"consent_language":..,"consent_wording_sha256":..,"consents":{..},"fields":{..},
// "form_consents":[..],"form_fields":[..],"format":2,"kiosk_id":..,"sequence":N,"uuid":..}; format 1 (older
// kiosks) has only consent_language, consent_wording_sha256, consents, fields and format. Keys sorted, no
// white space, strings escaped per RFC 8259 with non-ASCII kept as UTF-8. Same pledge, same bytes.
std::string canonicalJson(const SealedPledge& pledge);
// Parses exactly the shapes canonicalJson writes (either format); any other input is an error value, never a
// crash.
Result<SealedPledge> parseSealedPledgeJson(std::string_view json);

// The flat pieces of a pledge on their own, written and read as inside a box: the coordinator's database
// keeps fields, consents and the form's ids in these forms.
std::string jsonObjectOfStrings(const std::map<std::string, std::string>& values);
std::string jsonObjectOfBooleans(const std::map<std::string, bool>& values);
std::string jsonArrayOfStrings(const std::vector<std::string>& values);
Result<std::map<std::string, std::string>> parseJsonObjectOfStrings(std::string_view json);
Result<std::map<std::string, bool>> parseJsonObjectOfBooleans(std::string_view json);
Result<std::vector<std::string>> parseJsonArrayOfStrings(std::string_view json);

// crypto_box_seal of canonicalJson(pledge) to `coordinator`: only the matching secret key opens it.
Result<std::vector<unsigned char>> sealPledge(const SealedPledge& pledge, const PublicKey& coordinator);
// The coordinator's side: opens a box made by sealPledge; wrong key or damaged bytes give an error value.
// The key pair's public half saves deriving it for every box: an X25519 as costly as the opening itself.
Result<SealedPledge> openSealedPledge(std::span<const unsigned char> sealed, const KeyPair& coordinator);
Result<SealedPledge> openSealedPledge(std::span<const unsigned char> sealed, const SecretKey& coordinator);

// Lower-case hex SHA-256 of the privacy notice then each consent's text, in form order and in `language`
// (as textIn picks them), each written as "<byte length>:<text>\n" so no two wordings hash alike.
std::string consentWordingSha256(const form::Form& form, const std::string& language);

}  // namespace kiosk::pledge
