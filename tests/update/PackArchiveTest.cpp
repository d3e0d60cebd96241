// Signed pack files: a good one unpacks whole; each kind of bad one is refused by name before it is used.
#include "update/PackArchive.h"

#include "UpdateTestSupport.h"
#include "content/PackLoader.h"
#include "reports/VolunteerWords.h"
#include "update/PackVersion.h"

#include <catch2/catch.hpp>

using namespace kiosk::update;
using kiosk::Result;
using kiosk::update::test::Scratch;

namespace {

struct Signed {
    Scratch scratch;
    ContentSecretKey key;
    ContentPublicKey publicKey{};
    std::filesystem::path file;
    explicit Signed(const std::string& version = "1.2.0") {
        const auto keyFile = scratch.path() / "content.key";
        auto made = writeNewContentKeyFile(keyFile);
        REQUIRE(made.ok());
        publicKey = made.value();
        auto read = readContentKeyFile(keyFile);
        REQUIRE(read.ok());
        key = read.value();
        test::makePack(scratch.path() / "pack", version);
        file = scratch.path() / "pack.okpack";
        auto manifest = signPackFolder(scratch.path() / "pack", key, file, "2026-06-20T09:00:00Z");
        REQUIRE(manifest.ok());
    }
    Result<Manifest, ArchiveError> read(const std::filesystem::path& into = {}) const {
        return readPackArchive(file, std::span(&publicKey, 1), into);
    }
};

Refusal refusalOf(const Result<Manifest, ArchiveError>& result) {
    REQUIRE_FALSE(result.ok());
    INFO(kiosk::reports::refusalText(result.error()));
    return result.error().reason;
}

}  // namespace

TEST_CASE("a signed pack verifies and unpacks into a folder that loads as the same pack", "[update]") {
    Signed pack;
    const auto into = pack.scratch.path() / "slot";
    const auto manifest = pack.read(into);
    REQUIRE(manifest.ok());
    CHECK(manifest.value().packId == "minimal");
    CHECK(manifest.value().version == "1.2.0");
    CHECK(manifest.value().packFormat == kPackFormatVersion);
    CHECK(manifest.value().signer == contentKeyBase64(pack.publicKey));
    CHECK(manifest.value().signedAt == "2026-06-20T09:00:00Z");
    CHECK(manifest.value().files.size() >= 6);
    const auto loaded = kiosk::content::loadPack(into, nullptr);
    REQUIRE(loaded.pack);
    CHECK(loaded.pack->version == "1.2.0");
    for (const auto& file : manifest.value().files)
        CHECK(test::readBytes(into / file.path) == test::readBytes(pack.scratch.path() / "pack" / file.path));
}

TEST_CASE("a pack signed by a key the kiosk does not trust is refused as forged", "[update]") {
    Signed pack;
    Scratch other;
    const auto stranger = writeNewContentKeyFile(other.path() / "other.key");
    REQUIRE(stranger.ok());
    const auto result = readPackArchive(pack.file, std::span(&stranger.value(), 1));
    CHECK(refusalOf(result) == Refusal::Forged);
    // The refusal is data (its kind, the file, how many keys were trusted); reports/ words it once.
    CHECK(result.error().kind == ArchiveError::Kind::NotTrusted);
    CHECK(result.error().file == pack.file.string());
    CHECK(result.error().count == 1);
    CHECK(kiosk::reports::refusalText(result.error()) ==
          "forged: " + pack.file.string() +
              ": the signature is not from a trusted content key (1 trusted), or the manifest was changed "
              "after "
              "signing; publish a pack signed with a key in the kiosk's content_keys");
}

TEST_CASE("a manifest changed after signing is refused as forged", "[update]") {
    Signed pack;
    std::string bytes = test::readBytes(pack.file);
    const auto at = bytes.find("version 1.2.0");
    REQUIRE(at != std::string::npos);
    bytes.replace(at, 13, "version 9.2.0");
    test::writeBytes(pack.file, bytes);
    CHECK(refusalOf(pack.read()) == Refusal::Forged);
}

TEST_CASE("a file changed after signing is refused as damaged, naming the file, and unpacks nothing usable",
          "[update]") {
    Signed pack;
    std::string bytes = test::readBytes(pack.file);
    bytes[bytes.size() - 3] ^= 0x20;  // inside the last file's bytes
    test::writeBytes(pack.file, bytes);
    const auto result = pack.read(pack.scratch.path() / "slot");
    CHECK(refusalOf(result) == Refusal::Damaged);
    CHECK(result.error().kind == ArchiveError::Kind::FileDiffers);
    CHECK_FALSE(result.error().path.empty());
    CHECK(result.error().digest != result.error().signedDigest);
    CHECK_THAT(kiosk::reports::refusalText(result.error()),
               Catch::Contains(result.error().path + " differs from the signed manifest"));
}

