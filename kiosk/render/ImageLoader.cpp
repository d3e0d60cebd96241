// Image decoding with SDL_image; SVGs are rasterised at the size they are shown, so they stay sharp.
#include "render/ImageLoader.h"

#include <SDL_image.h>

namespace kiosk::render {

namespace {
bool isSvg(const std::string& path) {
    return path.size() > 4 &&
           (path.compare(path.size() - 4, 4, ".svg") == 0 || path.compare(path.size() - 4, 4, ".SVG") == 0);
}
}  // namespace

std::optional<Size> ImageLoader::imageSize(const std::string& path) {
    auto found = sizes_.find(path);
    if (found != sizes_.end()) return found->second;
    SurfacePtr surface(IMG_Load(path.c_str()));
    std::optional<Size> size;
    if (surface)
        size = Size{surface->w, surface->h};
    else
        SDL_Log("image %s: %s", path.c_str(), IMG_GetError());
    sizes_.emplace(path, size);
    return size;
}

SurfacePtr ImageLoader::load(const std::string& path, Size size) {
    if (isSvg(path)) {
        SDL_RWops* file = SDL_RWFromFile(path.c_str(), "rb");
        if (!file) return nullptr;
        SurfacePtr surface(IMG_LoadSizedSVG_RW(file, size.w, size.h));
        SDL_RWclose(file);
        return surface;
    }
    return SurfacePtr(IMG_Load(path.c_str()));
}

}  // namespace kiosk::render
