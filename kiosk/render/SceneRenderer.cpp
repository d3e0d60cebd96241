// Scene drawing: each widget kind to pixels; textures are made once and reused while on screen.
#include "render/SceneRenderer.h"

#include "qr/QrCode.h"
#include "render/Shapes.h"
#include "text/TextRasterizer.h"

#include <algorithm>
#include <cmath>

namespace kiosk::render {

namespace {
std::string colorKey(Color c) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
           std::to_string(c.a);
}

TexturePtr toTexture(SDL_Renderer* renderer, SDL_Surface* surface) {
    if (!surface) return nullptr;
    return TexturePtr(SDL_CreateTextureFromSurface(renderer, surface));
}
}  // namespace

SceneRenderer::SceneRenderer(SDL_Renderer* renderer, text::TextRasterizer& text, ImageLoader& images)
    : renderer_(renderer), text_(text), images_(images) {}

void SceneRenderer::draw(const Scene& scene) {
    SDL_SetRenderDrawBlendMode(renderer_, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(renderer_, scene.background.r, scene.background.g, scene.background.b, 255);
    SDL_RenderClear(renderer_);
    for (const auto& widget : scene.widgets) {
        fillRoundedRect(renderer_, widget.rect, widget.cornerRadius, widget.fill);
        strokeRoundedRect(renderer_, widget.rect, widget.cornerRadius, std::max(1, widget.rect.h / 30),
                          widget.stroke);
        switch (widget.kind) {
        case WidgetKind::Box:
            break;
        case WidgetKind::Text:
        case WidgetKind::Button:
            drawText(widget);
            break;
        case WidgetKind::Image:
            drawImage(widget);
            break;
        case WidgetKind::Qr:
            drawQr(widget);
            break;
        }
        if (widget.focused) {
            const int ring = std::max(3, widget.rect.h / 16);
            const Rect outer{widget.rect.x - ring * 2, widget.rect.y - ring * 2, widget.rect.w + ring * 4,
                             widget.rect.h + ring * 4};
            strokeRoundedRect(renderer_, outer, widget.cornerRadius + ring * 2, ring, widget.style.color);
        }
    }
}

void SceneRenderer::drawText(const Widget& widget) {
    const auto& style = widget.style;
    const std::string prefix = style.language + "|" + std::to_string(style.px) + (style.bold ? "b|" : "|") +
                               colorKey(style.color) + "|";
    for (const auto& line : widget.lines) {
        if (line.text.empty()) continue;
        SDL_Texture* texture = cache_.get(prefix + line.text, [&] {
            SurfacePtr surface =
                text_.renderLine(line.text, {style.language, style.px, style.bold}, style.color);
            return toTexture(renderer_, surface.get());
        });
        if (!texture) continue;
        int w = 0;
        int h = 0;
        SDL_QueryTexture(texture, nullptr, nullptr, &w, &h);
        const SDL_Rect target{line.origin.x, line.origin.y, w, h};
        SDL_RenderCopy(renderer_, texture, nullptr, &target);
    }
}

void SceneRenderer::drawImage(const Widget& widget) {
    const Rect& r = widget.rect;
    SDL_Texture* texture =
        cache_.get(widget.image + "|" + std::to_string(r.w) + "x" + std::to_string(r.h), [&] {
            SurfacePtr surface = images_.load(widget.image, {r.w, r.h});
            TexturePtr texture = toTexture(renderer_, surface.get());
            if (!texture) problems_.push_back("image failed to load: " + widget.image);
            return texture;
        });
    if (!texture) return;
    const SDL_Rect target{r.x, r.y, r.w, r.h};
    const Color tint = widget.tint.a > 0 ? widget.tint : Color{255, 255, 255, 255};
    SDL_SetTextureColorMod(texture, tint.r, tint.g, tint.b);  // an icon takes its button's ink
    SDL_RenderCopy(renderer_, texture, nullptr, &target);
}

// Black modules on white with a four-module quiet zone, whole pixels a module so no module blurs.
void SceneRenderer::drawQr(const Widget& widget) {
    const Rect& r = widget.rect;
    SDL_Texture* texture = cache_.get("qr|" + std::to_string(r.w) + "|" + widget.qr, [&]() -> TexturePtr {
        const auto matrix = qr::encodeQr(widget.qr);
        if (!matrix) {
            problems_.push_back("QR code could not encode: " + widget.qr);
            return nullptr;
        }
        // The code fills the square with a quiet zone of four modules a side; module edges fall on the
        // nearest pixel (modules differ by one pixel at most), so the code is as large as its room rather
        // than up to a module smaller, as whole pixels a module would make it.
        const double scale = static_cast<double>(r.w) / (matrix->size + 8);
        if (scale < 2) problems_.push_back("QR code modules under 2 px: too small to scan");
        SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, r.w, r.w, 32, SDL_PIXELFORMAT_ARGB8888));
        if (!surface) return nullptr;
        SDL_FillRect(surface.get(), nullptr, SDL_MapRGB(surface->format, 255, 255, 255));
        const auto edge = [&](int module) { return static_cast<int>(std::lround((module + 4) * scale)); };
        const Uint32 black = SDL_MapRGB(surface->format, 0, 0, 0);
        for (int y = 0; y < matrix->size; ++y)
            for (int x = 0; x < matrix->size; ++x)
                if (matrix->at(x, y)) {
                    const SDL_Rect module{edge(x), edge(y), edge(x + 1) - edge(x), edge(y + 1) - edge(y)};
                    SDL_FillRect(surface.get(), &module, black);
                }
        return toTexture(renderer_, surface.get());
    });
    if (!texture) return;
    const SDL_Rect target{r.x, r.y, r.w, r.w};
    SDL_RenderCopy(renderer_, texture, nullptr, &target);
}

}  // namespace kiosk::render
