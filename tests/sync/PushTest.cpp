// Push: bundles reach a real WebDAV server once, failures are retried with backoff, and nothing is marked
// delivered without a 2xx answer.
#include "sync/Push.h"

#include "sync/ImportTestSupport.h"
#include "sync/LoopbackServers.h"

#include <iostream>

using namespace kiosk;
using namespace kiosk::sync;
using test::TempDir;

namespace {

// Options whose waits are recorded instead of slept, with fixed jitter.
struct QuickOptions {
    std::vector<std::chrono::milliseconds> waits;
    PushOptions options;

    explicit QuickOptions(std::string url) {
        options.transport.location = std::move(url);
        options.transport.allowInsecureLoopback = true;
        options.transport.connectTimeout = std::chrono::milliseconds(2000);
        options.transport.totalTimeout = std::chrono::milliseconds(5000);
        options.transport.attempts = 3;
        options.firstDelay = std::chrono::milliseconds(100);
        options.maxDelay = std::chrono::milliseconds(1000);
        options.sleep = [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
        options.random = [] { return 0.5; };
    }
};

// An outbox holding `bundles` bundles of `perBundle` pledges from one kiosk.
std::vector<std::filesystem::path> fillOutbox(const TempDir& dir, int bundles, int perBundle) {
    SigningKey key = loadOrCreateSigningKey(dir / "data").value();
    std::vector<unsigned char> sealed(120, 7);
    std::vector<std::filesystem::path> paths;
    for (int b = 0; b < bundles; ++b) {
        std::vector<pledge::PledgeRecord> records;
        for (int i = 1; i <= perBundle; ++i)
            records.push_back(test::makeRecord("kl-booth-1", b * perBundle + i, sealed));
        paths.push_back(test::writeBundle(dir / "data" / "outbox", key, records));
    }
    return paths;
}

}  // namespace

TEST_CASE("Backoff doubles from the first delay, stays under the cap, and jitter spreads it",
          "[sync][push]") {
    PushOptions options;
    options.firstDelay = std::chrono::milliseconds(1000);
    options.maxDelay = std::chrono::milliseconds(5000);
    CHECK(backoffDelay(options, 1, 0.5).count() == 750);
    CHECK(backoffDelay(options, 2, 0.5).count() == 1500);
    CHECK(backoffDelay(options, 3, 0.5).count() == 3000);
    CHECK(backoffDelay(options, 4, 0.5).count() == 3750);
    CHECK(backoffDelay(options, 30, 0.5).count() == 3750);
    CHECK(backoffDelay(options, 2, 0.0).count() == 1000);
}

TEST_CASE("Plain http is refused except to loopback with allow_insecure_loopback", "[sync][push]") {
    PushOptions options;
    options.transport.location = "https://sync.example.org/dav";
    CHECK(checkPushUrl(options).ok());
    options.transport.location = "http://127.0.0.1:8080/dav";
    CHECK_FALSE(checkPushUrl(options).ok());
    options.transport.allowInsecureLoopback = true;
    CHECK(checkPushUrl(options).ok());
    options.transport.location = "http://localhost/dav";
    CHECK(checkPushUrl(options).ok());
    options.transport.location = "http://sync.example.org/dav";
    auto refused = checkPushUrl(options);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("https") != std::string::npos);
    options.transport.location = "ftp://127.0.0.1/dav";
    CHECK_FALSE(checkPushUrl(options).ok());
    options.transport.location = "";
    CHECK_FALSE(checkPushUrl(options).ok());

    TempDir dir;
    auto bundles = fillOutbox(dir, 1, 2);
    options.transport.location = "http://sync.example.org/dav";  // refused before any connection is tried
    PushResult result = pushBundle(options, bundles[0]);
    CHECK_FALSE(result.delivered);
    CHECK(result.attempts == 0);
}

TEST_CASE("A server that is down is retried with growing waits, then the bundle stays undelivered",
          "[sync][push]") {
    TempDir dir;
    auto bundles = fillOutbox(dir, 1, 3);
    QuickOptions quick("http://127.0.0.1:" + std::to_string(test::unusedPort()) + "/dav");
    std::vector<std::string> delivered;
    auto results = pushOutbox(quick.options, dir / "data" / "outbox", dir / "data" / "sent",
                              [&](const std::string& name) -> sync::Result<void> {
                                  delivered.push_back(name);
                                  return {};
                              });
    REQUIRE(results.ok());
    REQUIRE(results.value().size() == 1);
    CHECK_FALSE(results.value()[0].delivered);
    CHECK(results.value()[0].attempts == 3);
    CHECK(results.value()[0].error.find("onnect") != std::string::npos);
    CHECK(quick.waits == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(75),
                                                                std::chrono::milliseconds(150)});
    CHECK(delivered.empty());
    CHECK(std::filesystem::exists(bundles[0]));
}

TEST_CASE("A connection cut in the middle of the upload is retried and nothing is marked delivered",
          "[sync][push]") {
    TempDir dir;
    auto bundles = fillOutbox(dir, 1, 2000);  // about 400 KB, far more than the listener reads
    test::MisbehavingListener cutter(2000);
    QuickOptions quick("http://127.0.0.1:" + std::to_string(cutter.port()) + "/dav");
    PushResult result = pushBundle(quick.options, bundles[0]);
    CHECK_FALSE(result.delivered);
    CHECK(result.attempts == 3);
    CHECK(result.httpStatus == 0);
    CHECK(cutter.connections() == 3);
}

