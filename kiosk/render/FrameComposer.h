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

// Each scene is drawn once into an opaque off-screen frame and drawn again only when it changes; a frame on
// the panel is then one plain copy of it, and a cross-fade frame one blend more: the scene faded from,
// also drawn once, laid over it at 1 - progress. The software renderer (a Pi without its GPU, and every
// headless run) keeps its back buffer between frames, so there, upright, the back buffer is the frame and
// no off-screen copy is kept at all (a 1920x1080 frame is 8 MiB); a cross-fade builds up in it, one blend of
// the new scene a frame (composeDirect).
class FrameComposer {
public:
    FrameComposer(SDL_Renderer* renderer, Size logical, PanelPlacement placement);
    ~FrameComposer();
    FrameComposer(const FrameComposer&) = delete;
    FrameComposer& operator=(const FrameComposer&) = delete;

    // Draws into the back buffer; the caller presents. `from` fades out as `progress` goes 0 -> 1.
    bool compose(SceneRenderer& scenes, const Scene& current, const Scene* from = nullptr,
                 float progress = 1.0f);
    // Draws the scene the next fade goes to off-screen now, while the screen is still, so that the fade's
    // first frame draws nothing (its texts and pictures made anew were a fade's slowest frame). Kept until
    // the fade uses it, or until the scene on screen changes without a fade. Draws nothing on the panel.
    bool prepare(SceneRenderer& scenes, const Scene& upcoming);
    // The last composed frame in logical (unrotated) pixels, for screenshots and the tour.
    SurfacePtr capture();
    Size logicalSize() const { return logical_; }
    // How many times a scene was drawn into an off-screen frame (the benchmark and a test read it).
    long long scenesDrawn() const { return scenesDrawn_; }

private:
    // What an off-screen frame holds: only what reaches pixels, so an equal scene is not drawn again.
    struct Drawn {
        Color background;
        std::vector<Widget> widgets;
        bool valid = false;
        bool shows(const Scene& scene) const {
            return valid && background == scene.background && widgets == scene.widgets;
        }
        void remember(const Scene& scene);
        void forget();  // typed text in the copy is overwritten before its memory goes back
    };

    bool composeDirect(SceneRenderer& scenes, const Scene& current, const Scene* from, float progress);
    void takeLayer();
    // Not fading: the layer stays only while it holds a prepared scene and `current` is still on screen.
    void dropLayerUnlessPreparedOver(const Scene& current);
    TexturePtr makeTarget() const;
    bool drawInto(SDL_Texture* target, Drawn& drawn, SceneRenderer& scenes, const Scene& scene);
    void present(SDL_Texture* texture);

    SDL_Renderer* renderer_;
    Size logical_;
    PanelPlacement placement_;
    bool coversPanel_ = false;  // the frame fills the whole output: nothing around it to clear
    bool direct_ = false;       // software renderer, upright, same size: scenes go straight to the panel
    TexturePtr frame_;          // the current scene (not used when direct_)
    TexturePtr layer_;          // the other scene of a fade, kept only while fading or prepared for one
    Drawn frameShows_;          // what frame_ (or, when direct_, the back buffer) holds
    Drawn layerShows_;
    bool layerPrepared_ = false;  // layer_ holds a scene drawn ahead by prepare(), not yet faded to
    Uint8 fadeAlpha_ = 0;         // the layer's opacity in the last composed frame; 0 when not fading
    // direct_: the share of frameShows_'s scene in the back buffer while a fade builds up there (the rest is
    // layerShows_'s); 1 when the back buffer holds that scene alone.
    float fromShare_ = 1.0f;
    long long scenesDrawn_ = 0;
};

}  // namespace kiosk::render
