// An image's format and pixel size read from its first bytes (PNG IHDR, JPEG SOF, GIF screen, SVG root),
// so a file claiming a huge picture is refused before anything is decoded or allocated. No SDL.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

enum class ImageFormat { Png, Jpeg, Gif, Svg, Unknown };

// "PNG", "JPEG", "GIF", "SVG" or "an unknown format", for messages.
std::string_view formatName(ImageFormat format);
// The format a file name promises by its extension (case-insensitive); Unknown for any other.
ImageFormat formatFromExtension(const std::filesystem::path& path);

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;  // from the bytes, whatever the name says
    std::int64_t width = 0;                     // pixels; for SVG at 96 dpi
    std::int64_t height = 0;
    std::string problem;  // empty when the size was read; else why not, in words for the pack's editor
    bool ok() const { return problem.empty(); }
    std::int64_t pixels() const { return width * height; }
};

// Reads the header of `bytes` (the start of a file; a complete SVG root element is needed for SVG).
ImageHeader parseImageHeader(std::string_view bytes);
// Reads at most the first 64 KiB of a regular file (never following a FIFO or device) and parses them.
ImageHeader readImageHeader(const std::filesystem::path& path);

}  // namespace kiosk::content