TEST_CASE("a pack cut short or with bytes added is refused as damaged", "[update]") {
    Signed pack;
    const std::string bytes = test::readBytes(pack.file);
    test::writeBytes(pack.file, bytes.substr(0, bytes.size() - 10));
    CHECK(refusalOf(pack.read()) == Refusal::Damaged);
    test::writeBytes(pack.file, bytes + "extra");
    CHECK(refusalOf(pack.read()) == Refusal::Damaged);
    test::writeBytes(pack.file, bytes.substr(0, 40));
    CHECK(refusalOf(pack.read()) == Refusal::Damaged);
}

TEST_CASE("a file that is not a signed pack, or whose signature is blank, is refused as unsigned",
          "[update]") {
    Signed pack;
    std::string bytes = test::readBytes(pack.file);
    const auto manifestBytes = (std::uint32_t(std::uint8_t(bytes[8])) << 24) |
                               (std::uint32_t(std::uint8_t(bytes[9])) << 16) |
                               (std::uint32_t(std::uint8_t(bytes[10])) << 8) | std::uint8_t(bytes[11]);
    bytes.replace(12 + manifestBytes, kSignatureBytes, std::string(kSignatureBytes, '\0'));
    test::writeBytes(pack.file, bytes);
    CHECK(refusalOf(pack.read()) == Refusal::Unsigned);

    test::writeBytes(pack.file, "PK\x03\x04 a zip of the pack folder");
    CHECK(refusalOf(pack.read()) == Refusal::Unsigned);
    std::filesystem::remove(pack.file);
    std::filesystem::create_directory(pack.file);  // a plain folder copied where a pack file belongs
    CHECK(refusalOf(pack.read()) == Refusal::Unsigned);
}

TEST_CASE("a file over the size limit is refused as oversized before any of it is read", "[update]") {
    Signed pack;
    { std::ofstream grow(pack.file, std::ios::binary | std::ios::app); }
    std::filesystem::resize_file(pack.file, kMaxArchiveBytes + 1);  // sparse: no disk used
    const auto result = pack.read();
    CHECK(refusalOf(result) == Refusal::Oversized);
    CHECK(result.error().kind == ArchiveError::Kind::FileTooBig);
    CHECK(result.error().bytes == kMaxArchiveBytes + 1);
    CHECK(result.error().limit == kMaxArchiveBytes);
    CHECK(kiosk::reports::refusalText(result.error()) ==
          "oversized: " + pack.file.string() + " is " + std::to_string(kMaxArchiveBytes + 1) +
              " bytes; a signed pack may be at most " + std::to_string(kMaxArchiveBytes));
}

TEST_CASE("a manifest length over its limit is refused as oversized", "[update]") {
    Signed pack;
    std::string bytes = test::readBytes(pack.file);
    bytes[8] = '\x7f';
    test::writeBytes(pack.file, bytes);
    CHECK(refusalOf(pack.read()) == Refusal::Oversized);
}

TEST_CASE("signing refuses a pack that does not load or has a version kiosks cannot order", "[update]") {
    Signed pack;
    test::makePack(pack.scratch.path() / "odd", "spring edition");
    auto odd = signPackFolder(pack.scratch.path() / "odd", pack.key, pack.scratch.path() / "odd.okpack", "t");
    REQUIRE_FALSE(odd.ok());
    CHECK_THAT(odd.error().message, Catch::Contains("like \"1.4.0\""));
    std::filesystem::remove(pack.scratch.path() / "odd" / "actions.toml");
    auto broken =
        signPackFolder(pack.scratch.path() / "odd", pack.key, pack.scratch.path() / "odd.okpack", "t");
    REQUIRE_FALSE(broken.ok());
    CHECK_THAT(broken.error().message, Catch::Contains("does not load"));
    CHECK_FALSE(std::filesystem::exists(pack.scratch.path() / "odd.okpack"));
}

TEST_CASE("pack versions order by their numbers", "[update]") {
    CHECK(comparePackVersions("1.10.0", "1.9.9") > 0);
    CHECK(comparePackVersions("1.4", "1.4.0") == 0);
    CHECK(comparePackVersions("0.9", "1.0") < 0);
    CHECK(comparePackVersions("banana", "0.0.1") < 0);
    CHECK_FALSE(parsePackVersion("1..2"));
    CHECK_FALSE(parsePackVersion("1.2-beta"));
    CHECK_FALSE(parsePackVersion(""));
}
