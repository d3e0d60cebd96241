// The .okb bundle format: a header, length-prefixed pledge records, then an Ed25519ph signature.
//
// Layout (integers little-endian; str = u32 length + UTF-8 bytes; bytes = u32 length + raw):
//   "OKBUNDLE"  u32 formatVersion  str kioskId  32 bytes kioskPublicKey  u64 count  i64 firstSeq  i64 lastSeq
//   (format 2 only:) u64 chainNumber  32 bytes previousChainHash
//   count x ( u32 recordLength, then: str uuid, str kioskId, i64 sequence, str actionId, str packId,
//             str packVersion, str language, str createdAtUtc, u8 clockSynced, str bootId,
//             i64 monotonicMs, bytes sealed )
//   (format 3 only:) u64 countRows, countRows x ( u32 rowLength, then: str batch, str day, u8 hour,
//             str metric, str subject, i64 value )   -- engagement counts of the header's kiosk
//   64 bytes: crypto_sign_final_create (Ed25519ph) over every byte before it.
// Format 3 adds the engagement counts (core/EngagementCount.h) and allows a bundle of counts only (count 0,
// sequences 0). Each count row keeps the random batch id the kiosk sealed it under, so the coordinator counts
// a row once however many bundles carry it. Format 2 chains each kiosk's bundles: chainNumber counts them
// from 1, previousChainHash is the chainHash of the bundle before (zeros for the first), and a bundle's
// chainHash is the SHA-256 of its signature (which covers every byte). The coordinator's report shows numbers
// missing (bundles not yet imported) and forks (two bundles claiming one place: a restored SD card, or a
// stolen key). Format 1 bundles (older kiosks) have no chain. Records are streamed one at a time on both
// sides; nothing needs the whole bundle in memory. The content holds no timestamp, so exporting the same
// pledges twice gives the same bytes and the same file name.
#pragma once

#include "core/EngagementCount.h"
#include "pledge/PledgeRecord.h"

#include <array>
#include <cstdint>
#include <sodium.h>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::sync {

inline constexpr std::string_view kBundleMagic = "OKBUNDLE";
inline constexpr std::uint32_t kBundleFormatVersion = 3;
inline constexpr const char* kBundleExtension = ".okb";
// A record larger than this is corruption, not a pledge: refuse before allocating.
inline constexpr std::uint32_t kMaxRecordBytes = 1u << 20;
inline constexpr std::uint32_t kMaxKioskIdBytes = 256;
// A count row is a few ids and integers; more is corruption.
inline constexpr std::uint32_t kMaxCountRowBytes = 1024;

struct BundleHeader {
    std::uint32_t formatVersion = kBundleFormatVersion;
    std::string kioskId;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> kioskPublicKey{};
    std::uint64_t count = 0;
    std::int64_t firstSequence = 0;
    std::int64_t lastSequence = 0;
    std::uint64_t chainNumber = 0;  // format 2: 1 for a kiosk's first bundle
    std::array<unsigned char, 32> previousChainHash{};
    std::array<unsigned char, 32> chainHash{};  // not in the header: SHA-256 of the signature, once known
    std::uint64_t countRows = 0;                // not in the header: engagement count rows (format 3)
};

// Lower-case hex of a chain hash.
std::string chainHashHex(const std::array<unsigned char, 32>& hash);

// Appends the encoded header or record to `out`.
void encodeHeader(const BundleHeader& header, std::vector<unsigned char>& out);
void encodeRecord(const pledge::PledgeRecord& record, std::vector<unsigned char>& out);

// Decodes one record body (without its length prefix); false when the body is malformed.
bool decodeRecord(const unsigned char* data, std::size_t size, pledge::PledgeRecord& record);

// One engagement count row (the kiosk id is the header's); decoding is false unless the row is well formed,
// its batch 32 lower-case hex digits and the count one a kiosk keeps (isKeepableCount).
void encodeCountRow(const StoredCount& row, std::vector<unsigned char>& out);
bool decodeCountRow(const unsigned char* data, std::size_t size, StoredCount& row);

// "<kiosk-id>-<first>-<last>-<16 hex of BLAKE2b>.okb" ("<kiosk-id>-counts-<hash>.okb" for counts only);
// characters other than [A-Za-z0-9._-] in the kiosk id become '_' so the name is safe on any file system and
// in a URL.
std::string bundleFileName(const BundleHeader& header, std::string_view contentHashHex16);

}  // namespace kiosk::sync
