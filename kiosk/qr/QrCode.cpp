// Encoding through libqrencode; the QRcode handle never outlives this function.
#include "qr/QrCode.h"

#include <limits>
#include <memory>
#include <qrencode.h>

namespace kiosk::qr {

namespace {
struct QrCodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeFree>;
}  // namespace

std::optional<QrMatrix> encodeQr(std::string_view text) {
    // The largest QR code (version 40-L) holds 2953 bytes; anything past int range is certainly too long.
    if (text.empty() || text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return std::nullopt;
    const QrCodePtr code(QRcode_encodeData(
        static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
    if (!code || code->width <= 0) return std::nullopt;

    QrMatrix matrix;
    matrix.size = code->width;
    const auto count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.modules.resize(count);
    // libqrencode packs flags in each byte; bit 0 is the module's colour.
    for (std::size_t i = 0; i < count; ++i)
        matrix.modules[i] = (code->data[i] & 1) != 0;
    return matrix;
}

}  // namespace kiosk::qr
