// The coordinator's CSV export, one file a action: RFC 4180, UTF-8 without BOM, CRLF, formula cells
// neutralised.
#pragma once

#include "sync/CentralDb.h"
#include "sync/SyncResult.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::sync {

// The columns every action's file starts with, then one `field_<id>` a field and one `consent_<id>` a consent
// of that action's form (in form order; ids seen only in values follow, sorted), then these two.
inline constexpr std::string_view kCsvLeadingColumns =
    "uuid,reference,kiosk_id,sequence,action_id,pack_id,pack_version,language,created_at_utc,clock_synced";
inline constexpr std::string_view kCsvTrailingColumns = "wording_sha256,imported_at_utc";

// One cell as written: a value whose first character that is not blank (spaces of any width, NBSP, zero-width
// characters, BOM, line breaks) is = + - @, or which starts with a tab or CR, gets a ' in front (so a
// spreadsheet shows text, never runs a formula); then the cell is quoted when it holds a comma, quote, CR or
// LF, with quotes doubled.
std::string csvCell(std::string_view value);
// The same cell appended to `line`, with no string of its own (a row's cells are written one after another).
void appendCsvCell(std::string& line, std::string_view value);

// The action ids in the database, sorted.
Result<std::vector<std::string>> csvActions(const CentralDb& db);

// The header columns of `actionId`'s file: the union of every form its pledges declared, then any other id
// their values hold, so no value is ever left without a column.
Result<std::vector<std::string>> csvColumns(const CentralDb& db, const std::string& actionId);

// Writes `actionId`'s header and one row a pledge (ordered by kiosk, then sequence); returns the number of
// rows. A field the pledge's form did not have is an empty cell; a consent is 1 (ticked), 0 (shown, not
// ticked) or empty (not on that pledge's form).
Result<std::uint64_t> writeCsv(const CentralDb& db, std::ostream& out, const std::string& actionId);

// "<action id>.csv", with any character outside [A-Za-z0-9._-] made '_' (ids from a pack never have one).
std::string csvFileName(const std::string& actionId);

}  // namespace kiosk::sync
