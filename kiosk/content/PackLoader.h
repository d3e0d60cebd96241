// Loads a content pack folder into the Pack model and checks it against docs/pack-format.md.
#pragma once

#include "content/Diagnostic.h"
#include "content/Pack.h"
#include "core/ImageMeasurer.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace kiosk::content {

struct LoadResult {
    std::optional<Pack> pack;  // set only when there is no error (warnings allowed)
    std::vector<Diagnostic> diagnostics;
    bool hasErrors() const { return content::hasErrors(diagnostics); }
};

// Reads `dir`/pack.toml and the files it names. Diagnostics name files as `dir` joined with the file name, so
// they read as the user typed the path. `images` may be null: then images are checked for place, format and
// bytes but not decoded. Never throws; any input, however broken, yields diagnostics.
LoadResult loadPack(const std::filesystem::path& dir, ImageMeasurer* images);

}  // namespace kiosk::content
