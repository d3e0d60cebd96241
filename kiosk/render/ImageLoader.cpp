// Image decoding with SDL_image behind a header check; SVGs are rasterised at the size they are shown.
#include "render/ImageLoader.h"

#include "content/ImageHeader.h"
#include "content/PackPaths.h"

#include <SDL_image.h>
#include <algorithm>
#include <filesystem>

namespace kiosk::render {

namespace {
using content::ImageFormat;

bool withinBudget(std::int64_t width, std::int64_t height) {
    return width > 0 && height > 0 && width <= content::kMaxImageSide && height <= content::kMaxImageSide &&
           width * height <= content::kMaxImagePixels;
}

// The header, when it is readable, names a format SDL_image should decode, and is within the budget.
std::optional<content::ImageHeader> usableHeader(const std::string& path) {
    auto header = content::readImageHeader(path);
    if (!header.ok()) {
        SDL_Log("image %s: %s", std::filesystem::path(path).filename().c_str(), header.problem.c_str());
        return std::nullopt;
    }
    if (header.format == ImageFormat::Gif || !withinBudget(header.width, header.height)) {
        SDL_Log("image %s: %s %lldx%lld refused before decoding",
                std::filesystem::path(path).filename().c_str(),
                std::string(content::formatName(header.format)).c_str(), static_cast<long long>(header.width),
                static_cast<long long>(header.height));
        return std::nullopt;
    }
    return header;
}

// Decodes a bitmap whose header was checked; the type is named so SDL_image cannot guess another format.
SurfacePtr decodeBitmap(const std::string& path, ImageFormat format) {
    SDL_RWops* file = SDL_RWFromFile(path.c_str(), "rb");
    if (!file) return nullptr;
    return SurfacePtr(IMG_LoadTyped_RW(file, 1, format == ImageFormat::Png ? "PNG" : "JPG"));
}
}  // namespace

std::optional<Size> ImageLoader::imageSize(const std::string& path) {
    auto found = sizes_.find(path);
    if (found != sizes_.end()) return found->second;
    std::optional<Size> size;
    if (const auto header = usableHeader(path)) {
        size = Size{static_cast<int>(header->width), static_cast<int>(header->height)};
        if (check_ == Check::Decode) {
            // An SVG proves itself at a small size; rasterising at full size would only cost memory.
            Size probe = *size;
            if (header->format == ImageFormat::Svg && std::max(probe.w, probe.h) > 256) {
                const double scale = 256.0 / std::max(probe.w, probe.h);
                probe = {std::max(1, static_cast<int>(probe.w * scale)),
                         std::max(1, static_cast<int>(probe.h * scale))};
            }
            const SurfacePtr decoded = load(path, probe);
            if (!decoded) {
                // The file's name only: what the kiosk prints about a pack never says where it sits on disk.
                SDL_Log("image %s: %s", std::filesystem::path(path).filename().c_str(), IMG_GetError());
                size.reset();
            }
        }
    }
    sizes_.emplace(path, size);
    return size;
}

SurfacePtr ImageLoader::load(const std::string& path, Size size) {
    const auto header = usableHeader(path);
    if (!header) return nullptr;
    if (header->format == ImageFormat::Svg) {
        if (!withinBudget(size.w, size.h)) return nullptr;
        SDL_RWops* file = SDL_RWFromFile(path.c_str(), "rb");
        if (!file) return nullptr;
        SurfacePtr surface(IMG_LoadSizedSVG_RW(file, size.w, size.h));
        SDL_RWclose(file);
        return surface;
    }
    return decodeBitmap(path, header->format);
}

}  // namespace kiosk::render
