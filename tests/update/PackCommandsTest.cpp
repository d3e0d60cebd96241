// kioskctl keygen --content-key, pack sign and pack verify, run as the coordinator types them.
#include "UpdateTestSupport.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <sys/wait.h>

using kiosk::update::test::Scratch;

namespace {

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;
};

Run kioskctl(const Scratch& dir, const std::string& arguments) {
    const auto out = dir.path() / "stdout.txt";
    const auto err = dir.path() / "stderr.txt";
    const std::string command = "cd '" + dir.path().string() + "' && '" KIOSKCTL_PATH "' " + arguments +
                                " </dev/null >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, kiosk::update::test::readBytes(out),
            kiosk::update::test::readBytes(err)};
}

std::string valueAfter(const std::string& text, const std::string& label) {
    const auto at = text.find(label);
    REQUIRE(at != std::string::npos);
    const auto start = at + label.size();
    return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("kioskctl makes a content key, signs a pack with it and verifies what it signed", "[update][ctl]") {
    Scratch dir;
    const Run keygen = kioskctl(dir, "keygen --content-key content.key");
    REQUIRE(keygen.exitCode == 0);
    const std::string publicKey = valueAfter(keygen.out, "content-public-key: ");
    CHECK(publicKey.size() == 44);
    CHECK_THAT(keygen.err, Catch::Contains("[content_keys]"));
    struct stat info {};
    REQUIRE(::stat((dir.path() / "content.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(kioskctl(dir, "keygen --content-key content.key").exitCode == 1);  // never overwrites

    kiosk::update::test::makePack(dir.path() / "pack", "2.0.1");
    const Run sign = kioskctl(dir, "pack sign pack --key content.key --out minimal-2.0.1.okpack");
    INFO(sign.err);
    REQUIRE(sign.exitCode == 0);
    CHECK_THAT(sign.out, Catch::Contains("version: 2.0.1"));

    const Run verify = kioskctl(dir, "pack verify minimal-2.0.1.okpack --files --trusted " + publicKey);
    INFO(verify.err);
    REQUIRE(verify.exitCode == 0);
    CHECK_THAT(verify.out, Catch::StartsWith("ok: "));
    CHECK(valueAfter(verify.out, "pack-id: ") == "minimal");
    CHECK(valueAfter(verify.out, "version: ") == "2.0.1");
    CHECK(valueAfter(verify.out, "signer: ") == publicKey);
    CHECK_THAT(verify.out, Catch::Contains(" pack.toml\n"));

    const Run other = kioskctl(dir, "keygen --content-key other.key");
    const Run forged = kioskctl(dir, "pack verify minimal-2.0.1.okpack --trusted " +
                                         valueAfter(other.out, "content-public-key: "));
    CHECK(forged.exitCode == 1);
    CHECK_THAT(forged.err, Catch::StartsWith("kioskctl: refused (forged): "));

    kiosk::update::test::writeBytes(dir.path() / "plain.okpack", "not a pack");
    const Run unsigned_ = kioskctl(dir, "pack verify plain.okpack --trusted " + publicKey);
    CHECK(unsigned_.exitCode == 1);
    CHECK_THAT(unsigned_.err, Catch::StartsWith("kioskctl: refused (unsigned): "));
}

TEST_CASE("kioskctl keygen still makes the sealing key alone, and needs at least one file", "[update][ctl]") {
    Scratch dir;
    const Run sealing = kioskctl(dir, "keygen coordinator.key");
    CHECK(sealing.exitCode == 0);
    CHECK_THAT(sealing.out, Catch::StartsWith("public-key: "));
    CHECK(kioskctl(dir, "keygen").exitCode != 0);
}
