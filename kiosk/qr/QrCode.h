// QR code matrices for the URLs the kiosk shows (libqrencode behind a plain value type).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::qr {

// A square of modules, row by row; true is dark. The quiet zone is not included.
struct QrMatrix {
    int size = 0;
    std::vector<bool> modules;

    bool at(int x, int y) const { return modules[static_cast<std::size_t>(y) * size + x]; }
};

// The most bytes any QR code holds at error correction level M (version 40, byte mode): text up to this long
// always encodes, so a length check stands in for encoding when only "will it fit" is asked.
inline constexpr std::size_t kMaxBytesLevelM = 2331;

// Encodes `text` as bytes with error correction level M in the smallest version that fits;
// nullopt when it is empty or too long for any QR version.
std::optional<QrMatrix> encodeQr(std::string_view text);

}  // namespace kiosk::qr
