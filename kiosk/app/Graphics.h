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

// Fonts and images, independent of any window.
class TextAndImages {
public:
    // Fails with a message naming the missing font family and the package that brings it.
    static std::unique_ptr<TextAndImages> create(const content::ThemeFonts& fonts, std::string& error);

    text::TtfTextMeasurer& measurer() { return measurer_; }
    text::TextRasterizer& rasterizer() { return rasterizer_; }
    render::ImageLoader& images() { return images_; }

    explicit TextAndImages(text::FontLibrary fonts)
        : fonts_(std::move(fonts)), measurer_(fonts_), rasterizer_(fonts_) {}

private:
    text::FontLibrary fonts_;
    text::TtfTextMeasurer measurer_;
    text::TextRasterizer rasterizer_;
    render::ImageLoader images_;
};

}  // namespace kiosk::app
