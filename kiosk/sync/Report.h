// The coordinator's HTML report: one self-contained page (inline CSS and SVG, no script, no external URL).
#pragma once

#include "core/TextEscape.h"
#include "sync/CentralDb.h"
#include "sync/SyncResult.h"

#include <string>
#include <string_view>

namespace kiosk::sync {

using kiosk::htmlEscape;  // kept here for callers of the report module

// Totals per kiosk, per action and per day, a bar chart of pledges per day per kiosk, kiosks whose clocks
// were not synchronised, and gaps in each kiosk's sequence numbers. `generatedAtUtc` is shown as given.
Result<std::string> buildReport(const CentralDb& db, const std::string& generatedAtUtc);

}  // namespace kiosk::sync
