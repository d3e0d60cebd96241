// How many modules a side the kiosk's QR code of a text has, without encoding it: screens size a code by its
// modules (the quiet zone's share is larger for a small code) and do not link the encoder.
#pragma once

#include <array>
#include <cstddef>

namespace kiosk {

// Bytes a QR code holds in byte mode at error correction level M, by version 1 to 40 (ISO/IEC 18004), as
// qr::encodeQr encodes. QrSizeTest checks the table against the encoder.
inline constexpr std::array<std::size_t, 40> kQrBytesLevelM = {
    14,   26,   42,   62,   84,   106,  122,  152,  180,  213,  251,  287,  331,  362,
    412,  450,  504,  560,  624,  666,  711,  779,  857,  911,  997,  1059, 1125, 1190,
    1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331};

// Modules a side (21 for version 1, four more each version); 0 when the text is too long for any version.
constexpr int qrModulesFor(std::size_t bytes) {
    for (std::size_t version = 1; version <= kQrBytesLevelM.size(); ++version)
        if (bytes <= kQrBytesLevelM[version - 1]) return 17 + 4 * static_cast<int>(version);
    return 0;
}

// The quiet zone the renderer draws round the modules, in modules, each side.
inline constexpr int kQrQuietModules = 4;

}  // namespace kiosk
