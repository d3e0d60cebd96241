// Loads images from the content pack (PNG, JPEG, SVG): sizes for layout, surfaces scaled for drawing.
// Works without a window, so the validator and layout can use it headless.
#pragma once

#include "core/ImageMeasurer.h"
#include "render/SdlPtr.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace kiosk::render {

class ImageLoader : public ImageMeasurer {
public:
    // HeaderOnly: sizes come from the files' headers (fast: the kiosk's start). Decode: each image is also
    // decoded once to prove it can be (the validator), within the pixel budget.
    enum class Check { HeaderOnly, Decode };
    explicit ImageLoader(Check check = Check::HeaderOnly) : check_(check) {}

    // From the header, never from decoding; nullopt when the header is unreadable or the picture is over
    // the pixel budget (content::kMaxImagePixels), or (with Check::Decode) it does not decode.
    std::optional<Size> imageSize(const std::string& path) override;
    // The image at exactly `size` (SVG rasterised at that size, bitmaps loaded as they are); null on failure
    // and for anything over the pixel budget, which is refused before decoding.
    SurfacePtr load(const std::string& path, Size size);

private:
    Check check_;
    std::map<std::string, std::optional<Size>> sizes_;
};

}  // namespace kiosk::render
