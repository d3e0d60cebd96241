// The coordinator's CSV export: RFC 4180, UTF-8 without BOM, CRLF, formula cells neutralised.
#pragma once

#include "sync/CentralDb.h"
#include "sync/SyncResult.h"

#include <ostream>
#include <string>
#include <string_view>

namespace kiosk::sync {

inline constexpr std::string_view kCsvHeader =
    "uuid,reference,kiosk_id,sequence,action_id,pack_id,pack_version,language,created_at_utc,clock_synced,"
    "name,"
    "email,phone,state,consent_sign,consent_updates,consent_wording_sha256,imported_at_utc";

// One cell as written: a leading = + - @ tab or CR gets a ' in front (so a spreadsheet shows text, never runs
// a formula), then the cell is quoted when it holds a comma, quote, CR or LF, with quotes doubled.
std::string csvCell(std::string_view value);

// Writes the header and one row a pledge (ordered by kiosk, then sequence); returns the number of rows.
Result<std::uint64_t> writeCsv(const CentralDb& db, std::ostream& out);

}  // namespace kiosk::sync
