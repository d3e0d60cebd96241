// Loading content with a fallback: a good pack is copied aside, so tomorrow's broken edit still shows
// today's.
#include "app/PackSelection.h"

#include "content/PackPaths.h"

#include <system_error>

namespace kiosk::app {

namespace fs = std::filesystem;

fs::path lastGoodPackDir(const fs::path& dataDir) {
    return dataDir / "last-good-pack";
}

namespace {
// Copies the pack's folders and regular files, nothing else: a link (which the loader never follows) is left
// out rather than copied through, and a pipe or device is never opened. Stops past the pack size limits.
std::string copyPackFiles(const fs::path& from, const fs::path& to) {
    std::error_code error;
    fs::create_directories(to, error);
    if (error) return error.message();
    std::uintmax_t bytes = 0;
    std::size_t entries = 0;
    for (fs::recursive_directory_iterator it(from, error), end; !error && it != end; it.increment(error)) {
        if (++entries > content::kMaxPackFiles) return "the pack has too many files";
        const auto status = it->symlink_status(error);
        if (error) return error.message();
        const fs::path target = to / it->path().lexically_relative(from);
        if (fs::is_directory(status)) {
            fs::create_directory(target, error);
        } else if (fs::is_regular_file(status)) {
            bytes += it->file_size(error);
            if (bytes > content::kMaxPackBytes) return "the pack is too big";
            if (!error) fs::copy_file(it->path(), target, error);
        }
        if (error) return error.message();
    }
    return error ? error.message() : std::string();
}

// Copy to a temporary folder, then swap it in, so a power cut leaves the old copy or the new one.
std::string keepCopy(const fs::path& from, const fs::path& dataDir) {
    std::error_code error;
    const fs::path target = lastGoodPackDir(dataDir);
    const fs::path temporary = dataDir / "last-good-pack.tmp";
    const fs::path old = dataDir / "last-good-pack.old";
    fs::remove_all(temporary, error);
    fs::create_directories(dataDir, error);
    if (auto problem = copyPackFiles(from, temporary); !problem.empty())
        return "could not keep a copy of the pack in " + target.string() + ": " + problem;
    fs::remove_all(old, error);
    if (fs::exists(target)) fs::rename(target, old, error);
    fs::rename(temporary, target, error);
    if (error) return "could not keep a copy of the pack in " + target.string() + ": " + error.message();
    fs::remove_all(old, error);
    return "";
}

bool sameFolder(const fs::path& a, const fs::path& b) {
    std::error_code error;
    return fs::equivalent(a, b, error);
}
}  // namespace

PackSelection selectPack(const fs::path& contentDir, const fs::path& dataDir, ImageMeasurer* images) {
    PackSelection selection;
    auto loaded = content::loadPack(contentDir, images);
    if (loaded.pack) {
        selection.pack = std::move(loaded.pack);
        selection.origin = PackOrigin::Configured;
        if (!dataDir.empty() && !sameFolder(contentDir, lastGoodPackDir(dataDir))) {
            if (auto problem = keepCopy(contentDir, dataDir); !problem.empty())
                selection.problems.push_back(problem);
        }
        return selection;
    }
    selection.problems.push_back("the content pack " + contentDir.string() + " did not load:");
    for (const auto& diagnostic : loaded.diagnostics)
        if (diagnostic.severity == content::Severity::Error)
            selection.problems.push_back(diagnostic.format());

    // A power cut between keepCopy's two renames leaves only the ".old" copy: it is as good.
    fs::path fallbackDir = dataDir.empty() ? fs::path() : lastGoodPackDir(dataDir);
    if (!fallbackDir.empty() && !fs::exists(fallbackDir) && fs::exists(dataDir / "last-good-pack.old"))
        fallbackDir = dataDir / "last-good-pack.old";
    if (!fallbackDir.empty() && fs::exists(fallbackDir)) {
        auto fallback = content::loadPack(fallbackDir, images);
        if (fallback.pack) {
            selection.pack = std::move(fallback.pack);
            selection.origin = PackOrigin::LastGood;
            selection.problems.push_back("showing the last pack that loaded (" + selection.pack->id + " " +
                                         selection.pack->version + ")");
            return selection;
        }
    }
    return selection;
}

}  // namespace kiosk::app
