// Ownership of SDL textures (and surfaces, shared with text/): std::unique_ptr with SDL's own destroy
// functions.
#pragma once

#include "text/Surface.h"

#include <SDL.h>
#include <memory>

namespace kiosk::render {

struct TextureDeleter {
    void operator()(SDL_Texture* texture) const { SDL_DestroyTexture(texture); }
};

using TexturePtr = std::unique_ptr<SDL_Texture, TextureDeleter>;
using SurfacePtr = text::SurfacePtr;  // one owner type for surfaces across text and render

}  // namespace kiosk::render
