// Display rotation done by the kiosk itself (SDL2 ignores rotation on KMS/DRM): panel <-> logical
// coordinates.
#pragma once

#include "core/Geometry.h"

#include <optional>
#include <string_view>

namespace kiosk::platform {

// How far the logical picture is turned clockwise to appear on the panel. Deg90 on a landscape panel gives a
// portrait kiosk whose top edge lies along the panel's right edge.
enum class Orientation { Deg0, Deg90, Deg180, Deg270 };

// "0", "90", "180", "270" (the config's `orientation`); nullopt for anything else.
std::optional<Orientation> parseOrientation(std::string_view text);
// 0, 90, 180, 270 as an integer (the config file writes `orientation = 90`); nullopt for anything else.
std::optional<Orientation> orientationFromDegrees(long long degrees);
int degrees(Orientation orientation);

// The size the scene is laid out in: the panel's, with width and height swapped for 90 and 270.
Size logicalSize(Size panel, Orientation orientation);

// Pixel mappings between the panel and the logical picture; each is the other's inverse.
Point panelToLogical(Point onPanel, Size panel, Orientation orientation);
Point logicalToPanel(Point logical, Size panel, Orientation orientation);

// SDL finger events give 0..1 along the panel's own axes; returns the logical pixel under the finger,
// clamped to the picture (fingers on the bezel edge can report slightly outside 0..1).
Point normalisedTouchToLogical(float nx, float ny, Size panel, Orientation orientation);

// Where to copy the logical-size picture so that it shows rotated: SDL_RenderCopyExF(renderer, texture,
// nullptr, &dest, angleDegrees, nullptr, SDL_FLIP_NONE) with dest = {x, y, w, h}. The rectangle has the
// logical size and is centred on the panel; SDL turns it clockwise about its centre. Floats keep the centre
// exact when panel width and height differ by an odd number.
struct RotatedCopy {
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;
    double angleDegrees = 0;
};
RotatedCopy rotatedCopyParams(Size panel, Orientation orientation);

}  // namespace kiosk::platform
