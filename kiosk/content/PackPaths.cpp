// Filesystem checks for pack files; every call uses error codes, so nothing here throws on bad input.
#include "content/PackPaths.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

namespace kiosk::content {

namespace fs = std::filesystem;

namespace {
std::string quote(std::string_view text) {
    return "\"" + std::string(text.substr(0, 80)) + (text.size() > 80 ? "...\"" : "\"");
}

bool isInside(const fs::path& root, const fs::path& path) {
    const auto [rootEnd, pathPos] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return rootEnd == root.end();
}

std::string lowerExtension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return ext;
}
}  // namespace

ResolvedPath resolveInsidePack(const fs::path& root, std::string_view relative, std::string_view what) {
    const std::string name(what);
    const auto fail = [](std::string problem) { return ResolvedPath{{}, std::move(problem)}; };
    if (relative.empty())
        return fail(name + " path is empty; name a file inside the pack, e.g. \"images/photo.png\"");
    if (std::any_of(relative.begin(), relative.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return fail(name + " path " + quote(relative) + " contains a control character; remove it");
    const fs::path given{std::string(relative)};
    if (given.is_absolute() || relative.front() == '/')
        return fail(name + " path " + quote(relative) +
                    " is absolute; use a path relative to the pack folder");
    for (const auto& part : given) {
        if (part == "..")
            return fail(name + " path " + quote(relative) +
                        " uses \"..\"; keep every file inside the pack folder");
    }

    std::error_code ec;
    const fs::path full = (root / given).lexically_normal();
    if (!fs::exists(full, ec) || ec)
        return fail(name + " " + quote(relative) + " does not exist in the pack; add it or correct the path");
    const fs::path canonicalRoot = fs::canonical(root, ec);
    if (ec) return fail("cannot resolve the pack folder: " + ec.message());
    const fs::path canonicalFile = fs::canonical(full, ec);
    if (ec) return fail(name + " " + quote(relative) + " cannot be resolved: " + ec.message());
    if (!isInside(canonicalRoot, canonicalFile))
        return fail(name + " " + quote(relative) +
                    " is a symlink that leads out of the pack; copy the file into the pack instead");
    if (fs::is_directory(canonicalFile, ec))
        return fail(name + " " + quote(relative) + " is a folder, not a file; name a file inside it");
    if (!fs::is_regular_file(canonicalFile, ec))
        return fail(name + " " + quote(relative) + " is not a regular file; use a plain file");
    return ResolvedPath{full, {}};
}

std::optional<std::string> imageProblem(const fs::path& file, std::string_view relative,
                                        ImageMeasurer* images) {
    const std::string ext = lowerExtension(file);
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".svg")
        return "image " + quote(relative) + " is not PNG, JPEG or SVG; convert it to one of those";
    std::error_code ec;
    const auto bytes = fs::file_size(file, ec);
    if (ec) return "image " + quote(relative) + " cannot be read: " + ec.message();
    if (bytes > kMaxImageBytes) {
        char mib[32];
        std::snprintf(mib, sizeof mib, "%.2f", static_cast<double>(bytes) / (1024.0 * 1024.0));
        return "image " + quote(relative) + " is " + mib + " MiB; shrink it to at most 2 MiB";
    }
    if (!images) return std::nullopt;
    const auto size = images->imageSize(file.string());
    if (!size || size->w <= 0 || size->h <= 0)
        return "image " + quote(relative) + " cannot be decoded; export it again as PNG, JPEG or SVG";
    if (size->w > kMaxImageSide || size->h > kMaxImageSide)
        return "image " + quote(relative) + " is " + std::to_string(size->w) + "x" + std::to_string(size->h) +
               " px; scale it to at most " + std::to_string(kMaxImageSide) + " px a side";
    return std::nullopt;
}

}  // namespace kiosk::content
