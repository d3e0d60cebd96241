// Draws one line of text into a transparent ARGB surface, each run in its own font on a common baseline.
#include "text/TextRasterizer.h"

#include "core/Utf8.h"
#include "text/TextRuns.h"

#include <algorithm>
#include <cstdint>

namespace kiosk::text {
namespace {

std::uint32_t* pixelRow(SDL_Surface* surface, int y) {
    return reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(surface->pixels) + y * surface->pitch);
}

// Where SDL_ttf put the baseline in a run's surface. It is the font's ascent, pushed down by however far a
// glyph climbs above that ascent (the surface then grows at the top). SDL_ttf does not report the push, so
// it is estimated from the glyphs' tops, within the growth the surface shows.
int runBaseline(TTF_Font* font, std::string_view utf8, const SDL_Surface* rendered) {
    const int ascent = TTF_FontAscent(font);
    const int growth = rendered->h - TTF_FontHeight(font);
    if (growth <= 0) return ascent;
    int top = ascent;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = kiosk::nextCodePoint(utf8, pos);
        int minX = 0, maxX = 0, minY = 0, maxY = 0, advance = 0;
        if (TTF_GlyphMetrics32(font, cp, &minX, &maxX, &minY, &maxY, &advance) == 0)
            top = std::max(top, maxY);
    }
    return ascent + std::clamp(top - ascent, 0, growth);
}

// Copies a run's coverage into the line. Both are the same colour, so only alpha needs merging; where
// glyphs of neighbouring runs overhang into each other the denser coverage wins.
void mergeCoverage(SDL_Surface* line, SDL_Surface* run, int left, int top) {
    // The columns of the run that land in the line, found once: the loop below then has no branch a pixel
    // and the compiler vectorises it.
    const int firstX = std::max(0, -left);
    const int endX = std::min(run->w, line->w - left);
    if (firstX >= endX) return;
    for (int y = 0; y < run->h; ++y) {
        const int lineY = top + y;
        if (lineY < 0 || lineY >= line->h) continue;
        const std::uint32_t* src = pixelRow(run, y);
        std::uint32_t* dst = pixelRow(line, lineY) + (firstX + left);
        for (int x = firstX; x < endX; ++x, ++dst) {
            const std::uint32_t alpha = std::max(src[x] & 0xFF000000u, *dst & 0xFF000000u);
            *dst = (*dst & 0x00FFFFFFu) | alpha;
        }
    }
}

}  // namespace

SurfacePtr TextRasterizer::renderLine(std::string_view utf8, const layout::FontSpec& font, Color color) {
    auto chain = fonts_.chain(font, utf8);
    if (!chain) {
        lastError_ = chain.error().message;
        return nullptr;
    }
    const std::vector<TTF_Font*>& fonts = chain.value();
    const LineMetrics metrics = lineMetrics(fonts);
    const std::vector<TextRun> runs = itemiseRuns(utf8, fonts);

    std::vector<int> widths;
    int totalWidth = 0;
    for (const TextRun& run : runs) {
        widths.push_back(runWidth(fonts[run.font], utf8.substr(run.begin, run.end - run.begin)));
        totalWidth += widths.back();
    }

    SurfacePtr line(
        SDL_CreateRGBSurfaceWithFormat(0, totalWidth, metrics.height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!line) {
        lastError_ = std::string("cannot create a text surface: ") + SDL_GetError();
        return nullptr;
    }
    // Transparent pixels carry the text colour too, so scaling and filtering do not darken the edges.
    SDL_FillRect(line.get(), nullptr, SDL_MapRGBA(line->format, color.r, color.g, color.b, 0));
    const SDL_Color fg{color.r, color.g, color.b, color.a};

    int x = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const std::string text = drawableText(utf8.substr(runs[i].begin, runs[i].end - runs[i].begin));
        TTF_Font* runFont = fonts[runs[i].font];
        if (widths[i] > 0) {
            SurfacePtr rendered(TTF_RenderUTF8_Blended(runFont, text.c_str(), fg));
            if (!rendered) {
                lastError_ = std::string("SDL_ttf could not draw \"") + text + "\": " + TTF_GetError();
                return nullptr;
            }
            if (rendered->format->format != SDL_PIXELFORMAT_ARGB8888) {
                rendered.reset(SDL_ConvertSurfaceFormat(rendered.get(), SDL_PIXELFORMAT_ARGB8888, 0));
                if (!rendered) {
                    lastError_ = std::string("cannot convert a text surface: ") + SDL_GetError();
                    return nullptr;
                }
            }
            const int top = metrics.ascent - runBaseline(runFont, text, rendered.get());
            SDL_LockSurface(rendered.get());
            mergeCoverage(line.get(), rendered.get(), x, top);
            SDL_UnlockSurface(rendered.get());
        }
        x += widths[i];
    }
    return line;
}

}  // namespace kiosk::text
