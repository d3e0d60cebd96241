// Where pack updates come from: a folder (a USB stick's outreach-kiosk-sync/packs/) or the [sync] server's
// packs/ folder, read through its index.txt. Each check installs at most one pack, the newest that passes.
#pragma once

#include "update/PackSlots.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::update {

inline constexpr const char* kIndexFileName = "index.txt";
inline constexpr std::size_t kMaxIndexBytes = 64 * 1024;
inline constexpr std::size_t kMaxCandidates = 50;

enum class CheckResult {
    Installed,   // a newer pack is in a new slot, current on trial: show it between visitors
    NothingNew,  // nothing newer than the running pack (refusals, if any, are listed)
    Skipped,     // no route to the server, or no stick: not an error for an offline booth
    Failed,      // the server answered wrongly, or the disk failed
};

struct CheckOutcome {
    CheckResult result = CheckResult::NothingNew;
    std::optional<Installed> installed;
    std::vector<ArchiveError> refusals;  // each refused pack, by name
    std::string message;                 // one line for the log and kioskctl
    std::string where;                   // the folder or the server's packs URL looked at
    std::string detail;                  // what happened instead of a list of packs (no route, an HTTP
                                         // error), as `message` says it; empty otherwise
};

struct CheckRequest {
    PackSlots* slots = nullptr;
    std::vector<ContentPublicKey> trusted;
    std::string runningVersion;
    ImageMeasurer* images = nullptr;
};

// Checks every pack file in `folder` (the stick's packs/ folder) and installs the newest that passes.
CheckOutcome checkFolder(const std::filesystem::path& folder, const CheckRequest& request);

struct ServerOptions {
    std::string packsUrl;  // like https://example.org/dav/kiosks/packs (no trailing slash needed)
    std::string token;     // bearer token, or "user:password"
    std::string caFile;
    bool allowInsecureLoopback = false;  // plain http only to this machine (tests)
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{600'000};
};

// Reads packsUrl/index.txt, then fetches and installs the newest listed pack that is newer than the running
// one and passes every check (trying the next newest after a refusal, at most three).
CheckOutcome checkServer(const ServerOptions& options, const CheckRequest& request);

// index.txt: one `VERSION FILE` a line, '#' comments; the kiosk reads at most kMaxIndexBytes.
struct IndexEntry {
    std::string version;
    std::string file;
};
std::vector<IndexEntry> parseIndex(std::string_view text);

}  // namespace kiosk::update
