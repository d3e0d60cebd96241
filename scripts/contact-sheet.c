/* Tiles a tour's PNGs into one JPEG for the README: contact-sheet OUT.jpg COLUMNS SCALE_PERCENT PNG...
 * Each picture is scaled down (area averaging), framed by an 8 px light-grey gap, in rows of COLUMNS. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

static Uint32 averageOf(SDL_Surface* from, int x0, int y0, int x1, int y1, SDL_PixelFormat* to) {
    unsigned long sum[3] = {0, 0, 0}, n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const Uint8* p = (const Uint8*)from->pixels + y * from->pitch + x * 4;
            sum[0] += p[0], sum[1] += p[1], sum[2] += p[2], ++n;
        }
    if (n == 0) n = 1;
    return SDL_MapRGB(to, (Uint8)(sum[0] / n), (Uint8)(sum[1] / n), (Uint8)(sum[2] / n));
}

int main(int argc, char** argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s OUT.jpg COLUMNS SCALE_PERCENT PNG...\n", argv[0]);
        return 2;
    }
    const int columns = atoi(argv[2]), percent = atoi(argv[3]), count = argc - 4, gap = 8;
    SDL_Surface* first = IMG_Load(argv[4]);
    if (!first || columns < 1 || percent < 1) {
        fprintf(stderr, "contact-sheet: cannot read %s (%s)\n", argv[4], IMG_GetError());
        return 1;
    }
    const int w = first->w * percent / 100, h = first->h * percent / 100;
    const int rows = (count + columns - 1) / columns;
    SDL_FreeSurface(first);
    SDL_Surface* sheet = SDL_CreateRGBSurfaceWithFormat(0, columns * w + (columns + 1) * gap,
                                                        rows * h + (rows + 1) * gap, 32, SDL_PIXELFORMAT_RGB888);
    SDL_FillRect(sheet, NULL, SDL_MapRGB(sheet->format, 0xe4, 0xe4, 0xe4));
    for (int i = 0; i < count; ++i) {
        SDL_Surface* loaded = IMG_Load(argv[4 + i]);
        if (!loaded) {
            fprintf(stderr, "contact-sheet: cannot read %s (%s)\n", argv[4 + i], IMG_GetError());
            return 1;
        }
        SDL_Surface* rgba = SDL_ConvertSurfaceFormat(loaded, SDL_PIXELFORMAT_RGBA32, 0);
        const int left = gap + (i % columns) * (w + gap), top = gap + (i / columns) * (h + gap);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const SDL_Rect dot = {left + x, top + y, 1, 1};
                SDL_FillRect(sheet, &dot,
                             averageOf(rgba, x * rgba->w / w, y * rgba->h / h, (x + 1) * rgba->w / w,
                                       (y + 1) * rgba->h / h, sheet->format));
            }
        SDL_FreeSurface(rgba);
        SDL_FreeSurface(loaded);
    }
    if (IMG_SaveJPG(sheet, argv[1], 85) != 0) {
        fprintf(stderr, "contact-sheet: cannot write %s (%s)\n", argv[1], IMG_GetError());
        return 1;
    }
    SDL_FreeSurface(sheet);
    return 0;
}
