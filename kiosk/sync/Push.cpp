// HTTP PUT of bundles and GET of files with libcurl: TLS always verified, timeouts, retries with exponential
// backoff and jitter.
#include "sync/Push.h"

#include "sync/BundleFormat.h"
#include "sync/CurlLibrary.h"
#include "sync/FileIo.h"

#include <algorithm>
#include <cstdio>
#include <curl/curl.h>
#include <memory>
#include <sodium.h>
#include <thread>

namespace kiosk::sync {

namespace {

// libcurl is opened at run time (CurlLibrary.h), so each deleter carries the library it frees through.
struct CurlCleanup {
    const CurlLibrary* lib;
    void operator()(CURL* curl) const { lib->easyCleanup(curl); }
};
struct CurlUrlCleanup {
    const CurlLibrary* lib;
    void operator()(CURLU* url) const { lib->urlCleanup(url); }
};
struct CurlListCleanup {
    const CurlLibrary* lib;
    void operator()(curl_slist* list) const { lib->slistFreeAll(list); }
};
struct CurlStringFree {
    const CurlLibrary* lib;
    void operator()(char* text) const { lib->free(text); }
};
struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string trimSlashes(std::string url) {
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

bool isLoopbackHost(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1";
}

bool retryableStatus(long status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
}

bool retryableCurlError(CURLcode code) {
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return true;
    default:
        return false;
    }
}

std::string statusHint(long status) {
    switch (status) {
    case 401:
    case 403:
        return " (check [sync] token)";
    case 404:
    case 405:
        return " (check [sync] url: the server does not accept PUT there)";
    case 413:
        return " (the server refuses a bundle this large: raise its upload size limit)";
    default:
        return "";
    }
}

size_t readFromFile(char* buffer, size_t size, size_t count, void* file) {
    return std::fread(buffer, size, count, static_cast<std::FILE*>(file));
}

size_t discardBody(char*, size_t size, size_t count, void*) {
    return size * count;
}

struct AttemptOutcome {
    bool delivered = false;
    bool retry = false;
    long status = 0;
    std::string error;
};

// What every request to the server shares: TLS always verified, no redirects, the timeouts, the token.
void setConnectionOptions(const CurlLibrary& lib, CURL* c, const PushOptions& options, const std::string& url,
                          char* errorText) {
    lib.easySetopt(c, CURLOPT_URL, url.c_str());
    lib.easySetopt(c, CURLOPT_ERRORBUFFER, errorText);
    lib.easySetopt(c, CURLOPT_NOSIGNAL, 1L);
    lib.easySetopt(c, CURLOPT_PROTOCOLS_STR,
                   options.transport.allowInsecureLoopback ? "http,https" : "https");
    lib.easySetopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    lib.easySetopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    lib.easySetopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.transport.caFile.empty())
        lib.easySetopt(c, CURLOPT_CAINFO, options.transport.caFile.c_str());
    lib.easySetopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.transport.connectTimeout.count()));
    lib.easySetopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.transport.totalTimeout.count()));
    if (options.transport.token.find(':') != std::string::npos) {
        lib.easySetopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        lib.easySetopt(c, CURLOPT_USERPWD, options.transport.token.c_str());
    } else if (!options.transport.token.empty()) {
        lib.easySetopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
        lib.easySetopt(c, CURLOPT_XOAUTH2_BEARER, options.transport.token.c_str());
    }
}

