// Owning handle for an SDL_Surface, freed with SDL_FreeSurface.
#pragma once

#include <SDL.h>
#include <memory>

namespace kiosk::text {

struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

}  // namespace kiosk::text
