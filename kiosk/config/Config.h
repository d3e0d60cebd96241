// The kiosk's own settings file (one a device): identity, content, storage, keys, timeouts and sync.
#pragma once

#include "content/Diagnostic.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::config {

using content::Diagnostic;

struct SyncConfig {
    std::string url;                 // coordinator endpoint for push; empty: no push
    std::string token;               // bearer token for url; may be empty
    std::filesystem::path caFile;    // extra CA bundle for url; empty: the system's
    int keepDaysAfterDelivery = 30;  // sealed pledges kept this long after a confirmed delivery
};

// A content-signing key the kiosk trusts: one `name = "base64"` line of the [content_keys] table.
struct ContentKeyEntry {
    std::string name;       // the signer as the volunteer menu shows it, like "campaign-2026"
    std::string publicKey;  // base64 Ed25519 public key from `kioskctl keygen --content-key`
};

struct KioskConfig {
    std::string kioskId = "kiosk-dev";
    std::filesystem::path content;     // the content pack folder
    std::filesystem::path dataDir;     // pledge store, keys, logs
    std::string coordinatorPublicKey;  // base64 X25519 key; empty: pledges cannot be collected
    std::string adminPinHash;          // from `kioskctl pin`; empty: no admin menu
    int idleTimeoutS = 60;             // back to the attract loop after this long untouched
    std::string defaultLanguage;       // empty: the pack's default
    std::string defaultLanguageAt;     // "FILE:LINE:COLUMN" of default_language, for messages about it
    int orientation = 0;               // screen rotation in degrees: 0, 90, 180 or 270
    // The width of the picture on the panel, in mm, as the kiosk shows it (after orientation); 0: known from
    // the resolution for the panels the kiosk ships for (`kiosk tour` checks QR codes' size against it).
    int panelWidthMm = 0;
    // Applied by the image's boot-settings service, not the kiosk; read here so a mistake shows on screen.
    std::string timeZone;    // like "Asia/Kuala_Lumpur"; empty: UTC
    std::string displayOff;  // "HH:MM" the screen goes off each day; empty: never
    std::string displayOn;   // "HH:MM" it comes back on
    SyncConfig sync;
    std::vector<ContentKeyEntry> contentKeys;  // empty: no pack update is accepted
};

struct ConfigResult {
    KioskConfig config;
    std::vector<Diagnostic> diagnostics;
    bool hasErrors() const { return content::hasErrors(diagnostics); }
};

// Reads the TOML config at `path`. Relative paths in it are resolved against the config file's folder.
// Always returns a usable config: a bad value, or a whole unreadable file, falls back to the defaults above
// with an error diagnostic, because a kiosk must still start when a volunteer mistypes one line.
ConfigResult loadConfig(const std::filesystem::path& path);

}  // namespace kiosk::config
