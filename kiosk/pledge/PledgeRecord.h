// One stored pledge: what stays in clear (for counting and sync) and the sealed box holding the rest.
// The contract between pledge/ (capture and storage) and sync/ (bundles, import, CSV).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kiosk::pledge {

// Kept in clear on the kiosk: nothing here identifies a signer.
struct PledgeRecord {
    std::string uuid;  // random v4, lower-case hex with dashes
    std::string kioskId;
    std::int64_t sequence = 0;  // per kiosk, strictly increasing, never reused across reboots
    std::string actionId;
    std::string packId;
    std::string packVersion;  // which consent wording was shown
    std::string language;
    std::string createdAtUtc;           // "YYYY-MM-DDTHH:MM:SSZ" from the system clock
    bool clockSynced = false;           // whether that clock was NTP-synchronised when the pledge was made
    std::string bootId;                 // /proc/sys/kernel/random/boot_id
    std::int64_t monotonicMs = 0;       // CLOCK_MONOTONIC at capture, to correct a wrong clock later
    std::vector<unsigned char> sealed;  // crypto_box_seal(SealedPledge as canonical JSON) to the coordinator
};

// Inside the sealed box: the personal data and the proof of consent. Never on disk in clear.
// Format 2 also carries the form's shape (so a coordinator that never saw the pack keeps every value under
// its own id, in the form's order) and the record it belongs to (so a box copied under another uuid, kiosk,
// sequence or action is refused at import). Format 1 boxes (older kiosks) have neither: `format` says which
// was read.
struct SealedPledge {
    int format = 2;
    std::map<std::string, std::string> fields;  // by the form's field ids, whatever they are
    std::map<std::string, bool> consents;       // by the form's consent ids, every consent ticked or not
    std::string consentWordingSha256;           // of the exact consent and privacy texts shown
    std::string consentLanguage;
    std::vector<std::string> formFields;    // every field id of the form, in form order (format 2)
    std::vector<std::string> formConsents;  // every consent id of the form, in form order (format 2)
    std::string uuid;                       // the record this box was sealed for (format 2)
    std::string kioskId;
    std::int64_t sequence = 0;
    std::string actionId;
};

}  // namespace kiosk::pledge
