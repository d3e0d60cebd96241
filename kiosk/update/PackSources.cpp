// Reading packs from any transport and handing the newest good one to the slots.
#include "update/PackSources.h"

#include "update/PackVersion.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace kiosk::update {

namespace fs = std::filesystem;

namespace {

// Where fetched packs wait to be checked: a "download-" name, which the slots keep while they install and
// clear at the next start.
constexpr const char* kDownloadFolderName = "download-incoming";

struct Candidate {
    Manifest manifest;
    fs::path file;
    std::string name;
};

// The source could not hand `name` over: over the limit (oversized) or otherwise (unreadable), in its words.
ArchiveError notFetched(bool oversized, const std::string& name, const std::string& detail) {
    ArchiveError error{oversized ? Refusal::Oversized : Refusal::Unreadable,
                       oversized ? ArchiveError::Kind::FetchTooBig : ArchiveError::Kind::CannotFetch};
    error.file = name;
    error.detail = detail;
    return error;
}

// Installs the newest candidate that passes; records each refusal.
void installNewest(std::vector<Candidate>& candidates, const CheckRequest& request, CheckOutcome& outcome) {
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return comparePackVersions(a.manifest.version, b.manifest.version) > 0;
    });
    for (const auto& candidate : candidates) {
        auto installed =
            request.slots->install(candidate.file, request.trusted, request.runningVersion, request.images);
        if (installed) {
            outcome.installed = std::move(installed.value());
            outcome.result = CheckResult::Installed;
            return;
        }
        outcome.refusals.push_back(installed.error());
        if (installed.error().reason == Refusal::Unreadable) {
            outcome.result = CheckResult::Failed;
            return;
        }
    }
}

// What a failed fetch means for the check: an unreachable source is skipped (the booth is offline), a file
// over the limit is refused as oversized, anything else fails the check.
enum class FetchFailure { Skip, Oversized, Fail };
FetchFailure classify(const sync::Error& error) {
    if (error.kind == sync::ErrorKind::Unreachable) return FetchFailure::Skip;
    if (error.kind == sync::ErrorKind::Invalid) return FetchFailure::Oversized;
    return FetchFailure::Fail;
}

std::string readWhole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A source without an index (a stick): every file it lists, each fetched and its signed manifest read; those
// not newer than the running pack are refused (and dropped) at once.
std::vector<Candidate> listedCandidates(sync::Transport& source, const std::vector<std::string>& names,
                                        const std::string& folder, const fs::path& downloads,
                                        const CheckRequest& request, CheckOutcome& outcome) {
    std::vector<Candidate> candidates;
    std::error_code ignored;
    for (const auto& name : names) {
        if (name == kIndexFileName) continue;
        auto fetched = source.fetch(folder + "/" + name, downloads, kMaxArchiveBytes);
        if (!fetched) {
            outcome.refusals.push_back(notFetched(classify(fetched.error()) == FetchFailure::Oversized,
                                                  source.where() + "/" + folder + "/" + name,
                                                  fetched.error().message));
            continue;
        }
        const fs::path file = fetched.value();
        auto manifest = readPackArchive(file, request.trusted);
        if (!manifest) {
            outcome.refusals.push_back(manifest.error());
            fs::remove(file, ignored);
            continue;
        }
        if (!request.runningVersion.empty() &&
            comparePackVersions(manifest.value().version, request.runningVersion) <= 0) {
            outcome.refusals.push_back(notNewer(source.where() + "/" + folder + "/" + name, manifest.value(),
                                                request.runningVersion));
            fs::remove(file, ignored);
            continue;
        }
        candidates.push_back({std::move(manifest.value()), file, name});
    }
    return candidates;
}

}  // namespace

std::vector<IndexEntry> parseIndex(std::string_view text) {
    std::vector<IndexEntry> entries;
    std::size_t start = 0;
    while (start < text.size() && entries.size() < kMaxCandidates) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(start, end - start));
        start = end + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto space = line.find(' ');
        if (space == std::string::npos) continue;
        IndexEntry entry{line.substr(0, space), line.substr(space + 1)};
        // A file name only: the index can point nowhere but its own folder.
        if (!parsePackVersion(entry.version) || entry.file.empty() || entry.file.size() > 200 ||
            entry.file.find_first_of("/\\?#% ") != std::string::npos || entry.file.front() == '.')
            continue;
        entries.push_back(std::move(entry));
    }
    return entries;
}

