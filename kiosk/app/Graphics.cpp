// Building the font library from the theme's families, with the cut-down fonts the build made.
#include "app/Graphics.h"

#include <SDL.h>
#include <filesystem>
#include <malloc.h>
#include <vector>

namespace kiosk::app {

namespace {
// The build's cut-down fonts (build/bin/kiosk -> build/fonts) or the installed ones
// (/usr/bin/kiosk -> /usr/share/outreach-kiosk/fonts); see kiosk/text/fonts/CMakeLists.txt.
std::vector<std::filesystem::path> subsetFontFolders() {
    char* base = SDL_GetBasePath();
    if (base == nullptr) return {};
    const std::filesystem::path program(base);
    SDL_free(base);
    return {program / ".." / "fonts", program / ".." / "share" / "outreach-kiosk" / "fonts"};
}
}  // namespace

void returnLargeBuffersWhenFreed() {
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // a fixed threshold: glibc's own would grow to 32 MiB
}

void makeRoomForPinCheck(render::SceneRenderer& scenes) {
    scenes.releaseTextures();
    malloc_trim(0);
}

std::unique_ptr<TextAndImages> TextAndImages::create(const content::ThemeFonts& fonts, std::string& error,
                                                     render::ImageLoader images) {
    text::FontFamilies families;
    families.latin = fonts.latin;
    families.han = fonts.han;
    families.tamil = fonts.tamil;
    families.subsetFolders = subsetFontFolders();
    auto library = text::FontLibrary::create(families);
    if (!library) {
        error = library.error().message;
        return nullptr;
    }
    return std::make_unique<TextAndImages>(std::move(library).value(), std::move(images));
}

}  // namespace kiosk::app