TEST_CASE("A server that never answers times out and is retried", "[sync][push]") {
    TempDir dir;
    auto bundles = fillOutbox(dir, 1, 3);
    test::MisbehavingListener silent(-1);
    QuickOptions quick("http://127.0.0.1:" + std::to_string(silent.port()) + "/dav");
    quick.options.transport.totalTimeout = std::chrono::milliseconds(300);
    quick.options.transport.attempts = 2;
    PushResult result = pushBundle(quick.options, bundles[0]);
    CHECK_FALSE(result.delivered);
    CHECK(result.attempts == 2);
    INFO(result.error);
    CHECK(result.error.find("timed out") != std::string::npos);
}

TEST_CASE("Against nginx: 500 is retried, 413 and 401 are not, and none is marked delivered",
          "[sync][push]") {
    test::skipWithoutNginx();
    TempDir dir;
    test::Nginx nginx(dir / "nginx");
    REQUIRE(nginx.ready());
    auto bundles = fillOutbox(dir, 1, 50);

    QuickOptions broken(nginx.url("broken"));
    PushResult failing = pushBundle(broken.options, bundles[0]);
    CHECK_FALSE(failing.delivered);
    CHECK(failing.httpStatus == 500);
    CHECK(failing.attempts == 3);
    CHECK(failing.error.find("HTTP 500") != std::string::npos);

    QuickOptions tiny(nginx.url("tiny"));
    PushResult tooLarge = pushBundle(tiny.options, bundles[0]);
    CHECK_FALSE(tooLarge.delivered);
    CHECK(tooLarge.httpStatus == 413);
    CHECK(tooLarge.attempts == 1);
    CHECK(tooLarge.error.find("upload size limit") != std::string::npos);
    CHECK(test::filesIn(nginx.served("tiny"), ".okb").empty());

    QuickOptions noToken(nginx.url("auth"));
    PushResult refused = pushBundle(noToken.options, bundles[0]);
    CHECK(refused.httpStatus == 401);
    CHECK(refused.attempts == 1);
    CHECK(refused.error.find("[sync] token") != std::string::npos);
}

TEST_CASE("Against nginx: every bundle arrives once, byte for byte, and a re-send changes nothing",
          "[sync][push]") {
    test::skipWithoutNginx();
    TempDir dir;
    test::Nginx nginx(dir / "nginx");
    REQUIRE(nginx.ready());
    auto bundles = fillOutbox(dir, 3, 400);
    std::map<std::string, std::string> sentBytes;
    for (const auto& b : bundles)
        sentBytes[b.filename().string()] = test::readFile(b);

    // First the server is down: nothing is delivered, the outbox keeps every bundle.
    QuickOptions down("http://127.0.0.1:" + std::to_string(test::unusedPort()) + "/dav/kl-booth-1");
    std::vector<std::string> delivered;
    auto mark = [&](const std::string& name) -> sync::Result<void> {
        delivered.push_back(name);
        return {};
    };
    REQUIRE(pushOutbox(down.options, dir / "data" / "outbox", dir / "data" / "sent", mark).ok());
    CHECK(delivered.empty());
    CHECK(test::filesIn(dir / "data" / "outbox", ".okb").size() == 3);

    // Then it is healthy.
    QuickOptions healthy(nginx.url("dav/kl-booth-1"));
    auto results = pushOutbox(healthy.options, dir / "data" / "outbox", dir / "data" / "sent", mark);
    REQUIRE(results.ok());
    for (const auto& r : results.value()) {
        CHECK(r.delivered);
        CHECK(r.httpStatus / 100 == 2);
        CHECK(r.attempts == 1);
    }
    CHECK(delivered.size() == 3);
    CHECK(test::filesIn(dir / "data" / "outbox", ".okb").empty());
    auto onServer = test::filesIn(nginx.served("dav/kl-booth-1"), ".okb");
    REQUIRE(onServer.size() == 3);
    for (const auto& file : onServer) {
        INFO(file.filename().string());
        REQUIRE(sentBytes.count(file.filename().string()) == 1);
        CHECK(test::readFile(file) == sentBytes[file.filename().string()]);
        CHECK(test::readFile(dir / "data" / "sent" / file.filename()) == sentBytes[file.filename().string()]);
    }

    // A re-send (the kiosk never heard the answer) overwrites the identical file: same files, same bytes.
    PushResult again = pushBundle(healthy.options, dir / "data" / "sent" / onServer[0].filename());
    CHECK(again.delivered);
    CHECK(again.httpStatus / 100 == 2);
    CHECK(test::filesIn(nginx.served("dav/kl-booth-1"), ".okb").size() == 3);
    CHECK(test::readFile(onServer[0]) == sentBytes[onServer[0].filename().string()]);
}

TEST_CASE("Against nginx: a bearer token or user:password is sent as the server expects", "[sync][push]") {
    test::skipWithoutNginx();
    TempDir dir;
    test::Nginx nginx(dir / "nginx");
    REQUIRE(nginx.ready());
    auto bundles = fillOutbox(dir, 1, 5);

    QuickOptions bearer(nginx.url("auth"));
    bearer.options.transport.token = "s3cret";
    CHECK(pushBundle(bearer.options, bundles[0]).delivered);

    QuickOptions basic(nginx.url("auth/basic"));
    basic.options.transport.token = "kiosk:pa55";
    CHECK(pushBundle(basic.options, bundles[0]).delivered);

    QuickOptions wrong(nginx.url("auth/wrong"));
    wrong.options.transport.token = "kiosk:wrong";
    CHECK(pushBundle(wrong.options, bundles[0]).httpStatus == 401);
    CHECK(test::filesIn(nginx.served("auth"), ".okb").size() == 1);
    CHECK(test::filesIn(nginx.served("auth/basic"), ".okb").size() == 1);
    CHECK_FALSE(std::filesystem::exists(nginx.served("auth/wrong")));
}
