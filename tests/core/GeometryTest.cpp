#include "core/Geometry.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("hex colours parse and bad ones are refused", "[core]") {
    CHECK(parseHexColor("#ffe600") == Color{0xff, 0xe6, 0x00, 0xff});
    CHECK(parseHexColor("#00000080") == Color{0, 0, 0, 0x80});
    CHECK_FALSE(parseHexColor("ffe600"));
    CHECK_FALSE(parseHexColor("#ffe60g"));
    CHECK_FALSE(parseHexColor("#fff"));
}

TEST_CASE("contrast ratio matches WCAG reference values", "[core]") {
    CHECK(contrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
    CHECK(contrastRatio({255, 255, 255}, {255, 255, 255}) == Approx(1.0));
    // #767676 on white is the well-known 4.54:1 AA boundary.
    CHECK(contrastRatio({0x76, 0x76, 0x76}, {255, 255, 255}) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("rectangles contain their inside and not their far edge", "[core]") {
    const Rect r{10, 10, 20, 20};
    CHECK(r.contains({10, 10}));
    CHECK(r.contains({29, 29}));
    CHECK_FALSE(r.contains({30, 10}));
    CHECK(r.containsRect({12, 12, 18, 18}));
    CHECK_FALSE(r.containsRect({12, 12, 19, 18}));
}
