// Test helpers for import and CSV: a coordinator key pair, sealed pledges and bundles written from them.
#pragma once

#include "pledge/Keys.h"
#include "pledge/Sealing.h"
#include "sync/BundleWriter.h"
#include "sync/Csv.h"
#include "sync/Import.h"
#include "sync/SyncTestSupport.h"

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

namespace kiosk::sync::test {

// A person as an older kiosk sealed them (format 1: no form ids, not bound to a record), so one box can be
// put in any record; boundRecord below seals as today's kiosk does.
inline pledge::SealedPledge personFor(std::int64_t n) {
    pledge::SealedPledge p;
    p.format = 1;
    p.fields["name"] = "Signer " + std::to_string(n);
    p.fields["email"] = "signer" + std::to_string(n) + "@example.org";
    p.fields["phone"] = "+6012" + std::to_string(1000000 + n);
    p.fields["state"] = n % 2 ? "Selangor" : "Pulau Pinang";
    p.consents["sign"] = true;
    p.consents["updates"] = n % 3 == 0;
    p.consentWordingSha256 = std::string(64, "0123456789abcdef"[n % 16]);
    p.consentLanguage = n % 2 ? "ms" : "en";
    return p;
}

inline std::vector<unsigned char> seal(const pledge::SealedPledge& person, const pledge::PublicKey& to) {
    auto sealed = pledge::sealPledge(person, to);
    REQUIRE(sealed.ok());
    return sealed.value();
}

// A record whose box is sealed as today's kiosk seals it: format 2, the form's ids, bound to the record.
inline pledge::PledgeRecord boundRecord(const std::string& kioskId, std::int64_t sequence,
                                        pledge::SealedPledge person, const pledge::PublicKey& to,
                                        int kioskNumber = 1) {
    pledge::PledgeRecord record = makeRecord(kioskId, sequence, {}, kioskNumber);
    person.format = 2;
    if (person.formFields.empty())
        for (const auto& [id, value] : person.fields)
            person.formFields.push_back(id);
    if (person.formConsents.empty())
        for (const auto& [id, ticked] : person.consents)
            person.formConsents.push_back(id);
    person.uuid = record.uuid;
    person.kioskId = record.kioskId;
    person.sequence = record.sequence;
    person.actionId = record.actionId;
    record.sealed = seal(person, to);
    return record;
}

// Writes one bundle of `records` to `folder` and returns its path.
inline std::filesystem::path writeBundle(const std::filesystem::path& folder, const SigningKey& key,
                                         const std::vector<pledge::PledgeRecord>& records) {
    BundleHeader header;
    header.kioskId = records.front().kioskId;
    header.count = records.size();
    header.firstSequence = records.front().sequence;
    header.lastSequence = records.back().sequence;
    auto writer = BundleWriter::begin(folder, header, key);
    REQUIRE(writer.ok());
    for (const auto& r : records)
        REQUIRE(writer.value().add(r).ok());
    auto path = writer.value().finish();
    REQUIRE(path.ok());
    return path.value();
}

inline ImportOptions optionsFor(const pledge::SecretKey& coordinator) {
    ImportOptions options;
    options.open = [coordinator](std::span<const unsigned char> sealed) {
        return pledge::openSealedPledge(sealed, coordinator);
    };
    options.reference = [](const std::string& uuid) { return "REF-" + uuid.substr(0, 4); };
    options.importedAtUtc = "2024-07-01T09:00:00Z";
    return options;
}

// The CSV of one action.
inline std::string csvOf(const CentralDb& db, const std::string& actionId) {
    std::ostringstream out;
    REQUIRE(writeCsv(db, out, actionId).ok());
    return out.str();
}

// Each data row of `text` as column name -> cell.
inline std::vector<std::map<std::string, std::string>> csvRecords(const std::string& text);

// Splits RFC 4180 text into rows of cells; CRLF ends a row outside quotes.
inline std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(cell);
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(cell);
            cell.clear();
            rows.push_back(row);
            row.clear();
            ++i;
        } else {
            cell.push_back(c);
        }
    }
    return rows;
}

inline std::vector<std::map<std::string, std::string>> csvRecords(const std::string& text) {
    auto rows = parseCsv(text);
    std::vector<std::map<std::string, std::string>> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == rows[0].size());
        std::map<std::string, std::string> record;
        for (std::size_t c = 0; c < rows[0].size(); ++c)
            record[rows[0][c]] = rows[r][c];
        out.push_back(std::move(record));
    }
    return out;
}

}  // namespace kiosk::sync::test
