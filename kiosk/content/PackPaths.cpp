// Filesystem checks for pack files; every call uses error codes, so nothing here throws on bad input.
#include "content/PackPaths.h"

#include "content/ImageHeader.h"

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
    const fs::path canonicalRoot = fs::canonical(root, ec);
    if (ec) return fail("cannot resolve the pack folder: " + ec.message());
    // Each step from the pack folder is looked at without following it: a link is never followed (it could
    // lead anywhere, and the last-good copy leaves links out), and nothing but a regular file is opened.
    fs::path walked = root;
    for (const auto& part : given.lexically_normal()) {
        if (part.empty() || part == ".") continue;
        walked /= part;
        const auto status = fs::symlink_status(walked, ec);
        if (ec || !fs::exists(status))
            return fail(name + " " + quote(relative) +
                        " does not exist in the pack; add it or correct the path");
        if (fs::is_symlink(status)) {
            const fs::path target = fs::weakly_canonical(walked, ec);
            if (ec || !isInside(canonicalRoot, target))
                return fail(name + " " + quote(relative) +
                            " is a symlink that leads out of the pack; copy the file into the pack instead");
            return fail(name + " " + quote(relative) +
                        " is a symlink, and links are not followed; put the file itself at this path");
        }
    }
    const auto status = fs::symlink_status(full, ec);
    if (fs::is_directory(status))
        return fail(name + " " + quote(relative) + " is a folder, not a file; name a file inside it");
    if (!fs::is_regular_file(status))
        return fail(name + " " + quote(relative) +
                    " is not a regular file (a pipe, socket or device); use a plain file");
    return ResolvedPath{full, {}};
}

std::optional<std::string> packFolderProblem(const fs::path& root) {
    std::error_code ec;
    std::uintmax_t bytes = 0;
    std::size_t entries = 0;
    // Links are not followed (the iterator's default), so a link to a big folder costs one entry.
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (++entries > kMaxPackFiles)
            return "the pack folder holds more than " + std::to_string(kMaxPackFiles) +
                   " files and folders; remove what the pack does not name";
        std::error_code statError;
        const auto status = it->symlink_status(statError);
        if (!statError && fs::is_regular_file(status)) {
            bytes += it->file_size(statError);
            if (bytes > kMaxPackBytes)
                return "the pack folder holds more than " + std::to_string(kMaxPackBytes / (1024 * 1024)) +
                       " MiB; remove what the pack does not name or shrink its images";
        }
    }
    if (ec) return "cannot list the pack folder: " + ec.message();
    return std::nullopt;
}

std::optional<std::string> imageProblem(const fs::path& file, std::string_view relative,
                                        ImageMeasurer* images) {
    const ImageFormat named = formatFromExtension(file);
    if (named != ImageFormat::Png && named != ImageFormat::Jpeg && named != ImageFormat::Svg)
        return "image " + quote(relative) + " is not PNG, JPEG or SVG; convert it to one of those";
    std::error_code ec;
    const auto bytes = fs::file_size(file, ec);
    if (ec) return "image " + quote(relative) + " cannot be read: " + ec.message();
    if (bytes > kMaxImageBytes) {
        char mib[32];
        std::snprintf(mib, sizeof mib, "%.2f", static_cast<double>(bytes) / (1024.0 * 1024.0));
        return "image " + quote(relative) + " is " + mib + " MiB; shrink it to at most 2 MiB";
    }
    // The size comes from the header before anything is decoded: a few bytes can claim a picture that would
    // take gigabytes to unpack.
    const ImageHeader header = readImageHeader(file);
    if (header.format != ImageFormat::Unknown && header.format != named)
        return "image " + quote(relative) + " is named like " + std::string(formatName(named)) +
               " but holds " + std::string(formatName(header.format)) +
               "; export it again as PNG, JPEG or SVG";
    if (!header.ok())
        return "image " + quote(relative) + " cannot be used: " + header.problem +
               "; export it again as PNG, JPEG or SVG";
    if (header.width > kMaxImageSide || header.height > kMaxImageSide)
        return "image " + quote(relative) + " is " + std::to_string(header.width) + "x" +
               std::to_string(header.height) + " px; scale it to at most " + std::to_string(kMaxImageSide) +
               " px a side";
    if (!images) return std::nullopt;
    const auto size = images->imageSize(file.string());
    if (!size || size->w <= 0 || size->h <= 0)
        return "image " + quote(relative) + " cannot be decoded; export it again as PNG, JPEG or SVG";
    return std::nullopt;
}

}  // namespace kiosk::content