AttemptOutcome attempt(const CurlLibrary& lib, const PushOptions& options, const std::string& url,
                       const std::filesystem::path& bundle) {
    AttemptOutcome out;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(bundle.c_str(), "rb"));
    std::error_code ec;
    auto size = std::filesystem::file_size(bundle, ec);
    if (!file || ec) {
        out.error = bundle.string() + ": cannot read the bundle";
        return out;
    }
    std::unique_ptr<CURL, CurlCleanup> curl(lib.easyInit(), CurlCleanup{&lib});
    if (!curl) {
        out.error = "libcurl could not start";
        return out;
    }
    CURL* c = curl.get();
    char errorText[CURL_ERROR_SIZE] = {};
    std::unique_ptr<curl_slist, CurlListCleanup> headers(lib.slistAppend(nullptr, "Expect:"),
                                                         CurlListCleanup{&lib});
    headers.reset(lib.slistAppend(headers.release(), "Content-Type: application/octet-stream"));
    setConnectionOptions(lib, c, options, url, errorText);
    lib.easySetopt(c, CURLOPT_UPLOAD, 1L);
    lib.easySetopt(c, CURLOPT_READFUNCTION, readFromFile);
    lib.easySetopt(c, CURLOPT_READDATA, file.get());
    lib.easySetopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(size));
    lib.easySetopt(c, CURLOPT_WRITEFUNCTION, discardBody);
    lib.easySetopt(c, CURLOPT_HTTPHEADER, headers.get());
    CURLcode code = lib.easyPerform(c);
    lib.easyGetinfo(c, CURLINFO_RESPONSE_CODE, &out.status);
    if (code != CURLE_OK) {
        out.error = std::string(errorText[0] ? errorText : lib.easyStrerror(code));
        out.retry = retryableCurlError(code);
        return out;
    }
    if (out.status >= 200 && out.status < 300) {
        out.delivered = true;
        return out;
    }
    out.error = "server answered HTTP " + std::to_string(out.status) + statusHint(out.status);
    out.retry = retryableStatus(out.status);
    return out;
}

}  // namespace

Result<void> checkPushUrl(const PushOptions& options) {
    if (options.transport.location.empty())
        return Error{ErrorKind::NotSetUp, "no [sync] url in the config: set it to push"};
    const auto loaded = curlLibrary();
    if (!loaded) return loaded.error();
    const CurlLibrary& lib = *loaded.value();
    std::unique_ptr<CURLU, CurlUrlCleanup> url(lib.url(), CurlUrlCleanup{&lib});
    if (!url || lib.urlSet(url.get(), CURLUPART_URL, options.transport.location.c_str(), 0) != CURLUE_OK)
        return Error{ErrorKind::Invalid,
                     "[sync] url \"" + options.transport.location + "\" is not a valid URL"};
    char* rawScheme = nullptr;
    char* rawHost = nullptr;
    lib.urlGet(url.get(), CURLUPART_SCHEME, &rawScheme, 0);
    lib.urlGet(url.get(), CURLUPART_HOST, &rawHost, 0);
    std::unique_ptr<char, CurlStringFree> scheme(rawScheme, CurlStringFree{&lib});
    std::unique_ptr<char, CurlStringFree> host(rawHost, CurlStringFree{&lib});
    std::string schemeText = scheme ? scheme.get() : "";
    std::string hostText = host ? host.get() : "";
    if (schemeText == "https") return {};
    if (schemeText == "http" && options.transport.allowInsecureLoopback && isLoopbackHost(hostText))
        return {};
    if (schemeText == "http")
        return Error{ErrorKind::Invalid,
                     "[sync] url \"" + options.transport.location +
                         "\" is plain http: pledges go only over https (http is allowed only to 127.0.0.1 or "
                         "localhost, with kioskctl push --allow-insecure-loopback)"};
    return Error{ErrorKind::Invalid,
                 "[sync] url \"" + options.transport.location + "\" must start with https://"};
}

std::chrono::milliseconds backoffDelay(const PushOptions& options, int retry, double jitter) {
    auto delay = options.firstDelay;
    for (int i = 1; i < retry && delay < options.maxDelay; ++i)
        delay *= 2;
    delay = std::min(delay, options.maxDelay);
    jitter = std::clamp(jitter, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(delay.count() * (0.5 + 0.5 * jitter)));
}

PushResult pushBundle(const PushOptions& options, const std::filesystem::path& bundle) {
    PushResult result;
    result.bundle = bundle;
    if (auto allowed = checkPushUrl(options); !allowed) {
        result.error = allowed.error().message;
        return result;
    }
    const CurlLibrary& lib = *curlLibrary().value();  // checkPushUrl has loaded it
    std::string url = trimSlashes(options.transport.location) + "/" + bundle.filename().string();
    int attempts = std::max(1, options.transport.attempts);
    for (int i = 1; i <= attempts; ++i) {
        if (i > 1) {
            double jitter = options.random ? options.random() : randombytes_uniform(1'000'000) / 1e6;
            auto delay = backoffDelay(options, i - 1, jitter);
            if (options.sleep)
                options.sleep(delay);
            else
                std::this_thread::sleep_for(delay);
        }
        AttemptOutcome outcome = attempt(lib, options, url, bundle);
        result.attempts = i;
        result.httpStatus = outcome.status;
        if (outcome.delivered) {
            result.delivered = true;
            result.error.clear();
            return result;
        }
        result.error = outcome.error;
        if (!outcome.retry) break;
    }
    return result;
}

