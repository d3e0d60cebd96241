// Rules for files a pack names (its TOML files and images): they stay inside the pack and are real files.
#pragma once

#include "core/ImageMeasurer.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

inline constexpr std::uintmax_t kMaxImageBytes = 2 * 1024 * 1024;
inline constexpr int kMaxImageSide = 4096;

// An absolute path inside the pack, or the problem with the name the pack gave.
struct ResolvedPath {
    std::filesystem::path path;
    std::string problem;
    bool ok() const { return problem.empty(); }
};

// Resolves `relative` against the pack folder `root`. Refuses absolute paths, "..", symlinks that lead out
// of the pack, missing files and folders. `what` names the thing in messages ("image", "file").
ResolvedPath resolveInsidePack(const std::filesystem::path& root, std::string_view relative,
                               std::string_view what);

// What is wrong with the image at `file` (format, bytes, decoding, pixel size), or nullopt. Decoding and
// pixel size are checked only when `images` is given. `relative` is the name shown in messages.
std::optional<std::string> imageProblem(const std::filesystem::path& file, std::string_view relative,
                                        ImageMeasurer* images);

}  // namespace kiosk::content
