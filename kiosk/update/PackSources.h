// Where pack updates come from: the packs/ folder of any sync::Transport, the same one bundles go through
// (the [sync] server, a USB stick's outreach-kiosk-sync/). Its index.txt lists what is published; a source
// that can list its folder (a stick) needs none. Each check installs at most one pack, the newest that
// passes.
#pragma once

#include "sync/Transport.h"
#include "update/PackSlots.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::update {

inline constexpr const char* kIndexFileName = "index.txt";
inline constexpr const char* kPacksFolderName = "packs";
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

// Reads `folder` (kPacksFolderName unless a test names another) of `source`: its index.txt, newest listed
// version first (at most three tries); without an index, every file the source lists there. Each pack is
// fetched whole into the slots' folder before it is checked, so a stick pulled out mid-check leaves nothing
// half-read. A source that cannot be reached is Skipped.
CheckOutcome checkSource(sync::Transport& source, const CheckRequest& request,
                         const std::string& folder = kPacksFolderName);

// The same for a folder of packs on this machine (`folder` itself holds the .okpack files).
CheckOutcome checkFolder(const std::filesystem::path& folder, const CheckRequest& request);

// index.txt: one `VERSION FILE` a line, '#' comments; the kiosk reads at most kMaxIndexBytes.
struct IndexEntry {
    std::string version;
    std::string file;
};
std::vector<IndexEntry> parseIndex(std::string_view text);

}  // namespace kiosk::update
