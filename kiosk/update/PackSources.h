// Where pack updates come from: the packs/ folder of any sync::Transport, the same one bundles go through
// (the [sync] server, a USB stick's outreach-kiosk-sync/). Its index.txt lists what is published; a source
// that can list its folder (a stick) needs none. Each check installs at most one pack, the newest that
// passes.
#pragma once

#include "reports/VolunteerReports.h"
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

// What a check found, and what kept a source from offering packs: the enums of reports::UpdateFinding, so
// the kiosk and kioskctl word an outcome alike (findingOf, then reports::findingText).
//   Installed   a newer pack is in a new slot, current on trial: show it between visitors
//   NothingNew  nothing newer than the running pack (refusals, if any, are listed)
//   Skipped     no route to the server, or no stick: not an error for an offline booth
//   Failed      the server answered wrongly, or the disk failed
using CheckResult = reports::UpdateFinding::Result;
using SourceProblem = reports::UpdateFinding::Problem;

struct CheckOutcome {
    CheckResult result = CheckResult::NothingNew;
    std::optional<Installed> installed;
    std::vector<ArchiveError> refusals;  // each refused pack, by name
    std::string where;                   // the folder or the server's packs URL looked at
    SourceProblem problem = SourceProblem::None;
    std::string file;    // NothingPublished, Unreadable: the file in `where`
    std::string reason;  // NoRoute, Unreadable, CannotOpen: the transport's own words
};

// The outcome as the report the volunteer menu, the log and kioskctl word (reports::findingText).
reports::UpdateFinding findingOf(const CheckOutcome& outcome);

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
