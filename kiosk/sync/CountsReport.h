// The engagement part of the coordinator's report and its CSV: per kiosk and per day, the funnel (visits,
// read something, act screen, pledge started, pledge stored), languages, the most read screens, the hours
// that drew people, QR codes and where forms were left; charts as inline SVG, no script.
#pragma once

#include "sync/CentralDb.h"
#include "sync/SyncResult.h"

#include <ostream>
#include <string>
#include <string_view>

namespace kiosk::sync {

// The columns of `kioskctl csv --counts`: one row a kiosk, local day, local hour, metric and subject, summed
// over every batch imported.
inline constexpr std::string_view kCountsCsvColumns = "kiosk_id,day,hour,metric,subject,value";

// Appends the engagement section (a heading, then a part per kiosk and day) to `html`.
Result<void> appendCountsReport(std::string& html, const CentralDb& db);

// Writes kCountsCsvColumns and one row a (kiosk, day, hour, metric, subject); returns the number of rows.
Result<std::uint64_t> writeCountsCsv(const CentralDb& db, std::ostream& out);

}  // namespace kiosk::sync
