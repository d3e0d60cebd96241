// Writes the central database as CSV, one file a action, a row at a time, a column per field and consent id.
#include "sync/Csv.h"

#include "pledge/Sealing.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace kiosk::sync {

namespace {

// The length of the blank (invisible or white-space) code point at the start of `text`, or 0.
std::size_t blankAt(std::string_view text) {
    static constexpr std::string_view kBlanks[] = {" ",
                                                   "\n",
                                                   "\v",
                                                   "\f",
                                                   "\xC2\xA0" /* NBSP */,
                                                   "\xC2\x85",
                                                   "\xE1\x9A\x80",
                                                   "\xE1\xA0\x8E",
                                                   "\xE2\x80\x80",
                                                   "\xE2\x80\x81",
                                                   "\xE2\x80\x82",
                                                   "\xE2\x80\x83",
                                                   "\xE2\x80\x84",
                                                   "\xE2\x80\x85",
                                                   "\xE2\x80\x86",
                                                   "\xE2\x80\x87",
                                                   "\xE2\x80\x88",
                                                   "\xE2\x80\x89",
                                                   "\xE2\x80\x8A",
                                                   "\xE2\x80\x8B" /* ZWSP */,
                                                   "\xE2\x80\x8C",
                                                   "\xE2\x80\x8D",
                                                   "\xE2\x80\x8E",
                                                   "\xE2\x80\x8F",
                                                   "\xE2\x80\xA8",
                                                   "\xE2\x80\xA9",
                                                   "\xE2\x80\xAF",
                                                   "\xE2\x81\x9F",
                                                   "\xE2\x81\xA0",
                                                   "\xE3\x80\x80",
                                                   "\xEF\xBB\xBF" /* BOM */};
    for (auto blank : kBlanks)
        if (text.substr(0, blank.size()) == blank) return blank.size();
    return 0;
}

bool startsFormula(std::string_view value) {
    std::size_t at = 0;
    while (at < value.size()) {
        const char c = value[at];
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return true;
        // Every blank but these four starts with a byte over 0x7F: most cells end here, unscanned.
        if (static_cast<unsigned char>(c) < 0x80 && c != ' ' && c != '\n' && c != '\v' && c != '\f')
            return false;
        const std::size_t blank = blankAt(value.substr(at));
        if (blank == 0) return false;
        at += blank;
    }
    return false;
}

void appendUnique(std::vector<std::string>& out, std::set<std::string>& seen, const std::string& id) {
    if (seen.insert(id).second) out.push_back(id);
}

std::string quoted(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out.push_back('\'');
        out.push_back(c);
    }
    return out + "'";
}

}  // namespace

