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
// Decoding a bitmap takes 4 bytes a pixel: 4096x4096 is 64 MiB, the most one image may cost.
inline constexpr std::int64_t kMaxImagePixels = std::int64_t(kMaxImageSide) * kMaxImageSide;

// The pack folder as a whole (counted without following links, before anything is read): the last-good copy
// duplicates it on the kiosk's card at every start.
inline constexpr std::uintmax_t kMaxPackBytes = 64 * 1024 * 1024;
inline constexpr std::size_t kMaxPackFiles = 1000;  // files and folders
// Entries of one kind in one file ([[slide]], [[entry]], [[case]], [[source]], ...).
inline constexpr std::size_t kMaxEntriesPerList = 200;
// Any one string in a pack file, in bytes (a story's longest paragraph is about 2 KB); texts of each kind
// have their own, smaller limits.
inline constexpr std::size_t kMaxStringBytes = 16 * 1024;

// What makes the pack folder too big (more than kMaxPackFiles entries or kMaxPackBytes in regular files), or
// nullopt. Stops counting as soon as a limit is passed.
std::optional<std::string> packFolderProblem(const std::filesystem::path& root);

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

// What is wrong with the image at `file` (format, bytes, header, pixel size, decoding), or nullopt. The
// pixel size comes from the file's header, before any decoding; decoding is checked only when `images` is
// given. `relative` is the name shown in messages.
std::optional<std::string> imageProblem(const std::filesystem::path& file, std::string_view relative,
                                        ImageMeasurer* images);

}  // namespace kiosk::content
