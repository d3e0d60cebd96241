// Bundles: what the kiosk writes the coordinator reads back intact, and damage of any kind is caught.
#include "sync/BundleReader.h"
#include "sync/BundleWriter.h"
#include "sync/ImportTestSupport.h"
#include "sync/SigningKey.h"
#include "sync/SyncTestSupport.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>

using namespace kiosk;
using namespace kiosk::sync;
using kiosk::sync::test::TempDir;

namespace {

std::vector<pledge::PledgeRecord> sampleRecords(int n, std::int64_t firstSequence = 1) {
    std::vector<pledge::PledgeRecord> records;
    for (int i = 0; i < n; ++i) {
        std::vector<unsigned char> sealed(48 + i % 5, static_cast<unsigned char>(i));
        records.push_back(test::makeRecord("kl-booth-1", firstSequence + i, sealed));
    }
    return records;
}

sync::Result<BundleHeader> readAll(const std::filesystem::path& path,
                                   std::vector<pledge::PledgeRecord>& out) {
    BundleReadCallbacks callbacks;
    callbacks.onRecord = [&](pledge::PledgeRecord&& r) { out.push_back(std::move(r)); };
    return readBundle(path, callbacks);
}

SigningKey newKey(const TempDir& dir) {
    auto key = loadOrCreateSigningKey(dir / "data");
    REQUIRE(key.ok());
    return key.value();
}

}  // namespace

TEST_CASE("A bundle reads back with every field, header and signer intact", "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    auto records = sampleRecords(25, 101);
    auto path = test::writeBundle(dir / "out", key, records);

    std::vector<pledge::PledgeRecord> read;
    auto header = readAll(path, read);
    REQUIRE(header.ok());
    CHECK(header.value().kioskId == "kl-booth-1");
    CHECK(header.value().count == 25);
    CHECK(header.value().firstSequence == 101);
    CHECK(header.value().lastSequence == 125);
    CHECK(header.value().kioskPublicKey == key.publicKey);
    REQUIRE(read.size() == records.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        CHECK(read[i].uuid == records[i].uuid);
        CHECK(read[i].kioskId == records[i].kioskId);
        CHECK(read[i].sequence == records[i].sequence);
        CHECK(read[i].actionId == records[i].actionId);
        CHECK(read[i].packId == records[i].packId);
        CHECK(read[i].packVersion == records[i].packVersion);
        CHECK(read[i].language == records[i].language);
        CHECK(read[i].createdAtUtc == records[i].createdAtUtc);
        CHECK(read[i].clockSynced == records[i].clockSynced);
        CHECK(read[i].bootId == records[i].bootId);
        CHECK(read[i].monotonicMs == records[i].monotonicMs);
        CHECK(read[i].sealed == records[i].sealed);
    }
}

TEST_CASE("A bundle is named by kiosk, sequence range and content hash, and leaves no temporary file",
          "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    auto path = test::writeBundle(dir / "out", key, sampleRecords(3, 7));
    std::string name = path.filename().string();
    CHECK(name.rfind("kl-booth-1-7-9-", 0) == 0);
    CHECK(name.size() == std::string("kl-booth-1-7-9-").size() + 16 + 4);
    CHECK(path.extension() == ".okb");

    unsigned char digest[crypto_generichash_BYTES];
    std::string bytes = test::readFile(path);
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size(), nullptr, 0);
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    CHECK(name.substr(15, 16) == std::string(hex, 16));
    CHECK(std::distance(std::filesystem::directory_iterator(dir / "out"), {}) == 1);
}

TEST_CASE("Writing the same pledges again gives the same file, byte for byte", "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    auto first = test::writeBundle(dir / "a", key, sampleRecords(10));
    auto second = test::writeBundle(dir / "b", key, sampleRecords(10));
    CHECK(first.filename() == second.filename());
    CHECK(test::readFile(first) == test::readFile(second));
    auto again = test::writeBundle(dir / "a", key, sampleRecords(10));
    CHECK(again == first);
    CHECK(std::distance(std::filesystem::directory_iterator(dir / "a"), {}) == 1);
}

TEST_CASE("The writer refuses records that do not match the header", "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    BundleHeader header;
    header.kioskId = "kl-booth-1";
    header.count = 2;
    header.firstSequence = 1;
    header.lastSequence = 2;
    auto writer = BundleWriter::begin(dir / "out", header, key);
    REQUIRE(writer.ok());
    CHECK_FALSE(writer.value().add(test::makeRecord("other-kiosk", 1, {1})).ok());
    REQUIRE(writer.value().add(test::makeRecord("kl-booth-1", 1, {1})).ok());
    CHECK_FALSE(writer.value().add(test::makeRecord("kl-booth-1", 1, {1})).ok());
    auto unfinished = writer.value().finish();
    REQUIRE_FALSE(unfinished.ok());
    CHECK(unfinished.error().message.find("announces 2") != std::string::npos);
}

