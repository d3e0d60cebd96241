// Image headers by hand: a few dozen bytes of PNG, JPEG and GIF, the root element of an SVG.
#include "content/ImageHeader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::content {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeaderBytes = 64 * 1024;

std::uint32_t bigEndian32(std::string_view b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

std::uint32_t bigEndian16(std::string_view b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 8) | std::uint32_t(std::uint8_t(b[at + 1]));
}

std::uint32_t littleEndian16(std::string_view b, std::size_t at) {
    return std::uint32_t(std::uint8_t(b[at])) | (std::uint32_t(std::uint8_t(b[at + 1])) << 8);
}

ImageHeader failed(ImageFormat format, std::string problem) {
    ImageHeader header;
    header.format = format;
    header.problem = std::move(problem);
    return header;
}

ImageHeader sized(ImageFormat format, std::int64_t width, std::int64_t height) {
    ImageHeader header;
    header.format = format;
    header.width = width;
    header.height = height;
    if (width <= 0 || height <= 0) header.problem = "its header gives no size (0 pixels wide or high)";
    return header;
}

ImageHeader parsePng(std::string_view b) {
    // Signature (8), then the first chunk must be IHDR: length 13, "IHDR", width, height.
    if (b.size() < 24 || b.substr(12, 4) != "IHDR")
        return failed(ImageFormat::Png, "its PNG header is cut short or has no IHDR chunk first");
    return sized(ImageFormat::Png, bigEndian32(b, 16), bigEndian32(b, 20));
}

bool isStartOfFrame(std::uint8_t marker) {
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageHeader parseJpeg(std::string_view b) {
    std::size_t at = 2;  // after SOI
    while (at + 4 <= b.size()) {
        if (std::uint8_t(b[at]) != 0xFF) return failed(ImageFormat::Jpeg, "its JPEG markers are damaged");
        const std::uint8_t marker = std::uint8_t(b[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // markers without a length
            at += 2;
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA)
            return failed(ImageFormat::Jpeg, "its JPEG data starts before any frame header (SOF)");
        const std::uint32_t length = bigEndian16(b, at + 2);
        if (length < 2) return failed(ImageFormat::Jpeg, "its JPEG markers are damaged");
        if (isStartOfFrame(marker)) {
            if (at + 9 > b.size()) break;
            // length(2) precision(1) height(2) width(2); a height of 0 (set later by DNL) is refused.
            return sized(ImageFormat::Jpeg, bigEndian16(b, at + 7), bigEndian16(b, at + 5));
        }
        at += 2 + length;
    }
    return failed(ImageFormat::Jpeg, "no JPEG frame header (SOF) in its first 64 KiB");
}

ImageHeader parseGif(std::string_view b) {
    if (b.size() < 10) return failed(ImageFormat::Gif, "its GIF header is cut short");
    return sized(ImageFormat::Gif, littleEndian16(b, 6), littleEndian16(b, 8));
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// The value of attribute `name` in the tag text `tag` (between "<svg" and ">"), if present.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
    std::size_t at = 0;
    while (at < tag.size()) {
        while (at < tag.size() && isSpace(tag[at]))
            ++at;
        const std::size_t nameStart = at;
        while (at < tag.size() && !isSpace(tag[at]) && tag[at] != '=')
            ++at;
        const std::string_view found = tag.substr(nameStart, at - nameStart);
        while (at < tag.size() && isSpace(tag[at]))
            ++at;
        if (at >= tag.size() || tag[at] != '=') {
            if (found.empty()) ++at;
            continue;
        }
        ++at;
        while (at < tag.size() && isSpace(tag[at]))
            ++at;
        if (at >= tag.size() || (tag[at] != '"' && tag[at] != '\'')) return std::nullopt;
        const char quote = tag[at++];
        const std::size_t end = tag.find(quote, at);
        if (end == std::string_view::npos) return std::nullopt;
        if (found == name) return tag.substr(at, end - at);
        at = end + 1;
    }
    return std::nullopt;
}

// A leading number; `rest` is what follows it.
std::optional<double> leadingNumber(std::string_view text, std::string_view& rest) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || !std::isfinite(value)) return std::nullopt;
    rest = text.substr(static_cast<std::size_t>(end - text.data()));
    return value;
}

// A length in pixels at 96 dpi (as SDL_image's nanosvg reads it), or nullopt for a percentage, a relative
// unit or anything unreadable: then the viewBox decides.
std::optional<double> svgLength(std::string_view text) {
    std::string_view unit;
    const auto number = leadingNumber(text, unit);
    if (!number) return std::nullopt;
    unit = trim(unit);
    if (unit.empty() || unit == "px") return *number;
    if (unit == "pt") return *number * 96.0 / 72.0;
    if (unit == "pc") return *number * 16.0;
    if (unit == "mm") return *number * 96.0 / 25.4;
    if (unit == "cm") return *number * 96.0 / 2.54;
    if (unit == "in") return *number * 96.0;
    return std::nullopt;
}

