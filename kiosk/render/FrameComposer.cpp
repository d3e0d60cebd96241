// Frame composition through an off-screen logical frame: rotation and cross-fades are then one copy each.
#include "render/FrameComposer.h"

#include <cmath>

namespace kiosk::render {

FrameComposer::FrameComposer(SDL_Renderer* renderer, Size logical, PanelPlacement placement)
    : renderer_(renderer), logical_(logical), placement_(placement) {}

TexturePtr FrameComposer::makeTarget() const {
    TexturePtr texture(SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                         logical_.w, logical_.h));
    if (texture) SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
    return texture;
}

bool FrameComposer::compose(SceneRenderer& scenes, const Scene& current, const Scene* from, float progress) {
    if (!frame_) frame_ = makeTarget();
    if (!frame_) {
        SDL_Log("cannot create the frame texture: %s", SDL_GetError());
        return false;
    }
    const bool fading = from != nullptr && progress < 1.0f;
    if (fading && !layer_) layer_ = makeTarget();

    SDL_SetRenderTarget(renderer_, frame_.get());
    if (fading && layer_) {
        scenes.draw(*from);
        SDL_SetRenderTarget(renderer_, layer_.get());
        scenes.draw(current);
        SDL_SetRenderTarget(renderer_, frame_.get());
        SDL_SetTextureAlphaMod(layer_.get(), static_cast<Uint8>(std::lround(progress * 255.0f)));
        SDL_RenderCopy(renderer_, layer_.get(), nullptr, nullptr);
    } else {
        scenes.draw(current);
        layer_.reset();  // a fade's second texture is only kept while fading
    }

    SDL_SetRenderTarget(renderer_, nullptr);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    SDL_RenderCopyExF(renderer_, frame_.get(), nullptr, &placement_.destination, placement_.angleDegrees,
                      nullptr, SDL_FLIP_NONE);
    return true;
}

SurfacePtr FrameComposer::capture() {
    if (!frame_) return nullptr;
    SurfacePtr surface(
        SDL_CreateRGBSurfaceWithFormat(0, logical_.w, logical_.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface) return nullptr;
    SDL_SetRenderTarget(renderer_, frame_.get());
    const int ok =
        SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ARGB8888, surface->pixels, surface->pitch);
    SDL_SetRenderTarget(renderer_, nullptr);
    if (ok != 0) return nullptr;
    return surface;
}

}  // namespace kiosk::render
