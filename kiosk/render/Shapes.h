// Filled and outlined rounded rectangles, which SDL2's renderer lacks.
#pragma once

#include "core/Geometry.h"

#include <SDL.h>

namespace kiosk::render {

void fillRoundedRect(SDL_Renderer* renderer, Rect rect, int radius, Color color);
void strokeRoundedRect(SDL_Renderer* renderer, Rect rect, int radius, int thickness, Color color);

}  // namespace kiosk::render
