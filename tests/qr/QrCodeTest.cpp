// QR encoding: a scannable matrix for real URLs, a clean refusal for what cannot fit.
#include "qr/QrCode.h"

#include "core/QrSize.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using kiosk::qr::encodeQr;
using kiosk::qr::QrMatrix;

namespace {
// A finder pattern: 7x7 dark ring, light ring, 3x3 dark centre, with its top-left at (x0, y0).
bool hasFinderAt(const QrMatrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.at(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    }
    return true;
}
}  // namespace

TEST_CASE("a URL encodes to a square matrix with finder patterns in three corners", "[qr]") {
    const auto matrix = encodeQr("https://www.amnesty.my/stop-torture");
    REQUIRE(matrix);
    CHECK(matrix->size >= 21);
    CHECK((matrix->size - 17) % 4 == 0);  // sizes are 21, 25, ... (version * 4 + 17)
    CHECK(matrix->modules.size() == static_cast<std::size_t>(matrix->size * matrix->size));
    const int far = matrix->size - 7;
    CHECK(hasFinderAt(*matrix, 0, 0));
    CHECK(hasFinderAt(*matrix, far, 0));
    CHECK(hasFinderAt(*matrix, 0, far));
    CHECK_FALSE(hasFinderAt(*matrix, far, far));  // the fourth corner holds data, not a finder
}

TEST_CASE("longer text needs a larger code", "[qr]") {
    const auto shortCode = encodeQr("https://a.my/x");
    const auto longCode = encodeQr("https://example.org/" + std::string(200, 'a'));
    REQUIRE(shortCode);
    REQUIRE(longCode);
    CHECK(longCode->size > shortCode->size);
}

TEST_CASE("text too long for any QR version fails cleanly", "[qr]") {
    CHECK_FALSE(encodeQr(std::string(5000, 'x')));
    CHECK_FALSE(encodeQr(""));
}

TEST_CASE("the screens' module count without encoding matches the encoder at each version's edges", "[qr]") {
    // Each version's capacity and one byte more: the lengths where the count changes.
    std::vector<std::size_t> lengths{1};
    for (const std::size_t bytes : kiosk::kQrBytesLevelM) {
        lengths.push_back(bytes);
        if (bytes < kiosk::qr::kMaxBytesLevelM) lengths.push_back(bytes + 1);
    }
    std::string mismatches;
    for (const std::size_t length : lengths) {
        const auto matrix = encodeQr(std::string(length, 'k'));
        REQUIRE(matrix);
        if (matrix->size != kiosk::qrModulesFor(length))
            mismatches += std::to_string(length) + " bytes: " + std::to_string(matrix->size) +
                          " modules, table " + std::to_string(kiosk::qrModulesFor(length)) + "\n";
    }
    CHECK(lengths.size() == 80);
    CHECK(mismatches == "");
    CHECK(kiosk::qrModulesFor(kiosk::qr::kMaxBytesLevelM + 1) == 0);
}
