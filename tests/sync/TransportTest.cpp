// Transports: a folder and a real WebDAV server each deliver a bundle whole and fetch a file whole, refuse
// what is too large or names outside the source, and say which file is missing.
#include "sync/Transport.h"

#include "sync/LoopbackServers.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::sync;
using Catch::Matchers::Contains;
using test::TempDir;

namespace {
TransportOptions at(std::string location) {
    TransportOptions options;
    options.location = std::move(location);
    return options;
}

std::unique_ptr<Transport> open(TransportOptions options) {
    auto opened = openTransport(options);
    INFO(options.location);
    REQUIRE(opened.ok());
    return std::move(opened).value();
}

// The same checks for any transport whose source holds packs/index.toml and packs/big.bin (2 KiB).
void checkFetches(Transport& transport, const std::filesystem::path& into) {
    auto index = transport.fetch("packs/index.toml", into, 1024);
    INFO((index ? "" : index.error().message));
    REQUIRE(index.ok());
    CHECK(index.value() == into / "index.toml");
    CHECK(test::readFile(into / "index.toml") == "version = 2\n");

    auto big = transport.fetch("packs/big.bin", into, 1024);
    REQUIRE_FALSE(big.ok());
    CHECK_THAT(big.error().message, Contains("larger than 1024 bytes"));
    CHECK_FALSE(std::filesystem::exists(into / "big.bin"));

    auto missing = transport.fetch("packs/none.toml", into, 1024);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK_THAT(missing.error().message, Contains("none.toml"));

    for (const std::string name : {"../secret", "/etc/passwd", "packs/../x", "", "packs//x", "a\\b"}) {
        INFO(name);
        auto refused = transport.fetch(name, into, 1024);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::Invalid);
    }
    // Nothing half-written is left behind.
    const auto entries = std::distance(std::filesystem::directory_iterator(into), {});
    CHECK(entries == 1);
}

void fillSource(const std::filesystem::path& root) {
    std::filesystem::create_directories(root / "packs");
    test::writeFile(root / "packs" / "index.toml", "version = 2\n");
    test::writeFile(root / "packs" / "big.bin", std::string(2048, 'x'));
}
}  // namespace

TEST_CASE("A transport is chosen by the location's scheme, an empty or unknown one is refused in words",
          "[sync][transport]") {
    CHECK(openTransport({}).error().kind == ErrorKind::NotSetUp);
    auto ftp = openTransport(at("ftp://example.org/x"));
    REQUIRE_FALSE(ftp.ok());
    CHECK_THAT(ftp.error().message, Contains("https://") && Contains("file://"));
    auto plain = openTransport(at("http://example.org/dav"));
    REQUIRE_FALSE(plain.ok());
    CHECK_THAT(plain.error().message, Contains("https"));
    CHECK_FALSE(openTransport(at("file://relative/folder")).ok());
    CHECK(open(at("https://kiosk:pa55@example.org/dav/kl-1"))->where() == "https://example.org");
    CHECK(open(at("/media/stick/outreach-kiosk-sync"))->where() == "/media/stick/outreach-kiosk-sync");
    CHECK(open(at("file:///media/stick/outreach-kiosk-sync"))->where() == "/media/stick/outreach-kiosk-sync");
}

TEST_CASE("A folder transport delivers a bundle whole and fetches files from the folder",
          "[sync][transport]") {
    TempDir dir;
    fillSource(dir / "stick");
    test::writeFile(dir / "a.okb", "bundle bytes");
    auto stick = open(at((dir / "stick").string()));
    REQUIRE(stick->deliver(dir / "a.okb").ok());
    CHECK(test::readFile(dir / "stick" / "a.okb") == "bundle bytes");
    checkFetches(*stick, dir / "into");
}

TEST_CASE("An HTTP transport PUTs a bundle to nginx and fetches files by GET", "[sync][transport]") {
    test::skipWithoutNginx();
    TempDir dir;
    test::Nginx nginx(dir / "nginx");
    REQUIRE(nginx.ready());
    fillSource(nginx.served("dav/kl-1"));
    test::writeFile(dir / "a.okb", "bundle bytes");
    TransportOptions options = at(nginx.url("dav/kl-1"));
    options.allowInsecureLoopback = true;
    options.attempts = 1;
    auto server = open(options);
    auto delivered = server->deliver(dir / "a.okb");
    INFO((delivered ? "" : delivered.error().message));
    REQUIRE(delivered.ok());
    CHECK(test::readFile(nginx.served("dav/kl-1") / "a.okb") == "bundle bytes");
    checkFetches(*server, dir / "into");

    options.location = nginx.url("broken");
    auto broken = open(options)->deliver(dir / "a.okb");
    REQUIRE_FALSE(broken.ok());
    CHECK_THAT(broken.error().message, Contains("HTTP 500"));
}
