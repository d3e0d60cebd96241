// Draws a scene with an SDL renderer: boxes, buttons, text lines, images and QR codes, from cached textures.
#pragma once

#include "core/Scene.h"
#include "render/ImageLoader.h"
#include "render/TextureCache.h"

#include <SDL.h>
#include <string>
#include <vector>

namespace kiosk::text {
class TextRasterizer;
}

namespace kiosk::render {

class SceneRenderer {
public:
    SceneRenderer(SDL_Renderer* renderer, text::TextRasterizer& text, ImageLoader& images);

    // Draws onto the renderer's current target, background first.
    void draw(const Scene& scene);
    // Frees textures no longer on screen; call once a presented frame.
    void endFrame() { cache_.endFrame(); }
    // Things that failed while drawing (an image that would not decode at its size, a QR that would not
    // encode).
    const std::vector<std::string>& problems() const { return problems_; }
    void clearProblems() { problems_.clear(); }
    std::size_t cachedTextures() const { return cache_.size(); }
    // Frees every cached texture (they are made again when next drawn): room before a large allocation.
    void releaseTextures() { cache_.clear(); }

private:
    void drawText(const Widget& widget);
    void drawImage(const Widget& widget);
    void drawQr(const Widget& widget);

    SDL_Renderer* renderer_;
    text::TextRasterizer& text_;
    ImageLoader& images_;
    TextureCache cache_;
    std::vector<std::string> problems_;
};

}  // namespace kiosk::render
