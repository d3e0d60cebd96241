// Everything that turns scenes into pixels, built once: fonts, text measuring and rasterising, images,
// and a scene renderer for one SDL renderer.
#pragma once

#include "content/Pack.h"
#include "render/ImageLoader.h"
#include "render/SceneRenderer.h"
#include "text/FontLibrary.h"
#include "text/TextRasterizer.h"
#include "text/TtfTextMeasurer.h"

#include <memory>
#include <optional>
#include <string>

namespace kiosk::app {

// Frames, surfaces and decoded images (megabytes each) go straight back to the system when freed, instead of
// staying in a heap that only grows as screens come and go (glibc otherwise raises its mmap threshold after
// the first large free). Call once, before anything is drawn.
void returnLargeBuffersWhenFreed();
// Frees the cached textures and gives free heap pages back: run before the admin PIN's Argon2id (12 MiB),
// so that allocation does not stack on a screenful of textures the next frame can make again.
void makeRoomForPinCheck(render::SceneRenderer& scenes);

// Fonts and images, independent of any window.
class TextAndImages {
public:
    // Fails with a message naming the missing font family and the package that brings it. `images` may be
    // the loader that measured the pack's images while it loaded: its sizes are then not read again.
    static std::unique_ptr<TextAndImages> create(const content::ThemeFonts& fonts, std::string& error,
                                                 render::ImageLoader images = render::ImageLoader());

    text::TtfTextMeasurer& measurer() { return measurer_; }
    text::TextRasterizer& rasterizer() { return rasterizer_; }
    render::ImageLoader& images() { return images_; }

    TextAndImages(text::FontLibrary fonts, render::ImageLoader images)
        : fonts_(std::move(fonts)), measurer_(fonts_), rasterizer_(fonts_), images_(std::move(images)) {}

private:
    text::FontLibrary fonts_;
    text::TtfTextMeasurer measurer_;
    text::TextRasterizer rasterizer_;
    render::ImageLoader images_;
};

}  // namespace kiosk::app
