// Loads images from the content pack (PNG, JPEG, SVG): sizes for layout, surfaces scaled for drawing.
// Works without a window, so the validator and layout can use it headless.
#pragma once

#include "core/ImageMeasurer.h"
#include "render/SdlPtr.h"

#include <map>
#include <optional>
#include <string>

namespace kiosk::render {

class ImageLoader : public ImageMeasurer {
public:
    std::optional<Size> imageSize(const std::string& path) override;
    // The image at exactly `size` (SVG rasterised at that size, bitmaps loaded as they are); null on failure.
    SurfacePtr load(const std::string& path, Size size);

private:
    std::map<std::string, std::optional<Size>> sizes_;
};

}  // namespace kiosk::render
