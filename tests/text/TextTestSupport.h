// Shared helpers for the text tests: the library of real fonts and reading a surface's ink.
#pragma once

#include "text/FontLibrary.h"

#include <SDL.h>
#include <catch2/catch.hpp>
#include <cstdint>

namespace kiosk::text::testing {

inline FontLibrary makeLibrary() {
    auto library = FontLibrary::create();
    if (!library) FAIL(library.error().message);
    return std::move(library.value());
}

inline std::uint8_t alphaAt(const SDL_Surface* s, int x, int y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(s->pixels) + y * s->pitch);
    return static_cast<std::uint8_t>(row[x] >> 24);
}

// Columns holding any pixel with coverage, as [first, last]; {-1, -1} for an empty surface.
inline std::pair<int, int> inkColumns(const SDL_Surface* s) {
    int first = -1;
    int last = -1;
    for (int x = 0; x < s->w; ++x) {
        for (int y = 0; y < s->h; ++y) {
            if (alphaAt(s, x, y) > 0) {
                if (first < 0) first = x;
                last = x;
                break;
            }
        }
    }
    return {first, last};
}

}  // namespace kiosk::text::testing
