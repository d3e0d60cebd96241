// Test helpers for import and CSV: a coordinator key pair, sealed pledges and bundles written from them.
#pragma once

#include "pledge/Keys.h"
#include "pledge/Sealing.h"
#include "sync/BundleWriter.h"
#include "sync/Import.h"
#include "sync/SyncTestSupport.h"

#include <catch2/catch.hpp>

namespace kiosk::sync::test {

inline pledge::SealedPledge personFor(std::int64_t n) {
    pledge::SealedPledge p;
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

}  // namespace kiosk::sync::test
