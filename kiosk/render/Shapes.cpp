// Rounded rectangles as a triangle fan from the centre (the outline is convex), drawn with
// SDL_RenderGeometry.
#include "render/Shapes.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::render {

namespace {
constexpr int kSegmentsPerCorner = 8;

std::vector<SDL_FPoint> outline(Rect rect, int radius) {
    radius = std::clamp(radius, 0, std::min(rect.w, rect.h) / 2);
    const float r = static_cast<float>(radius);
    const float left = static_cast<float>(rect.x);
    const float top = static_cast<float>(rect.y);
    const float right = static_cast<float>(rect.right());
    const float bottom = static_cast<float>(rect.bottom());
    const SDL_FPoint centres[4] = {
        {right - r, top + r}, {right - r, bottom - r}, {left + r, bottom - r}, {left + r, top + r}};
    std::vector<SDL_FPoint> points;
    for (int corner = 0; corner < 4; ++corner) {
        const double start = -M_PI / 2 + corner * M_PI / 2;
        for (int i = 0; i <= kSegmentsPerCorner; ++i) {
            const double angle = start + (M_PI / 2) * i / kSegmentsPerCorner;
            points.push_back({centres[corner].x + r * static_cast<float>(std::cos(angle)),
                              centres[corner].y + r * static_cast<float>(std::sin(angle))});
        }
    }
    return points;
}

// An opaque colour is drawn without blending: the same pixels, but SDL's software renderer (2.26) blends each
// triangle of a blended fill through a cleared off-screen surface of the triangle's bounding box, about 2,400
// of them in a fade frame of the attract loop with its four call buttons.
void drawTriangles(SDL_Renderer* renderer, const std::vector<SDL_Vertex>& vertices, Color color) {
    SDL_BlendMode previous = SDL_BLENDMODE_BLEND;
    SDL_GetRenderDrawBlendMode(renderer, &previous);
    if (color.a == 255) SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_RenderGeometry(renderer, nullptr, vertices.data(), static_cast<int>(vertices.size()), nullptr, 0);
    if (color.a == 255) SDL_SetRenderDrawBlendMode(renderer, previous);
}
}  // namespace

void fillRoundedRect(SDL_Renderer* renderer, Rect rect, int radius, Color color) {
    if (rect.w <= 0 || rect.h <= 0 || color.a == 0) return;
    if (radius <= 0) {
        SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, color.a);
        const SDL_Rect r{rect.x, rect.y, rect.w, rect.h};
        SDL_RenderFillRect(renderer, &r);
        return;
    }
    const auto points = outline(rect, radius);
    const SDL_Color c{color.r, color.g, color.b, color.a};
    std::vector<SDL_Vertex> vertices;
    vertices.reserve(points.size() * 3);
    const SDL_FPoint centre{rect.x + rect.w / 2.0f, rect.y + rect.h / 2.0f};
    for (std::size_t i = 0; i < points.size(); ++i) {
        vertices.push_back({centre, c, {0, 0}});
        vertices.push_back({points[i], c, {0, 0}});
        vertices.push_back({points[(i + 1) % points.size()], c, {0, 0}});
    }
    drawTriangles(renderer, vertices, color);
}

void strokeRoundedRect(SDL_Renderer* renderer, Rect rect, int radius, int thickness, Color color) {
    if (rect.w <= 0 || rect.h <= 0 || color.a == 0 || thickness <= 0) return;
    const auto outer = outline(rect, radius);
    const auto inner = outline(rect.inset(thickness), std::max(0, radius - thickness));
    const SDL_Color c{color.r, color.g, color.b, color.a};
    std::vector<SDL_Vertex> vertices;
    for (std::size_t i = 0; i < outer.size(); ++i) {
        const std::size_t j = (i + 1) % outer.size();
        vertices.push_back({outer[i], c, {0, 0}});
        vertices.push_back({outer[j], c, {0, 0}});
        vertices.push_back({inner[i], c, {0, 0}});
        vertices.push_back({inner[i], c, {0, 0}});
        vertices.push_back({outer[j], c, {0, 0}});
        vertices.push_back({inner[j], c, {0, 0}});
    }
    drawTriangles(renderer, vertices, color);
}

}  // namespace kiosk::render
