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
struct SealedPledge {
    std::map<std::string, std::string> fields;  // name, email, phone, state
    std::map<std::string, bool> consents;       // sign, updates
    std::string consentWordingSha256;           // of the exact consent and privacy texts shown
    std::string consentLanguage;
};

}  // namespace kiosk::pledge
