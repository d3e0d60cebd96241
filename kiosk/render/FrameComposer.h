// Puts a frame together: the scene (cross-faded from the previous one while a fade runs), rotated onto the
// panel.
#pragma once

#include "core/Scene.h"
#include "render/SceneRenderer.h"
#include "render/SdlPtr.h"

#include <SDL.h>
#include <optional>

namespace kiosk::render {

// Where the logical frame goes on the panel: the destination and angle (see platform/Orientation.h).
struct PanelPlacement {
    SDL_FRect destination{0, 0, 0, 0};
    double angleDegrees = 0;
};

class FrameComposer {
public:
    FrameComposer(SDL_Renderer* renderer, Size logical, PanelPlacement placement);

    // Draws into the back buffer; the caller presents. `from` fades out as `progress` goes 0 -> 1.
    bool compose(SceneRenderer& scenes, const Scene& current, const Scene* from = nullptr,
                 float progress = 1.0f);
    // The last composed frame in logical (unrotated) pixels, for screenshots and the tour.
    SurfacePtr capture();
    Size logicalSize() const { return logical_; }

private:
    TexturePtr makeTarget() const;

    SDL_Renderer* renderer_;
    Size logical_;
    PanelPlacement placement_;
    TexturePtr frame_;
    TexturePtr layer_;
};

}  // namespace kiosk::render