std::int64_t pixelsOf(double length) {
    if (!(length > 0)) return 0;
    return length >= 1e15 ? std::int64_t(1e15) : std::int64_t(std::ceil(length));
}

ImageHeader parseSvg(std::string_view b) {
    // The root element: the first "<svg" that is not inside a comment.
    std::size_t at = 0;
    for (;;) {
        const std::size_t open = b.find('<', at);
        if (open == std::string_view::npos)
            return failed(ImageFormat::Svg, "no <svg> element in its first 64 KiB");
        if (b.substr(open, 4) == "<!--") {
            const std::size_t close = b.find("-->", open + 4);
            if (close == std::string_view::npos) return failed(ImageFormat::Svg, "a comment never ends");
            at = close + 3;
            continue;
        }
        if (b.substr(open, 4) == "<svg" && open + 4 < b.size() &&
            (isSpace(b[open + 4]) || b[open + 4] == '>' || b[open + 4] == '/')) {
            at = open + 4;
            break;
        }
        at = open + 1;
    }
    const std::size_t end = b.find('>', at);
    if (end == std::string_view::npos)
        return failed(ImageFormat::Svg, "its <svg> element does not end in its first 64 KiB");
    const std::string_view tag = b.substr(at, end - at);

    std::optional<double> width, height;
    if (const auto w = attribute(tag, "width")) width = svgLength(*w);
    if (const auto h = attribute(tag, "height")) height = svgLength(*h);
    if (!width || !height) {
        if (const auto box = attribute(tag, "viewBox")) {
            std::array<double, 4> numbers{};
            std::string_view rest = *box;
            bool read = true;
            for (double& n : numbers) {
                const auto value = leadingNumber(rest, rest);
                if (!value) {
                    read = false;
                    break;
                }
                n = *value;
                rest = trim(rest);
                if (!rest.empty() && rest.front() == ',') rest.remove_prefix(1);
            }
            if (read) {
                if (!width) width = numbers[2];
                if (!height) height = numbers[3];
            }
        }
    }
    if (!width || !height)
        return failed(ImageFormat::Svg,
                      "its <svg> element gives no size; add width and height in px, or a viewBox");
    return sized(ImageFormat::Svg, pixelsOf(*width), pixelsOf(*height));
}

bool looksLikeSvg(std::string_view b) {
    if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
    b = trim(b.substr(0, 1024));
    return b.substr(0, 5) == "<?xml" || b.substr(0, 4) == "<svg" || b.substr(0, 4) == "<!--" ||
           b.substr(0, 9) == "<!DOCTYPE";
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return text;
}

}  // namespace

std::string_view formatName(ImageFormat format) {
    switch (format) {
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Gif:
        return "GIF";
    case ImageFormat::Svg:
        return "SVG";
    case ImageFormat::Unknown:
        break;
    }
    return "an unknown format";
}

ImageFormat formatFromExtension(const fs::path& path) {
    const std::string ext = lower(path.extension().string());
    if (ext == ".png") return ImageFormat::Png;
    if (ext == ".jpg" || ext == ".jpeg") return ImageFormat::Jpeg;
    if (ext == ".gif") return ImageFormat::Gif;
    if (ext == ".svg") return ImageFormat::Svg;
    return ImageFormat::Unknown;
}

ImageHeader parseImageHeader(std::string_view bytes) {
    if (bytes.substr(0, 8) == "\x89PNG\r\n\x1A\n") return parsePng(bytes);
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return parseJpeg(bytes);
    if (bytes.substr(0, 6) == "GIF87a" || bytes.substr(0, 6) == "GIF89a") return parseGif(bytes);
    if (looksLikeSvg(bytes)) return parseSvg(bytes);
    return failed(ImageFormat::Unknown, "it is not a PNG, JPEG or SVG file (its first bytes say so)");
}

ImageHeader readImageHeader(const fs::path& path) {
    // A pipe, socket or device is refused before it is opened (opening one can block or have effects);
    // O_NONBLOCK and fstat cover a file swapped in between.
    struct stat before {};
    if (::stat(path.c_str(), &before) != 0)
        return failed(ImageFormat::Unknown, std::string("it cannot be read: ") + std::strerror(errno));
    if (!S_ISREG(before.st_mode)) return failed(ImageFormat::Unknown, "it is not a regular file");
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return failed(ImageFormat::Unknown, std::string("it cannot be opened: ") + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return failed(ImageFormat::Unknown, "it is not a regular file");
    }
    std::string bytes(std::min<std::size_t>(kHeaderBytes, static_cast<std::size_t>(info.st_size)), '\0');
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        filled += static_cast<std::size_t>(got);
    }
    ::close(fd);
    bytes.resize(filled);
    return parseImageHeader(bytes);
}

}  // namespace kiosk::content