void appendCsvCell(std::string& line, std::string_view value) {
    const bool quote = std::any_of(value.begin(), value.end(),
                                   [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (quote) line.push_back('"');
    if (startsFormula(value)) line.push_back('\'');
    if (!quote) {
        line.append(value);
        return;
    }
    for (char c : value) {
        if (c == '"') line.push_back('"');
        line.push_back(c);
    }
    line.push_back('"');
}

std::string csvCell(std::string_view value) {
    std::string cell;
    appendCsvCell(cell, value);
    return cell;
}

Result<std::vector<std::string>> csvActions(const CentralDb& db) {
    std::vector<std::string> actions;
    KIOSK_TRY(db.query("SELECT DISTINCT action_id FROM pledges ORDER BY action_id",
                       [&](const std::vector<std::string>& row) { actions.push_back(row[0]); }));
    return actions;
}

Result<std::vector<std::string>> csvColumns(const CentralDb& db, const std::string& actionId) {
    std::vector<std::string> fields, consents;
    std::set<std::string> seenFields, seenConsents;
    const std::string action = quoted(actionId);
    // One pass over the action's pledges, unsorted (sorting their JSON in SQL was a third of the export).
    // Forms first, in the order they first arrived: a later version's new field goes after the old ones.
    // Then any id a value holds that no form declared (a box from an older kiosk, or a form never seen).
    struct Form {
        long long firstRowid;
        std::string fields, consents;
    };
    std::vector<Form> forms;
    std::set<std::pair<std::string, std::string>> seenForms;
    std::set<std::string> valueFields, valueConsents;  // sorted, as the columns list them
    std::string lastFields, lastConsents, lastFieldValues, lastConsentValues;
    Result<void> ran = db.query(
        "SELECT rowid, form_fields, form_consents, fields, consents FROM pledges WHERE action_id = " + action,
        [&](const std::vector<std::string>& row) {
            const long long rowid = std::stoll(row[0]);
            if (row[1] != lastFields || row[2] != lastConsents) {  // most rows repeat the row before
                lastFields = row[1];
                lastConsents = row[2];
                if (seenForms.emplace(row[1], row[2]).second)
                    forms.push_back({rowid, row[1], row[2]});
                else
                    for (auto& form : forms)
                        if (form.fields == row[1] && form.consents == row[2])
                            form.firstRowid = std::min(form.firstRowid, rowid);
            }
            if (row[3] != lastFieldValues) {
                lastFieldValues = row[3];
                if (auto values = pledge::parseJsonObjectOfStrings(row[3]))
                    for (const auto& [id, value] : values.value())
                        valueFields.insert(id);
            }
            if (row[4] != lastConsentValues) {
                lastConsentValues = row[4];
                if (auto values = pledge::parseJsonObjectOfBooleans(row[4]))
                    for (const auto& [id, value] : values.value())
                        valueConsents.insert(id);
            }
        });
    if (!ran) return ran.error();
    std::sort(forms.begin(), forms.end(),
              [](const Form& a, const Form& b) { return a.firstRowid < b.firstRowid; });
    for (const auto& form : forms) {
        if (auto ids = pledge::parseJsonArrayOfStrings(form.fields))
            for (const auto& id : ids.value())
                appendUnique(fields, seenFields, id);
        if (auto ids = pledge::parseJsonArrayOfStrings(form.consents))
            for (const auto& id : ids.value())
                appendUnique(consents, seenConsents, id);
    }
    for (const auto& id : valueFields)
        appendUnique(fields, seenFields, id);
    for (const auto& id : valueConsents)
        appendUnique(consents, seenConsents, id);
    std::vector<std::string> columns;
    columns.reserve(fields.size() + consents.size());
    for (const auto& id : fields)
        columns.push_back("field_" + id);
    for (const auto& id : consents)
        columns.push_back("consent_" + id);
    return columns;
}

Result<std::uint64_t> writeCsv(const CentralDb& db, std::ostream& out, const std::string& actionId) {
    KIOSK_TRY_VALUE(columns, csvColumns(db, actionId));
    std::vector<std::string> fieldIds, consentIds;
    for (const auto& column : columns) {
        if (column.starts_with("field_"))
            fieldIds.push_back(column.substr(6));
        else
            consentIds.push_back(column.substr(8));
    }
    std::string line(kCsvLeadingColumns);
    for (const auto& column : columns)
        line += "," + csvCell(column);
    line += ",";
    line += kCsvTrailingColumns;
    out << line << "\r\n";
    std::uint64_t rows = 0;
    KIOSK_TRY(db.forEachPledge(
        [&](const CentralPledge& p) {
            line.clear();
            bool first = true;  // not line.empty(): an empty first cell must still be followed by its comma
            auto add = [&](std::string_view value) {
                if (!first) line.push_back(',');
                first = false;
                appendCsvCell(line, value);
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
            for (const auto& id : fieldIds) {
                auto found = p.fields.find(id);
                add(found == p.fields.end() ? std::string_view() : std::string_view(found->second));
            }
            for (const auto& id : consentIds) {
                auto found = p.consents.find(id);
                add(found == p.consents.end() ? "" : found->second ? "1" : "0");
            }
            add(p.consentWordingSha256);
            add(p.importedAtUtc);
            line += "\r\n";
            out << line;
            ++rows;
        },
        actionId));
    if (!out) return Error{ErrorKind::Io, "cannot write the CSV output"};
    return rows;
}

std::string csvFileName(const std::string& actionId) {
    std::string name = actionId.empty() ? std::string("_") : actionId;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
    if (name[0] == '.') name[0] = '_';
    return name + ".csv";
}

}  // namespace kiosk::sync
