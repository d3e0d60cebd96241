// The look is a reviewed change: the tour's attract, home, case, act, pledge and thanks screens at 800x480 in
// English and Tamil must match the committed PNGs in tests/app/reference/ within 2/255 a channel (what arm64
// frames differ by). KIOSK_UPDATE_REFERENCES=1 copies the tour's pictures over them after a deliberate
// change.
#include <SDL.h>
#include <SDL_image.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace fs = std::filesystem;

namespace {
struct SurfaceDeleter {
    void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

SurfacePtr loadRgba(const fs::path& file) {
    SurfacePtr loaded(IMG_Load(file.c_str()));
    if (!loaded) return nullptr;
    return SurfacePtr(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_RGBA32, 0));
}

// Pixels that differ by more than `tolerance` in any channel; -1 when the sizes differ.
long differingPixels(const SDL_Surface& a, const SDL_Surface& b, int tolerance, int& largest) {
    if (a.w != b.w || a.h != b.h) return -1;
    long count = 0;
    for (int y = 0; y < a.h; ++y) {
        const auto* p = static_cast<const Uint8*>(a.pixels) + y * a.pitch;
        const auto* q = static_cast<const Uint8*>(b.pixels) + y * b.pitch;
        for (int x = 0; x < a.w * 4; x += 4) {
            int worst = 0;
            for (int c = 0; c < 3; ++c)
                worst = std::max(worst, std::abs(p[x + c] - q[x + c]));
            largest = std::max(largest, worst);
            if (worst > tolerance) ++count;
        }
    }
    return count;
}
}  // namespace

// reference_images_test REFERENCE_DIR TOUR_DIR: compares REFERENCE_DIR/<size>/<lang>/<screen>.png with the
// tour's.
int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s REFERENCE_DIR TOUR_DIR\n", argv[0]);
        return 2;
    }
    const fs::path references = argv[1];
    const fs::path tour = argv[2];
    const bool update = std::getenv("KIOSK_UPDATE_REFERENCES") != nullptr;
    const char* screens[] = {"attract-udhr-article-1", "home",
                             "case-yecenia-armenta",   "act-ratify-uncat",
                             "pledge-ratify-uncat",    "thanks-ratify-uncat"};
    int failures = 0;
    for (const char* language : {"en", "ta"}) {
        for (const char* screen : screens) {
            const fs::path relative = fs::path("800x480") / language / (std::string(screen) + ".png");
            const fs::path rendered = tour / relative;
            const fs::path reference = references / relative;
            if (update) {
                fs::create_directories(reference.parent_path());
                fs::copy_file(rendered, reference, fs::copy_options::overwrite_existing);
                std::printf("%s: updated\n", relative.c_str());
                continue;
            }
            const SurfacePtr a = loadRgba(rendered);
            const SurfacePtr b = loadRgba(reference);
            if (!a || !b) {
                std::printf("%s: cannot load %s\n", relative.c_str(), (!a ? rendered : reference).c_str());
                ++failures;
                continue;
            }
            int largest = 0;
            const long differing = differingPixels(*a, *b, 2, largest);
            if (differing != 0) {
                std::printf(
                    "%s: %ld pixels differ by more than 2/255 (largest %d/255): a change in look? "
                    "Review the tour's picture, then KIOSK_UPDATE_REFERENCES=1 ctest -R app.reference\n",
                    relative.c_str(), differing, largest);
                ++failures;
            } else {
                std::printf("%s: matches (largest difference %d/255)\n", relative.c_str(), largest);
            }
        }
    }
    std::printf("reference images: %d differ\n", failures);
    return failures == 0 ? 0 : 1;
}
