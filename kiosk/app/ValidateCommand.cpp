// `kiosk validate DIR`: every problem of a pack as FILE:LINE:COLUMN: error|warning: message.
#include "app/Commands.h"
#include "content/PackLoader.h"
#include "render/ImageLoader.h"

#include <iostream>

namespace kiosk::app {

int validatePack(const std::filesystem::path& dir) {
    // Decodes each image once (within the pixel budget) with SDL_image; needs no window.
    render::ImageLoader images(render::ImageLoader::Check::Decode);
    const auto result = content::loadPack(dir, &images);
    int errors = 0;
    int warnings = 0;
    for (const auto& diagnostic : result.diagnostics) {
        std::cout << diagnostic.format() << '\n';
        (diagnostic.severity == content::Severity::Error ? errors : warnings)++;
    }
    std::cerr << dir.string() << ": " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning" : " warnings") << '\n';
    return errors > 0 ? 1 : 0;
}

}  // namespace kiosk::app
