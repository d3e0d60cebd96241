// Writes the central database as CSV, a row at a time.
#include "sync/Csv.h"

namespace kiosk::sync {

std::string csvCell(std::string_view value) {
    std::string cell;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                           value[0] == '\t' || value[0] == '\r'))
        cell.push_back('\'');
    cell.append(value);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

Result<std::uint64_t> writeCsv(const CentralDb& db, std::ostream& out) {
    out << kCsvHeader << "\r\n";
    std::uint64_t rows = 0;
    std::string line;
    auto written = db.forEachPledge([&](const CentralPledge& p) {
        line.clear();
        bool first = true;  // not line.empty(): an empty first cell must still be followed by its comma
        auto add = [&](std::string_view value) {
            if (!first) line.push_back(',');
            first = false;
            line += csvCell(value);
        };
        add(p.uuid);
        add(p.reference);
        add(p.kioskId);
        add(std::to_string(p.sequence));
        add(p.actionId);
        add(p.packId);
        add(p.packVersion);
        add(p.language);
        add(p.createdAtUtc);
        add(p.clockSynced ? "1" : "0");
        add(p.name);
        add(p.email);
        add(p.phone);
        add(p.state);
        add(p.consentSign ? "1" : "0");
        add(p.consentUpdates ? "1" : "0");
        add(p.consentWordingSha256);
        add(p.importedAtUtc);
        line += "\r\n";
        out << line;
        ++rows;
    });
    if (!written) return written.error();
    if (!out) return Error{ErrorKind::Io, "cannot write the CSV output"};
    return rows;
}

}  // namespace kiosk::sync