CheckOutcome checkSource(sync::Transport& source, const CheckRequest& request, const std::string& folder) {
    CheckOutcome outcome;
    const std::string where = source.where() + "/" + folder + "/";
    outcome.where = where;
    const fs::path downloads = request.slots->root() / kDownloadFolderName;
    std::error_code ignored;
    fs::remove_all(downloads, ignored);  // what an earlier check left
    const auto cleanUp = [&] { fs::remove_all(downloads, ignored); };

    auto index = source.fetch(folder + "/" + kIndexFileName, downloads, kMaxIndexBytes);
    std::vector<Candidate> candidates;
    if (!index && index.error().kind == sync::ErrorKind::NotFound) {
        // No index: a source that lists its folder (a stick) offers every file in it.
        auto names = source.list(folder, kMaxCandidates);
        if (!names) {
            cleanUp();
            const auto kind = names.error().kind;
            outcome.result = kind == sync::ErrorKind::NotFound || kind == sync::ErrorKind::Unreachable
                                 ? CheckResult::Skipped
                                 : CheckResult::NothingNew;
            outcome.problem =
                kind == sync::ErrorKind::NotSetUp ? SourceProblem::NothingPublished : SourceProblem::NoFolder;
            if (kind == sync::ErrorKind::NotSetUp) outcome.file = kIndexFileName;
            return outcome;
        }
        candidates = listedCandidates(source, names.value(), folder, downloads, request, outcome);
        installNewest(candidates, request, outcome);
        cleanUp();
        return outcome;
    }
    if (!index) {
        cleanUp();
        if (classify(index.error()) == FetchFailure::Skip) {
            outcome.result = CheckResult::Skipped;
            outcome.problem = SourceProblem::NoRoute;
        } else {
            outcome.result = CheckResult::Failed;
            outcome.problem = SourceProblem::Unreadable;
            outcome.file = kIndexFileName;
        }
        outcome.reason = index.error().message;
        return outcome;
    }
    auto entries = parseIndex(readWhole(index.value()));
    fs::remove(index.value(), ignored);
    std::sort(entries.begin(), entries.end(), [](const IndexEntry& a, const IndexEntry& b) {
        return comparePackVersions(a.version, b.version) > 0;
    });
    int tries = 0;
    for (const auto& entry : entries) {
        if (!request.runningVersion.empty() &&
            comparePackVersions(entry.version, request.runningVersion) <= 0)
            break;
        if (++tries > 3) break;
        auto fetched = source.fetch(folder + "/" + entry.file, downloads, kMaxArchiveBytes);
        if (!fetched) {
            const FetchFailure failure = classify(fetched.error());
            if (failure == FetchFailure::Oversized) {
                outcome.refusals.push_back(notFetched(true, where + entry.file, fetched.error().message));
                continue;
            }
            cleanUp();
            outcome.result = failure == FetchFailure::Skip ? CheckResult::Skipped : CheckResult::Failed;
            outcome.problem = SourceProblem::Unreadable;
            outcome.file = entry.file;
            outcome.reason = fetched.error().message;
            return outcome;
        }
        std::vector<Candidate> one;
        one.push_back({Manifest{}, fetched.value(), entry.file});
        installNewest(one, request, outcome);
        fs::remove(fetched.value(), ignored);
        if (outcome.installed || outcome.result == CheckResult::Failed) break;
    }
    cleanUp();
    return outcome;
}

reports::UpdateFinding findingOf(const CheckOutcome& outcome) {
    reports::UpdateFinding finding;
    finding.result = outcome.result;
    finding.where = outcome.where;
    if (outcome.installed) {
        finding.packId = outcome.installed->manifest.packId;
        finding.version = outcome.installed->manifest.version;
    }
    finding.refusals = outcome.refusals;
    finding.problem = outcome.problem;
    finding.file = outcome.file;
    finding.reason = outcome.reason;
    return finding;
}

CheckOutcome checkFolder(const fs::path& folder, const CheckRequest& request) {
    sync::TransportOptions options;
    const fs::path absolute = fs::absolute(folder).lexically_normal();
    options.location = absolute.parent_path().string();
    auto source = sync::openTransport(options);
    if (!source) {
        CheckOutcome outcome;
        outcome.result = CheckResult::Failed;
        outcome.where = folder.string();
        outcome.problem = SourceProblem::CannotOpen;
        outcome.reason = source.error().message;
        return outcome;
    }
    return checkSource(*source.value(), request, absolute.filename().string());
}

}  // namespace kiosk::update
