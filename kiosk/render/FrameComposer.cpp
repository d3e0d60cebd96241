// Frame composition through an opaque off-screen frame drawn once a scene: rotation and cross-fades are then
// one copy and one blend.
#include "render/FrameComposer.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

namespace kiosk::render {

namespace {

void overwrite(std::string& text) {
    std::fill(text.begin(), text.end(), '\0');
    // Keeps the compiler from dropping the stores to memory about to be freed.
    asm volatile("" : : "r"(text.data()) : "memory");
    text.clear();
}

}  // namespace

void FrameComposer::Drawn::remember(const Scene& scene) {
    forget();
    background = scene.background;
    widgets = scene.widgets;
    valid = true;
}

void FrameComposer::Drawn::forget() {
    for (Widget& widget : widgets) {
        overwrite(widget.text);
        for (TextLine& line : widget.lines)
            overwrite(line.text);
    }
    widgets.clear();
    valid = false;
}

FrameComposer::FrameComposer(SDL_Renderer* renderer, Size logical, PanelPlacement placement)
    : renderer_(renderer), logical_(logical), placement_(placement) {
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    const SDL_FRect& d = placement_.destination;
    const bool upright = std::fmod(placement_.angleDegrees, 360.0) == 0.0;
    coversPanel_ = upright && d.x <= 0 && d.y <= 0 && d.x + d.w >= static_cast<float>(w) &&
                   d.y + d.h >= static_cast<float>(h);
    SDL_RendererInfo info{};
    const bool software = SDL_GetRendererInfo(renderer_, &info) == 0 && info.name != nullptr &&
                          std::string_view(info.name) == "software";
    direct_ = software && coversPanel_ && logical_.w == w && logical_.h == h;
}

FrameComposer::~FrameComposer() {
    frameShows_.forget();
    layerShows_.forget();
}

// Opaque: nothing shows through a frame, so copying it is a copy, not a blend.
TexturePtr FrameComposer::makeTarget() const {
    TexturePtr texture(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
                                         logical_.w, logical_.h));
    if (texture) SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_NONE);
    return texture;
}

bool FrameComposer::drawInto(SDL_Texture* target, Drawn& drawn, SceneRenderer& scenes, const Scene& scene) {
    if (drawn.shows(scene)) return true;
    if (SDL_SetRenderTarget(renderer_, target) != 0) return false;
    scenes.draw(scene);
    drawn.remember(scene);
    ++scenesDrawn_;
    return true;
}

void FrameComposer::present(SDL_Texture* texture) {
    SDL_RenderCopyExF(renderer_, texture, nullptr, &placement_.destination, placement_.angleDegrees, nullptr,
                      SDL_FLIP_NONE);
}

