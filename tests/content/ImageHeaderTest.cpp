// Image sizes from headers alone: PNG, JPEG, GIF and SVG, and what is refused before any decoding.
#include "content/ImageHeader.h"

#include <catch2/catch.hpp>
#include <string>

using namespace kiosk::content;
using namespace std::string_literals;

namespace {
std::string be32(std::uint32_t v) {
    return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

std::string png(std::uint32_t w, std::uint32_t h) {
    return "\x89PNG\r\n\x1a\n"s + be32(13) + "IHDR" + be32(w) + be32(h) + "\x08\x06\x00\x00\x00"s + be32(0);
}
}  // namespace

TEST_CASE("PNG size from IHDR, however large it claims to be", "[content][image]") {
    const auto header = parseImageHeader(png(30000, 30000));
    REQUIRE(header.ok());
    CHECK(header.format == ImageFormat::Png);
    CHECK(header.width == 30000);
    CHECK(header.height == 30000);
    CHECK(header.pixels() == 900'000'000);
    CHECK_FALSE(parseImageHeader(png(30000, 30000).substr(0, 20)).ok());
    CHECK_FALSE(parseImageHeader(png(0, 10)).ok());
}

TEST_CASE("JPEG size from the first frame header, after other segments", "[content][image]") {
    const std::string app0 = "\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"s;
    const std::string sof = "\xff\xc2\x00\x11\x08\x01\x2c\x02\x58\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"s;
    const auto header = parseImageHeader("\xff\xd8"s + app0 + "\xff\xff"s + sof + "\xff\xd9"s);
    REQUIRE(header.ok());
    CHECK(header.format == ImageFormat::Jpeg);
    CHECK(header.width == 600);
    CHECK(header.height == 300);
    CHECK_FALSE(parseImageHeader("\xff\xd8"s + app0 + "\xff\xda\x00\x02"s).ok());  // scan before frame
    CHECK_FALSE(parseImageHeader("\xff\xd8\xff\xe0\x00\x00"s).ok());
}

TEST_CASE("GIF size from the logical screen", "[content][image]") {
    const auto header = parseImageHeader("GIF89a\x30\x75\x30\x75\x80\x00\x00"s);
    REQUIRE(header.ok());
    CHECK(header.format == ImageFormat::Gif);
    CHECK(header.width == 30000);
    CHECK(header.height == 30000);
}

TEST_CASE("SVG size from width and height, in any absolute unit, else from the viewBox", "[content][image]") {
    const auto sized = [](const std::string& text) { return parseImageHeader(text); };
    auto h = sized("<?xml version=\"1.0\"?>\n<!-- <svg width=\"1\" height=\"1\"> -->\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20000\" height='20000px'>");
    REQUIRE(h.ok());
    CHECK(h.format == ImageFormat::Svg);
    CHECK(h.width == 20000);
    CHECK(h.height == 20000);
    h = sized("<svg viewBox=\"0 0 640,480\" width=\"100%\">");
    REQUIRE(h.ok());
    CHECK(h.width == 640);
    CHECK(h.height == 480);
    h = sized("<svg width=\"2in\" height=\"10mm\">");
    REQUIRE(h.ok());
    CHECK(h.width == 192);
    CHECK(h.height == 38);
    CHECK_FALSE(sized("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>").ok());
    CHECK_FALSE(sized("<svg width=\"10\"").ok());  // the element never ends
}

TEST_CASE("anything else is an unknown format", "[content][image]") {
    const auto header = parseImageHeader("BM\x36\x00\x00\x00"s);
    CHECK(header.format == ImageFormat::Unknown);
    CHECK_FALSE(header.ok());
    CHECK_FALSE(parseImageHeader("").ok());
}

TEST_CASE("the format a name promises", "[content][image]") {
    CHECK(formatFromExtension("a/b.PNG") == ImageFormat::Png);
    CHECK(formatFromExtension("b.jpeg") == ImageFormat::Jpeg);
    CHECK(formatFromExtension("b.svg") == ImageFormat::Svg);
    CHECK(formatFromExtension("b.webp") == ImageFormat::Unknown);
}
