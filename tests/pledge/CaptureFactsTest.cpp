// Uuids, timestamps and reference codes as the coordinator and the signer see them.
#include "pledge/CaptureFacts.h"

#include "pledge/ReferenceCode.h"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace kiosk::pledge;

TEST_CASE("uuids are random version 4", "[pledge]") {
    const std::regex shape("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string uuid = newUuidV4();
        CHECK(std::regex_match(uuid, shape));
        seen.insert(uuid);
    }
    CHECK(seen.size() == 100);
}

TEST_CASE("reference codes are eight Crockford characters from the uuid", "[pledge]") {
    CHECK(referenceCode("00000000-0000-4000-8000-000000000000") == "0000-0000");
    CHECK(referenceCode("ffffffff-ff00-4000-8000-000000000000") == "ZZZZ-ZZZZ");
    CHECK(referenceCode("a1b2c3d4-e5f6-4789-8abc-def012345678") ==
          referenceCode("A1B2C3D4-E5F6-4789-8abc-000000000000"));
    const std::regex shape("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    for (int i = 0; i < 50; ++i)
        CHECK(std::regex_match(referenceCode(newUuidV4()), shape));
    CHECK(referenceCode("not-a-uuid").empty());
}

TEST_CASE("timestamps are UTC with a Z", "[pledge]") {
    CHECK(utcTimestamp(std::chrono::system_clock::time_point(std::chrono::seconds(1717209000))) ==
          "2024-06-01T02:30:00Z");
    const auto facts = captureFacts();
    CHECK(facts.createdAtUtc.size() == 20);
    CHECK(facts.monotonicMs > 0);
}
