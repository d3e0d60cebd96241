// Which content to show: the configured pack if it loads, else the last pack that loaded, else nothing
// (the maintenance screen). A broken pack never leaves a blank screen.
#pragma once

#include "content/PackLoader.h"
#include "reports/VolunteerReports.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

enum class PackOrigin { Configured, LastGood, None };

struct PackSelection {
    std::optional<content::Pack> pack;
    PackOrigin origin = PackOrigin::None;
    // Why the configured pack was not used, or could not be kept: for the log and the volunteer menu, which
    // word them (reports::problemText).
    std::vector<reports::KioskProblem> problems;
};

// `dataDir` may be empty: then no last-good copy is kept or used.
PackSelection selectPack(const std::filesystem::path& contentDir, const std::filesystem::path& dataDir,
                         ImageMeasurer* images);

// Where the copy of the last pack that loaded lives.
std::filesystem::path lastGoodPackDir(const std::filesystem::path& dataDir);

}  // namespace kiosk::app
