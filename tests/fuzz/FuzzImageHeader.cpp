// libFuzzer target: any bytes as an image header give a format and either a problem or a positive size,
// never a crash or a read past the input.
#include "content/ImageHeader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto header =
        kiosk::content::parseImageHeader(std::string_view(reinterpret_cast<const char*>(data), size));
    if (header.ok() && (header.width <= 0 || header.height <= 0)) std::abort();
    if (!header.ok() && header.problem.empty()) std::abort();
    return 0;
}
