// Encoding and decoding of .okb headers and records (see BundleFormat.h for the layout).
#include "sync/BundleFormat.h"

#include <algorithm>
#include <cstring>

namespace kiosk::sync {

namespace {

void putU32(std::vector<unsigned char>& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<unsigned char>(value >> (8 * i)));
}

void putU64(std::vector<unsigned char>& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i)
        out.push_back(static_cast<unsigned char>(value >> (8 * i)));
}

void putBytes(std::vector<unsigned char>& out, const void* data, std::size_t size) {
    putU32(out, static_cast<std::uint32_t>(size));
    const auto* bytes = static_cast<const unsigned char*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

void putString(std::vector<unsigned char>& out, const std::string& text) {
    putBytes(out, text.data(), text.size());
}

// Reads fields from a record body; any read past the end makes ok false and returns zeros.
class Cursor {
public:
    Cursor(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}

    bool ok() const { return ok_; }
    bool atEnd() const { return pos_ == size_; }

    std::uint64_t u64() {
        if (!take(8)) return 0;
        std::uint64_t value = 0;
        for (int i = 0; i < 8; ++i)
            value |= std::uint64_t(data_[pos_ - 8 + i]) << (8 * i);
        return value;
    }
    std::uint32_t u32() {
        if (!take(4)) return 0;
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i)
            value |= std::uint32_t(data_[pos_ - 4 + i]) << (8 * i);
        return value;
    }
    std::uint8_t u8() { return take(1) ? data_[pos_ - 1] : 0; }
    std::string string() {
        std::uint32_t length = u32();
        if (!take(length)) return {};
        return std::string(reinterpret_cast<const char*>(data_ + pos_ - length), length);
    }
    std::vector<unsigned char> bytes() {
        std::uint32_t length = u32();
        if (!take(length)) return {};
        return std::vector<unsigned char>(data_ + pos_ - length, data_ + pos_);
    }

private:
    bool take(std::size_t n) {
        if (!ok_ || size_ - pos_ < n) {
            ok_ = false;
            return false;
        }
        pos_ += n;
        return true;
    }

    const unsigned char* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace

void encodeHeader(const BundleHeader& header, std::vector<unsigned char>& out) {
    out.insert(out.end(), kBundleMagic.begin(), kBundleMagic.end());
    putU32(out, header.formatVersion);
    putString(out, header.kioskId);
    out.insert(out.end(), header.kioskPublicKey.begin(), header.kioskPublicKey.end());
    putU64(out, header.count);
    putU64(out, static_cast<std::uint64_t>(header.firstSequence));
    putU64(out, static_cast<std::uint64_t>(header.lastSequence));
    if (header.formatVersion >= 2) {
        putU64(out, header.chainNumber);
        out.insert(out.end(), header.previousChainHash.begin(), header.previousChainHash.end());
    }
}

std::string chainHashHex(const std::array<unsigned char, 32>& hash) {
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, hash.data(), hash.size());
    return hex;
}

void encodeRecord(const pledge::PledgeRecord& record, std::vector<unsigned char>& out) {
    std::size_t lengthAt = out.size();
    putU32(out, 0);  // patched below once the body length is known
    putString(out, record.uuid);
    putString(out, record.kioskId);
    putU64(out, static_cast<std::uint64_t>(record.sequence));
    putString(out, record.actionId);
    putString(out, record.packId);
    putString(out, record.packVersion);
    putString(out, record.language);
    putString(out, record.createdAtUtc);
    out.push_back(record.clockSynced ? 1 : 0);
    putString(out, record.bootId);
    putU64(out, static_cast<std::uint64_t>(record.monotonicMs));
    putBytes(out, record.sealed.data(), record.sealed.size());
    auto length = static_cast<std::uint32_t>(out.size() - lengthAt - 4);
    for (int i = 0; i < 4; ++i)
        out[lengthAt + i] = static_cast<unsigned char>(length >> (8 * i));
}

bool decodeRecord(const unsigned char* data, std::size_t size, pledge::PledgeRecord& record) {
    Cursor in(data, size);
    record.uuid = in.string();
    record.kioskId = in.string();
    record.sequence = static_cast<std::int64_t>(in.u64());
    record.actionId = in.string();
    record.packId = in.string();
    record.packVersion = in.string();
    record.language = in.string();
    record.createdAtUtc = in.string();
    std::uint8_t synced = in.u8();
    record.clockSynced = synced == 1;
    record.bootId = in.string();
    record.monotonicMs = static_cast<std::int64_t>(in.u64());
    record.sealed = in.bytes();
    return in.ok() && in.atEnd() && synced <= 1;
}

void encodeCountRow(const StoredCount& row, std::vector<unsigned char>& out) {
    std::size_t lengthAt = out.size();
    putU32(out, 0);
    putString(out, row.batch);
    putString(out, row.count.day);
    out.push_back(static_cast<unsigned char>(row.count.hour));
    putString(out, row.count.metric);
    putString(out, row.count.subject);
    putU64(out, static_cast<std::uint64_t>(row.count.value));
    auto length = static_cast<std::uint32_t>(out.size() - lengthAt - 4);
    for (int i = 0; i < 4; ++i)
        out[lengthAt + i] = static_cast<unsigned char>(length >> (8 * i));
}

bool decodeCountRow(const unsigned char* data, std::size_t size, StoredCount& row) {
    Cursor in(data, size);
    row.batch = in.string();
    row.count.day = in.string();
    row.count.hour = in.u8();
    row.count.metric = in.string();
    row.count.subject = in.string();
    row.count.value = static_cast<std::int64_t>(in.u64());
    const bool hexBatch =
        row.batch.size() == 32 && std::all_of(row.batch.begin(), row.batch.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        });
    return in.ok() && in.atEnd() && hexBatch && isKeepableCount(row.count);
}

std::string bundleFileName(const BundleHeader& header, std::string_view contentHashHex16) {
    std::string safeId = header.kioskId;
    for (char& c : safeId) {
        bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
        if (!keep) c = '_';
    }
    if (safeId.empty() || safeId[0] == '.') safeId.insert(0, "k");
    if (header.count == 0) return safeId + "-counts-" + std::string(contentHashHex16) + kBundleExtension;
    return safeId + "-" + std::to_string(header.firstSequence) + "-" + std::to_string(header.lastSequence) +
           "-" + std::string(contentHashHex16) + kBundleExtension;
}

}  // namespace kiosk::sync
