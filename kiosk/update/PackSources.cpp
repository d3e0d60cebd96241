// Reading packs from a folder or a web server and handing the newest good one to the slots.
#include "update/PackSources.h"

#include "update/PackVersion.h"

#include <algorithm>
#include <cstdio>
#include <curl/curl.h>
#include <memory>

namespace kiosk::update {

namespace fs = std::filesystem;

namespace {

struct Candidate {
    Manifest manifest;
    fs::path file;
    std::string name;
};

std::string summary(const CheckOutcome& outcome, const std::string& where) {
    std::string text;
    if (outcome.installed)
        text = "new pack " + outcome.installed->manifest.packId + " " + outcome.installed->manifest.version +
               " from " + where + ": shown from the next visitor";
    else if (outcome.refusals.empty())
        text = "up to date (nothing newer on " + where + ")";
    else
        text = "nothing newer on " + where + " that passes";
    for (const auto& refusal : outcome.refusals)
        text += "; refused " + refusal.message;
    return text;
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

}  // namespace

CheckOutcome checkFolder(const fs::path& folder, const CheckRequest& request) {
    CheckOutcome outcome;
    outcome.where = folder.string();
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
        outcome.result = CheckResult::Skipped;
        outcome.message = "no " + folder.string() + ": nothing to check";
        outcome.detail = outcome.message;
        return outcome;
    }
    std::vector<fs::path> files;
    for (fs::directory_iterator it(folder, error), end; !error && it != end && files.size() < kMaxCandidates;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.' || name == kIndexFileName) continue;
        files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Candidate> candidates;
    for (const auto& file : files) {
        auto manifest = readPackArchive(file, request.trusted);
        if (!manifest) {
            outcome.refusals.push_back(manifest.error());
            continue;
        }
        if (!request.runningVersion.empty() &&
            comparePackVersions(manifest.value().version, request.runningVersion) <= 0) {
            outcome.refusals.push_back(
                {Refusal::Older, "older: " + file.string() + " holds " + manifest.value().packId + " " +
                                     manifest.value().version + ", not newer than the running " +
                                     request.runningVersion});
            continue;
        }
        candidates.push_back({std::move(manifest.value()), file, file.filename().string()});
    }
    installNewest(candidates, request, outcome);
    outcome.message = summary(outcome, folder.string());
    return outcome;
}

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

namespace {

struct CurlDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

struct Sink {
    std::string* text = nullptr;
    std::FILE* file = nullptr;
    std::uintmax_t limit = 0;
    std::uintmax_t received = 0;
    bool overLimit = false;
};

std::size_t receive(char* data, std::size_t size, std::size_t count, void* user) {
    auto* sink = static_cast<Sink*>(user);
    const std::size_t bytes = size * count;
    sink->received += bytes;
    if (sink->received > sink->limit) {
        sink->overLimit = true;
        return 0;  // aborts the transfer
    }
    if (sink->text) sink->text->append(data, bytes);
    if (sink->file && std::fwrite(data, 1, bytes, sink->file) != bytes) return 0;
    return bytes;
}

bool isLoopback(const std::string& url) {
    for (const std::string prefix : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
        if (url.rfind(prefix, 0) == 0 &&
            (url.size() == prefix.size() || url[prefix.size()] == ':' || url[prefix.size()] == '/'))
            return true;
    return false;
}

struct Fetched {
    bool noRoute = false;
    long status = 0;
    bool overLimit = false;
    std::string error;
};

Fetched fetch(const ServerOptions& options, const std::string& url, Sink& sink) {
    Fetched result;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return {false, 0, false, "libcurl could not start"};
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options.connectTimeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(options.totalTimeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(sink.limit));
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, receive);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &sink);
    if (!options.caFile.empty()) curl_easy_setopt(curl.get(), CURLOPT_CAINFO, options.caFile.c_str());
    if (!options.token.empty()) {
        if (options.token.find(':') != std::string::npos) {
            curl_easy_setopt(curl.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
            curl_easy_setopt(curl.get(), CURLOPT_USERPWD, options.token.c_str());
        } else {
            headers.reset(curl_slist_append(nullptr, ("Authorization: Bearer " + options.token).c_str()));
            curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
        }
    }
    const CURLcode code = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.status);
    result.overLimit = sink.overLimit || code == CURLE_FILESIZE_EXCEEDED;
    if (code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_CONNECT ||
        code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_RESOLVE_PROXY)
        result.noRoute = true;
    if (code != CURLE_OK) result.error = curl_easy_strerror(code);
    return result;
}

}  // namespace

CheckOutcome checkServer(const ServerOptions& options, const CheckRequest& request) {
    CheckOutcome outcome;
    const std::string base = options.packsUrl.empty() || options.packsUrl.back() != '/'
                                 ? options.packsUrl + "/"
                                 : options.packsUrl;
    const std::string where = base;
    outcome.where = where;
    if (options.packsUrl.empty()) {
        outcome.result = CheckResult::Skipped;
        outcome.message = "no [sync] url: no server to check";
        outcome.detail = outcome.message;
        return outcome;
    }
    if (base.rfind("https://", 0) != 0 && !(options.allowInsecureLoopback && isLoopback(base))) {
        outcome.result = CheckResult::Failed;
        outcome.message = where + " is not https://: packs are fetched over HTTPS only";
        outcome.detail = outcome.message;
        return outcome;
    }
    std::string indexText;
    Sink indexSink{&indexText, nullptr, kMaxIndexBytes};
    const Fetched index = fetch(options, base + kIndexFileName, indexSink);
    if (index.noRoute) {
        outcome.result = CheckResult::Skipped;
        outcome.message = "no route, skipped: " + where + " (" + index.error + "); the kiosk runs on";
        outcome.detail = outcome.message;
        return outcome;
    }
    if (index.status == 404) {
        outcome.message = "no " + std::string(kIndexFileName) + " in " + where + ": nothing published";
        outcome.detail = outcome.message;
        return outcome;
    }
    if (!index.error.empty() || index.status != 200) {
        outcome.result = CheckResult::Failed;
        outcome.message = where + kIndexFileName + ": " +
                          (index.overLimit        ? "over " + std::to_string(kMaxIndexBytes) + " bytes"
                           : !index.error.empty() ? index.error
                                                  : "HTTP " + std::to_string(index.status));
        outcome.detail = outcome.message;
        return outcome;
    }
    auto entries = parseIndex(indexText);
    std::sort(entries.begin(), entries.end(), [](const IndexEntry& a, const IndexEntry& b) {
        return comparePackVersions(a.version, b.version) > 0;
    });
    int tries = 0;
    std::error_code error;
    fs::create_directories(request.slots->root(), error);
    for (const auto& entry : entries) {
        if (!request.runningVersion.empty() &&
            comparePackVersions(entry.version, request.runningVersion) <= 0)
            break;
        if (++tries > 3) break;
        const fs::path download = request.slots->root() / ("download-" + entry.file);
        {
            std::unique_ptr<std::FILE, FileCloser> file(std::fopen(download.c_str(), "wb"));
            if (!file) {
                outcome.result = CheckResult::Failed;
                outcome.message = "cannot write " + download.string();
                outcome.detail = outcome.message;
                return outcome;
            }
            Sink sink{nullptr, file.get(), kMaxArchiveBytes};
            const Fetched got = fetch(options, base + entry.file, sink);
            if (got.overLimit) {
                outcome.refusals.push_back(
                    {Refusal::Oversized, "oversized: " + base + entry.file + " is over " +
                                             std::to_string(kMaxArchiveBytes) + " bytes"});
                fs::remove(download, error);
                continue;
            }
            if (!got.error.empty() || got.status != 200) {
                fs::remove(download, error);
                outcome.result = got.noRoute ? CheckResult::Skipped : CheckResult::Failed;
                outcome.message = base + entry.file + ": " +
                                  (got.error.empty() ? "HTTP " + std::to_string(got.status) : got.error);
                outcome.detail = outcome.message;
                return outcome;
            }
        }
        std::vector<Candidate> one;
        one.push_back({Manifest{}, download, entry.file});
        installNewest(one, request, outcome);
        fs::remove(download, error);
        if (outcome.installed || outcome.result == CheckResult::Failed) break;
    }
    outcome.message = summary(outcome, where);
    return outcome;
}

}  // namespace kiosk::update