TEST_CASE("An abandoned bundle leaves nothing behind", "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    {
        BundleHeader header;
        header.kioskId = "kl-booth-1";
        header.count = 1;
        header.firstSequence = header.lastSequence = 1;
        auto writer = BundleWriter::begin(dir / "out", header, key);
        REQUIRE(writer.ok());
    }
    CHECK(std::filesystem::is_empty(dir / "out"));
}

TEST_CASE("Every truncation of a bundle is rejected as truncated", "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    auto path = test::writeBundle(dir / "out", key, sampleRecords(2));
    std::string bytes = test::readFile(path);
    for (std::size_t cut = 1; cut < bytes.size(); ++cut) {
        test::writeFile(dir / "cut.okb", bytes.substr(0, cut));
        std::vector<pledge::PledgeRecord> read;
        auto header = readAll(dir / "cut.okb", read);
        INFO("cut at " << cut << " of " << bytes.size());
        REQUIRE_FALSE(header.ok());
        CHECK(header.error().message.find("truncated") != std::string::npos);
    }
}

TEST_CASE("Every single bit flip in a bundle is rejected", "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    auto path = test::writeBundle(dir / "out", key, sampleRecords(2));
    std::string bytes = test::readFile(path);
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        std::string damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ (1 << (at % 8)));
        test::writeFile(dir / "flip.okb", damaged);
        std::vector<pledge::PledgeRecord> read;
        INFO("bit flipped in byte " << at);
        CHECK_FALSE(readAll(dir / "flip.okb", read).ok());
    }
}

TEST_CASE("Empty, foreign, future-version and padded files are rejected with a reason", "[sync][bundle]") {
    TempDir dir;
    SigningKey key = newKey(dir);
    std::vector<pledge::PledgeRecord> read;

    test::writeFile(dir / "empty.okb", "");
    auto empty = readAll(dir / "empty.okb", read);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.find("empty file") != std::string::npos);

    test::writeFile(dir / "photo.okb", "\x89PNG\r\n\x1a\n and more");
    auto foreign = readAll(dir / "photo.okb", read);
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().message.find("not a kiosk bundle") != std::string::npos);

    std::string bytes = test::readFile(test::writeBundle(dir / "out", key, sampleRecords(2)));
    std::string future = bytes;
    future[8] = 4;  // format version, little-endian u32 after the magic
    test::writeFile(dir / "future.okb", future);
    auto newer = readAll(dir / "future.okb", read);
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.error().message.find("format version 4") != std::string::npos);

    test::writeFile(dir / "padded.okb", bytes + "x");
    auto padded = readAll(dir / "padded.okb", read);
    REQUIRE_FALSE(padded.ok());
    CHECK(padded.error().message.find("after the signature") != std::string::npos);
}

TEST_CASE("A bundle re-signed by another key is told apart by its public key", "[sync][bundle]") {
    TempDir dir;
    SigningKey kioskA = newKey(dir);
    auto otherKey = loadOrCreateSigningKey(dir / "other");
    REQUIRE(otherKey.ok());
    auto a = test::writeBundle(dir / "a", kioskA, sampleRecords(2));
    auto b = test::writeBundle(dir / "b", otherKey.value(), sampleRecords(2));
    std::vector<pledge::PledgeRecord> read;
    auto ha = readAll(a, read);
    auto hb = readAll(b, read);
    REQUIRE(ha.ok());
    REQUIRE(hb.ok());
    CHECK(ha.value().kioskPublicKey != hb.value().kioskPublicKey);
    CHECK(a.filename() != b.filename());
}

TEST_CASE("The signing key is made once, private to its owner, and read back the same", "[sync][key]") {
    TempDir dir;
    auto made = loadOrCreateSigningKey(dir / "data");
    REQUIRE(made.ok());
    struct stat info {};
    REQUIRE(::stat((dir / "data" / "kiosk-sign.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    auto again = loadOrCreateSigningKey(dir / "data");
    REQUIRE(again.ok());
    CHECK(again.value().publicKey == made.value().publicKey);
    auto shown = kioskSigningPublicKey(dir / "data");
    REQUIRE(shown.ok());
    CHECK(shown.value() == publicKeyBase64(made.value()));
    CHECK(shown.value().size() == 44);

    test::writeFile(dir / "data" / "kiosk-sign.key", "short");
    auto damaged = loadSigningKey(dir / "data");
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().message.find("expected 64 bytes") != std::string::npos);
}
