// Edit distance and the did-you-mean threshold.
#include "content/Suggest.h"

#include <catch2/catch.hpp>

using namespace kiosk::content;

TEST_CASE("edit distance counts a swap of neighbours as one edit", "[content]") {
    CHECK(editDistance("title", "title") == 0);
    CHECK(editDistance("titel", "title") == 1);
    CHECK(editDistance("tite", "title") == 1);
    CHECK(editDistance("", "abc") == 3);
    CHECK(editDistance("kitten", "sitting") == 3);
}

TEST_CASE("did-you-mean suggests only likely typos", "[content]") {
    const std::vector<std::string_view> keys{"id", "title", "text", "image", "source", "duration_s"};
    CHECK(closestMatch("titel", keys) == "title");
    CHECK(closestMatch("durations", keys) == "duration_s");
    CHECK(closestMatch("imgae", keys) == "image");
    CHECK(closestMatch("colour", keys) == std::nullopt);
    CHECK(closestMatch("xy", keys) == std::nullopt);  // short words get one edit at most
    CHECK(closestMatch(std::string(100000, 'a'), keys) == std::nullopt);
}
