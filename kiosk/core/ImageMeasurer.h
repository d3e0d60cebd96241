// How layout learns an image's size (to fit it without distortion) and whether it loads at all.
#pragma once

#include "core/Geometry.h"

#include <optional>
#include <string>

namespace kiosk {

class ImageMeasurer {
public:
    virtual ~ImageMeasurer() = default;
    // Intrinsic size, or nullopt when the image cannot be loaded.
    virtual std::optional<Size> imageSize(const std::string& path) = 0;
};

}  // namespace kiosk
