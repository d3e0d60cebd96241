// Loading content with a fallback: a good pack is copied aside, so tomorrow's broken edit still shows
// today's.
#include "app/PackSelection.h"

#include "content/PackPaths.h"

#include <optional>
#include <system_error>

namespace kiosk::app {

namespace fs = std::filesystem;

fs::path lastGoodPackDir(const fs::path& dataDir) {
    return dataDir / "last-good-pack";
}

namespace {
using Problem = reports::KioskProblem;

// Why a copy stopped; nullopt when it is complete.
std::optional<Problem> copyFailure(Problem::CopyFailure why, std::string detail = {}) {
    Problem problem;
    problem.kind = Problem::Kind::PackNotKept;
    problem.copy = why;
    problem.detail = std::move(detail);
    return problem;
}

// Copies the pack's folders and regular files, nothing else: a link (which the loader never follows) is left
// out rather than copied through, and a pipe or device is never opened. Stops past the pack size limits.
std::optional<Problem> copyPackFiles(const fs::path& from, const fs::path& to) {
    using Why = Problem::CopyFailure;
    std::error_code error;
    fs::create_directories(to, error);
    if (error) return copyFailure(Why::System, error.message());
    std::uintmax_t bytes = 0;
    std::size_t entries = 0;
    for (fs::recursive_directory_iterator it(from, error), end; !error && it != end; it.increment(error)) {
        if (++entries > content::kMaxPackFiles) return copyFailure(Why::TooManyFiles);
        const auto status = it->symlink_status(error);
        if (error) return copyFailure(Why::System, error.message());
        const fs::path target = to / it->path().lexically_relative(from);
        if (fs::is_directory(status)) {
            fs::create_directory(target, error);
        } else if (fs::is_regular_file(status)) {
            bytes += it->file_size(error);
            if (bytes > content::kMaxPackBytes) return copyFailure(Why::TooBig);
            if (!error) fs::copy_file(it->path(), target, error);
        }
        if (error) return copyFailure(Why::System, error.message());
    }
    return error ? copyFailure(Why::System, error.message()) : std::nullopt;
}

// Copy to a temporary folder, then swap it in, so a power cut leaves the old copy or the new one.
std::optional<Problem> keepCopy(const fs::path& from, const fs::path& dataDir) {
    std::error_code error;
    const fs::path target = lastGoodPackDir(dataDir);
    const fs::path temporary = dataDir / "last-good-pack.tmp";
    const fs::path old = dataDir / "last-good-pack.old";
    fs::remove_all(temporary, error);
    fs::create_directories(dataDir, error);
    auto problem = copyPackFiles(from, temporary);
    if (!problem) {
        fs::remove_all(old, error);
        if (fs::exists(target)) fs::rename(target, old, error);
        fs::rename(temporary, target, error);
        if (error) problem = copyFailure(Problem::CopyFailure::System, error.message());
    }
    if (problem) {
        problem->folder = target.string();
        return problem;
    }
    fs::remove_all(old, error);
    return std::nullopt;
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
            if (auto problem = keepCopy(contentDir, dataDir))
                selection.problems.push_back(std::move(*problem));
        }
        return selection;
    }
    Problem didNotLoad;
    didNotLoad.kind = Problem::Kind::PackDidNotLoad;
    didNotLoad.folder = contentDir.string();
    selection.problems.push_back(std::move(didNotLoad));
    for (const auto& diagnostic : loaded.diagnostics)
        if (diagnostic.severity == content::Severity::Error)
            selection.problems.push_back({Problem::Kind::Diagnostic, diagnostic.format()});

    // A power cut between keepCopy's two renames leaves only the ".old" copy: it is as good.
    fs::path fallbackDir = dataDir.empty() ? fs::path() : lastGoodPackDir(dataDir);
    if (!fallbackDir.empty() && !fs::exists(fallbackDir) && fs::exists(dataDir / "last-good-pack.old"))
        fallbackDir = dataDir / "last-good-pack.old";
    if (!fallbackDir.empty() && fs::exists(fallbackDir)) {
        auto fallback = content::loadPack(fallbackDir, images);
        if (fallback.pack) {
            selection.pack = std::move(fallback.pack);
            selection.origin = PackOrigin::LastGood;
            Problem lastGood;
            lastGood.kind = Problem::Kind::ShowingLastGoodPack;
            lastGood.packId = selection.pack->id;
            lastGood.version = selection.pack->version;
            selection.problems.push_back(std::move(lastGood));
            return selection;
        }
    }
    return selection;
}

}  // namespace kiosk::app