bool FrameComposer::compose(SceneRenderer& scenes, const Scene& current, const Scene* from, float progress) {
    const bool fading = from != nullptr && progress < 1.0f;
    if (direct_) return composeDirect(scenes, current, fading ? from : nullptr, progress);
    if (!frame_) {
        frame_ = makeTarget();
        frameShows_.forget();
        if (!frame_) {
            SDL_Log("cannot create the frame texture: %s", SDL_GetError());
            return false;
        }
    }
    if (fading && !layer_) {
        layer_ = makeTarget();
        layerShows_.forget();
    }
    const bool fade = fading && layer_;
    if (!fade) dropLayerUnlessPreparedOver(current);
    if (fade) layerPrepared_ = false;  // the fade has it now
    if (fade && !layerShows_.shows(*from) && frameShows_.shows(*from)) {
        // A fade starts from what the frame shows: that frame becomes the layer, undrawn.
        std::swap(frame_, layer_);
        std::swap(frameShows_, layerShows_);
        // A layer of an earlier fade keeps that fade's blending: the frame is copied, not blended.
        SDL_SetTextureBlendMode(frame_.get(), SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(frame_.get(), 255);
    }
    bool ok = true;
    if (fade) ok = drawInto(layer_.get(), layerShows_, scenes, *from);
    ok = drawInto(frame_.get(), frameShows_, scenes, current) && ok;
    fadeAlpha_ = fade ? static_cast<Uint8>(std::lround((1.0f - progress) * 255.0f)) : 0;

    SDL_SetRenderTarget(renderer_, nullptr);
    if (!coversPanel_) {
        SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
        SDL_RenderClear(renderer_);
    }
    present(frame_.get());
    if (fadeAlpha_ > 0) {
        SDL_SetTextureBlendMode(layer_.get(), SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(layer_.get(), fadeAlpha_);
        present(layer_.get());
    }
    return ok;
}

// The back buffer is kept between frames, so a cross-fade builds up in it: it starts as the scene faded from,
// and each frame blends the new scene (drawn once, off-screen, in layer_) over it by the fraction that brings
// the old scene's share down to 1 - progress. One blend a frame; no scene is drawn again, and no second
// full-size frame is kept. Drawing the old scene again, with whatever shows in the back buffer replaced by
// it, starts the blend over: when the fade went back, or either scene changed under it.
bool FrameComposer::composeDirect(SceneRenderer& scenes, const Scene& current, const Scene* from,
                                  float progress) {
    if (from && !layer_) {
        layer_ = makeTarget();
        layerShows_.forget();
    }
    if (!from || !layer_) {
        // The fade over, its new scene is in the layer: copied to the panel, not drawn again.
        if (layer_ && fromShare_ < 1.0f && layerShows_.shows(current)) takeLayer();
        if (fromShare_ < 1.0f) frameShows_.forget();  // the back buffer holds a blend, not a scene
        fromShare_ = 1.0f;
        dropLayerUnlessPreparedOver(current);
        SDL_SetRenderTarget(renderer_, nullptr);
        return drawInto(nullptr, frameShows_, scenes, current);
    }
    layerPrepared_ = false;  // the fade has the layer now
    // A fade straight after another, back from the scene that one went to, which is still in the layer.
    if ((fromShare_ < 1.0f || !frameShows_.shows(*from)) && layerShows_.shows(*from)) takeLayer();
    const long long drawnBefore = scenesDrawn_;
    bool ok = drawInto(layer_.get(), layerShows_, scenes, current);
    const float share = 1.0f - progress;  // what the old scene keeps in this frame
    if (scenesDrawn_ != drawnBefore || !frameShows_.shows(*from) || share > fromShare_) {
        if (fromShare_ < 1.0f) frameShows_.forget();
        fromShare_ = 1.0f;
        ok = drawInto(nullptr, frameShows_, scenes, *from) && ok;
    }
    SDL_SetRenderTarget(renderer_, nullptr);
    if (fromShare_ <= 0.0f) return ok;
    const long alpha = std::lround((1.0f - share / fromShare_) * 255.0f);
    if (alpha > 0) {
        SDL_SetTextureBlendMode(layer_.get(), SDL_BLENDMODE_BLEND);
        SDL_SetTextureAlphaMod(layer_.get(), static_cast<Uint8>(alpha));
        present(layer_.get());
        fromShare_ *= 1.0f - static_cast<float>(alpha) / 255.0f;  // as drawn, so rounding does not add up
    }
    return ok;
}

bool FrameComposer::prepare(SceneRenderer& scenes, const Scene& upcoming) {
    if (!layer_) {
        layer_ = makeTarget();
        layerShows_.forget();
        if (!layer_) return false;
    }
    const bool ok = drawInto(layer_.get(), layerShows_, scenes, upcoming);
    layerPrepared_ = ok;
    SDL_SetRenderTarget(renderer_, nullptr);
    return ok;
}

void FrameComposer::dropLayerUnlessPreparedOver(const Scene& current) {
    if (!layer_ || (layerPrepared_ && layerShows_.valid && frameShows_.shows(current))) return;
    layer_.reset();
    layerShows_.forget();
    layerPrepared_ = false;
}

// The layer's scene becomes the back buffer's, by one copy; the layer is then free for the next scene.
void FrameComposer::takeLayer() {
    SDL_SetRenderTarget(renderer_, nullptr);
    SDL_SetTextureBlendMode(layer_.get(), SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(layer_.get(), 255);
    present(layer_.get());
    std::swap(frameShows_, layerShows_);
    layerShows_.forget();
    fromShare_ = 1.0f;
}

SurfacePtr FrameComposer::capture() {
    if (!frame_ && !direct_) return nullptr;
    SurfacePtr surface(
        SDL_CreateRGBSurfaceWithFormat(0, logical_.w, logical_.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface) return nullptr;
    SDL_SetRenderTarget(renderer_, frame_.get());  // null when direct_: the back buffer, blend and all
    if (fadeAlpha_ > 0 && !direct_) {
        // The panel got the fade as a blend over the frame; a capture needs it in the frame itself, which
        // then no longer shows the scene alone.
        SDL_RenderCopy(renderer_, layer_.get(), nullptr, nullptr);
        frameShows_.forget();
    }
    const int ok =
        SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels, surface->pitch);
    SDL_SetRenderTarget(renderer_, nullptr);
    if (ok != 0) return nullptr;
    return surface;
}

}  // namespace kiosk::render