Result<std::vector<PushResult>>
pushOutbox(const PushOptions& options, const std::filesystem::path& outbox,
           const std::filesystem::path& sentFolder,
           const std::function<Result<void>(const std::string&)>& onDelivered) {
    if (auto allowed = checkPushUrl(options); !allowed) return allowed.error();
    std::vector<std::filesystem::path> bundles;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(outbox, ec))
        if (entry.is_regular_file() && entry.path().extension() == kBundleExtension &&
            entry.path().filename().string()[0] != '.')
            bundles.push_back(entry.path());
    std::sort(bundles.begin(), bundles.end());
    std::vector<PushResult> results;
    for (const auto& bundle : bundles) {
        PushResult result = pushBundle(options, bundle);
        if (result.delivered) {
            std::string name = bundle.filename().string();
            if (onDelivered) {
                if (auto marked = onDelivered(name); !marked) {
                    result.error = "delivered, but could not be marked delivered: " + marked.error().message;
                    results.push_back(std::move(result));
                    continue;
                }
            }
            std::filesystem::create_directories(sentFolder, ec);
            std::filesystem::rename(bundle, sentFolder / name, ec);
            if (!ec) {
                // Kept for keep_days_after_delivery counted from now, not from the export.
                std::filesystem::last_write_time(sentFolder / name,
                                                 std::filesystem::file_time_type::clock::now(), ec);
                (void)fsyncFolder(outbox);
            }
        }
        results.push_back(std::move(result));
    }
    return results;
}

namespace {
struct Download {
    std::FILE* file = nullptr;
    std::uintmax_t written = 0;
    std::uintmax_t limit = 0;
    bool tooLarge = false;
};

size_t writeToFile(char* buffer, size_t size, size_t count, void* target) {
    auto* download = static_cast<Download*>(target);
    const std::uintmax_t bytes = size * count;
    if (download->written + bytes > download->limit) {
        download->tooLarge = true;
        return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    download->written += bytes;
    return std::fwrite(buffer, 1, bytes, download->file);
}
}  // namespace

Result<void> fetchToFile(const PushOptions& options, const std::string& name, std::FILE* out,
                         std::uintmax_t maxBytes) {
    if (auto allowed = checkPushUrl(options); !allowed) return allowed.error();
    const CurlLibrary& lib = *curlLibrary().value();  // checkPushUrl has loaded it
    const std::string url = trimSlashes(options.transport.location) + "/" + name;
    std::unique_ptr<CURL, CurlCleanup> curl(lib.easyInit(), CurlCleanup{&lib});
    if (!curl) return Error{ErrorKind::Io, "libcurl could not start"};
    CURL* c = curl.get();
    char errorText[CURL_ERROR_SIZE] = {};
    setConnectionOptions(lib, c, options, url, errorText);
    Download download{out, 0, maxBytes, false};
    lib.easySetopt(c, CURLOPT_HTTPGET, 1L);
    lib.easySetopt(c, CURLOPT_FAILONERROR, 0L);
    lib.easySetopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(maxBytes));
    lib.easySetopt(c, CURLOPT_WRITEFUNCTION, writeToFile);
    lib.easySetopt(c, CURLOPT_WRITEDATA, &download);
    const CURLcode code = lib.easyPerform(c);
    long status = 0;
    lib.easyGetinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (download.tooLarge || code == CURLE_FILESIZE_EXCEEDED)
        return Error{ErrorKind::Invalid,
                     url + ": larger than " + std::to_string(maxBytes) + " bytes: refused"};
    const bool unreachable = code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_CONNECT ||
                             code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_RESOLVE_PROXY;
    if (code != CURLE_OK)
        return Error{unreachable ? ErrorKind::Unreachable : ErrorKind::Io,
                     url + ": " + (errorText[0] ? errorText : lib.easyStrerror(code))};
    if (status < 200 || status >= 300)
        return Error{status == 404 ? ErrorKind::NotFound : ErrorKind::Io,
                     url + ": server answered HTTP " + std::to_string(status) +
                         (status == 404 ? " (no such file on the server)" : statusHint(status))};
    return {};
}

}  // namespace kiosk::sync
