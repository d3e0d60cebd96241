// Rotation arithmetic for the kiosk picture and for touch coordinates; integer pixels, no SDL.
#include "platform/Orientation.h"

#include <algorithm>
#include <cmath>

namespace kiosk::platform {

std::optional<Orientation> parseOrientation(std::string_view text) {
    if (text == "0") return Orientation::Deg0;
    if (text == "90") return Orientation::Deg90;
    if (text == "180") return Orientation::Deg180;
    if (text == "270") return Orientation::Deg270;
    return std::nullopt;
}

std::optional<Orientation> orientationFromDegrees(long long degrees) {
    switch (degrees) {
    case 0:
        return Orientation::Deg0;
    case 90:
        return Orientation::Deg90;
    case 180:
        return Orientation::Deg180;
    case 270:
        return Orientation::Deg270;
    default:
        return std::nullopt;
    }
}

int degrees(Orientation orientation) {
    switch (orientation) {
    case Orientation::Deg0:
        return 0;
    case Orientation::Deg90:
        return 90;
    case Orientation::Deg180:
        return 180;
    case Orientation::Deg270:
        return 270;
    }
    return 0;
}

Size logicalSize(Size panel, Orientation orientation) {
    if (orientation == Orientation::Deg90 || orientation == Orientation::Deg270) return {panel.h, panel.w};
    return panel;
}

// Turning clockwise by 90 degrees sends logical pixel (x, y) to panel pixel (panel.w - 1 - y, x); the other
// angles follow the same rule, with the -1 because pixels are cells, not points.
Point logicalToPanel(Point logical, Size panel, Orientation orientation) {
    switch (orientation) {
    case Orientation::Deg0:
        return logical;
    case Orientation::Deg90:
        return {panel.w - 1 - logical.y, logical.x};
    case Orientation::Deg180:
        return {panel.w - 1 - logical.x, panel.h - 1 - logical.y};
    case Orientation::Deg270:
        return {logical.y, panel.h - 1 - logical.x};
    }
    return logical;
}

Point panelToLogical(Point onPanel, Size panel, Orientation orientation) {
    switch (orientation) {
    case Orientation::Deg0:
        return onPanel;
    case Orientation::Deg90:
        return {onPanel.y, panel.w - 1 - onPanel.x};
    case Orientation::Deg180:
        return {panel.w - 1 - onPanel.x, panel.h - 1 - onPanel.y};
    case Orientation::Deg270:
        return {panel.h - 1 - onPanel.y, onPanel.x};
    }
    return onPanel;
}

namespace {
int toPixel(float normalised, int extent) {
    if (extent <= 0 || !std::isfinite(normalised)) return 0;
    const auto pixel = static_cast<int>(std::floor(normalised * static_cast<float>(extent)));
    return std::clamp(pixel, 0, extent - 1);
}
}  // namespace

Point normalisedTouchToLogical(float nx, float ny, Size panel, Orientation orientation) {
    const Point onPanel{toPixel(nx, panel.w), toPixel(ny, panel.h)};
    return panelToLogical(onPanel, panel, orientation);
}

RotatedCopy rotatedCopyParams(Size panel, Orientation orientation) {
    const Size logical = logicalSize(panel, orientation);
    return {
        static_cast<float>(panel.w - logical.w) / 2.0f,
        static_cast<float>(panel.h - logical.h) / 2.0f,
        static_cast<float>(logical.w),
        static_cast<float>(logical.h),
        static_cast<double>(degrees(orientation)),
    };
}

}  // namespace kiosk::platform
